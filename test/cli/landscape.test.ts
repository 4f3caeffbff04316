import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/gpu/backend';
import { evaluate } from '../../src/gpu/landscape/evaluate';
import { modelPreset } from '../../src/gpu/modelZoo';
import { loadLandscapeData, loadModelWeights, netFor } from '../../src/cli/landscapeOptions';
import { withH5Bytes } from '../../src/io/h5wasmLoader';
import { readSurfaceH5 } from '../../src/io/surfaceFile';
import { readDirectionsH5 } from '../../src/io/h5Directions';
import { roughness } from '../../src/core/view/roughness';
import { cli, type CliRun } from './runCli';

const tmp = mkdtempSync(path.join(tmpdir(), 'landscape-lab-landscape-'));
const f = (name: string) => path.join(tmp, name);
const tiny = [
  'landscape',
  '--model',
  'resnet-20',
  '--init',
  '--grid',
  '3',
  '--samples',
  '16',
  '--seed',
  '3',
];

describe('landscape-lab landscape', () => {
  // The three runs are independent processes: start them together.
  let whole: Promise<CliRun>, shard0: Promise<CliRun>, shard1: Promise<CliRun>;
  beforeAll(() => {
    whole = cli([
      ...tiny,
      '--out',
      f('whole.h5'),
      '--json',
      f('whole.json'),
      '--dir-out',
      f('dirs.h5'),
    ]);
    shard0 = cli([...tiny, '--range', '-1:1', '--shard', '0/2', '--out', f('part0.h5')]);
    shard1 = cli([...tiny, '--shard', '1/2', '--out', f('part1.h5')]);
  });

  it("writes a 3×3 surface in upstream's layout, with progress on stderr and the directions", async () => {
    const res = await whole;
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/wrote .*whole\.h5: 9 of 9 points of resnet-20 over 16 images/);
    expect(res.stderr).toMatch(/row 3\/3: 9\/9 points/);
    const bytes = new Uint8Array(readFileSync(f('whole.h5')));
    const names = await withH5Bytes(bytes, 'surface file', (file) => file.keys().sort());
    expect(names).toEqual(['dir_file', 'train_acc', 'train_loss', 'xcoordinates', 'ycoordinates']);
    const shapes = await withH5Bytes(bytes, 'surface file', (file) =>
      ['xcoordinates', 'ycoordinates', 'train_loss', 'train_acc'].map(
        (n) => (file.get(n) as { shape: number[] }).shape,
      ),
    );
    expect(shapes).toEqual([[3], [3], [3, 3], [3, 3]]);
    const grid = await readSurfaceH5(bytes);
    expect(Array.from(grid.xcoordinates)).toEqual([-1, 0, 1]);
    expect(Array.from(grid.ycoordinates!)).toEqual([-1, 0, 1]);
    expect(grid.meta.shardIndices).toBeNull();
    expect(Array.from(grid.values.train_loss).every((v) => Number.isFinite(v) && v > 0)).toBe(true);
    expect(Array.from(grid.values.train_acc!).every((v) => v >= 0 && v <= 100)).toBe(true);
    const json = JSON.parse(readFileSync(f('whole.json'), 'utf8'));
    expect(json.train_loss).toEqual(Array.from(grid.values.train_loss));
    expect(json.model).toBe('resnet-20');
    // The roughness the page shows, non-convexity with it, recomputed from the file's own grid.
    const r = roughness({
      xcoordinates: json.xcoordinates,
      ycoordinates: json.ycoordinates,
      loss: json.train_loss,
    });
    expect(json.roughness.tvLogLoss).toBeCloseTo(r.tvLogLoss, 9);
    expect(json.roughness.nonConvexShare).toBe(r.nonConvexShare);
    expect(json.roughness.meanNegRatio).toBeCloseTo(r.meanNegRatio, 9);
    expect([0, 1]).toContain(r.nonConvexShare); // one interior point on a 3×3 grid
    expect(res.stdout).toContain(
      `non-convex ${(100 * r.nonConvexShare).toFixed(1)} % (mean |λmin/λmax| ${r.meanNegRatio.toFixed(3)})`,
    );
    const dirs = await readDirectionsH5(new Uint8Array(readFileSync(f('dirs.h5'))));
    const net = netFor(modelPreset('resnet-20'));
    expect(dirs.xdirection.map((d) => d.shape)).toEqual(net.params.map((p) => [...p.shape]));
    expect(dirs.ydirection).toHaveLength(net.params.length);
  });

  it("has the model's own loss and accuracy at the centre (α = β = 0)", async () => {
    const grid = await readSurfaceH5(new Uint8Array(readFileSync(f('whole.h5'))));
    await initBackend(['wasm', 'cpu']);
    const preset = modelPreset('resnet-20');
    const net = netFor(preset);
    const { params, buffers } = await loadModelWeights(net, 'init', 3);
    const { batches } = await loadLandscapeData(preset, 16, 250);
    const at = await evaluate(net, params, buffers, batches);
    expect(grid.values.train_loss[4]).toBeCloseTo(at.loss, 5);
    expect(grid.values.train_acc![4]).toBeCloseTo(at.acc, 9);
    tf.dispose([...params, ...buffers, ...batches.flatMap((b) => [b.x, b.y])]);
  });

  it('two shards (0-based, -1 where not computed) merge into the whole grid', async () => {
    const [r0, r1] = await Promise.all([shard0, shard1]);
    expect(r0.code, r0.stderr).toBe(0);
    expect(r1.code, r1.stderr).toBe(0);
    // A shard holds part of the grid: no roughness is claimed for it.
    expect(r0.stdout).not.toMatch(/roughness:/);
    const p0 = await readSurfaceH5(new Uint8Array(readFileSync(f('part0.h5'))));
    expect(Array.from(p0.meta.shardIndices!)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(p0.values.train_loss.slice(5))).toEqual([-1, -1, -1, -1]);
    const m = await cli(['merge', f('part1.h5'), f('part0.h5'), '--out', f('merged.h5')]);
    expect(m.code, m.stderr).toBe(0);
    const merged = await readSurfaceH5(new Uint8Array(readFileSync(f('merged.h5'))));
    const ref = await readSurfaceH5(new Uint8Array(readFileSync(f('whole.h5'))));
    expect(merged.meta.shardIndices).toBeNull();
    expect(Array.from(merged.values.train_loss)).toEqual(Array.from(ref.values.train_loss));
    expect(Array.from(merged.values.train_acc!)).toEqual(Array.from(ref.values.train_acc!));

    const overlap = await cli(['merge', f('part0.h5'), f('part0.h5'), '--out', f('bad.h5')]);
    expect(overlap.code).toBe(2);
    expect(overlap.stderr).toMatch(/computed by more than one shard/);
    const gap = await cli(['merge', f('part0.h5'), '--out', f('bad.h5')]);
    expect(gap.code).toBe(2);
    expect(gap.stderr).toMatch(/computed by no shard/);
  });

  const bad: [string[], RegExp][] = [
    [['--grid', '1'], /--grid must be between 2 and 201, got 1/],
    [['--grid', '202'], /--grid must be between 2 and 201, got 202/],
    [['--grid', 'abc'], /--grid must be an integer/],
    [['--samples', '0'], /--samples must be between 1/],
    [['--samples', '1001'], /--samples must be at most 1000/],
    [['--shard', '5/4'], /0-based, so it must be below 4/],
    [['--shard', '1'], /--shard must be i\/n/],
    [['--range', '1:-1'], /--range must be MIN:MAX with MIN < MAX/],
    [['--norm', 'none'], /--norm must be filter or layer/],
    [['--weights', '/no/such/weights.json', '--init'], /either --weights FILE or --init/],
  ];
  it.each(bad)('rejects %j with exit 2 and a clear message', async (extra, msg) => {
    const r = await cli([
      'landscape',
      '--model',
      'resnet-20',
      '--init',
      '--out',
      f('x.h5'),
      ...extra,
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(msg);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('rejects unknown models, missing weights files and missing --out', async () => {
    const unknown = await cli(['landscape', '--model', 'resnet-57', '--init', '--out', f('x.h5')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /unknown model 'resnet-57' \(known: resnet-20, resnet-20-ns, resnet-56/,
    );
    const missing = await cli([
      'landscape',
      '--model',
      'resnet-56',
      '--weights',
      f('nope.json'),
      '--out',
      f('x.h5'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--weights: no such file/);
    const noOut = await cli(['landscape', '--model', 'resnet-20', '--init']);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/missing --out/);
  });

  it('prints --help for landscape and merge', async () => {
    const l = await cli(['landscape', '--help']);
    expect(l.code).toBe(0);
    expect(l.stdout).toMatch(/--shard i\/n .*0-based/);
    expect(l.stdout).toMatch(/SLURM_ARRAY_TASK_ID/);
    const m = await cli(['merge', '--help']);
    expect(m.code).toBe(0);
    expect(m.stdout).toMatch(/Usage: landscape-lab merge/);
  });
});
