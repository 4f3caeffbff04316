import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceRuns, referenceSchedules } from '../core/referenceCases';
import { cli } from './runCli';

const tmp = mkdtempSync(path.join(tmpdir(), 'landscape-lab-cli-'));
function configFile(name: string, config: unknown): string {
  const file = path.join(tmp, `${name.replace(/\W/g, '_')}.json`);
  writeFileSync(file, JSON.stringify(config));
  return file;
}

const within = (a: number, ref: number, atol: number) =>
  Math.abs(a - ref) <= atol + 1e-9 * Math.abs(ref);

describe('landscape-lab trajectory reproduces the PyTorch reference runs', () => {
  // Every optimizer and variant once, on the quadratic bowl (300 steps): the CLI's plumbing is
  // what is tested here; run() itself meets all the surfaces in test/core.
  const runs = referenceRuns().filter((r) => r.id.startsWith('quadratic/'));
  // One process per case, as a user would run them; in parallel to keep the suite quick.
  const outputs = Promise.all(
    runs.map((r) => cli(['trajectory', '--config', configFile(r.id, r.config)])),
  );
  runs.forEach((ref, i) => {
    it(
      ref.id,
      async () => {
        const out = (await outputs)[i];
        expect(out.stderr).toBe('');
        expect(out.code).toBe(0);
        const json = JSON.parse(out.stdout);
        expect(json.params).toHaveLength(ref.params.length);
        json.params
          .flat()
          .forEach((v: number, k: number) =>
            expect(within(v, ref.params.flat()[k], ref.atol)).toBe(true),
          );
        json.loss.forEach((v: number, k: number) =>
          expect(Math.abs(v - ref.loss[k]) <= ref.atol * (1 + Math.abs(ref.loss[k]))).toBe(true),
        );
        expect(json.lr.every((v: number) => v === ref.lr)).toBe(true);
        expect(json.divergedAt).toBeNull();
        // The first case waits for all the processes started together: on a loaded 2-core
        // machine that is minutes, not the default minute.
      },
      300_000,
    );
  });

  it('reads the config from stdin with --config -', async () => {
    const ref = runs[0];
    const out = await cli(['trajectory', '--config', '-'], JSON.stringify(ref.config));
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).params[0][0]).toBeCloseTo(ref.params[0][0], 12);
  });
});

describe('landscape-lab schedule', () => {
  it('prints the reference lr (and OneCycle momentum) of every step', async () => {
    for (const ref of referenceSchedules()) {
      const out = await cli(['schedule', '--config', configFile(`sched_${ref.id}`, ref.config)]);
      expect(out.code, out.stderr).toBe(0);
      const json = JSON.parse(out.stdout);
      ref.lr.forEach((v, k) => expect(Math.abs(json.lr[k] - v) <= 1e-9 * Math.abs(v)).toBe(true));
      if (ref.momentum)
        ref.momentum.forEach((v, k) =>
          expect(Math.abs(json.momentum[k] - v) <= 1e-9 * v).toBe(true),
        );
    }
  });
});

describe('landscape-lab tells the user what is wrong, with exit code 2 and no stack trace', () => {
  const bad = async (args: string[], stdin: string | undefined, ...fragments: string[]) => {
    const out = await cli(args, stdin);
    expect(out.code).toBe(2);
    for (const f of fragments) expect(out.stderr).toContain(f);
    expect(out.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(out.stdout).toBe('');
  };
  it('names each bad field of a config', () =>
    bad(
      ['trajectory', '--config', '-'],
      JSON.stringify({
        surface: 'rosenbrok',
        steps: 1e9,
        optimizer: { type: 'Adam', lr: -1, betas: [0.9, 1.5] },
      }),
      "surface: unknown surface 'rosenbrok'",
      'steps: must be an integer',
      'optimizer.lr: must be ≥ 0',
      'optimizer.betas',
    ));
  it('rejects an unknown optimizer and lists the known ones', () =>
    bad(
      ['trajectory', '--config', '-'],
      '{"surface":"saddle","optimizer":{"type":"Adamm"}}',
      "optimizer.type: unknown optimizer 'Adamm'",
      'AdamW',
    ));
  it('reports invalid JSON', () =>
    bad(['trajectory', '--config', '-'], '{"surface": ', 'not valid JSON'));
  it('reports a missing file', () =>
    bad(['trajectory', '--config', '/nonexistent/x.json'], undefined, 'no such file'));
  it('reports a missing --config', () => bad(['trajectory'], undefined, 'missing --config'));
  it('reports an unknown flag', () =>
    bad(['trajectory', '--confg', 'x'], undefined, "Unknown option '--confg'"));
  it('reports an unknown command', () => bad(['fly'], undefined, "unknown command 'fly'"));
  it('rejects a scheduler the optimizer cannot run', () =>
    bad(
      ['schedule', '--config', '-'],
      JSON.stringify({
        surface: 'quadratic',
        optimizer: { type: 'Adagrad' },
        scheduler: { type: 'OneCycleLR', max_lr: 0.1, total_steps: 10 },
      }),
      'scheduler',
    ));
});

describe('landscape-lab --help', () => {
  it('lists the commands, and each command explains itself', async () => {
    const top = await cli(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/trajectory/);
    expect(top.stdout).toMatch(/schedule/);
    for (const c of ['trajectory', 'schedule']) {
      const out = await cli([c, '--help']);
      expect(out.code).toBe(0);
      expect(out.stdout).toContain(`Usage: landscape-lab ${c}`);
    }
  });
  it('reports a diverged run in its JSON, with exit code 0', async () => {
    const out = await cli(
      ['trajectory', '--config', '-'],
      JSON.stringify({ surface: 'rosenbrock', steps: 500, optimizer: { type: 'SGD', lr: 0.5 } }),
    );
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).divergedAt).toBeGreaterThan(0);
  });
});
