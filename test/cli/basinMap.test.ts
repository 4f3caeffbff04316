import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inProcess } from './runCli';

const tmp = mkdtempSync(path.join(tmpdir(), 'landscape-lab-basin-'));
const f = (name: string) => path.join(tmp, name);

describe('landscape-lab basin-map', () => {
  it('prints the map, writes JSON and CSV with every cell', async () => {
    const r = await inProcess([
      ...['basin-map', '--batches', '4,256', '--lrs', '0.05,0.4', '--seeds', '6'],
      ...['--out', f('m.json'), '--csv', f('m.csv')],
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/6 seeds per cell, 500 steps/);
    expect(r.stdout).toMatch(/^ {2}256 +0\/6\/0 +0\/6\/0 *$/m);
    const out = JSON.parse(readFileSync(f('m.json'), 'utf8'));
    expect(out.format).toBe('landscape-lab-basin-map/1');
    expect(out.cells).toHaveLength(4);
    const csv = readFileSync(f('m.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('batch,lr,sharp,flat,other,flat_share');
    expect(csv).toContain('256,0.05,6,0,0,0');
  });

  it('--toy: λ_max where the toy MLP ends at each batch size, as a table, JSON and CSV', async () => {
    const r = await inProcess([
      ...['basin-map', '--toy', 'xor', '--n', '40', '--hidden', '4', '--batches', '2,20'],
      ...['--steps', '40', '--out', f('t.json'), '--csv', f('t.csv')],
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/MLP 2-4-2 \(tanh\), SGD, 40 steps at every batch size/);
    expect(r.stdout).toMatch(/^ {2}20 +40 +[\d.]+ +[\d.]+/m);
    const out = JSON.parse(readFileSync(f('t.json'), 'utf8'));
    expect(out.mode).toBe('toy');
    expect(out.rows.map((x: { batch: number }) => x.batch)).toEqual([2, 20]);
    expect(out.rows.every((x: { lambdaMax: number }) => x.lambdaMax > 0)).toBe(true);
    expect(readFileSync(f('t.csv'), 'utf8').split('\n')[0]).toBe('batch,steps,loss,lambda_max');
  });

  it('names the flag of every bad value', async () => {
    const cases: [string[], RegExp][] = [
      [['--batches', '0,4'], /--batches: '0' is not an integer from 1 to --samples \(256\)/],
      [['--batches', '4,300'], /--batches: '300' is not an integer/],
      [['--lrs', '0.1,-1'], /--lrs: '-1' is not a number above 0/],
      [['--lrs', Array(21).fill('0.1').join(',')], /--lrs: at most 20 values, got 21/],
      [['--seeds', '0'], /--seeds must be between 1 and 1000, got 0/],
      [['--optimizer', '{"type":"SGD","lr":-1}'], /--optimizer:\n.*optimizer\.lr/],
      [['--steps', '100000', '--seeds', '1000'], /over the cap/],
      [['--n', '40'], /--n: only with --toy/],
      [['--toy', 'xor', '--lrs', '0.1'], /--lrs: not with --toy/],
      [['--toy', 'moons'], /--toy: unknown data set 'moons'/],
      [
        ['--toy', 'xor', '--n', '40', '--batches', '30'],
        /--batches: '30' is not an integer from 1 to the 20 training points/,
      ],
      [['--toy', 'xor', '--steps', '5', '--epochs', '5'], /--steps and --epochs: give one/],
      [['--toy', 'xor', '--optimizer', '{"type":"Newton"}'], /--optimizer\.type: Newton needs/],
    ];
    for (const [args, re] of cases) {
      const r = await inProcess(['basin-map', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(re);
    }
  });
});
