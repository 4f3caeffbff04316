import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { refineOrder } from '../../src/core/refineOrder';
import { isAbort, LandscapeCache, type LandscapeIo } from '../../src/worker/landscapeCompute';
import { computeLine, trainingSeed } from '../../src/worker/lineCompute';
import type {
  LandscapeLineRequest,
  LandscapeResponse,
  LinePoint,
} from '../../src/worker/landscapeProtocol';

const PUBLIC = resolve(import.meta.dirname, '../../public');
const disk: LandscapeIo = {
  readBytes: (p) =>
    readFile(resolve(PUBLIC, p)).then(
      (b) => new Uint8Array(b),
      () => null,
    ),
};

const request = (over: Partial<LandscapeLineRequest> = {}): LandscapeLineRequest => ({
  kind: 'line',
  seq: 1,
  model: 'resnet-20',
  path: 'interpolation',
  num: 9,
  range: [-0.5, 1.5],
  samples: 16,
  seed: 1,
  baseUrl: '',
  backends: ['wasm', 'cpu'],
  ...over,
});

async function run(
  req: LandscapeLineRequest,
  cache: LandscapeCache,
  signal = new AbortController().signal,
) {
  const out: LandscapeResponse[] = [];
  await computeLine(req, cache, (m) => out.push(m), signal);
  return out;
}
const pointsOf = (ms: LandscapeResponse[]): LinePoint[] =>
  ms.flatMap((m) => (m.kind === 'linePoints' ? m.points : []));

describe('the order of a line’s points (coarse first, refined in place)', () => {
  it('evaluates 41 points as the 5 tenths, then the 4 halves between them, then the rest, each point once', () => {
    const runs = refineOrder(41);
    const flat = runs.flatMap((r) =>
      Array.from({ length: r.count }, (_, k) => r.start + k * r.stride),
    );
    expect(flat.slice(0, 9)).toEqual([0, 10, 20, 30, 40, 5, 15, 25, 35]);
    expect([...flat].sort((a, b) => a - b)).toEqual(Array.from({ length: 41 }, (_, i) => i));
    expect(Math.max(...runs.map((r) => r.count))).toBeLessThanOrEqual(8);
  });

  it('handles one point, two points and a prime span, and splits long runs into chunks', () => {
    expect(refineOrder(1)).toEqual([{ start: 0, stride: 1, count: 1 }]);
    expect(refineOrder(2)).toEqual([{ start: 0, stride: 1, count: 2 }]);
    expect(refineOrder(12, 5, 4)).toEqual([
      { start: 0, stride: 1, count: 4 },
      { start: 4, stride: 1, count: 4 },
      { start: 8, stride: 1, count: 4 },
    ]);
    expect(() => refineOrder(0)).toThrow(/num must be a positive integer/);
  });
});

describe('computing a line (the worker’s job, run in Node)', () => {
  it('interpolates from the seeded init to the trained weights: the trained end is far better, and no tensor leaks', async () => {
    const cache = new LandscapeCache(disk);
    const out = await run(request(), cache);
    const start = out.find((m) => m.kind === 'lineStart')!;
    expect(start).toMatchObject({ path: 'interpolation', bn: 'train', initSeed: 0, samples: 16 });
    const pts = pointsOf(out).sort((a, b) => a.index - b.index);
    expect(pts.map((p) => p.alpha)).toEqual([-0.5, -0.25, 0, 0.25, 0.5, 0.75, 1, 1.25, 1.5]);
    const at = (a: number) => pts.find((p) => p.alpha === a)!;
    // A fresh init guesses among 10 classes (loss ≈ ln 10 or worse); the trained net does far
    // better (on 16 test images its loss varies with the draw: an overfit net is confidently
    // wrong on the few it misses).
    expect(at(0).loss).toBeGreaterThan(1.5);
    expect(at(1).loss).toBeLessThan(0.7 * at(0).loss);
    expect(at(1).acc).toBeGreaterThan(at(0).acc + 30);
    // Progress is streamed in refinement order and counts up to every point.
    const progress = out
      .filter((m) => m.kind === 'linePoints')
      .map((m) => (m.kind === 'linePoints' ? m.done : 0));
    expect(progress.at(-1)).toBe(9);
    expect(progress.length).toBeGreaterThan(1);

    const before = tf.memory().numTensors;
    const again = await run(request({ num: 3 }), cache);
    expect(again.at(-1)).toMatchObject({ kind: 'done', numTensors: before });
    const random = await run(request({ path: 'random', num: 5, range: [-1, 1] }), cache);
    expect(random.at(-1)).toMatchObject({ kind: 'done', numTensors: before });
  }, 60_000);

  it('walks a random direction through the trained weights, with the trained loss at α = 0', async () => {
    const cache = new LandscapeCache(disk);
    const out = await run(request({ path: 'random', num: 5, range: [-1, 1] }), cache);
    expect(out.find((m) => m.kind === 'lineStart')).toMatchObject({ bn: 'eval', initSeed: null });
    const pts = pointsOf(out).sort((a, b) => a.index - b.index);
    const centre = pts.find((p) => p.alpha === 0)!;
    expect(centre.acc).toBeGreaterThan(50);
    // A step of one filter norm either way is worse than the trained weights.
    expect(pts[0].loss).toBeGreaterThan(centre.loss);
    expect(pts[4].loss).toBeGreaterThan(centre.loss);
  }, 60_000);

  it('stops at the next chunk when cancelled, and disposes what it made', async () => {
    const cache = new LandscapeCache(disk);
    await run(request({ num: 2 }), cache);
    const before = tf.memory().numTensors;
    const abort = new AbortController();
    const err = await computeLine(
      request({ num: 41 }),
      cache,
      (m) => {
        if (m.kind === 'linePoints') abort.abort();
      },
      abort.signal,
    ).catch((e) => e);
    expect(isAbort(err)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('needs the training seed of the shipped weights, and says so when it is missing', () => {
    expect(trainingSeed({ training: { seed: 0 } }, 'resnet-20')).toBe(0);
    expect(() => trainingSeed({ format: 'x' }, 'resnet-20')).toThrow(
      /weights\.json records no training\.seed/,
    );
  });
});
