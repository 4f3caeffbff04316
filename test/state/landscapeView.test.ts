import { describe, expect, it } from 'vitest';
import { gridSurface, gridToSample, refineGrid } from '../../src/core/view/gridSurface';
import { sampleGrid } from '../../src/core/view/sampleGrid';
import { LANDSCAPE_JSON_FORMAT, type LandscapeJson } from '../../src/io/landscapeJson';
import { emptySurfaceGrid } from '../../src/io/surfaceFile';
import {
  centreAccSplit,
  centreAccuracyName,
  centreLoss,
  emptyComputedView,
  fromLandscapeJson,
  fromSurfaceGrid,
  sharedViewScale,
  viewSummary,
  withRow,
} from '../../src/state/landscapeView';

const xs = [-1, 0, 1],
  ys = [-2, 0, 2];
// A plane L = 3 + x + 10·y on the grid: bilinear interpolation reproduces it exactly.
const plane = (x: number, y: number) => 3 + x + 10 * y;
const values = ys.flatMap((y) => xs.map((x) => plane(x, y)));

describe('a measured grid as a surface', () => {
  it('interpolates bilinearly: exact on a plane, at and between the grid points', () => {
    const s = gridSurface({ xs, ys, values }, { id: 't', name: 't' });
    for (const [x, y] of [
      [-1, -2],
      [0.3, 1.1],
      [-0.75, -1.5],
      [1, 2],
    ])
      expect(s.value(x, y)).toBeCloseTo(plane(x, y), 12);
    const g = new Float64Array(2);
    s.gradient(0.2, 0.4, g);
    expect([...g]).toEqual([1, 10]);
    expect(s.domain).toEqual({ xmin: -1, xmax: 1, ymin: -2, ymax: 2 });
    expect(s.minima).toEqual([[-1, -2]]);
  });

  it('clamps outside the box, and reads descending coordinates the right way round', () => {
    const flipped = {
      xs: [...xs].reverse(),
      ys: [...ys].reverse(),
      values: [...ys].reverse().flatMap((y) => [...xs].reverse().map((x) => plane(x, y))),
    };
    const s = gridSurface(flipped, { id: 't', name: 't' });
    expect(s.value(0.5, -1)).toBeCloseTo(plane(0.5, -1), 12);
    expect(s.value(5, 5)).toBe(plane(1, 2));
  });

  it('samples into the regular grid Surface3D and the contours read (rows are y)', () => {
    const s = gridSurface({ xs, ys, values }, { id: 't', name: 't' });
    const g = sampleGrid(s, s.domain, 5, 5);
    expect(g.min).toBe(plane(-1, -2));
    expect(g.max).toBe(plane(1, 2));
    const direct = gridToSample({ xs, ys, values });
    expect([direct.nx, direct.ny, direct.values[1], direct.values[3]]).toEqual([
      3,
      3,
      plane(0, -2),
      plane(-1, 0),
    ]);
  });

  it('treats not-computed points as NaN holes and fills them from a coarse grid', () => {
    const fine = { xs: [-1, -0.5, 0, 0.5, 1], ys: [-2, -1, 0, 1, 2] };
    const partial = fine.ys.flatMap((y, j) => fine.xs.map((x) => (j < 2 ? 100 + x : NaN)));
    const filled = refineGrid({ ...fine, values: partial }, { xs, ys, values });
    expect(filled[1]).toBe(99.5); // computed: kept
    expect(filled[3 * 5 + 3]).toBeCloseTo(plane(0.5, 1), 12); // missing: from the coarse plane
    expect(refineGrid({ ...fine, values: partial }, null).filter((v) => v !== v)).toHaveLength(15);
  });
});

