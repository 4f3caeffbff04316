import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  loadLandscapeData,
  loadModelWeights,
  netFor,
  resolveWeights,
} from '../../src/cli/landscapeOptions';
import { initBackend } from '../../src/gpu/backend';
import { evaluate } from '../../src/gpu/landscape/evaluate';
import { modelPreset } from '../../src/gpu/modelZoo';
import { readDirectionsH5 } from '../../src/io/h5Directions';
import { withH5Bytes } from '../../src/io/h5wasmLoader';
import { readSurfaceExtras, readSurfaceH5 } from '../../src/io/surfaceFile';
import { cli, type CliRun } from './runCli';

const tmp = mkdtempSync(path.join(tmpdir(), 'landscape-lab-hessian-'));
const f = (name: string) => path.join(tmp, name);
// The shipped ResNet-20 on 16 images, 3×3 grid, 6 Hessian-vector products: a few seconds.
const tiny = [
  'landscape',
  '--model',
  'resnet-20',
  '--grid',
  '3',
  '--samples',
  '16',
  '--seed',
  '1',
  '--directions',
  'hessian',
  '--hessian-iters',
  '6',
];

const sumSq = (vs: { values: Float64Array }[]) =>
  vs.reduce((s, v) => s + v.values.reduce((a, x) => a + x * x, 0), 0);
const dotDirs = (a: { values: Float64Array }[], b: { values: Float64Array }[]) =>
  a.reduce((s, v, i) => s + v.values.reduce((t, x, j) => t + x * b[i].values[j], 0), 0);

const bad: [string[], RegExp][] = [
  [['--directions', 'sideways'], /--directions must be random or hessian, got 'sideways'/],
  [['--hessian-samples', '8'], /--hessian-samples needs --directions hessian/],
  [
    ['--directions', 'hessian', '--norm', 'layer'],
    /--norm applies to random directions only; .*--hessian-scale/,
  ],
  [
    ['--directions', 'hessian', '--samples', '16', '--hessian-samples', '17'],
    /--hessian-samples must be at most --samples \(16\)/,
  ],
  [
    ['--directions', 'hessian', '--hessian-iters', '1'],
    /--hessian-iters must be between 2 and 1000/,
  ],
  [
    ['--directions', 'hessian', '--hessian-scale', 'big'],
    /--hessian-scale must be weights, unit or filter, got 'big'/,
  ],
];

