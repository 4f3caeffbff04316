/**
 * A surface map cell's run as the race draws a run: the surface's filled contours over its
 * domain (the race's levels: log-spaced where the surface says so) and the run's trajectory,
 * in a drawing `width` px wide with the race's aspect. Pure data for draw/paintBands and
 * draw/paintTrajectories.
 */
import type { RunConfig } from '../config';
import { getSurface } from '../surfaces/registry';
import type { RunResult } from '../trajectory';
import { contourLevels } from './contourLevels';
import { contourPaths, type ContourBand } from './contourPaths';
import { sampleGrid } from './sampleGrid';
import { trajectoryPoints, type TrajectoryPoints } from './trajectoryPath';
import { raceDrawingSize, viewScales } from './viewScales';

export interface CellScene {
  width: number;
  height: number;
  bands: ContourBand[];
  /** The surface's minima in drawing units. */
  minima: [number, number][];
  path: TrajectoryPoints;
}

/** Levels and samples of the small picture: enough to read the basin, cheap on the main thread. */
const LEVELS = 18;
const SAMPLES = 96;

/** The surface's contours (they depend only on the surface and the width). */
export function cellBands(
  config: Pick<RunConfig, 'surface' | 'surfaceParams'>,
  width: number,
): Omit<CellScene, 'path'> {
  const surface = getSurface(config.surface, config.surfaceParams);
  const size = raceDrawingSize(surface.domain);
  const height = Math.round((width * size.height) / size.width);
  const s = viewScales(surface.domain, width, height);
  const grid = sampleGrid(surface, surface.domain, SAMPLES, SAMPLES);
  const spacing = surface.logColor ? 'log' : 'linear';
  return {
    width,
    height,
    bands: contourPaths(grid, contourLevels(grid, LEVELS, spacing), width, height),
    minima: surface.minima.map(([x, y]) => [s.x(x), s.y(y)]),
  };
}

/** The run's trajectory in the same drawing. */
export function cellPath(
  config: Pick<RunConfig, 'surface' | 'surfaceParams' | 'start'>,
  result: Pick<RunResult, 'params' | 'steps'>,
  width: number,
  height: number,
): TrajectoryPoints {
  const surface = getSurface(config.surface, config.surfaceParams);
  const s = viewScales(surface.domain, width, height);
  return trajectoryPoints([config.start[0], config.start[1]], result.params, result.steps, s);
}
