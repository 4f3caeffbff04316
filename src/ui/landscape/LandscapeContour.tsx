import { useMemo } from 'react';
import { contourLevels } from '../../core/view/contourLevels';
import { contourPaths } from '../../core/view/contourPaths';
import { gridToSample } from '../../core/view/gridSurface';
import { fillForContour, notComputedRects } from '../../core/view/notComputed';
import { bandColor } from '../../core/view/palette';
import { useLandscapeStore } from '../../state/landscapeStore';
import { landscapeSizes } from './landscapeTheme';
import type { Displayed } from './useDisplayedView';
import { TrajectoryOverlay } from './TrajectoryOverlay';
import { NotComputedMask } from './NotComputedMask';

/** Drawing size of the plot (SVG units); the SVG scales to its panel. */
const W = 480,
  H = 480;
/** Filled bands: levels geometric in the loss, so the basin floor gets as many lines as the walls. */
const LEVELS = 28;

/** The slice as filled contour bands (d3-contour as data, React renders), with axes and the trajectory. */
export function LandscapeContour({ shown }: { shown: Displayed }) {
  const { view, loss, pendingFromY } = shown;
  // Colours and widths follow the theme through CSS variables; sizes that are geometry come from here.
  const z = landscapeSizes(useLandscapeStore((s) => s.look));
  const M = z.margin;
  const { grid, bands, holes } = useMemo(() => {
    // Missing points take a computed neighbour's value (no wall at the edge), then get hatched.
    const values = fillForContour(view.xs.length, view.ys.length, loss);
    const grid = gridToSample({ xs: view.xs, ys: view.ys, values });
    // The first threshold is the minimum itself, so the band below the lowest line is filled too.
    const levels = Number.isFinite(grid.min)
      ? [grid.min, ...contourLevels(grid, LEVELS, 'logValue')]
      : [];
    const holes = notComputedRects(view.xs, view.ys, loss);
    return { grid, bands: contourPaths(grid, levels, W, H), holes };
  }, [view.xs, view.ys, loss]);
  const { xmin, xmax, ymin, ymax } = grid.box;
  const sx = (x: number) => ((x - xmin) / (xmax - xmin)) * W;
  const sy = (y: number) => H - ((y - ymin) / (ymax - ymin)) * H;
  const ticks = (a: number, b: number) => [a, (a + b) / 2, b];
  const fmt = (v: number) => (Math.abs(v) < 1e-12 ? '0' : Number(v.toPrecision(3)).toString());
  return (
    <svg
      className="ls-contour"
      role="img"
      aria-label="Landscape contour"
      viewBox={`${-M.left} ${-M.top} ${W + M.left + M.right} ${H + M.top + M.bottom}`}
      data-bands={bands.length}
      data-min={grid.min}
      data-max={grid.max}
    >
      <defs>
        <clipPath id="ls-clip">
          <rect width={W} height={H} />
        </clipPath>
      </defs>
      <rect className="ls-plot-bg" width={W} height={H} />
      <g className="ls-bands" clipPath="url(#ls-clip)">
        {bands.map((b) => (
          <path key={b.value} d={b.d} fill={bandColor(b.t)} />
        ))}
        {pendingFromY !== null && (
          <rect
            className="ls-pending"
            x={0}
            y={0}
            width={W}
            height={Math.max(0, sy(pendingFromY) + H / (2 * (view.ys.length - 1)))}
          >
            <title>not computed yet: the coarse preview is shown here</title>
          </rect>
        )}
        <NotComputedMask rects={holes} sx={sx} sy={sy} />
      </g>
      <line className="ls-cross" x1={sx(0)} x2={sx(0)} y1={0} y2={H} />
      <line className="ls-cross" x1={0} x2={W} y1={sy(0)} y2={sy(0)} />
      <circle className="ls-centre" cx={sx(0)} cy={sy(0)} r={z.centre}>
        <title>the trained weights (α = β = 0)</title>
      </circle>
      {view.trajectory && (
        <TrajectoryOverlay
          trajectory={view.trajectory}
          sx={sx}
          sy={sy}
          radius={z.point}
          farRadius={z.farPoint}
        />
      )}
      <g className="axes">
        {ticks(xmin, xmax).map((v) => (
          <text key={`x${v}`} x={sx(v)} y={H + z.tickY} textAnchor="middle">
            {fmt(v)}
          </text>
        ))}
        {ticks(ymin, ymax).map((v) => (
          <text key={`y${v}`} x={-6} y={sy(v)} dominantBaseline="central" textAnchor="end">
            {fmt(v)}
          </text>
        ))}
        <text className="axis-label" x={W / 2} y={H + z.labelY} textAnchor="middle">
          α (direction 1)
        </text>
        <text
          className="axis-label"
          transform={`translate(${-z.labelX} ${H / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          β (direction 2)
        </text>
      </g>
    </svg>
  );
}
