/**
 * The batched surface map (gpu/map) equals the core's scalar runs cell by cell, for every
 * optimizer a map offers and every hyperparameter its record says may vary per run, for the
 * batch-size and start axes; chunking changes nothing; tensors stay flat, cancelled or not;
 * a zoom recomputes exactly the requested box.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { axisValueAt, zoomAxis, type MapAxis } from '../../../src/core/map/mapAxes';
import { statusCounts } from '../../../src/core/map/mapResult';
import { mapOptimizerIds, parseMapSpec, type SurfaceMapSpec } from '../../../src/core/map/mapSpec';
import { cellRunConfig, scalarCell } from '../../../src/core/map/surfaceCell';
import { findOptimizer } from '../../../src/core/optimizers/registry';
import { computeMap, MapCancelled } from '../../../src/gpu/map/computeMap';
import { useTestBackend } from '../setup';
import { expectCellsAgree } from './agree';

beforeAll(useTestBackend);

function spec(raw: Record<string, unknown>): SurfaceMapSpec {
  const r = parseMapSpec(raw);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.value as SurfaceMapSpec;
}

const LR: MapAxis = { key: 'lr', min: 1e-3, max: 0.5, log: true, n: 6 };
const RANGE: Record<string, Omit<MapAxis, 'key' | 'n'>> = {
  momentum: { min: 0, max: 0.99, log: false },
  alpha: { min: 0.5, max: 0.999, log: false },
  beta1: { min: 0, max: 0.99, log: false },
  beta2: { min: 0.5, max: 0.999, log: false },
};

describe('a batched surface map equals the scalar runs', () => {
  const cases = mapOptimizerIds().flatMap((id) =>
    findOptimizer(id)!
      .perRun!.filter((k) => k !== 'lr')
      .map((key) => [id, key] as const),
  );
  it('every map optimizer has per-run keys beyond lr', () => {
    expect(cases.length).toBeGreaterThanOrEqual(mapOptimizerIds().length);
  });

  it.each(cases)('%s: lr × %s on the ill-conditioned bowl', async (optimizer, key) => {
    const s = spec({
      surface: 'quadratic',
      optimizer,
      steps: 100,
      tol: 1e-2,
      x: LR,
      y: { key, n: 5, ...RANGE[key] },
    });
    const m = await computeMap(s);
    expectCellsAgree(m, (i, j) => scalarCell(s, i, j));
    const counts = statusCounts(m);
    // A grid that shows something: not all one outcome.
    expect(Object.values(counts).filter((n) => n > 0).length).toBeGreaterThan(1);
  });

  it('lr × batch size with minibatch noise (each row its own batch sequence, as run() draws it)', async () => {
    const s = spec({
      surface: 'quadratic',
      optimizer: 'sgd',
      steps: 40,
      tol: 0.05,
      batch: { samples: 64, noise: 2, seed: 3 },
      x: LR,
      y: { key: 'batch', min: 1, max: 64, log: true, n: 5 },
    });
    const m = await computeMap(s);
    expectCellsAgree(m, (i, j) => scalarCell(s, i, j));
    expect(cellRunConfig(s, 0, 4).batch!.size).toBe(axisValueAt(s.y, 4.5));
  });

  it('start x × start y on Himmelblau with momentum', async () => {
    const s = spec({
      surface: 'himmelblau',
      optimizer: 'sgd',
      hp: { lr: 0.005, momentum: 0.9 },
      steps: 80,
      tol: 1e-4,
      x: { key: 'x0', min: -5, max: 5, n: 6 },
      y: { key: 'y0', min: -5, max: 5, n: 6 },
    });
    expectCellsAgree(await computeMap(s), (i, j) => scalarCell(s, i, j));
  });
});

describe('a batched map', () => {
  const s = spec({
    surface: 'rosenbrock',
    optimizer: 'adam',
    steps: 30,
    tol: 1e-2,
    x: LR,
    y: { key: 'beta2', n: 5, ...RANGE.beta2 },
  });

  it('is the same in any chunking', async () => {
    const one = await computeMap(s);
    const chunked = await computeMap(s, { chunk: 7 });
    expect(chunked.chunk).toBe(7);
    expect(Array.from(chunked.finalLoss)).toEqual(Array.from(one.finalLoss));
    expect(Array.from(chunked.reachedAt)).toEqual(Array.from(one.reachedAt));
    expect(Array.from(chunked.divergedAt)).toEqual(Array.from(one.divergedAt));
  });

  it('leaves tf.memory().numTensors flat across maps and after a cancel', async () => {
    await computeMap(s);
    const before = tf.memory().numTensors;
    for (let r = 0; r < 3; r++) await computeMap(s, { chunk: 11 });
    expect(tf.memory().numTensors).toBe(before);
    const signal = { aborted: false };
    const cancelled = computeMap(s, {
      chunk: 11,
      yieldMs: 0,
      signal,
      onProgress: (p) => {
        if (p.done > p.total / 3) signal.aborted = true;
      },
    });
    await expect(cancelled).rejects.toBeInstanceOf(MapCancelled);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reports progress up to the whole run', async () => {
    const seen: number[] = [];
    await computeMap(s, { chunk: 10, yieldMs: 0, onProgress: (p) => seen.push(p.done / p.total) });
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((v, k) => k === 0 || v >= seen[k - 1])).toBe(true);
  });

  it('a zoom recomputes exactly the requested box', async () => {
    const zoomed: SurfaceMapSpec = { ...s, x: zoomAxis(s.x, 1, 4), y: zoomAxis(s.y, 2, 5) };
    expect(zoomed.x.min).toBeCloseTo(axisValueAt(s.x, 1), 12);
    expect(zoomed.y.max).toBeCloseTo(axisValueAt(s.y, 5), 12);
    const m = await computeMap(zoomed);
    // Each zoomed cell is the run at its own values inside the box, by the scalar path too.
    expectCellsAgree(m, (i, j) => scalarCell(zoomed, i, j));
    const lrs = new Set(
      Array.from({ length: 6 }, (_, i) => cellRunConfig(zoomed, i, 0).optimizer.hp.lr as number),
    );
    for (const v of lrs) expect(v >= zoomed.x.min && v <= zoomed.x.max).toBe(true);
  });
});
