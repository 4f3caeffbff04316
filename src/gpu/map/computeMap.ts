/**
 * A whole trainability map on the current tfjs backend: its runs in chunks of at most `chunk`
 * (each chunk one batched pass, surfaceBatch or mlpBatch), outcomes gathered into one grid.
 * Chunks are independent runs, so any chunking gives the same map. Progress is reported in
 * run-steps; `signal.aborted` is checked at each step's yield, and a cancelled map disposes
 * everything it made (tf.memory() flat either way).
 */
import * as tf from '@tensorflow/tfjs';
import { emptyGrid, type MapResult } from '../../core/map/mapResult';
import type { MapSpec } from '../../core/map/mapSpec';
import { mlpProblem } from '../../core/map/mlpProblem';
import { macrotask } from '../macrotask';
import { mlpChunk } from './mlpBatch';
import { noiseTable, surfaceChunk } from './surfaceBatch';

/** Runs per pass unless told otherwise: 65,536 surface runs or 16,384 MLPs (≈ 64 MB of state at width 16). */
export function defaultChunk(spec: MapSpec): number {
  if (spec.kind === 'surface') return 65_536;
  const perRun = spec.width * (spec.inputs + 2 * spec.examples) + spec.examples;
  return Math.max(1, Math.min(65_536, Math.floor(16_000_000 / perRun)));
}

export interface MapProgress {
  /** Run-steps done and in all (cells × (steps + 1)). */
  done: number;
  total: number;
}

export interface ComputeMapOptions {
  chunk?: number;
  onProgress?(p: MapProgress): void;
  signal?: { aborted: boolean };
  /** Yield to the event loop (progress, cancel) at most this often, in ms. 0: every step. */
  yieldMs?: number;
}

export class MapCancelled extends Error {
  constructor() {
    super('map cancelled');
  }
}

export async function computeMap(spec: MapSpec, opts: ComputeMapOptions = {}): Promise<MapResult> {
  const t0 = performance.now();
  const cells = spec.x.n * spec.y.n;
  const chunk = Math.max(1, Math.min(cells, opts.chunk ?? defaultChunk(spec)));
  const grid = emptyGrid(cells);
  const total = cells * (spec.steps + 1);
  const yieldMs = opts.yieldMs ?? 50;
  let done = 0;
  let lastYield = performance.now();
  const noise = spec.kind === 'surface' ? noiseTable(spec) : null;
  const problem = spec.kind === 'mlp' ? mlpProblem(spec) : null;
  for (let c0 = 0; c0 < cells; c0 += chunk) {
    const c1 = Math.min(cells, c0 + chunk);
    const hooks = {
      async tick(k: number) {
        const now = performance.now();
        if (k < spec.steps && now - lastYield < yieldMs) return;
        lastYield = now;
        opts.onProgress?.({ done: done + (c1 - c0) * (k + 1), total });
        await macrotask();
        if (opts.signal?.aborted) throw new MapCancelled();
      },
    };
    if (spec.kind === 'surface') await surfaceChunk(spec, c0, c1, grid, noise, hooks);
    else await mlpChunk(spec, problem!, c0, c1, grid, hooks);
    done += (c1 - c0) * (spec.steps + 1);
  }
  return {
    ...grid,
    spec,
    backend: tf.getBackend(),
    chunk,
    seconds: (performance.now() - t0) / 1000,
  };
}
