import { useId, useMemo, useState, type PointerEvent } from 'react';
import { colourBarLabelWidth } from '../../core/view/colourBar';
import { contourFrame } from '../../core/view/contourFrame';
import {
  edgeTicks as ticks,
  landscapeContour,
  LANDSCAPE_PLOT,
  tickLabel as fmt,
} from '../../core/view/landscapeContour';
import type { LevelStyle } from '../../core/view/contourLevels';
import type { ValueRange } from '../../core/view/sharedScale';
import { curvatureCells } from '../../core/view/curvatureMap';
import { bandColor } from '../../core/view/palette';
import { gridValueAt, readoutText } from '../../core/view/pointReadout';
import { useLandscapeStore } from '../../state/landscapeStore';
import { useWidth } from '../hooks/useWidth';
import { ColourBar } from '../panels/ColourBar';
import { landscapeSizes } from './landscapeTheme';
import type { Displayed } from './useDisplayedView';
import { TrajectoryOverlay } from './TrajectoryOverlay';
import { NotComputedMask } from './NotComputedMask';
import { CurvatureOverlay } from './CurvatureOverlay';

/** Drawing units of the plot; its group is scaled into the frame, whose text is in CSS pixels. */
const W = LANDSCAPE_PLOT,
  H = LANDSCAPE_PLOT;

/**
 * The slice as filled contour bands (d3-contour as data, React renders), with the trajectory, in
 * a frame of CSS pixels (core/view/contourFrame, as the race's): axes, the colour bar of the
 * levels, and (α, β, loss) under the pointer from the grid (core/view/pointReadout).
 * `scale`: the value range the bands and colour bar span (core/view/sharedScale), when maps
 * side by side share one; absent: this slice's own. `levels`: log (default) or the paper's
 * (core/view/contourLevels). `colourBar` false: small multiples draw one bar for all their maps;
 * `readout` false: no pointer line under a small map (its large view has one).
 * `curvature`: per grid point r = |λmin/λmax| (core/view/sliceCurvature), drawn as the
 * non-convexity map over the bands; absent or null: none.
 */
export function LandscapeContour({
  shown,
  scale,
  ariaLabel = 'Landscape contour',
  curvature = null,
  levels = 'log',
  colourBar = true,
  readout = true,
}: {
  shown: Displayed;
  /** `capped`: the scale's top is a ceiling (sharedLossScale), so the bar's top reads "and above". */
  scale?: ValueRange & { capped?: boolean };
  ariaLabel?: string;
  curvature?: Float64Array | null;
  levels?: LevelStyle;
  colourBar?: boolean;
  readout?: boolean;
}) {
  const { view, loss, pendingFromY } = shown;
  // Colours and widths follow the theme through CSS variables; sizes that are geometry come from here.
  const z = landscapeSizes(useLandscapeStore((s) => s.look));
  // The same geometry as the figure's export (ui/landscape/export/contourSvg).
  const { grid, bands, holes, thresholds } = useMemo(
    () => landscapeContour(view.xs, view.ys, loss, scale, levels),
    [view.xs, view.ys, loss, scale, levels],
  );
  const cells = useMemo(
    () => (curvature ? curvatureCells(view.xs, view.ys, curvature) : null),
    [view.xs, view.ys, curvature],
  );
  // Two maps on one page (the toy panel's, a side-by-side widget) each need their own clip.
  const clipId = useId();
  const { ref, width } = useWidth<HTMLDivElement>(480);
  const barMax = levels === 'paper' || scale?.capped ? undefined : (scale?.max ?? grid.max);
  // Room beside a vertical bar for its longest label (a shared scale's top can read 9.4e+17).
  const labelWidth = colourBar ? colourBarLabelWidth(thresholds, barMax, z.tickFont) : 0;
  const frame = contourFrame(width, 1, z.tickFont, colourBar, labelWidth);
  const k = frame.plot.width / W;
  const [pointer, setPointer] = useState<string | null>(null);
  const { xmin, xmax, ymin, ymax } = grid.box;
  const sx = (x: number) => ((x - xmin) / (xmax - xmin)) * W;
  const sy = (y: number) => H - ((y - ymin) / (ymax - ymin)) * H;
  const onMove = (e: PointerEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const u = (e.clientX - r.left - frame.plot.x) / frame.plot.width,
      v = 1 - (e.clientY - r.top - frame.plot.y) / frame.plot.height;
    if (u < 0 || u > 1 || v < 0 || v > 1) return setPointer(null);
    const a = xmin + u * (xmax - xmin),
      b = ymin + v * (ymax - ymin);
    setPointer(
      readoutText(['α', 'β'], a, b, gridValueAt({ xs: view.xs, ys: view.ys, values: loss }, a, b)),
    );
  };
  return (
    <div ref={ref} className="ls-contour-box">
      <svg
        className="ls-contour"
        role="img"
        aria-label={ariaLabel}
        viewBox={`0 0 ${frame.width} ${frame.height}`}
        onPointerMove={onMove}
        onPointerLeave={() => setPointer(null)}
        data-bands={bands.length}
        data-min={grid.min}
        data-max={grid.max}
        data-scale-min={scale?.min ?? grid.min}
        data-scale-max={scale?.max ?? grid.max}
        data-levels={thresholds.map((v) => Number(v.toPrecision(6))).join(' ')}
      >
        <g transform={`translate(${frame.plot.x} ${frame.plot.y}) scale(${k})`}>
          <defs>
            <clipPath id={clipId}>
              <rect width={W} height={H} />
            </clipPath>
          </defs>
          <rect className="ls-plot-bg" width={W} height={H} />
          <g className="ls-bands" clipPath={`url(#${clipId})`}>
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
          {cells && (
            <g clipPath={`url(#${clipId})`}>
              <CurvatureOverlay cells={cells} outlines={bands} sx={sx} sy={sy} />
            </g>
          )}
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
        </g>
        <g className="axes" transform={`translate(${frame.plot.x} ${frame.plot.y})`}>
          {ticks(xmin, xmax).map((v) => (
            <text
              key={`x${v}`}
              x={sx(v) * k}
              y={frame.plot.height + z.tickFont * 1.3}
              textAnchor="middle"
            >
              {fmt(v)}
            </text>
          ))}
          {ticks(ymin, ymax).map((v) => (
            <text key={`y${v}`} x={-6} y={sy(v) * k} dominantBaseline="central" textAnchor="end">
              {fmt(v)}
            </text>
          ))}
          <text
            className="axis-label"
            x={frame.plot.width / 2}
            y={frame.plot.height + z.tickFont * 2.7}
            textAnchor="middle"
          >
            α (direction 1)
          </text>
          <text
            className="axis-label"
            transform={`translate(${z.tickFont * 0.8 - frame.plot.x} ${frame.plot.height / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            β (direction 2)
          </text>
        </g>
        {colourBar && <ColourBar bands={bands} max={barMax} at={frame.bar} font={z.tickFont} />}
      </svg>
      {readout && (
        <p className="panel-caption pointer-readout" aria-live="polite">
          {pointer ?? 'Point at the map to read (α, β) and the loss there.'}
        </p>
      )}
    </div>
  );
}
