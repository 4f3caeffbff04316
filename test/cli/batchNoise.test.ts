// Batch-size scaling, batch-size schedules and the gradient noise scale in `trajectory` and `train` (#14).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseTrainFlags } from '../../src/cli/commands/train';
import { parseRunConfig } from '../../src/core/config';
import { finiteSumTraceSigma, surfaceNoiseScale } from '../../src/core/sampling/noiseScale';
import { drawNoiseVectors } from '../../src/core/sampling/finiteSum';
import { getSurface } from '../../src/core/surfaces/registry';
import { cli } from './runCli';

const tmp = mkdtempSync(path.join(tmpdir(), 'landscape-lab-batch-'));

const config = {
  surface: 'quadratic',
  start: [1, 0.5],
  steps: 30,
  optimizer: { type: 'SGD', lr: 0.01 },
  batch: {
    size: 4,
    samples: 64,
    noise: 1,
    seed: 2,
    scaling: { rule: 'sqrt', base_size: 4 },
    schedule: { milestones: [10, 20], factor: 4 },
  },
};

describe('landscape-lab trajectory with batch.schedule and --noise-scale', () => {
  test('prints each step’s B, the √-scaled lr and B_noise at each step’s point', async () => {
    const run = await cli(['trajectory', '--config', '-', '--noise-scale'], JSON.stringify(config));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.batch.slice(8, 12)).toEqual([4, 4, 16, 16]);
    expect(out.batch[29]).toBe(64);
    expect(out.lr[9]).toBeCloseTo(0.01, 15);
    expect(out.lr[10]).toBeCloseTo(0.02, 15);
    expect(out.lr[20]).toBeCloseTo(0.04, 15);
    const tr = finiteSumTraceSigma(drawNoiseVectors(64, 1, 2));
    const s = getSurface('quadratic', {});
    expect(out.noiseScale[0]).toBeCloseTo(surfaceNoiseScale(s, tr, 1, 0.5), 12);
    const [x4, y4] = out.params[4] as [number, number];
    expect(out.noiseScale[5]).toBeCloseTo(surfaceNoiseScale(s, tr, x4, y4), 9);
  });

  test('names the bad field, and --noise-scale without a batch', async () => {
    const bad = await cli(
      ['trajectory', '--config', '-'],
      JSON.stringify({ ...config, batch: { ...config.batch, scaling: { rule: 'cube' } } }),
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/batch\.scaling\.rule: must be one of none, linear, sqrt/);
    expect(bad.stderr).toMatch(/batch\.scaling\.base_size: must be an integer/);
    const none = await cli(
      ['trajectory', '--config', '-', '--noise-scale'],
      JSON.stringify({ ...config, batch: null }),
    );
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--noise-scale: needs a "batch"/);
    expect(parseRunConfig(config).ok).toBe(true);
  });
});

describe('landscape-lab train with a batch schedule and --noise-scale', () => {
  test('B doubles at the milestone, the lr follows linearly, B_noise is written', async () => {
    const out = path.join(tmp, 'r20');
    const run = await cli([
      ...['train', '--model', 'resnet-20', '--steps', '4', '--batch', '8', '--quiet'],
      ...['--scheduler', 'null', '--optimizer', '{"type":"SGD","lr":0.05}'],
      ...['--batch-scaling', '{"rule":"linear","base_size":8}'],
      ...['--batch-schedule', '{"milestones":[2],"factor":2}'],
      ...['--noise-scale', '4,16', '--noise-draws', '2', '--out', out],
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const log = JSON.parse(readFileSync(path.join(out, 'train.json'), 'utf8'));
    expect(log.history.batch).toEqual([8, 8, 16, 16]);
    expect(log.history.lr).toEqual([0.05, 0.05, 0.1, 0.1]);
    expect(log.batchSchedule).toEqual({ milestones: [2], factor: 2, change: 'batch' });
    expect(log.noiseScale).toMatchObject({ small: { size: 4 }, big: { size: 16 }, draws: 2 });
    expect(Number.isFinite(log.noiseScale.gradSq)).toBe(true);
  }, 120_000);

  test('bad batch flags name the flag', async () => {
    const base = ['--model', 'resnet-20', '--out', path.join(tmp, 'x')];
    const cases: [string[], RegExp][] = [
      [
        ['--batch-scaling', '{"rule":"cubic","base_size":8}'],
        /--batch-scaling\.rule: must be one of/,
      ],
      [['--batch-schedule', '{"milestones":[]}'], /--batch-schedule\.milestones: must be 1 to 100/],
      [['--noise-scale', '8'], /--noise-scale must be SMALL,BIG/],
      [['--noise-scale', '8,8'], /--noise-scale must be between 9 and/],
      [['--noise-draws', '3'], /--noise-draws: only with --noise-scale/],
      [['--noise-scale', '2,4', '--noise-draws', '0'], /--noise-draws must be between 1 and 1000/],
    ];
    for (const [args, re] of cases)
      await expect(parseTrainFlags([...base, ...args])).rejects.toThrow(re);
  });
});