describe('landscape-lab landscape --directions hessian', () => {
  let run: Promise<CliRun>;
  beforeAll(() => {
    run = cli([
      ...tiny,
      '--out',
      f('h.h5'),
      '--json',
      f('h.json'),
      '--dir-out',
      f('dirs.h5'),
      '--range',
      '-0.05:0.05',
    ]);
  });
  // The bad-flag runs are independent quick processes: started together at the first of them.
  const rejected = new Map<string, Promise<CliRun>>();
  const rejection = (extra: string[]) => {
    if (rejected.size === 0) {
      for (const [e] of bad)
        rejected.set(
          e.join(' '),
          cli(['landscape', '--model', 'resnet-20', '--init', '--out', f('x.h5'), ...e]),
        );
    }
    return rejected.get(extra.join(' '))!;
  };

  it('prints λ1 and λ2 with their iterations and check, and stores them in the JSON and the .h5', async () => {
    const r = await run;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/hessian directions: 16 images, \d+ conv\/linear weights/);
    expect(r.stdout).toMatch(
      /λ1 = [\d.e+-]+ +\(6 iterations, (not )?converged; along dx: vᵀHv = [\d.e+-]+, residual/,
    );
    expect(r.stdout).toMatch(/λ2 = /);
    expect(r.stdout).toMatch(/scaled to ‖w‖ = [\d.]+ \(--hessian-scale weights\)/);
    expect(r.stdout).toMatch(
      /reaches the centre loss \([\d.]+ on these images\) at \|α\| ≈ [\d.e+-]+ \(--range is -0.05:0.05\)/,
    );
    expect(r.stdout).toMatch(/wrote .*h\.h5: 9 of 9 points of resnet-20 over 16 images/);
    const json = JSON.parse(readFileSync(f('h.json'), 'utf8'));
    expect(json.directions).toBe('hessian');
    expect(json.norm).toBeNull();
    const h = json.hessian;
    expect(h.samples).toBe(16);
    expect(h.restrict).toBe('weights');
    expect(h.solver).toBe('lanczos');
    expect(h.iterations).toEqual([6, 6]);
    expect(h.eigenvalues[0]).toBeGreaterThanOrEqual(h.eigenvalues[1]);
    expect(h.eigenvalues[0]).toBeGreaterThan(0);
    expect(r.stdout).toContain(`λ1 = ${h.eigenvalues[0].toPrecision(4)}`);

    const bytes = new Uint8Array(readFileSync(f('h.h5')));
    const extra = await withH5Bytes(bytes, 'surface file', (file) => ({
      names: file.keys().sort(),
      eigen: Array.from((file.get('hessian_eigenvalues') as { value: Float64Array }).value),
      iters: Array.from((file.get('hessian_iterations') as { value: Int32Array }).value),
      kind: (file.get('directions') as { value: string }).value,
    }));
    for (const name of ['xcoordinates', 'ycoordinates', 'train_loss', 'train_acc', 'dir_file'])
      expect(extra.names).toContain(name);
    expect(extra.eigen).toEqual(h.eigenvalues);
    expect(extra.iters).toEqual([6, 6]);
    expect(extra.kind).toBe('hessian');
    const grid = await readSurfaceH5(bytes); // the upstream layout still reads
    expect(Array.from(grid.xcoordinates)).toEqual([-0.05, 0, 0.05]);
    expect(Array.from(grid.values.train_loss)).toEqual(json.train_loss);
  });

  it("writes orthogonal, ‖w‖-scaled directions with zero biases and BN, and has the model's own loss at the centre", async () => {
    expect((await run).code).toBe(0);
    const dirs = await readDirectionsH5(new Uint8Array(readFileSync(f('dirs.h5'))));
    const preset = modelPreset('resnet-20');
    const net = netFor(preset);
    const h = JSON.parse(readFileSync(f('h.json'), 'utf8')).hessian;
    net.params.forEach((p, i) => {
      if (p.role !== 'conv' && p.role !== 'linear')
        expect(dirs.xdirection[i].values.every((v) => v === 0)).toBe(true);
    });
    const nx = Math.sqrt(sumSq(dirs.xdirection)),
      ny = Math.sqrt(sumSq(dirs.ydirection!));
    // float32 direction files: norms and the dot product to float32 precision.
    expect(nx / h.scale_factor).toBeCloseTo(1, 4);
    expect(ny / h.scale_factor).toBeCloseTo(1, 4);
    expect(Math.abs(dotDirs(dirs.xdirection, dirs.ydirection!)) / (nx * ny)).toBeLessThan(1e-5);

    const grid = await readSurfaceH5(new Uint8Array(readFileSync(f('h.h5'))));
    await initBackend(['wasm', 'cpu']);
    const { params, buffers } = await loadModelWeights(
      net,
      resolveWeights(preset, undefined, false),
      1,
    );
    const { batches } = await loadLandscapeData(preset, 16, 250);
    const at = await evaluate(net, params, buffers, batches);
    expect(grid.values.train_loss[4]).toBeCloseTo(at.loss, 5);
    expect(grid.values.train_acc![4]).toBeCloseTo(at.acc, 9);
    tf.dispose([...params, ...buffers, ...batches.flatMap((b) => [b.x, b.y])]);
  });

  it('merges Hessian-direction shards into the whole grid and keeps the hessian_* datasets', async () => {
    const shard = (i: number) =>
      cli([...tiny, '--range', '-0.05:0.05', '--shard', `${i}/2`, '--out', f(`part${i}.h5`), '-q']);
    const parts = await Promise.all([shard(0), shard(1)]);
    parts.forEach((p) => expect(p.code, p.stderr).toBe(0));
    const m = await cli(['merge', f('part0.h5'), f('part1.h5'), '--out', f('merged.h5')]);
    expect(m.code, m.stderr).toBe(0);
    expect(m.stderr).not.toMatch(/warning/); // the shards recomputed identical eigenvectors
    const merged = new Uint8Array(readFileSync(f('merged.h5')));
    const whole = new Uint8Array(readFileSync(f('h.h5')));
    expect((await readSurfaceH5(merged)).values).toEqual((await readSurfaceH5(whole)).values);
    const extras = await readSurfaceExtras(merged);
    expect(extras.directions).toBe('hessian');
    expect(extras.hessian_eigenvalues).toEqual(
      (await readSurfaceExtras(whole)).hessian_eigenvalues,
    );
    expect(extras.hessian_iterations).toEqual(Int32Array.of(6, 6));
  });

  it.each(bad)('rejects %j with exit 2 and one clear message', async (extra, msg) => {
    const r = await rejection(extra);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(msg);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('documents the flags in --help', async () => {
    const r = await cli(['landscape', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--directions random\|hessian/);
    expect(r.stdout).toMatch(/--hessian-samples N/);
    expect(r.stdout).toMatch(/--hessian-scale weights\|unit\|filter/);
  });
});

describe('landscape-lab sharpness', () => {
  it('finds the same λ1 ≥ λ2 as the Hessian-direction slice (same images, products and seed), with its check', async () => {
    const [r, slice] = await Promise.all([
      cli([
        'sharpness',
        '--model',
        'resnet-20',
        '--samples',
        '16',
        '--iters',
        '6',
        '--seed',
        '1',
        '--json',
        f('sharp.json'),
      ]),
      cli([...tiny, '--out', f('h2.h5'), '--json', f('h2.json'), '-q']),
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(slice.code, slice.stderr).toBe(0);
    const s = JSON.parse(readFileSync(f('sharp.json'), 'utf8'));
    const h = JSON.parse(readFileSync(f('h2.json'), 'utf8')).hessian;
    expect(s.eigenvalues).toEqual(h.eigenvalues);
    expect(s.eigenvalues[0]).toBeGreaterThanOrEqual(s.eigenvalues[1]);
    expect(s.iterations).toEqual([6, 6]);
    expect(s.samples).toBe(16);
    expect(s.split).toBe('test');
    expect(r.stdout).toMatch(
      /resnet-20 \(public\/models\/resnet-20\/weights\.json\): loss [\d.]+, accuracy [\d.]+ % on 16 test images; Hessian over \d+ conv\/linear weights/,
    );
    expect(r.stdout).toContain(`λ1 = ${s.eigenvalues[0].toPrecision(4)}`);
    expect(r.stdout).toMatch(
      /λ2 = [\d.e+-]+ +\(6 iterations, (not )?converged; vᵀHv = [\d.e+-]+, residual [\d.]+\)/,
    );
  });

  it.each([
    [['--solver', 'qr'], /--solver must be lanczos or power, got 'qr'/],
    [['--restrict', 'some'], /--restrict must be weights or all, got 'some'/],
    [['--iters', '1'], /--iters must be between 2 and 1000/],
    [['--init', '--weights', 'x.json'], /give either --weights FILE or --init, not both/],
  ])('rejects %j with exit 2 and one clear message', async (extra, msg) => {
    const r = await cli(['sharpness', '--model', 'resnet-20', ...(extra as string[])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(msg as RegExp);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
