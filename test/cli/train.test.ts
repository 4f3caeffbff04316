// `landscape-lab train`, run as a user runs it (the package's bin script in a child process).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { readCheckpoints } from '../../src/cli/commands/train';
import { buildModel, loadWeights } from '../../src/gpu/modelZoo';
import { useTestBackend } from '../gpu/setup';
import { cli } from './runCli';

beforeAll(useTestBackend);

const tmp = mkdtempSync(path.join(tmpdir(), 'landscape-lab-train-'));

describe('landscape-lab train', () => {
  test('a few steps of resnet-20: weights, checkpoints and train.json that fit together', async () => {
    const out = path.join(tmp, 'r20');
    const run = await cli([
      'train',
      '--model',
      'resnet-20',
      '--steps',
      '5',
      '--batch',
      '16',
      '--checkpoint-every',
      '2',
      '--seed',
      '3',
      '--quiet',
      '--out',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const log = JSON.parse(readFileSync(path.join(out, 'train.json'), 'utf8'));
    expect(log.format).toBe('landscape-lab-train/1');
    expect(log.command).toBe(
      `landscape-lab train --model resnet-20 --steps 5 --batch 16 --checkpoint-every 2 --seed 3 --quiet --out ${out}`,
    );
    expect(log.steps).toBe(5);
    expect(log.history.loss).toHaveLength(5);
    expect(log.history.loss.every(Number.isFinite)).toBe(true);
    // Default: SGD lr 0.1 momentum 0.9, warm-up from 0.01 (⌊5/4⌋ = 1 step here), then a cosine.
    expect(log.optimizer).toMatchObject({ type: 'SGD', hp: { lr: 0.1, momentum: 0.9 } });
    expect(log.scheduler.type).toBe('SequentialLR');
    expect(log.history.lr[0]).toBeCloseTo(0.01, 6);
    expect(log.history.lr[1]).toBeCloseTo(0.1, 6);
    expect(log.history.lr[4]).toBeLessThan(0.1);
    expect(log.test.accuracy).toBeGreaterThanOrEqual(0);
    expect(log.test.accuracy).toBeLessThanOrEqual(1);
    expect(log.seconds).toBeGreaterThan(0);

    const net = buildModel('resnet-20');
    const manifest = JSON.parse(readFileSync(path.join(out, 'weights.json'), 'utf8'));
    const w = loadWeights(net, manifest, readFileSync(path.join(out, 'weights.bin')));
    const cps = await readCheckpoints(out);
    expect(cps.steps).toEqual([0, 2, 4, 5]);
    expect(cps.shapes).toEqual(net.params.map((p) => [...p.shape]));
    // The last checkpoint is the final weights.
    const flat = Float32Array.from(w.params.flatMap((t) => Array.from(t.dataSync())));
    expect(Array.from(cps.params[3])).toEqual(Array.from(flat));
    expect(Array.from(cps.params[0])).not.toEqual(Array.from(flat));
    tf.dispose([...w.params, ...w.buffers]);
  }, 60_000);

  test('--help prints the usage', async () => {
    const run = await cli(['train', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: landscape-lab train --model NAME --out DIR/);
    expect(run.stdout).toMatch(/resnet-56-ns/);
  });

  test('--config FILE supplies the optimizer and scheduler', async () => {
    const cfg = path.join(tmp, 'cfg.json');
    writeFileSync(cfg, JSON.stringify({ optimizer: { type: 'Adam', lr: 0.003 }, scheduler: null }));
    const out = path.join(tmp, 'adam');
    const run = await cli([
      'train',
      '--model',
      'resnet-20-ns',
      '--steps',
      '2',
      '--batch',
      '8',
      '--config',
      cfg,
      '--quiet',
      '--out',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const log = JSON.parse(readFileSync(path.join(out, 'train.json'), 'utf8'));
    expect(log.optimizer.type).toBe('Adam');
    expect(log.scheduler).toBeNull();
    expect(log.history.lr).toEqual([0.003, 0.003]);
  }, 60_000);

  const bad: [string, string[], RegExp][] = [
    ['unknown model', ['--model', 'resnet-21', '--out', 'x'], /--model: unknown model 'resnet-21'/],
    ['missing model', ['--out', 'x'], /--model: missing/],
    ['missing out', ['--model', 'resnet-20'], /--out: missing/],
    [
      'zero batch',
      ['--model', 'resnet-20', '--batch', '0', '--out', 'x'],
      /--batch must be between 1 and 1000000, got 0/,
    ],
    [
      'fractional steps',
      ['--model', 'resnet-20', '--steps', '2.5', '--out', 'x'],
      /--steps must be an integer ≥ 1, got '2.5'/,
    ],
    [
      'epochs and steps',
      ['--model', 'resnet-20', '--steps', '2', '--epochs', '1', '--out', 'x'],
      /--epochs and --steps/,
    ],
    ['unknown flag', ['--model', 'resnet-20', '--bogus', '--out', 'x'], /--bogus/],
    [
      'bad optimizer JSON',
      ['--model', 'resnet-20', '--optimizer', '{lr:1}', '--out', 'x'],
      /--optimizer: not valid JSON/,
    ],
    [
      'bad optimizer value',
      ['--model', 'resnet-20', '--optimizer', '{"type":"SGD","lr":-1}', '--out', 'x'],
      /--optimizer\.lr/,
    ],
    [
      'bad scheduler',
      ['--model', 'resnet-20', '--scheduler', '{"type":"StepLR"}', '--out', 'x'],
      /--scheduler\.step_size/,
    ],
    [
      'missing config',
      ['--model', 'resnet-20', '--config', '/nonexistent.json', '--out', 'x'],
      /--config: cannot read/,
    ],
  ];
  test.concurrent.each(bad)(
    '%s → exit 2 naming the flag',
    async (_name, args, message) => {
      const run = await cli(['train', ...args]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    },
    30_000,
  );
});
