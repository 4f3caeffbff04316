import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, main } from '../../src/cli/main';
import { makeToy2d, splitToy2d } from '../../src/data/toy2d';
import { initBackend } from '../../src/gpu/backend';
import { evaluate, toBatches } from '../../src/gpu/landscape/evaluate';
import { mlp } from '../../src/gpu/nets/mlp';
import { toyTensorData } from '../../src/gpu/train/tensorData';
import { readSurfaceExtras, readSurfaceH5 } from '../../src/io/surfaceFile';
import { cli, type CliRun } from './runCli';

const tmp = mkdtempSync(path.join(tmpdir(), 'landscape-lab-toy-'));
const f = (name: string) => path.join(tmp, name);
const h5 = async (name: string) => readSurfaceH5(new Uint8Array(readFileSync(f(name))));
// 60 circle points, 30 steps, a 5 × 5 slice: about 3 s, mostly start-up.
const tiny = [
  'toy',
  '--data',
  'circle',
  '--n',
  '60',
  '--steps',
  '30',
  '--grid',
  '5',
  '--hidden',
  '4',
  '--seed',
  '3',
  '-q',
];

/** main() in this process with captured output: the same code path as the bin, without a start-up per case. */
async function inProcess(args: string[]): Promise<CliRun> {
  let stdout = '',
    stderr = '';
  const code = await main(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readStdin: async () => '',
  });
  return { code, stdout, stderr };
}

// The first two run as child processes (the real bin's exit code), the rest through main() here.
const bad: [string[], RegExp][] = [
  [['--data', 'moons'], /--data: unknown data set 'moons' \(known: spiral, circle, xor, gauss\)/],
  [['--data', 'xor', '--n', '3'], /--n must be between 4 and 1000000, got 3/],
  [['--data', 'xor', '--noise', '0.7'], /--noise must be between 0 and 0.5, got 0.7/],
  [
    ['--data', 'xor', '--hidden', '8,,x'],
    /--hidden must be up to 8 comma-separated layer widths, each 1…1024 \(e.g. 8,8\), got '8,,x'/,
  ],
  [
    ['--data', 'xor', '--optimizer', '{"type":"Adam","lr":-1}'],
    /--optimizer\.lr: must be ≥ 0 \(got -1\)/,
  ],
  [['--data', 'xor', '--optimizer', '{lr: 1'], /--optimizer: not valid JSON/],
  [['--data', 'xor', '--grid', '1000'], /--grid must be between 2 and 201, got 1000/],
  [['--data', 'xor', '--steps', 'many'], /--steps must be an integer ≥ 1, got 'many'/],
  [['--data', 'xor', '--init', 'zeros'], /--init must be xavier or kaiming, got 'zeros'/],
];

