import { useMemo } from 'react';
import type { MapSpec } from '../../core/map/mapSpec';
import { statusOf } from '../../core/map/mapOutcome';
import { cellBands, cellPath } from '../../core/view/cellScene';
import { cellLossChart } from '../../core/view/cellLossChart';
import { cellValuesText, outcomeSentence, runSettingsText } from '../../core/view/mapText';
import type { Cell } from '../../core/view/mapView';
import { racerStyle } from '../../core/view/palette';
import { keptPoints } from '../../core/view/polyline';
import { formatValue } from '../../core/view/sliderScale';
import { paintBands } from '../../draw/paintBands';
import { paintSeries } from '../../draw/paintSeries';
import { paintTrajectories } from '../../draw/paintTrajectories';
import { RACE_INK } from '../../draw/raceInk';
import { cellRaceLink } from '../../state/cellRaceLink';
import { useCanvasPainter } from '../canvas/useCanvasPainter';
import { useWidth } from '../hooks/useWidth';
import { ChartAxes } from '../panels/ChartAxes';
import { chartFontStyle, chartHeight, chartType } from '../panels/chartType';
import { useCellRun, type CellRun } from './useCellRun';
import './map.css';

type Theme = 'light' | 'dark';

/** The run's colour: the race's first racer's, as "Open in the race" will draw it. */
const INK = racerStyle(0).color;
/** The small pictures stay this wide at most. */
const MAX_WIDTH = 440;

/**
 * The selected cell's run, by the core's scalar path: on a surface its trajectory over the
 * surface's contours (the race's painters), in words, its settings and "Open in the race" (the
 * race's link for that one run); for the MLP its loss curve with the tolerance and the divergence
 * bound. Nothing selected: how to select one.
 */
export function CellDetail({
  spec,
  selected,
  theme = 'light',
  large = false,
}: {
  spec: MapSpec;
  selected: Cell | null;
  theme?: Theme;
  large?: boolean;
}) {
  const run = useCellRun(spec, selected?.i ?? null, selected?.j ?? null);
  const status = run ? statusOf(run.outcome) : null;
  return (
    <section
      className="card map-detail map-cell"
      aria-label="The selected run"
      data-cell={selected ? `${selected.i},${selected.j}` : ''}
      data-outcome={status ?? ''}
    >
      <h2 className="map-cell-title">
        {run && selected ? `The run at ${cellValuesText(spec, selected)}` : 'The selected run'}
      </h2>
      {!run ? (
        <p className="panel-caption">
          Click a cell of the map (or move its cursor with the arrow keys and press Enter) to see
          that run.
        </p>
      ) : (
        <>
          {run.kind === 'surface' ? (
            <SurfaceRun run={run} theme={theme} tol={spec.tol} />
          ) : (
            <MlpRun run={run} tol={spec.tol} steps={spec.steps} large={large} />
          )}
          <p className="map-cell-outcome">{outcomeSentence(run.outcome, spec.tol, spec.steps)}</p>
          {run.kind === 'surface' ? (
            <SurfaceRunFacts run={run} theme={theme} large={large} />
          ) : (
            <p className="panel-caption">
              Learning rates η₁ = {formatValue(run.lr1)} (input layer), η₂ = {formatValue(run.lr2)}{' '}
              (output layer); full-batch gradient descent.
            </p>
          )}
        </>
      )}
    </section>
  );
}

function SurfaceRunFacts({
  run,
  theme,
  large,
}: {
  run: Extract<CellRun, { kind: 'surface' }>;
  theme: Theme;
  large: boolean;
}) {
  const link = useMemo(
    () => cellRaceLink(run.config, { theme, large }),
    [run.config, theme, large],
  );
  return (
    <>
      <p className="panel-caption map-cell-settings">{runSettingsText(run.config)}</p>
      <p>
        <a className="map-cell-race" href={link.href}>
          Open in the race
        </a>
        {link.note && <span className="panel-caption"> {link.note}</span>}
      </p>
    </>
  );
}