describe('landscape views', () => {
  it('reads a shipped JSON slice and knows its centre', () => {
    const j = {
      format: LANDSCAPE_JSON_FORMAT,
      model: 'resnet-20',
      directions: { kind: 'random', norm: 'filter', ignore: 'biasbn', orthogonal: false, seed: 1 },
      data: { dataset: 'fashion-mnist-7', split: 'test', samples: 256 },
      xcoordinates: xs,
      ycoordinates: ys,
      train_loss: values,
      train_acc: values.map(() => 50),
      centre: { loss: 3, acc: 88 },
      meta: { generatedBy: 'landscape-lab', backend: 'wasm', seconds: 12 },
    } satisfies LandscapeJson;
    const v = fromLandscapeJson(
      { ...j, train_loss: values.map((x, k) => (k === 8 ? 1e30 : x)) },
      'ResNet-20',
    );
    // The cap a diverged point is stored as: the highest loss (+∞), never "not computed" (NaN).
    expect(v.loss[8]).toBe(Infinity);
    expect(v.centre).toEqual({ loss: 3, acc: 88 });
    expect(centreLoss(v)).toBe(3);
    expect(v.provenance).toBe('precomputed by landscape-lab on wasm in 12.0 s');
  });

  it("names the centre's accuracy by its own split, else by the slice's data split", () => {
    const data = { dataset: 'fashion-mnist-7', split: 'train', samples: 500 } as const;
    // The shipped slices: loss on train images, accuracy on the test split.
    const shipped = { centre: { loss: 0.03, acc: 83.2, accSplit: 'test' as const }, data };
    expect(centreAccSplit(shipped)).toBe('test');
    expect(centreAccuracyName(shipped)).toBe('test accuracy');
    // A file before the label reads as before: its data split.
    const old = { centre: { loss: 0.03, acc: 83.2 }, data };
    expect(centreAccuracyName(old)).toBe('training accuracy');
    // Computed in the browser: both on test images; unknown without data.
    expect(centreAccuracyName({ centre: old.centre, data: { ...data, split: 'test' } })).toBe(
      'test accuracy',
    );
    expect(centreAccuracyName({ centre: old.centre, data: null })).toBe('accuracy');
    expect(centreAccSplit({ centre: null, data: null })).toBeNull();
  });

  it('reads an upstream .h5 grid with -1 (not computed) as holes, and refuses a 1-D slice', () => {
    const g = emptySurfaceGrid(Float64Array.from(xs), Float64Array.from(ys));
    g.values.train_loss.set([1, 2, 3, 4]);
    const v = fromSurfaceGrid(g, 'part0.h5');
    expect(Array.from(v.loss.slice(3, 6))).toEqual([4, NaN, NaN]);
    expect(() => fromSurfaceGrid(emptySurfaceGrid(Float64Array.from(xs), null), 'line.h5')).toThrow(
      /1-D slice/,
    );
    expect(() =>
      fromSurfaceGrid(emptySurfaceGrid(Float64Array.from(xs), Float64Array.from(ys)), 'empty.h5'),
    ).toThrow(/no computed values/);
  });

  it('fills a computed view row by row without touching the previous one', () => {
    const empty = emptyComputedView(xs, ys, 't', 'p');
    const one = withRow(empty, [
      { index: 0, loss: 1, acc: 10 },
      { index: 1, loss: 2, acc: 20 },
    ]);
    expect(Number.isNaN(empty.loss[0])).toBe(true);
    expect(Array.from(one.loss.slice(0, 3))).toEqual([1, 2, NaN]);
  });
});

describe('viewSummary (the facts beside the figures)', () => {
  const bowl = () => {
    const g = emptySurfaceGrid(Float64Array.of(-1, 0, 1), Float64Array.of(-1, 0, 1), [
      'train_loss',
    ]);
    g.values.train_loss.set([3, 2, 3, 2, 1, 2, 3, 2, 3]);
    return fromSurfaceGrid(g, 'bowl.h5');
  };

  it("gives the loss range and measures a complete grid's roughness", () => {
    const s = viewSummary(bowl());
    expect([s.lo, s.hi]).toEqual([1, 3]);
    // One interior point, (0, 0): Hαα = Hββ = 2, Hαβ = 0, convex.
    expect(s.rough).toMatchObject({ localMinima: 1, nonConvexShare: 0, meanNegRatio: 0 });
    expect(s.rough!.tvLogLoss).toBeGreaterThan(0);
  });

  it("keeps a file's own roughness, adds the curvature it predates from the grid, and measures none while points are missing", () => {
    expect(viewSummary({ ...bowl(), roughness: { tvLogLoss: 9 } }).rough).toEqual({
      tvLogLoss: 9,
      nonConvexShare: 0,
      meanNegRatio: 0,
    });
    const own = { tvLogLoss: 9, nonConvexShare: 0.5, meanNegRatio: 0.2 };
    expect(viewSummary({ ...bowl(), roughness: own }).rough).toEqual(own);
    const saddle = bowl();
    saddle.loss.set([2, 1, 2, 3, 2, 3, 2, 1, 2]);
    expect(viewSummary({ ...saddle, roughness: { tvLogLoss: 9 } }).rough).toMatchObject({
      nonConvexShare: 1,
      meanNegRatio: 1,
    });
    const partial = bowl();
    partial.loss[8] = NaN;
    const s = viewSummary(partial);
    expect([s.lo, s.hi, s.rough]).toEqual([1, 3, null]);
  });

  it('gives slices side by side one scale over their ranges, topped at the shared ceiling', () => {
    const walls = bowl();
    walls.loss.set([3e17, 2, 3, 2, 1, 2, 3, 2, 3]);
    expect(sharedViewScale([bowl(), null, undefined])).toEqual({ min: 1, max: 3, capped: false });
    expect(sharedViewScale([bowl(), walls])).toEqual({ min: 1, max: 100, capped: true });
  });
});
