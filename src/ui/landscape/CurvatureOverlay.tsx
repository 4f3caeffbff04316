import type { CurvatureCell } from '../../core/view/curvatureMap';

/**
 * The non-convexity map over the contour bands (cells from core/view/curvatureMap), with the
 * bands' outlines drawn again on top so the loss contours still read through it.
 */
export function CurvatureOverlay({
  cells,
  outlines,
  sx,
  sy,
}: {
  cells: readonly CurvatureCell[];
  outlines: readonly { value: number; d: string }[];
  sx: (x: number) => number;
  sy: (y: number) => number;
}) {
  return (
    <g className="ls-curvature" data-cells={cells.length}>
      {cells.map((c) => (
        <rect
          key={`${c.x0},${c.y0}`}
          x={Math.min(sx(c.x0), sx(c.x1))}
          y={Math.min(sy(c.y0), sy(c.y1))}
          width={Math.abs(sx(c.x1) - sx(c.x0))}
          height={Math.abs(sy(c.y1) - sy(c.y0))}
          fill={c.colour}
        />
      ))}
      <g className="ls-curvature-lines">
        {outlines.map((b) => (
          <path key={b.value} d={b.d} />
        ))}
      </g>
    </g>
  );
}
