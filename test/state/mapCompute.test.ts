/**
 * The map worker's run (worker/mapCompute.ts) under Node: it names the backend, reports
 * throttled progress ending at the total, hands back the map, leaves no tensors, and a cancel
 * ends it promptly as an AbortError (which latestWins reports as 'cancelled').
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { statusCounts } from '../../src/core/map/mapResult';
import { parseMapSpec, type MapSpec } from '../../src/core/map/mapSpec';
import { isAbort } from '../../src/worker/latestWins';
import { computeMapRun } from '../../src/worker/mapCompute';
import type { MapResponse } from '../../src/worker/mapProtocol';

const spec = (n: number, steps: number): MapSpec => {
  const r = parseMapSpec({
    surface: 'quadratic',
    optimizer: 'sgd',
    steps,
    tol: 1e-4,
    x: { key: 'lr', min: 1e-3, max: 1, log: true, n },
    y: { key: 'momentum', min: 0, max: 0.999, n },
  });
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.value;
};
const numTensors = () => tf.memory().numTensors;

describe('a map run in the worker', () => {
  it('reports the backend, progress and the map, and leaves no tensors', async () => {
    const counts: number[] = [];
    for (let k = 0; k < 2; k++) {
      const got: MapResponse[] = [];
      const req = {
        kind: 'compute' as const,
        seq: 3,
        spec: spec(24, 60),
        backends: ['wasm' as const, 'cpu' as const],
      };
      await computeMapRun(req, (m) => got.push(m), new AbortController().signal, numTensors);
      expect(got.find((m) => m.kind === 'backend')).toMatchObject({
        backend: 'wasm',
        wanted: 'wasm',
        seq: 3,
      });
      const progress = got.filter((m) => m.kind === 'progress');
      expect(progress.at(-1)).toMatchObject({ done: 24 * 24 * 61, total: 24 * 24 * 61 });
      const done = got.at(-1)!;
      if (done.kind !== 'done') throw new Error(`ended with ${done.kind}`);
      expect(done.result.finalLoss).toHaveLength(24 * 24);
      const c = statusCounts(done.result);
      expect(c.converged).toBeGreaterThan(0);
      expect(c.diverged).toBeGreaterThan(0);
      counts.push(done.numTensors);
    }
    expect(counts[1]).toBe(counts[0]);
  });

  it('a cancel stops it within a step and is an AbortError, tensors freed', async () => {
    const before = numTensors();
    const abort = new AbortController();
    const got: MapResponse[] = [];
    const t0 = performance.now();
    const run = computeMapRun(
      { kind: 'compute', seq: 1, spec: spec(128, 20_000), backends: ['wasm', 'cpu'] },
      (m) => {
        got.push(m);
        if (m.kind === 'progress') abort.abort();
      },
      abort.signal,
      numTensors,
    );
    const e = await run.then(
      () => null,
      (err: unknown) => err,
    );
    expect(isAbort(e)).toBe(true);
    expect(performance.now() - t0).toBeLessThan(20_000);
    expect(got.some((m) => m.kind === 'done')).toBe(false);
    expect(numTensors()).toBe(before);
  });
});
