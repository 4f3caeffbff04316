import { describe, expect, it } from 'vitest';
import {
  TOY_DEFAULT_BATCH,
  TOY_DEFAULT_HIDDEN,
  TOY_DEFAULT_OPTIMIZER,
  TOY_DEFAULT_STEPS,
} from '../../src/cli/commands/toy';
import {
  defaultToySettings,
  TOY_BATCH,
  TOY_HIDDEN,
  TOY_LR,
  TOY_STEPS,
  TOY_TRAIN_POINTS,
  toySpec,
} from '../../src/state/toySpec';

describe('the toy panel settings as a ToySpec', () => {
  it('uses the CLI defaults (landscape-lab toy)', () => {
    expect({ TOY_HIDDEN, TOY_LR, TOY_STEPS, TOY_BATCH }).toEqual({
      TOY_HIDDEN: TOY_DEFAULT_HIDDEN,
      TOY_LR: TOY_DEFAULT_OPTIMIZER.lr,
      TOY_STEPS: TOY_DEFAULT_STEPS,
      TOY_BATCH: TOY_DEFAULT_BATCH,
    });
    const spec = toySpec({ ...defaultToySettings(), toy: 'circle' });
    expect(spec).toMatchObject({
      data: 'circle',
      n: 500,
      testShare: 0.5,
      hidden: [16, 16],
      activation: 'tanh',
      steps: 1000,
      batch: 50,
      seed: 0,
      directions: 'pca',
      scheduler: { type: 'CosineAnnealingLR', T_max: 1000, eta_min: 0 },
    });
    expect(spec.optimizer).toMatchObject({ type: 'Adam', hp: { lr: 0.03, betas: [0.9, 0.999] } });
    expect(spec.mapSize).toBeGreaterThan(0);
  });

  it('gives SGD + momentum its μ and plain SGD none', () => {
    expect(
      toySpec({ ...defaultToySettings(), toyOpt: 'momentum', toyMomentum: 0.5 }).optimizer,
    ).toMatchObject({ type: 'SGD', hp: { momentum: 0.5 } });
    expect(
      toySpec({ ...defaultToySettings(), toyOpt: 'sgd', toyMomentum: 0.5 }).optimizer,
    ).toMatchObject({ type: 'SGD', hp: { momentum: 0 } });
    expect(toySpec({ ...defaultToySettings(), toyOpt: 'rmsprop' }).optimizer.type).toBe('RMSprop');
  });

  it('caps the batch at the training points (batch = all of them is exact gradient descent)', () => {
    expect(toySpec({ ...defaultToySettings(), toyBatch: 10_000 }).batch).toBe(TOY_TRAIN_POINTS);
    expect(toySpec({ ...defaultToySettings(), toySteps: 1 }).directions).toBe('random');
  });
});
