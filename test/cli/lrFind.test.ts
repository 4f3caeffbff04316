import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { parseRunConfig } from '../../src/core/config';
import { RANGE_TEST_DEFAULTS, rangeTestLrs, surfaceRangeTest } from '../../src/core/lrRangeTest';
import { cli, type CliRun } from './runCli';

const tmp = mkdtempSync(path.join(tmpdir(), 'landscape-lab-lr-find-'));
const f = (name: string) => path.join(tmp, name);
const json = (name: string) => JSON.parse(readFileSync(f(name), 'utf8'));

/** main() in this process with captured output (the bin's code path without its start-up). */
async function inProcess(args: string[]): Promise<CliRun> {
  let stdout = '',
    stderr = '';
  const code = await main(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => '',
  });
  return { code, stdout, stderr };
}

const surface = ['lr-find', '--surface', 'quadratic', '--surface-params', '{"kappa": 25}'];
const toy = ['lr-find', '--toy', 'circle', '--n', '60', '--hidden', '4', '-q'];

const bad: [string[], RegExp][] = [
  [['lr-find'], /missing target: --surface NAME, --toy DATA or --model NAME/],
  [['lr-find', '--surface', 'quadratic', '--toy', 'xor'], /--surface, --toy: give one target/],
  [
    ['lr-find', '--surface', 'bowl'],
    /--surface: unknown surface 'bowl' \(known: quadratic, saddle,/,
  ],
  [['lr-find', '--surface', 'saddle'], /--surface: saddle is unbounded below/],
  [
    [...surface.slice(0, 3), '--surface-params', '{"kappa": 0}'],
    /--surface-params: surface_params\.kappa: must be a number from 1 to 1000 \(got 0\)/,
  ],
  [[...surface, '--start-lr', '0'], /--start-lr must be between 1e-12 and 1000000, got 0/],
  [[...surface, '--start-lr', '1', '--end-lr', '0.5'], /--end-lr must be above --start-lr 1/],
  [[...surface, '--steps', '1'], /--steps must be between 2 and 100000, got 1/],
  [[...surface, '--smooth', '1'], /--smooth must be between 0 and 0.9999, got 1/],
  [[...surface, '--diverge', '1'], /--diverge must be between 1.0001 and 1000000, got 1/],
  [[...surface, '--batch', '300'], /--batch must be between 1 and 256, got 300/],
  [[...surface, '--optimizer', '{"type":"SGD","lr":-1}'], /--optimizer: optimizer\.lr/],
  [[...surface, '--hidden', '4'], /--hidden: only with --toy/],
  [[...toy, '--samples', '10'], /--samples: only with --surface/],
  [[...toy, '--noise', '2'], /--noise must be between 0 and 0.5, got 2/],
  [
    [...toy, '--optimizer', '{"type":"Newton"}'],
    /--optimizer\.type: Newton needs the exact Hessian/,
  ],
  [['lr-find', '--model', 'resnet-7'], /unknown model 'resnet-7'/],
  [
    [...surface, '--steps', '100000', '--samples', '100000', '--batch', '100000'],
    /--steps × --batch: 10,000,000,000 sample gradients, over the cap of 1,000,000,000/,
  ],
  [[...surface, '--out', f('no/such/folder/x.json')], /--out: cannot write '.*': the folder/],
  [[...surface, '--out', f('same'), '--csv', f('same')], /--csv: same path as --out/],
];

describe('landscape-lab lr-find', () => {
  let surfaceRun: Promise<CliRun>, toyRun: Promise<CliRun>, zooRun: Promise<CliRun>;
  let badRuns: Promise<CliRun[]>;
  beforeAll(() => {
    surfaceRun = cli([...surface, '--out', f('q.json'), '--csv', f('q.csv')]);
    toyRun = inProcess([
      ...toy,
      ...['--steps', '40', '--start-lr', '1e-3', '--end-lr', '1e3', '--out', f('toy.json')],
    ]);
    zooRun = inProcess([
      ...['lr-find', '--model', 'resnet-20', '--steps', '6', '--batch', '8', '-q'],
      ...['--start-lr', '1e-3', '--end-lr', '0.1', '--out', f('r20.json'), '--csv', f('r20.csv')],
    ]);
    badRuns = Promise.all(bad.map(([args]) => inProcess(args)));
  });

  it('on a surface: prints the suggestions, writes the curve as JSON and CSV', async () => {
    const r = await surfaceRun;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = json('q.json');
    expect(j.format).toBe('landscape-lab-lr-find/1');
    expect(j.target).toEqual({
      kind: 'surface',
      surface: 'quadratic',
      surfaceParams: { kappa: 25 },
      start: [-4, 1],
    });
    expect(j.optimizer.hp.lr).toBeUndefined();
    expect(j.stop).toBe('diverged');
    expect(j.lr).toEqual(Array.from(rangeTestLrs(RANGE_TEST_DEFAULTS).subarray(0, j.steps)));
    // The same test through the core: the CLI adds nothing to the numbers.
    const cfg = parseRunConfig({
      surface: 'quadratic',
      surface_params: { kappa: 25 },
      optimizer: { type: 'SGD' },
      batch: { size: 32, samples: 256, noise: 1, seed: 0 },
    });
    if (!cfg.ok) throw new Error(cfg.errors.join());
    const core = surfaceRangeTest(cfg.value, RANGE_TEST_DEFAULTS);
    expect(j.losses).toEqual(Array.from(core.losses));
    expect(j.suggestions).toEqual(JSON.parse(JSON.stringify(core.suggestions)));
    const maxLr = j.suggestions.maxLr.lr;
    expect(maxLr).toBeLessThan(2 / 25);
    expect(maxLr).toBeGreaterThan(0.2 / 25);
    expect(r.stdout).toContain(
      `OneCycleLR max_lr  ${Number(maxLr.toPrecision(4))} (blow-up lr / 10)`,
    );
    expect(r.stdout).toMatch(/"type":"OneCycleLR","max_lr":0\.0\d+,"total_steps":STEPS/);

    const csv = readFileSync(f('q.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[0]).toBe('step,lr,loss,smoothed');
    expect(csv.length).toBe(j.steps + 1);
    const row = (i: number) => csv[i + 1].split(',').map(Number);
    expect(row(0)).toEqual([1, j.lr[0], j.losses[0], j.smoothed[0]]);
    expect(row(j.steps - 1)).toEqual([
      j.steps,
      j.lr[j.steps - 1],
      j.losses[j.steps - 1],
      j.smoothed[j.steps - 1],
    ]);
  });

  it('on the toy MLP: trains until the loss blows up and says so', async () => {
    const r = await toyRun;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = json('toy.json');
    expect(j.target).toMatchObject({ kind: 'toy', data: 'circle', n: 60, hidden: [4] });
    expect(j.optimizer.type).toBe('Adam');
    expect(j.backend).toMatch(/wasm|cpu/);
    expect(j.stop).not.toBe('completed');
    expect(j.steps).toBeLessThan(40);
    expect(r.stdout).toMatch(
      /^lr-find toy circle: Adam, batch 50, \d+ of 40 steps from 0\.001 to 1000/,
    );
  });

  it('on a zoo ResNet: from its seeded init, on its training split', async () => {
    const r = await zooRun;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = json('r20.json');
    expect(j.target).toEqual({ kind: 'model', model: 'resnet-20', weights: 'init' });
    expect(j.optimizer).toMatchObject({ type: 'SGD', hp: { momentum: 0.9, weight_decay: 5e-4 } });
    expect(j.stop).toBe('completed');
    expect(j.lr).toEqual(Array.from(rangeTestLrs({ startLr: 1e-3, endLr: 0.1, steps: 6 })));
    // Ten classes from a random init: the first batch's cross-entropy is near ln 10.
    expect(Math.abs(j.losses[0] - Math.log(10))).toBeLessThan(1);
    expect(readFileSync(f('r20.csv'), 'utf8').trimEnd().split('\n').length).toBe(7);
    expect(r.stdout).toMatch(/ran to the end without blowing up/);
  });

  it('names each bad flag (exit 2) before any work', async () => {
    const runs = await badRuns;
    runs.forEach((r, i) => {
      expect(r.stderr, bad[i][0].join(' ')).toMatch(bad[i][1]);
      expect(r.code, bad[i][0].join(' ')).toBe(2);
    });
  });

  it('prints its help', async () => {
    const r = await inProcess(['lr-find', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: landscape-lab lr-find \(--surface NAME/);
    expect((await inProcess(['--help'])).stdout).toMatch(/\n {2}lr-find +LR range test/);
  });
});
