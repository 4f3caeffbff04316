import { describe, expect, it } from 'vitest';
import { emptySurfaceGrid } from '../../src/io/surfaceFile';
import {
  emptyLineView,
  interpolationSentence,
  lineFromSurfaceGrid,
  withLinePoints,
} from '../../src/state/lineView';

const start = {
  path: 'interpolation',
  alphas: [-0.5, 0, 0.5, 1, 1.5],
  samples: 64,
  bn: 'train',
  initSeed: 0,
  dirSeed: null,
  dataset: 'fashion-mnist-7',
} as const;

describe('the 1D panel’s line', () => {
  it('starts empty with the init and trained marks, the BN sentence and sample count, and fills as points arrive', () => {
    const v = emptyLineView(start, 'ResNet-20 with skip connections', 'computed here');
    expect(v.marks).toEqual([
      { alpha: 0, label: 'init' },
      { alpha: 1, label: 'trained' },
    ]);
    expect(v.bn).toMatch(
      /batch statistics: the trained model’s running statistics do not describe the initial weights/,
    );
    expect(v.samples).toBe(64);
    expect(Array.from(v.computed)).toEqual([0, 0, 0, 0, 0]);
    const w = withLinePoints(v, [
      { index: 3, alpha: 1, loss: 0.5, acc: 80 },
      { index: 4, alpha: 1.5, loss: Infinity, acc: 10 },
    ]);
    expect(Array.from(w.computed)).toEqual([0, 0, 0, 1, 1]);
    expect(w.loss[3]).toBe(0.5);
    expect(w.loss[4]).toBe(Infinity);
    expect(v.computed[3]).toBe(0); // a copy, the old view unchanged
    const r = emptyLineView(
      { ...start, path: 'random', bn: 'eval', initSeed: null, dirSeed: 3 },
      'ResNet-20',
      '',
    );
    expect(r.marks).toEqual([{ alpha: 0, label: 'trained' }]);
    expect(r.caption).toMatch(/random direction of seed 3/);
  });

  it('says in one sentence whether the loss falls monotonically from init to trained, once α = 0…1 is in', () => {
    const v = emptyLineView(start, 'ResNet-20', '');
    const fill = (loss: number[]) =>
      withLinePoints(
        v,
        loss.map((l, i) => ({ index: i, alpha: start.alphas[i], loss: l, acc: 50 })),
      );
    expect(
      interpolationSentence(withLinePoints(v, [{ index: 1, alpha: 0, loss: 3, acc: 10 }])),
    ).toBeNull();
    expect(interpolationSentence(fill([4, 3, 1, 0.5, 0.6]))).toBe(
      'Between α = 0 and 1 the loss falls monotonically, from 3 at the initialisation to 0.5 trained: no barrier on this line, as Goodfellow et al. found.',
    );
    expect(interpolationSentence(fill([4, 3, 5, 0.5, 0.6]))).toMatch(
      /rises to 5 at α = 0\.5, above both ends .*: a barrier\.$/,
    );
    expect(interpolationSentence(fill([4, 3, 2, 2.5, 9]))).toMatch(/not monotonically/);
    const random = emptyLineView(
      { ...start, path: 'random', bn: 'eval', initSeed: null, dirSeed: 1 },
      'ResNet-20',
      '',
    );
    expect(interpolationSentence(random)).toBeNull();
  });

  it('reads a 1-D .h5 (no ycoordinates): -1 is not computed, NaN and ∞ are diverged points', () => {
    const g = emptySurfaceGrid(Float64Array.from([-0.5, 0, 0.5, 1, 1.5]), null, [
      'train_loss',
      'train_acc',
    ]);
    g.values.train_loss.set([2.3, 1, 0.4, NaN, -1]);
    g.values.train_acc!.set([10, 40, 85, 10, -1]);
    const v = lineFromSurfaceGrid(g, 'interp.h5');
    expect(v.title).toBe('interp.h5 · your .h5 file');
    expect(Array.from(v.computed)).toEqual([1, 1, 1, 1, 0]);
    expect(v.marks.map((m) => m.alpha)).toEqual([0, 1]);
    expect(v.bn).toBeNull();
  });

  it('names the ends of a file written by landscape-lab interpolate (its extra datasets), with its BN choice and the sentence', () => {
    const g = emptySurfaceGrid(Float64Array.from([0, 0.5, 1]), null, ['train_loss']);
    g.values.train_loss.set([3.2, 0.9, 0.5]);
    const extras = {
      path: 'interpolation',
      interpolation_from: 'init (seed 0)',
      interpolation_to: 'public/models/resnet-20/weights.json',
      bn: 'batch',
    };
    const v = lineFromSurfaceGrid(g, 'interp.h5', extras);
    expect(v.marks).toEqual([
      { alpha: 0, label: 'init' },
      { alpha: 1, label: 'trained' },
    ]);
    expect(v.caption).toMatch(
      /from init \(seed 0\) \(α = 0\) to public\/models\/resnet-20\/weights\.json \(α = 1\)/,
    );
    expect(v.bn).toMatch(/own batch statistics \(--bn batch\)/);
    expect(interpolationSentence(v)).toMatch(/monotonically/);
    const twoModels = lineFromSurfaceGrid(g, 'ab.h5', {
      ...extras,
      interpolation_from: 'a/weights.json',
      bn: 'to',
    });
    expect(twoModels.marks.map((m) => m.label)).toEqual(['from', 'to']);
    expect(twoModels.bn).toMatch(/α = 1 end \(--bn to\)/);
    // Extras of another kind (e.g. hessian_*) leave the generic labels.
    expect(
      lineFromSurfaceGrid(g, 'h.h5', { directions: 'hessian' }).marks.map((m) => m.label),
    ).toEqual(['α = 0', 'α = 1']);
  });

  it('refuses a 2-D grid, a one-point line and a line with nothing computed, naming the file', () => {
    const xs = Float64Array.from([0, 1]);
    expect(() => lineFromSurfaceGrid(emptySurfaceGrid(xs, xs), 'grid.h5')).toThrow(
      /grid\.h5: a 2-D slice/,
    );
    expect(() =>
      lineFromSurfaceGrid(emptySurfaceGrid(Float64Array.from([0]), null), 'one.h5'),
    ).toThrow(/one\.h5: a line of 1 point; need at least 2/);
    expect(() => lineFromSurfaceGrid(emptySurfaceGrid(xs, null), 'empty.h5')).toThrow(
      /empty\.h5: train_loss holds no computed values/,
    );
  });
});
