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

  it('names the flag of every bad value', async () => {
    const cases: [string[], RegExp][] = [
      [['--batches', '0,4'], /--batches: '0' is not an integer from 1 to --samples \(256\)/],
      [['--batches', '4,300'], /--batches: '300' is not an integer/],
      [['--lrs', '0.1,-1'], /--lrs: '-1' is not a number above 0/],
      [['--lrs', Array(21).fill('0.1').join(',')], /--lrs: at most 20 values, got 21/],
      [['--seeds', '0'], /--seeds must be between 1 and 1000, got 0/],
      [['--optimizer', '{"type":"SGD","lr":-1}'], /--optimizer:\n.*optimizer\.lr/],
      [['--steps', '100000', '--seeds', '1000'], /over the cap/],
    ];
    for (const [args, re] of cases) {
      const r = await inProcess(['basin-map', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(re);
    }
  });
});