function SurfaceRun({
  run,
  theme,
  tol,
}: {
  run: Extract<CellRun, { kind: 'surface' }>;
  theme: Theme;
  tol: number;
}) {
  const { ref: box, width } = useWidth<HTMLDivElement>(360);
  const W = Math.min(width, MAX_WIDTH);
  const { surface, surfaceParams } = run.config;
  const paramsKey = JSON.stringify(surfaceParams);
  const scene = useMemo(
    () => cellBands({ surface, surfaceParams: JSON.parse(paramsKey) }, W),
    [surface, paramsKey, W],
  );
  const path = useMemo(
    () => cellPath(run.config, run.result, scene.width, scene.height),
    [run, scene.width, scene.height],
  );
  const ink = RACE_INK[theme];
  const diverged = run.result.divergedAt !== null || run.outcome.divergedAt >= 0;
  const { ref } = useCanvasPainter(
    scene.width,
    scene.height,
    (ctx) => {
      paintBands(ctx, scene.bands, scene.minima, scene.width, scene.height, ink.bands);
      const line = { pts: path, color: INK, dashed: false, diverged, second: false };
      paintTrajectories(ctx, [line], run.result.steps, ink.card);
    },
    [scene, path, ink, diverged],
  );
  return (
    <div ref={box} className="map-cell-figure">
      <canvas
        ref={ref}
        className="map-cell-canvas"
        role="img"
        aria-label={`The run's trajectory over the surface's contours: ${outcomeSentence(run.outcome, tol, run.config.steps)}`}
        style={{ width: scene.width, height: scene.height }}
        data-points={path.kept.length}
      />
    </div>
  );
}

function MlpRun({
  run,
  tol,
  steps,
  large,
}: {
  run: Extract<CellRun, { kind: 'mlp' }>;
  tol: number;
  steps: number;
  large: boolean;
}) {
  const type = chartType(large);
  const { ref: box, width } = useWidth<HTMLDivElement>(360);
  const W = Math.min(width, MAX_WIDTH);
  const H = chartHeight(W, type, 0.6);
  const chart = useMemo(
    () => cellLossChart(run.losses, tol, steps, W, H, type.margin, type.font),
    [run.losses, tol, steps, W, H, type],
  );
  const curve = useMemo(
    () => [{ xy: chart.xy, kept: keptPoints(chart.xy), color: INK, dashed: false }],
    [chart],
  );
  const { ref } = useCanvasPainter(W, H, (ctx) => paintSeries(ctx, curve), [curve]);
  const { l, r } = type.margin;
  const exit = chart.view.clips[0].exit;
  // The tolerance's label above its line, the bound's (at the top) under it.
  const mark = (m: { value: number; y: number }, cls: string, text: string, below = false) => (
    <g className={cls}>
      <line x1={l} x2={W - r} y1={m.y} y2={m.y} />
      <text x={W - r} y={below ? m.y + type.font : m.y - 4} textAnchor="end">
        {text} {formatValue(m.value)}
      </text>
    </g>
  );
  // The outer box is measured; the chart inside keeps to MAX_WIDTH.
  return (
    <div ref={box} className="map-cell-figure">
      <div className="chart-stack" style={{ height: H, width: W, ...chartFontStyle(type) }}>
        <canvas ref={ref} aria-hidden="true" />
        <svg
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-label={`Loss of the run against the step, log scale, with the tolerance ${formatValue(tol)} and the divergence bound ${formatValue(chart.bound.value)}`}
        >
          <ChartAxes
            s={chart.view}
            yLabel="loss"
            yNote=" (log)"
            yTicks={chart.view.yTicks}
            font={type.font}
          />
          {mark(chart.tol, 'map-cell-tol', 'tolerance')}
          {mark(chart.bound, 'map-cell-bound', 'divergence bound', true)}
          {exit && (
            <text
              className="map-cell-exit"
              x={chart.xy[chart.xy.length - 2]}
              y={chart.xy[chart.xy.length - 1] + type.font}
              textAnchor="middle"
            >
              ✕
            </text>
          )}
        </svg>
      </div>
    </div>
  );
}
