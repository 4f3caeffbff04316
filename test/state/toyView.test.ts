import { describe, expect, it } from 'vitest';
import type { ToyOutcome } from '../../src/gpu/toy/toyExperiment';
import { defaultToySettings } from '../../src/state/toySpec';
import { toyFacts, toyLandscapeView, toyProgressText, toyWarning } from '../../src/state/toyView';

const set = {
  kind: 'circle' as const,
  n: 2,
  points: Float64Array.from([0, 0, 1, 1]),
  labels: Uint8Array.from([0, 1]),
};
function outcome(patch: Partial<ToyOutcome> = {}): ToyOutcome {
  return {
    net: { id: 'mlp', paramNames: [], shapes: [] },
    split: { train: set, test: set },
    history: {
      loss: Float64Array.from([0.7, 0.3]),
      accuracy: Float64Array.from([50, 90]),
      lr: Float64Array.from([0.03, 0]),
    },
    steps: 2,
    divergedAt: null,
    seconds: { train: 1.5, slice: 0.5 },
    train: { loss: 0.05, acc: 98 },
    test: { loss: 0.06, acc: 96.4 },
    weights: [],
    slice: {
      xcoordinates: [-1, 0, 1],
      ycoordinates: [-1, 0, 1],
      loss: Float64Array.from([3, 2, 3, 2, 0.05, 2, 3, Infinity, 3]),
      acc: new Float64Array(9),
      range: { x: [-1, 1], y: [-1, 1] },
    },
    roughness: { tvLogLoss: 1.234 } as ToyOutcome['roughness'],
    pca: {
      explainedVarianceRatio: [0.9, 0.05],
      steps: [0, 1, 2],
      x: Float64Array.from([-1, -0.5, 0]),
      y: Float64Array.from([0.5, 0.1, 0]),
      relativeResidual: new Float64Array(3),
    },
    map: null,
    ...patch,
  };
}

describe('what the toy panel shows of a run', () => {
  it('names the step a diverged run blew up at, and a loss that grew', () => {
    expect(toyWarning(outcome({ divergedAt: 3 }))).toBe(
      'Training diverged at step 3: try a smaller learning rate.',
    );
    expect(
      toyWarning(
        outcome({
          history: {
            loss: Float64Array.from([0.7, 6.5e6]),
            accuracy: new Float64Array(2),
            lr: new Float64Array(2),
          },
        }),
      ),
    ).toBe(
      'The loss grew from 0.70 to 6.5e+6: the learning rate is far too large; try a smaller one.',
    );
    expect(toyWarning(outcome())).toBeNull();
  });

  it('makes the slice a landscape view with the PCA trajectory, non-finite losses as diverged (+∞)', () => {
    const v = toyLandscapeView(
      outcome(),
      { ...defaultToySettings(), toy: 'circle' },
      'WebAssembly',
    )!;
    expect(v.title).toBe('MLP 2-16-16-2 on circle');
    expect(Array.from(v.xs)).toEqual([-1, 0, 1]);
    // Computed but diverged: drawn as the highest loss, never hatched as "not computed".
    expect(v.loss[7]).toBe(Infinity);
    expect(v.trajectory).toMatchObject({
      steps: [0, 1, 2],
      x: [-1, -0.5, 0],
      explainedVariance: [0.9, 0.05],
    });
    expect(toyLandscapeView(outcome({ slice: null }), defaultToySettings(), null)).toBeNull();
  });

  it('lists accuracy, loss, steps, time, roughness and explained variance', () => {
    const f = Object.fromEntries(
      toyFacts(outcome(), defaultToySettings()).map((x) => [x.id, x.value]),
    );
    expect(f).toMatchObject({
      'test-acc': '96.4 %',
      'train-acc': '98.0 %',
      loss: '0.0500 / 0.0600',
      roughness: '1.23',
      pca: '90.0 % + 5.0 %',
    });
    expect(f.steps).toBe('2 × batch 2 (Adam, lr 0.03)');
    expect(
      toyFacts(
        outcome({ train: null, test: null, pca: null, roughness: null }),
        defaultToySettings(),
      ).map((x) => x.id),
    ).toEqual(['steps', 'seconds']);
  });

  it('says what a run is doing', () => {
    const r = {
      status: 'running' as const,
      step: 40,
      steps: 150,
      loss: 0.5,
      sliceDone: 0,
      sliceTotal: 0,
      error: null,
    };
    expect(toyProgressText(r)).toBe('Training: step 40/150, batch loss 0.500…');
    expect(toyProgressText({ ...r, sliceDone: 5, sliceTotal: 625 })).toBe(
      'Slicing the loss: 5/625 points…',
    );
    expect(toyProgressText({ ...r, status: 'error', error: 'boom' })).toBe('Training failed: boom');
  });
});
