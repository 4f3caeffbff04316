import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/gpu/backend';
import { evaluate } from '../../src/gpu/landscape/evaluate';
import { modelPreset } from '../../src/gpu/modelZoo';
import {
  loadLandscapeData,
  loadModelWeights,
  netFor,
  resolveWeights,
} from '../../src/cli/landscapeOptions';
import { readSurfaceExtras, readSurfaceH5 } from '../../src/io/surfaceFile';
import { cli, type CliRun } from './runCli';

const tmp = mkdtempSync(path.join(tmpdir(), 'landscape-lab-interpolate-'));
const f = (name: string) => path.join(tmp, name);
// The shipped ResNet-20 and its seeded init on 64 test images, 5 points on α ∈ [0, 1]: seconds.
const tiny = [
  'interpolate',
  '--model',
  'resnet-20',
  '--samples',
  '64',
  '--points',
  '5',
  '--range',
  '0:1',
];

const bad: [string[], RegExp][] = [
  [['--bn', 'sideways'], /--bn must be batch, from or to, got 'sideways'/],
  [['--from', 'init', '--to', 'init'], /--from and --to are the same weights/],
  [['--points', '1'], /--points must be between 2 and 201/],
  [['--to', 'no/such/weights.json'], /--to: no such file 'no\/such\/weights.json'/],
  [['--range', '1:0'], /--range must be MIN:MAX with MIN < MAX/],
  [['--samples', '0'], /--samples must be between 1 and 1000000/],
];

