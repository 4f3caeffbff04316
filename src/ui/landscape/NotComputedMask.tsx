import { useId } from 'react';
import type { DataRect } from '../../core/view/notComputed';

/**
 * Grid points with no loss (not computed yet, or a cancelled run's missing rows), drawn as an
 * opaque hatched patch over the contour: never a band colour, so nothing reads as a loss there.
 */
export function NotComputedMask({
  rects,
  sx,
  sy,
}: {
  rects: readonly DataRect[];
  sx: (x: number) => number;
  sy: (y: number) => number;
}) {
  const id = useId();
  if (rects.length === 0) return null;
  return (
    <g className="ls-not-computed" data-rects={rects.length}>
      <defs>
        <pattern id={id} width={8} height={8} patternUnits="userSpaceOnUse">
          <rect className="ls-hatch-bg" width={8} height={8} />
          <path className="ls-hatch" d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" />
        </pattern>
      </defs>
      {rects.map((r) => {
        const x0 = Math.min(sx(r.x0), sx(r.x1)),
          y0 = Math.min(sy(r.y0), sy(r.y1));
        return (
          <rect
            key={`${r.x0},${r.y0}`}
            x={x0}
            y={y0}
            width={Math.abs(sx(r.x1) - sx(r.x0))}
            height={Math.abs(sy(r.y1) - sy(r.y0))}
            fill={`url(#${id})`}
          />
        );
      })}
      <title>not computed: no loss was evaluated here</title>
    </g>
  );
}
