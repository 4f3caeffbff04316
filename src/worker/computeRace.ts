import { run } from '../core/trajectory';
import { optimizerOf } from '../core/optimizers/registry';
import { getSurface } from '../core/surfaces/registry';
import { sampleGrid } from '../core/view/sampleGrid';
import { contourLevels } from '../core/view/contourLevels';
import { contourPaths } from '../core/view/contourPaths';
import type {
  RaceRequest,
  RaceResponse,
  RacerResult,
  SurfaceRequest,
  SurfaceResponse,
} from './raceProtocol';

/** Runs every racer (the worker's job; also the synchronous fallback). Pure. */
export function computeRace(req: RaceRequest): RaceResponse {
  const t0 = performance.now();
  const results = req.racers.map(({ id, config }): RacerResult => {
    try {
      const r = run(config);
      return {
        id,
        start: config.start,
        params: r.params,
        loss: r.loss,
        lr: r.lr,
        steps: r.steps,
        divergedAt: r.divergedAt,
        shadow: r.shadow,
        grad: r.grad,
        moment: r.moment,
        momentOf: optimizerOf(config.optimizer)?.moment ?? null,
        error: null,
      };
    } catch (e) {
      const empty = new Float64Array(0);
      return {
        id,
        start: config.start,
        params: empty,
        loss: empty,
        lr: empty,
        steps: 0,
        divergedAt: null,
        shadow: null,
        grad: empty,
        moment: null,
        momentOf: null,
        error: (e as Error).message,
      };
    }
  });
  return { kind: 'race', seq: req.seq, results, ms: performance.now() - t0 };
}

/** Samples the surface and contours it with log- or evenly-spaced levels, as path data. */
export function computeSurface(req: SurfaceRequest): SurfaceResponse {
  const surface = getSurface(req.surface, req.surfaceParams);
  const grid = sampleGrid(surface, surface.domain, req.resolution, req.resolution);
  const log = surface.logColor;
  const bands = contourPaths(
    grid,
    contourLevels(grid, req.levels, log ? 'log' : 'linear'),
    req.width,
    req.height,
  );
  return {
    kind: 'surface',
    seq: req.seq,
    surface: req.surface,
    bands,
    min: grid.min,
    max: grid.max,
    log,
  };
}

/** Buffers a response can hand over without copying. */
export function transferables(res: RaceResponse | SurfaceResponse): Transferable[] {
  if (res.kind !== 'race') return [];
  const out: Transferable[] = [];
  for (const r of res.results)
    for (const a of [r.params, r.loss, r.lr, r.grad, r.shadow, r.moment])
      if (a && a.byteLength && !out.includes(a.buffer)) out.push(a.buffer);
  return out;
}
