import { beforeAll, describe, expect, test } from 'vitest';
import { runToyExperiment } from '../../src/gpu/toy/toyExperiment';
import { defaultToySettings, toySpec } from '../../src/state/toySpec';
import { numTensors, useTestBackend } from './setup';

beforeAll(useTestBackend);

/**
 * Lesson 12's claim, on the page's own settings: 20 ReLU layers of 16 units, SGD + momentum 0.9,
 * lr 0.01, spiral. Xavier's variance rule, 2 / (fan_in + fan_out), halves the signal's variance
 * at every ReLU, so after 20 layers the logits are ~2⁻¹⁰ of the input's scale: the loss sits at
 * ln 2 (a coin flip) and its gradients vanish; Kaiming's 2 / fan_in keeps the variance and the net
 * trains. Measured (wasm, the page's cosine schedule): Xavier's batch loss within 0.03 of ln 2
 * at every step, 48 % test accuracy; Kaiming's training loss 0.015, test accuracy 96 %.
 */
const deepRelu = (init: 'xavier' | 'kaiming') =>
  toySpec({
    ...defaultToySettings(),
    toy: 'spiral',
    toyOpt: 'momentum',
    toyLr: 0.01,
    toyMomentum: 0.9,
    toySteps: 600,
    toySeed: 1,
    toyAct: 'relu',
    toyLayers: 20,
    toyInit: init,
  });

describe('initialisation decides whether a deep ReLU net trains (toy.init)', () => {
  test('the settings reach the spec: 20 hidden layers of 16, ReLU, the init asked for', () => {
    const s = deepRelu('xavier');
    expect(s.hidden).toEqual(Array(20).fill(16));
    expect(s.activation).toBe('relu');
    expect(s.init).toBe('xavier');
    expect(toySpec(defaultToySettings())).not.toHaveProperty('init');
  });

  test('Xavier stays at ln 2 for 600 steps; Kaiming leaves it; no tensor left behind', async () => {
    const before = numTensors();
    const run = async (init: 'xavier' | 'kaiming') => {
      const spec = { ...deepRelu(init), grid: 3, mapSize: 0 };
      return runToyExperiment(spec, {});
    };
    const xavier = await run('xavier');
    const kaiming = await run('kaiming');
    expect(xavier.history.loss).toHaveLength(600);
    for (const l of xavier.history.loss) expect(Math.abs(l - Math.LN2)).toBeLessThan(0.03);
    expect(xavier.test!.acc).toBeLessThan(60);
    expect(kaiming.train!.loss).toBeLessThan(0.1);
    expect(kaiming.test!.acc).toBeGreaterThan(90);
    expect(numTensors()).toBe(before);
  }, 120_000);
});
