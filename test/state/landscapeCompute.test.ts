import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  computeLandscape,
  isAbort,
  LandscapeCache,
  NoWeightsError,
  type LandscapeIo,
} from '../../src/worker/landscapeCompute';
import type {
  LandscapeComputeRequest,
  LandscapeResponse,
} from '../../src/worker/landscapeProtocol';

const PUBLIC = resolve(import.meta.dirname, '../../public');
const disk: LandscapeIo = {
  readBytes: (p) =>
    readFile(resolve(PUBLIC, p)).then(
      (b) => new Uint8Array(b),
      () => null,
    ),
};

const request = (over: Partial<LandscapeComputeRequest> = {}): LandscapeComputeRequest => ({
  kind: 'compute',
  seq: 1,
  model: 'resnet-20',
  res: 3,
  coarse: 0,
  samples: 8,
  seed: 1,
  orthogonal: false,
  range: [-1, 1],
  init: true,
  baseUrl: '',
  backends: ['wasm', 'cpu'],
  ...over,
});

async function run(
  req: LandscapeComputeRequest,
  cache: LandscapeCache,
  signal = new AbortController().signal,
) {
  const out: LandscapeResponse[] = [];
  await computeLandscape(req, cache, (m) => out.push(m), signal);
  return out;
}

describe('recomputing a slice (the worker’s job, run in Node)', () => {
  it('streams the coarse preview, then the full grid row by row, and leaks no tensor', async () => {
    const cache = new LandscapeCache(disk);
    const first = await run(request({ res: 5, coarse: 3 }), cache);
    const kinds = first.map((m) => m.kind).filter((k) => k !== 'status');
    expect(kinds).toEqual([
      'backend',
      'centre',
      'phase',
      'row',
      'row',
      'row',
      'phase',
      'row',
      'row',
      'row',
      'row',
      'row',
      'done',
    ]);
    const phases = first.filter((m) => m.kind === 'phase');
    expect(phases.map((p) => [p.phase, p.xs.length])).toEqual([
      ['coarse', 3],
      ['fine', 5],
    ]);
    const rows = first.filter((m) => m.kind === 'row' && m.phase === 'fine');
    expect(rows.map((r) => r.kind === 'row' && r.points.map((p) => p.index))).toEqual(
      [0, 1, 2, 3, 4].map((j) => [0, 1, 2, 3, 4].map((i) => 5 * j + i)),
    );
    // The centre of the grid is the unperturbed net: the same loss as the 'centre' message.
    const centre = first.find((m) => m.kind === 'centre')!;
    const mid = rows
      .flatMap((r) => (r.kind === 'row' ? r.points : []))
      .find((p) => p.index === 12)!;
    expect(centre.kind === 'centre' && mid.loss).toBeCloseTo(
      centre.kind === 'centre' ? centre.loss : NaN,
      4,
    );

    const before = tf.memory().numTensors;
    const second = await run(request({ res: 3 }), cache);
    expect(second.at(-1)).toMatchObject({ kind: 'done', numTensors: before });
  });

  it('stops at the next point when cancelled, and disposes what it made', async () => {
    const cache = new LandscapeCache(disk);
    await run(request(), cache); // backend and data ready
    const before = tf.memory().numTensors;
    const abort = new AbortController();
    const seen: LandscapeResponse[] = [];
    const err = await computeLandscape(
      request({ res: 9 }),
      cache,
      (m) => {
        seen.push(m);
        if (m.kind === 'row') abort.abort();
      },
      abort.signal,
    ).catch((e) => e);
    expect(isAbort(err)).toBe(true);
    expect(seen.filter((m) => m.kind === 'row')).toHaveLength(1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('says plainly when a model has no shipped weights', async () => {
    const cache = new LandscapeCache({
      readBytes: async (p) => (p.startsWith('models/') ? null : disk.readBytes(p)),
    });
    const err = await run(request({ init: false }), cache).catch((e) => e);
    expect(err).toBeInstanceOf(NoWeightsError);
    expect(err.message).toMatch(
      /^No pretrained weights shipped for this model \(models\/resnet-20\/weights\.json is missing\)/,
    );
  });
});