describe('landscape-lab interpolate', () => {
  let batchRun: Promise<CliRun>, toRun: Promise<CliRun>;
  beforeAll(() => {
    batchRun = cli([...tiny, '--out', f('batch.h5'), '--json', f('batch.json')]);
    toRun = cli([...tiny, '--bn', 'to', '--out', f('to.h5'), '-q']);
  });

  it('writes a 1-D .h5 from init (α = 0) to the shipped weights (α = 1) and says what it found', async () => {
    const r = await batchRun;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/interpolate: 5 points on α ∈ \[0, 1\], 64 images, BN batch/);
    expect(r.stdout).toMatch(
      /resnet-20: init \(seed 0\) \(α = 0\) → public\/models\/resnet-20\/weights\.json \(α = 1\), 64 images, BN batch/,
    );
    expect(r.stdout).toMatch(
      /init seed 0 \(the training\.seed in public\/models\/resnet-20\/weights\.json\)/,
    );
    const json = JSON.parse(readFileSync(f('batch.json'), 'utf8'));
    expect(json.xcoordinates).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(json.summary.atTo.loss).toBeLessThan(json.summary.atFrom.loss); // training lowered the loss
    expect(r.stdout).toContain(
      `loss at α = 0: ${json.summary.atFrom.loss.toFixed(4)}, at α = 1: ${json.summary.atTo.loss.toFixed(4)}`,
    );
    expect(r.stdout).toContain(
      `falls monotonically from 0 to 1: ${json.summary.monotonic ? 'yes' : 'no'}`,
    );
    const bytes = new Uint8Array(readFileSync(f('batch.h5')));
    const grid = await readSurfaceH5(bytes);
    expect(grid.ycoordinates).toBeNull();
    expect(Array.from(grid.values.train_loss)).toEqual(json.train_loss);
    expect(Array.from(grid.values.train_acc!)).toEqual(json.train_acc);
    expect(await readSurfaceExtras(bytes)).toMatchObject({
      path: 'interpolation',
      interpolation_from: 'init (seed 0)',
      bn: 'batch',
    });
  });

  it("has each end's own loss at α = 0 and α = 1 (batch statistics; and the trained end's running statistics with --bn to)", async () => {
    const [rb, rt] = await Promise.all([batchRun, toRun]);
    expect(rb.code, rb.stderr).toBe(0);
    expect(rt.code, rt.stderr).toBe(0);
    const batchLoss = (await readSurfaceH5(new Uint8Array(readFileSync(f('batch.h5'))))).values
      .train_loss;
    const toLoss = (await readSurfaceH5(new Uint8Array(readFileSync(f('to.h5'))))).values
      .train_loss;
    await initBackend(['wasm', 'cpu']);
    const preset = modelPreset('resnet-20');
    const net = netFor(preset);
    const trained = await loadModelWeights(net, resolveWeights(preset, undefined, false), 0);
    const init = await loadModelWeights(net, 'init', 0);
    const { batches } = await loadLandscapeData(preset, 64, 64);
    expect(batchLoss[0]).toBeCloseTo(
      (await evaluate(net, init.params, init.buffers, batches, 'train')).loss,
      4,
    );
    expect(batchLoss[4]).toBeCloseTo(
      (await evaluate(net, trained.params, trained.buffers, batches, 'train')).loss,
      4,
    );
    expect(toLoss[4]).toBeCloseTo(
      (await evaluate(net, trained.params, trained.buffers, batches)).loss,
      4,
    );
    // The trained net's running statistics do not describe its initialisation.
    expect(Math.abs(toLoss[0] - batchLoss[0])).toBeGreaterThan(0.05);
    tf.dispose([
      ...trained.params,
      ...trained.buffers,
      ...init.params,
      ...init.buffers,
      ...batches.flatMap((b) => [b.x, b.y]),
    ]);
  });

  it.each(bad)('rejects %j with exit 2 and one clear message', async (extra, msg) => {
    const r = await cli(['interpolate', '--model', 'resnet-20', '--out', f('x.h5'), ...extra]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(msg);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('documents itself in --help and in the command list', async () => {
    const [help, list] = await Promise.all([cli(['interpolate', '--help']), cli(['--help'])]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--bn batch\|from\|to/);
    expect(list.stdout).toMatch(
      /interpolate +loss along the straight line between two sets of weights/,
    );
  });
});

describe('landscape-lab landscape --dim 1', () => {
  const line = [
    'landscape',
    '--model',
    'resnet-20',
    '--dim',
    '1',
    '--grid',
    '5',
    '--samples',
    '16',
    '--seed',
    '2',
  ];
  it("writes a 1-D line along dx whose centre is the model's loss, and shards of it merge to the whole", async () => {
    const [whole, p0, p1] = await Promise.all([
      cli([...line, '--out', f('line.h5'), '--dir-out', f('line-dirs.h5')]),
      cli([...line, '--shard', '0/2', '--out', f('line0.h5'), '-q']),
      cli([...line, '--shard', '1/2', '--out', f('line1.h5'), '-q']),
    ]);
    for (const r of [whole, p0, p1]) expect(r.code, r.stderr).toBe(0);
    expect(whole.stdout).toMatch(/wrote .*line\.h5: 5 of 5 points of resnet-20 over 16 images/);
    expect(whole.stderr).toMatch(/line: 5\/5 points/);
    const grid = await readSurfaceH5(new Uint8Array(readFileSync(f('line.h5'))));
    expect(grid.ycoordinates).toBeNull();
    expect(Array.from(grid.xcoordinates)).toEqual([-1, -0.5, 0, 0.5, 1]);
    await initBackend(['wasm', 'cpu']);
    const preset = modelPreset('resnet-20');
    const net = netFor(preset);
    const { params, buffers } = await loadModelWeights(
      net,
      resolveWeights(preset, undefined, false),
      0,
    );
    const { batches } = await loadLandscapeData(preset, 16, 16);
    expect(grid.values.train_loss[2]).toBeCloseTo(
      (await evaluate(net, params, buffers, batches)).loss,
      5,
    );
    tf.dispose([...params, ...buffers, ...batches.flatMap((b) => [b.x, b.y])]);
    const m = await cli(['merge', f('line0.h5'), f('line1.h5'), '--out', f('line-merged.h5')]);
    expect(m.code, m.stderr).toBe(0);
    expect((await readSurfaceH5(new Uint8Array(readFileSync(f('line-merged.h5'))))).values).toEqual(
      grid.values,
    );
  });

  it('rejects --dim 3', async () => {
    const r = await cli(['landscape', '--model', 'resnet-20', '--dim', '3', '--out', f('x.h5')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--dim must be between 1 and 2, got 3/);
  });
});
