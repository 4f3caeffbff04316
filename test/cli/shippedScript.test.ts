// scripts/make-shipped-landscapes.ts with the recipe flags, run as the lead runs it (a child
// process) on a few steps: --train-only records the recipe; --slice-only slices those weights
// with the checkpoints kept in --state-dir and names the weights' recipe in the slices' meta.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { type CliRun, runNode } from './runCli';

const tmp = mkdtempSync(path.join(tmpdir(), 'landscape-lab-shipped-'));
const out = path.join(tmp, 'public'),
  state = path.join(tmp, 'state');

function script(args: string[]): Promise<CliRun> {
  return runNode(['--import', 'tsx', 'scripts/make-shipped-landscapes.ts', ...args]);
}

const read = (...p: string[]) => JSON.parse(readFileSync(path.join(...p), 'utf8'));
// 2 epochs of batch 2000 = 4 steps: warm-up 1, ÷10 at steps 2 and 3.
const recipe = ['--epochs', '2', '--batch', '2000', '--warmup', '1', '--decay', 'step'];
const dirs = ['--out', out, '--state-dir', state];

describe('make-shipped-landscapes: recipe flags, --train-only, --slice-only, --resume', () => {
  test('trains with the paper-style schedule, then slices separately', async () => {
    const t = await script([...recipe, ...dirs, '--train-only', 'resnet-20']);
    expect(t.code).toBe(0);
    const training = read(out, 'models/resnet-20/weights.json').training;
    expect(training).toMatchObject({
      generatedBy:
        'scripts/make-shipped-landscapes.ts --epochs 2 --seed 0 --batch 2000 --warmup 1 --decay step --milestones 0.5,0.75 --gamma 0.1',
      steps: 4,
      batchSize: 2000,
      warmup: 1,
      decay: 'step',
      milestones: [0.5, 0.75],
      gamma: 0.1,
    });
    expect(training.scheduler.schedulers[1]).toEqual({
      type: 'MultiStepLR',
      milestones: [1, 2],
      gamma: 0.1,
    });
    const lr = read(out, 'models/resnet-20/train.json').history.lr;
    expect(lr.map((v: number) => Number(v.toPrecision(3)))).toEqual([0.01, 0.1, 0.01, 0.001]);
    expect(existsSync(path.join(state, 'resnet-20.state'))).toBe(true);
    expect(existsSync(path.join(state, 'resnet-20/checkpoints.json'))).toBe(true);
    expect(existsSync(path.join(out, 'landscapes/resnet-20.json'))).toBe(false);

    const s = await script([
      '--grid',
      '3',
      '--samples',
      '10',
      ...dirs,
      '--slice-only',
      'resnet-20',
    ]);
    expect(s.code).toBe(0);
    const slice = read(out, 'landscapes/resnet-20.json');
    expect(slice.meta.generatedBy).toBe(`${training.generatedBy} --grid 3 --samples 10`);
    expect(slice.centre.acc).toBeCloseTo(100 * training.testAccuracy, 3);
    // The slice's loss is on train images; its centre accuracy is the test split's, and says so.
    expect(slice.data.split).toBe('train');
    expect(slice.centre.accSplit).toBe('test');
    expect(read(out, 'landscapes/resnet-20-pca.json').trajectory.steps).toEqual([0, 1, 2, 3, 4]);
    expect(read(out, 'landscapes/index.json').landscapes).toHaveLength(2);
  }, 180_000);

  test('an existing state is not overwritten without --resume', async () => {
    const r = await script([...recipe, ...dirs, '--train-only', 'resnet-20']);
    expect(r.stderr).toMatch(/resnet-20\.state exists \(a run's state\); go on with --resume/);
    expect(r.code).toBe(2);
  }, 120_000);

  test('--resume refuses a changed recipe in one line, exit 2', async () => {
    const r = await script([
      ...recipe,
      '--gamma',
      '0.5',
      ...dirs,
      '--train-only',
      '--resume',
      'resnet-20',
    ]);
    expect(r.stderr).toMatch(
      /^make-shipped-landscapes: resnet-20: --resume '.*resnet-20\.state': the saved run differs in 'scheduler'/m,
    );
    expect(r.code).toBe(2);
  }, 120_000);
});
