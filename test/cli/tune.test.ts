import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, inProcess, type CliRun } from './runCli';

const tmp = mkdtempSync(path.join(tmpdir(), 'landscape-lab-tune-'));
const f = (name: string) => path.join(tmp, name);
const json = (name: string) => JSON.parse(readFileSync(f(name), 'utf8'));

const base = ['tune', '--surface', 'quadratic', '--trials', '9', '--steps', '120', '-q'];

const bad: [string[], RegExp][] = [
  [['tune'], /--surface: missing \(one of quadratic,/],
  [['tune', '--surface', 'bowl'], /--surface: unknown surface 'bowl'/],
  [[...base, '--optimizer', 'sgd,adamm'], /--optimizer: unknown optimizer 'adamm' \(known: sgd,/],
  [
    [...base, '--optimizer', '[{"type":"SGD","lr":-1}]'],
    /--optimizer \(entry 1\).*\n.*optimizer\.lr/,
  ],
  [[...base, '--trials', '0'], /--trials must be between 1 and 1000, got 0/],
  [[...base, '--steps', '1e9'], /--steps must be between 1 and 100000/],
  [[...base, '--lr-range', '1:0.1'], /--lr-range must be LO:HI with/],
  [[...base, '--method', 'grid'], /--method must be one of random, halving, got 'grid'/],
  [[...base, '--criterion', 'target'], /--target: missing/],
  [[...base, '--batch', '300'], /--batch must be between 1 and 256, got 300/],
  [
    [...base, '--trials', '1000', '--steps', '100000', '--batch', '256'],
    /optimizers × --trials × --steps × --batch: .* over the cap/,
  ],
  [[...base, '--out', f('no/such/x.json')], /--out: cannot write/],
];

describe('landscape-lab tune', () => {
  let run: Promise<CliRun>;
  beforeAll(() => {
    run = cli([
      ...base,
      ...['--optimizer', 'sgd,adam', '--criterion', 'target', '--target', '0.05'],
      ...['--method', 'halving', '--seed', '3', '--out', f('t.json'), '--csv', f('t.csv')],
    ]);
  });

  it('prints each tuned optimizer with its budget and the k-times-faster figure; writes JSON and CSV', async () => {
    const r = await run;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/successive halving \(η = 3\)/);
    expect(r.stdout).toMatch(/budget per optimizer: 9 trials × 120 steps/);
    expect(r.stdout).toMatch(/criterion: steps to reach loss ≤ 0\.05/);
    const out = json('t.json');
    expect(out.format).toBe('landscape-lab-tune/1');
    expect(out.plan).toEqual([
      { configs: 9, steps: 13 },
      { configs: 3, steps: 40 },
      { configs: 1, steps: 120 },
    ]);
    expect(out.optimizers.map((o: { label: string }) => o.label)).toEqual(['SGD', 'Adam']);
    for (const o of out.optimizers) {
      expect(o.used.trials).toBeLessThanOrEqual(9);
      expect(o.used.stepUnits).toBeLessThanOrEqual(9 * 120);
      expect(o.trials).toHaveLength(13);
      expect(o.curve).toHaveLength(121);
    }
    const [tf] = out.timesFaster;
    expect(tf).toMatchObject({ a: 'SGD', b: 'Adam', target: 0.05 });
    expect(tf.stepsA).toBe(out.optimizers[0].best.reached);
    expect(r.stdout).toContain(`SGD needs ${tf.stepsA} steps, Adam ${tf.stepsB}`);
    const csv = readFileSync(f('t.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe(
      'optimizer,config,rung,steps,lr,momentum,final,best,reached,score,diverged_at',
    );
    expect(csv).toHaveLength(1 + 2 * 13);
  });

  it('the same seed gives the same file twice', async () => {
    const args = [...base, '--momentum', '--seed', '5'];
    await inProcess([...args, '--out', f('a.json')]);
    await inProcess([...args, '--out', f('b.json')]);
    expect(json('b.json')).toEqual(json('a.json'));
  });

  it('names the flag of every bad value', async () => {
    for (const [args, re] of bad) {
      const r = await inProcess(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(re);
    }
  });
});
