import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RangeTestResult } from '../../src/core/lrRangeTest';
import { startToyFindRunner } from '../../src/state/toyFindRunner';
import {
  idleToyFind,
  toyFindKey,
  TOY_FIND_SETTINGS,
  useToyFindStore,
} from '../../src/state/toyFindStore';
import { runToyExperiment } from '../../src/gpu/toy/toyExperiment';
import { idleToyRun, useToyStore } from '../../src/state/toyStore';
import { defaultToySettings, toySpec } from '../../src/state/toySpec';
import { ToyClient } from '../../src/worker/toyClient';
import { fakeToyPort } from './fakeToyPort';
import { computeToyFind } from '../../src/worker/toyCompute';
import type { ToyResponse } from '../../src/worker/toyProtocol';

describe('the LR range test on the toy MLP (worker compute)', () => {
  it('stops at the divergence rule, suggests a max_lr below the blow-up, reports progress, and leaves no tensors', async () => {
    const spec = toySpec({ ...defaultToySettings(), toy: 'circle' });
    const counts: number[] = [];
    let result: RangeTestResult | null = null;
    for (let k = 0; k < 2; k++) {
      const got: ToyResponse[] = [];
      result = await computeToyFind(
        {
          kind: 'find',
          seq: 4,
          spec,
          settings: { ...TOY_FIND_SETTINGS },
          backends: ['wasm', 'cpu'],
        },
        (m) => got.push(m),
        new AbortController().signal,
      );
      expect(got[0]).toMatchObject({ kind: 'backend', seq: 4 });
      expect(got.some((m) => m.kind === 'find-step' && m.step === 1)).toBe(true);
      expect(got.at(-1)).toMatchObject({ kind: 'found', seq: 4 });
      counts.push(tf.memory().numTensors);
    }
    const r = result!;
    // Adam (the panel's default) at lr → 100 on the tanh MLP blows up before the 100 steps end: the 4× rule fires.
    expect(r.stop).toBe('diverged');
    expect(r.steps).toBeLessThan(TOY_FIND_SETTINGS.steps);
    expect(r.smoothed[r.steps - 1]).toBeGreaterThan(TOY_FIND_SETTINGS.divergeThreshold * r.best);
    const s = r.suggestions;
    expect(s.blowUp!.lr).toBeCloseTo(r.lrs[r.steps - 1]);
    expect(s.maxLr!.lr).toBeCloseTo(s.blowUp!.lr / 10);
    expect(s.steepest!.lr).toBeLessThan(s.blowUp!.lr);
    // Tensors flat: the second test leaves exactly what the first did.
    expect(counts[1]).toBe(counts[0]);
  }, 60_000);

  it('stops when aborted, freeing its tensors', async () => {
    const spec = toySpec({ ...defaultToySettings(), toy: 'xor' });
    const before = tf.memory().numTensors;
    const ac = new AbortController();
    const run = computeToyFind(
      {
        kind: 'find',
        seq: 1,
        spec,
        settings: { ...TOY_FIND_SETTINGS },
        backends: ['wasm', 'cpu'],
      },
      (m) => {
        if (m.kind === 'find-step') ac.abort();
      },
      ac.signal,
    );
    await expect(run).rejects.toThrow();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});

describe('the toy range test runner and "Use as OneCycle max_lr"', () => {
  let fake = fakeToyPort();
  let stop = () => {};
  beforeEach(() => {
    fake = fakeToyPort();
    useToyStore.setState({
      settings: { ...defaultToySettings(), toy: 'circle', toyBatch: 25, toyOpt: 'rmsprop' },
      run: idleToyRun(),
    });
    useToyFindStore.setState({ find: idleToyFind() });
    stop = startToyFindRunner(() => new ToyClient(fake.port));
  });
  afterEach(() => stop());

  it('sends the panel’s spec with the test’s settings, cancels, and applies the suggestion to the toy’s schedule', () => {
    useToyFindStore.getState().start();
    expect(fake.sent[0]).toMatchObject({
      kind: 'find',
      seq: 1,
      settings: TOY_FIND_SETTINGS,
      spec: { data: 'circle', batch: 25, optimizer: { type: 'RMSprop' } },
    });
    useToyFindStore.getState().cancel();
    expect(fake.sent[1]).toEqual({ kind: 'cancel', seq: 1 });
    fake.answer({ kind: 'cancelled', seq: 1, numTensors: 0 });
    expect(useToyFindStore.getState().find.status).toBe('cancelled');
    // Nothing to apply without a result.
    expect(useToyFindStore.getState().apply()).toBeNull();

    useToyFindStore.getState().start();
    const suggestions = {
      steepest: null,
      minimum: null,
      blowUp: { lr: 1.23456, index: 80 },
      range: null,
      maxLr: { lr: 0.123456, rule: 'blow-up lr / 10' },
    };
    fake.answer({
      kind: 'found',
      seq: 2,
      result: { suggestions, steps: 81 } as unknown as RangeTestResult,
      numTensors: 3,
    });
    expect(useToyFindStore.getState().find).toMatchObject({ status: 'done', numTensors: 3 });
    expect(useToyFindStore.getState().apply()).toBe(0.123);
    const s = useToyStore.getState().settings;
    expect(s).toMatchObject({ toySched: 'onecycle', toyLr: 0.123 });
    // The training really runs OneCycleLR peaking there, over its steps.
    expect(toySpec(s).scheduler).toMatchObject({
      type: 'OneCycleLR',
      max_lr: 0.123,
      total_steps: s.toySteps,
    });
    expect(toySpec(defaultToySettings()).scheduler).toMatchObject({ type: 'CosineAnnealingLR' });
  });

  it('keys a curve by the data, net, optimizer and batch, not by the lr, schedule or steps it replaces', () => {
    const base = { ...defaultToySettings(), toy: 'circle' as const };
    const key = toyFindKey(base);
    expect(toyFindKey({ ...base, toyLr: 0.5, toySched: 'onecycle', toySteps: 10 })).toBe(key);
    expect(toyFindKey({ ...base, toyMomentum: 0.5 })).toBe(key); // Adam has no μ knob
    for (const patch of [
      { toyOpt: 'sgd' },
      { toyBatch: 10 },
      { toyNoise: 0 },
      { toySeed: 1 },
      { toy: 'xor' },
    ] as const)
      expect(toyFindKey({ ...base, ...patch })).not.toBe(key);
  });

  it('trains the toy MLP with OneCycle peaking at max_lr once applied', async () => {
    const s = {
      ...defaultToySettings(),
      toy: 'circle' as const,
      toySteps: 40,
      toySched: 'onecycle' as const,
      toyLr: 0.2,
    };
    const o = await runToyExperiment({ ...toySpec(s), grid: 3, directions: 'random', mapSize: 0 });
    const lr = Array.from(o.history.lr);
    const peak = Math.max(...lr);
    expect(peak).toBeCloseTo(0.2, 2);
    // Warm-up from max_lr / 25 (torch's div_factor), then down to far below it.
    expect(lr[0]).toBeCloseTo(0.2 / 25, 3);
    expect(lr.at(-1)!).toBeLessThan(peak / 100);
  }, 60_000);
});
