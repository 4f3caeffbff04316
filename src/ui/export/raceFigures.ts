import { getSurface } from '../../core/surfaces/registry';
import { racerStyle } from '../../core/view/palette';
import { RACE_INK } from '../../draw/raceInk';
import type { TrajectoryRun } from '../../draw/trajectoryScene';
import { batchSizes, type RaceRecord, type RunRecord } from '../../io/runExport';
import type { ContourFigure, FigureInk, FigureRacer, LossFigure } from '../../io/svgExport';
import { serializeUrlState } from '../../state/raceUrl';
import { shownStep, usePlaybackStore } from '../../state/playbackStore';
import { racerConfigs } from '../../state/racerConfigs';
import { raceSnapshot } from '../../state/raceStore';
import { useResultsStore } from '../../state/resultsStore';
import { currentUrlState } from '../../state/urlSync';
import { useViewStore } from '../../state/viewStore';
import { racerName } from '../hooks/useRacers';
import { chartHeight, chartType } from '../panels/chartType';

/**
 * What the race's exports are made of, read from the stores at the moment of the click (no
 * subscription: exporting must not re-render the page): the runs, the contours, the shown step,
 * the theme's colours from the page's computed styles, and the size the figures have on screen.
 */

/** Where the page shows the figures: their CSS width is the export's 1× size. */
const CONTOUR_BOX = '.contour-race .race-frame';
const LOSS_BOX = '.loss-curves .chart-stack';

/** The CSS width of the first element matching `selector`, or `fallback` where none is shown. */
function shownWidth(selector: string, fallback: number): number {
  const el = document.querySelector(selector);
  return el && el.clientWidth > 0 ? el.clientWidth : fallback;
}

/** The theme's colours as the page's stylesheet resolves them now. */
export function figureInk(): FigureInk {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const bands = RACE_INK[useViewStore.getState().theme].bands;
  return {
    fg: v('--fg', '#1d2125'),
    muted: v('--muted', '#5b6470'),
    line: v('--line', '#c8ccd2'),
    plotBg: v('--plot-bg', bands.background),
    card: v('--card', '#ffffff'),
    bandOpacity: Number(v('--band-opacity', String(bands.opacity))),
    bandOutline: bands.outline,
    marks: bands.marks,
    fontFamily: v('--font', 'system-ui, sans-serif'),
  };
}

/** A racer of the race with its computed run, as the exports see it. */
export interface ExportRacer {
  key: string;
  optimizer: string;
  name: string;
  color: string;
  dashed: boolean;
  run: TrajectoryRun & { loss: Float64Array; lr: Float64Array };
}

/** The racers with a run, in legend order. */
export function exportRacers(): ExportRacer[] {
  const { racers } = raceSnapshot();
  const results = useResultsStore.getState().racers ?? [];
  return racers.flatMap((r) => {
    const run = results.find((x) => x.id === r.key);
    if (!run || run.error) return [];
    return [
      {
        key: r.key,
        optimizer: r.optimizer,
        name: racerName(r, racers),
        ...racerStyle(r.color),
        run,
      },
    ];
  });
}

const figureRacer = (r: ExportRacer): FigureRacer => ({
  name: r.name,
  color: r.color,
  dashed: r.dashed,
  start: r.run.start,
  params: r.run.params,
  loss: r.run.loss,
  steps: r.run.steps,
  divergedAt: r.run.divergedAt,
});

/** The contour map as shown: null until the surface's contours are computed. */
export function contourFigure(): ContourFigure | null {
  const race = raceSnapshot();
  const contours = useResultsStore.getState().surface;
  if (!contours || contours.surface !== race.surface) return null;
  const surface = getSurface(race.surface, race.surfaceParams);
  return {
    title: `Optimizer race on ${surface.name}`,
    domain: surface.domain,
    width: shownWidth(CONTOUR_BOX, 640),
    font: chartType(useViewStore.getState().large).font,
    bands: contours.bands,
    max: contours.max,
    minima: surface.minima,
    start: race.start,
    racers: exportRacers().map(figureRacer),
    step: shownStep(usePlaybackStore.getState()),
    ink: figureInk(),
  };
}

/** The loss chart at its on-screen size (the chart's own height rule for its width). */
export function lossFigure(): LossFigure {
  const type = chartType(useViewStore.getState().large);
  const width = shownWidth(LOSS_BOX, 640);
  return {
    title: `Loss of each racer against the step on ${getSurface(raceSnapshot().surface).name}`,
    width,
    height: chartHeight(width, type, 0.45),
    font: type.font,
    margin: type.margin,
    steps: raceSnapshot().steps,
    racers: exportRacers().map(figureRacer),
    ink: figureInk(),
  };
}

/** The runs with their settings and configs, and the race with its link, for CSV and JSON. */
export function runRecords(): { race: RaceRecord; runs: RunRecord[] } {
  const state = raceSnapshot();
  const surface = getSurface(state.surface, state.surfaceParams);
  const configs = racerConfigs(state);
  const runs = exportRacers().map((r): RunRecord => {
    const { run } = r;
    const n = run.steps;
    const [x, y] = n ? [run.params[2 * n - 2], run.params[2 * n - 1]] : run.start;
    const c = configs.find((k) => k.id === r.key);
    const config = c?.ok ? c.config : null;
    return {
      key: r.key,
      label: r.name,
      optimizer: r.optimizer,
      start: run.start,
      params: run.params,
      loss: run.loss,
      lr: run.lr,
      steps: n,
      divergedAt: run.divergedAt,
      finalLoss: surface.value(x, y),
      batch: batchSizes(config, n),
      settings: state.racers.find((k) => k.key === r.key),
      config,
    };
  });
  const race: RaceRecord = {
    surface: state.surface,
    surfaceParams: state.surfaceParams,
    start: state.start,
    steps: state.steps,
    link: `race.html?${serializeUrlState(currentUrlState())}`,
  };
  return { race, runs };
}

/** How a file of this race is called: `race-rosenbrock-contour@2x.png`. */
export const exportName = (what: string, ext: string, scale?: number): string =>
  `race-${raceSnapshot().surface}-${what}${scale ? `@${scale}x` : ''}.${ext}`;
