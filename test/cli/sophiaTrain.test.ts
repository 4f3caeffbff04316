// `landscape-lab train` with Sophia: the Gauss–Newton–Bartlett estimator trains a zoo model; the
// exact estimator, which only the 2-D surfaces have, is refused naming the field to change.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { cli } from './runCli';

const tmp = mkdtempSync(path.join(tmpdir(), 'landscape-lab-sophia-'));
const trainArgs = (optimizer: string, out: string) =>
  'train --model resnet-20 --steps 3 --batch 8 --scheduler null --quiet'
    .split(' ')
    .concat('--out', out, '--optimizer', optimizer);

describe('landscape-lab train --optimizer Sophia', () => {
  test('gnb, its estimate taken every step: three steps of resnet-20', async () => {
    const out = path.join(tmp, 'gnb');
    const optimizer = { type: 'Sophia', estimator: 'gnb', k: 1, lr: 0.01, seed: 4 };
    const run = await cli(trainArgs(JSON.stringify(optimizer), out));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const log = JSON.parse(readFileSync(path.join(out, 'train.json'), 'utf8'));
    expect(log.optimizer).toMatchObject({ type: 'Sophia', hp: { estimator: 'gnb', k: 1 } });
    expect(log.history.loss).toHaveLength(3);
    expect(log.history.loss.every(Number.isFinite)).toBe(true);
  }, 120_000);

  test('exact is refused before training, naming --optimizer.estimator', async () => {
    const run = await cli(
      trainArgs('{"type":"Sophia","estimator":"exact"}', path.join(tmp, 'exact')),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /--optimizer\.estimator: Sophia with estimator "exact" needs the exact Hessian/,
    );
  }, 60_000);
});