describe('landscape-lab toy', () => {
  let tinyRun: Promise<CliRun>,
    againRun: Promise<CliRun>,
    otherSeedRun: Promise<CliRun>,
    pcaRun: Promise<CliRun>;
  let defaultsRun: Promise<CliRun>, divergeRun: Promise<CliRun>, badRuns: Promise<CliRun[]>;
  beforeAll(() => {
    // Every run starts at once: child processes (mostly tsx and tfjs start-up, ~2 s each) for what
    // needs a separate process, main() in this one for the rest.
    tinyRun = cli([...tiny, '--out', f('tiny.h5'), '--json', f('tiny.json')]);
    againRun = cli([...tiny, '--out', f('again.h5')]);
    otherSeedRun = inProcess([...tiny, '--seed', '4', '--out', f('seed4.h5')]);
    pcaRun = cli([
      'toy',
      '--data',
      'spiral',
      '--n',
      '100',
      '--steps',
      '60',
      '--grid',
      '5',
      '--directions',
      'pca',
      '--out',
      f('pca.h5'),
      '--json',
      f('pca.json'),
    ]);
    defaultsRun = cli([
      'toy',
      '--data',
      'circles',
      '--grid',
      '3',
      '-q',
      '--out',
      f('defaults.h5'),
      '--json',
      f('defaults.json'),
    ]);
    divergeRun = inProcess([
      'toy',
      '--data',
      'xor',
      '--activation',
      'relu',
      '--optimizer',
      '{"type":"SGD","lr":1e6}',
      '--steps',
      '50',
      '-q',
      '--out',
      f('diverged.h5'),
    ]);
    badRuns = Promise.all(
      bad.map(([extra], i) => (i < 2 ? cli : inProcess)(['toy', '--out', f('bad.h5'), ...extra])),
    );
  });

  it("writes a readable 5 × 5 .h5 whose centre is the trained weights' train loss, recomputed here from the JSON", async () => {
    const r = await tinyRun;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const json = JSON.parse(readFileSync(f('tiny.json'), 'utf8'));
    const grid = await h5('tiny.h5');
    expect(Array.from(grid.xcoordinates)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(Array.from(grid.ycoordinates!)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(grid.values.train_loss).toHaveLength(25);
    expect(grid.values.train_acc).toHaveLength(25);
    expect(Array.from(grid.values.train_loss)).toEqual(json.train_loss);
    expect(json.history.loss).toHaveLength(30);
    expect(json.data).toMatchObject({ kind: 'circle', n: 60, trainPoints: 30, testPoints: 30 });
    expect(r.stdout).toContain(`train loss ${json.train.loss.toFixed(4)}`);
    // The slice's non-convexity (its own 2×2 Hessian), in the JSON and on the roughness line.
    expect(json.roughness.nonConvexShare).toBeGreaterThanOrEqual(0);
    expect(r.stdout).toContain(
      `non-convex ${(100 * json.roughness.nonConvexShare).toFixed(1)} % (mean |λmin/λmax| ${json.roughness.meanNegRatio.toFixed(3)})`,
    );

    // The same data, split and net, with the weights the command wrote.
    await initBackend(['wasm', 'cpu']);
    const { train } = splitToy2d(makeToy2d({ kind: 'circle', n: 60, noise: 0.1, seed: 3 }), 0.5, 3);
    const net = mlp({ inputs: 2, hidden: [4], numClasses: 2, activation: 'tanh' });
    expect(json.weights.map((w: { name: string }) => w.name)).toEqual(
      net.params.map((p) => p.name),
    );
    const params = json.weights.map((w: { values: number[]; shape: number[] }) =>
      tf.tensor(w.values, w.shape, 'float32'),
    );
    const d = toyTensorData(train);
    const batches = toBatches(d.x, d.y);
    const centre = await evaluate(net, params, [], batches);
    expect(grid.values.train_loss[12]).toBeCloseTo(centre.loss, 6); // flat index 2·5 + 2 = (α, β) = (0, 0)
    expect(grid.values.train_acc![12]).toBeCloseTo(centre.acc, 6);
    // Away from the trained weights the train loss is higher (a minimum, if a rough one).
    expect(Math.max(...grid.values.train_loss)).toBeGreaterThan(centre.loss);
    tf.dispose([...params, d.x, d.y, ...batches.flatMap((b) => [b.x, b.y])]);
  });

  it('is deterministic: the same --seed gives the same surface, another seed a different one', async () => {
    const runs = await Promise.all([tinyRun, againRun, otherSeedRun]);
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const [a, b, c] = await Promise.all([h5('tiny.h5'), h5('again.h5'), h5('seed4.h5')]);
    // Values, not bytes: HDF5 object headers carry modification times.
    expect(b.values).toEqual(a.values);
    expect(b.xcoordinates).toEqual(a.xcoordinates);
    expect(Array.from(c.values.train_loss)).not.toEqual(Array.from(a.values.train_loss));
  });

  it('trains circle with the defaults to a test accuracy well above chance', async () => {
    const r = await defaultsRun;
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(f('defaults.json'), 'utf8'));
    expect(json).toMatchObject({
      steps: 1000,
      batchSize: 50,
      divergedAt: null,
      net: { id: 'mlp-2-16-16-2', activation: 'tanh' },
    });
    expect(json.test.accuracy).toBeGreaterThan(0.85);
    expect(json.train.accuracy).toBeGreaterThan(0.85);
    expect(r.stdout).toMatch(
      /circle \(n 500, noise 0\.1, seed 0\): mlp-2-16-16-2 tanh, Adam, 1000 steps of batch 50 in .*, diverged: no/,
    );
    expect(r.stdout).toContain(
      `test loss ${json.test.loss.toFixed(4)}, accuracy ${(100 * json.test.accuracy).toFixed(1)} %`,
    );
  });

  it("--directions pca slices the trajectory's plane: explained variance in [0, 1], the last checkpoint at (0, 0)", async () => {
    const r = await pcaRun;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/slice: 5×5 points, pca directions/);
    const json = JSON.parse(readFileSync(f('pca.json'), 'utf8'));
    const [v1, v2] = json.trajectory.explainedVariance as number[];
    for (const v of [v1, v2]) expect(v).toBeGreaterThanOrEqual(0);
    expect(v1 + v2).toBeLessThanOrEqual(1 + 1e-9);
    expect(v1).toBeGreaterThanOrEqual(v2);
    expect(r.stdout).toContain(`explained variance ${v1.toFixed(3)} + ${v2.toFixed(3)}`);
    const { x, y, steps } = json.trajectory;
    expect(steps).toHaveLength(x.length);
    expect(steps.at(-1)).toBe(60);
    expect([x.at(-1), y.at(-1)]).toEqual([0, 0]);
    expect(Math.hypot(x[0], y[0])).toBeGreaterThan(0); // training moved the weights
    // The default range covers the trajectory.
    expect(json.xcoordinates.at(-1)).toBeGreaterThanOrEqual(Math.max(...x.map(Math.abs)));
    const extras = await readSurfaceExtras(new Uint8Array(readFileSync(f('pca.h5'))));
    expect(extras.directions).toBe('pca');
    expect(Array.from(extras.pca_explained_variance as Float64Array)).toEqual([v1, v2]);
  });

  it('says so and exits 1 without writing a surface when training diverges', async () => {
    const r = await divergeRun;
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/training diverged: the loss became non-finite at step \d+ of 50/);
    expect(existsSync(f('diverged.h5'))).toBe(false);
  });

  it.each(bad.map(([extra, msg], i) => [extra.join(' '), i, msg] as const))(
    'rejects %s with exit 2 and one clear message',
    async (_, i, msg) => {
      const r = (await badRuns)[i];
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(f('bad.h5'))).toBe(false);
    },
  );

  it('documents every flag in --help and is in the command list', async () => {
    const help = await inProcess(['toy', '--help']);
    expect(help.code).toBe(0);
    for (const flag of [
      '--data',
      '--n',
      '--noise',
      '--test-share',
      '--hidden',
      '--activation',
      '--init',
      '--optimizer',
      '--scheduler',
      '--steps',
      '--batch',
      '--seed',
      '--grid',
      '--range',
      '--directions',
      '--out',
      '--json',
      '--quiet',
    ]) {
      expect(help.stdout).toContain(flag);
    }
    expect(help.stdout).toMatch(/Exit codes: 0 ok, 1 training diverged/);
    expect(COMMANDS.map((c) => c.name)).toContain('toy');
  });
});
