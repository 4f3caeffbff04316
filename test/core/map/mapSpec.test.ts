/**
 * A map's axes (cell centres, zoom boxes) and its spec parser: untrusted input gets an error
 * naming the field, and a box drawn in cell coordinates becomes the new axes exactly.
 */
import { describe, expect, it } from 'vitest';
import {
  axisPositionOf,
  axisValueAt,
  axisValues,
  zoomAxis,
  type MapAxis,
} from '../../../src/core/map/mapAxes';
import { legalAxes, parseMapSpec } from '../../../src/core/map/mapSpec';
import { outcomeOf, statusOf } from '../../../src/core/map/mapOutcome';

const lr: MapAxis = { key: 'lr', min: 1e-4, max: 1, log: true, n: 4 };
const mu: MapAxis = { key: 'momentum', min: 0, max: 0.8, log: false, n: 4 };

describe('map axes', () => {
  it('are cell centres, log-spaced on a log axis', () => {
    expect(Array.from(axisValues(mu))).toEqual(
      [0.1, 0.3, 0.5, 0.7].map((v) => expect.closeTo(v, 12)),
    );
    const v = axisValues(lr);
    expect(v[0]).toBeCloseTo(10 ** -3.5, 14);
    expect(v[3]).toBeCloseTo(10 ** -0.5, 14);
    expect(axisValueAt(lr, 0)).toBeCloseTo(1e-4, 16);
    expect(axisValueAt(lr, 4)).toBeCloseTo(1, 14);
  });

  it('positions invert values', () => {
    for (const p of [0, 0.3, 1.5, 4])
      expect(axisPositionOf(lr, axisValueAt(lr, p))).toBeCloseTo(p, 10);
  });

  it('batch axes round to integers', () => {
    const b: MapAxis = { key: 'batch', min: 1, max: 256, log: true, n: 8 };
    for (const v of axisValues(b)) expect(Number.isInteger(v)).toBe(true);
  });

  it('a zoom box becomes the axes exactly, at the same resolution', () => {
    const z = zoomAxis(lr, 1, 3);
    expect(z.n).toBe(4);
    expect(z.min).toBeCloseTo(1e-3, 15);
    expect(z.max).toBeCloseTo(1e-1, 14);
    // Drawn backwards and past the edge: ordered and clamped.
    const w = zoomAxis(mu, 5, 2);
    expect([w.min, w.max]).toEqual([expect.closeTo(0.4, 12), 0.8]);
    expect(() => zoomAxis(mu, 2, 2)).toThrow(/empty/);
  });
});

describe('parseMapSpec', () => {
  const ok = {
    surface: 'quadratic',
    optimizer: 'sgd',
    steps: 50,
    x: { key: 'lr', min: 1e-3, max: 1, log: true, n: 8 },
    y: { key: 'momentum', min: 0, max: 0.99, n: 8 },
  };
  const errorsOf = (raw: unknown) => {
    const r = parseMapSpec(raw);
    return r.ok ? [] : r.errors;
  };

  it('reads a surface map, filling defaults', () => {
    const r = parseMapSpec(ok);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ kind: 'surface', start: [-4, 1], tol: 1e-6, batch: null });
    expect(r.value.y.log).toBe(false);
  });

  it('names each bad field', () => {
    expect(errorsOf({ ...ok, surface: 'saddle' })[0]).toMatch(/^surface: must be one of/);
    expect(errorsOf({ ...ok, optimizer: 'lars' })[0]).toMatch(
      /^optimizer: must be one of sgd, rmsprop, adam, adamw/,
    );
    expect(errorsOf({ ...ok, x: { ...ok.x, key: 'beta2' } })[0]).toMatch(
      /^x\.key: must be one of lr, momentum, batch, x0, y0/,
    );
    expect(errorsOf({ ...ok, x: { ...ok.x, min: -1 } })[0]).toMatch(
      /^x\.min: Learning rate must be > 0/,
    );
    expect(errorsOf({ ...ok, y: { ...ok.y, max: 1 } })[0]).toMatch(
      /^y\.max: Momentum must be in \[0, 1\)/,
    );
    expect(errorsOf({ ...ok, y: { ...ok.y, n: 1e9 } })[0]).toMatch(
      /^y\.n: must be an integer from 2 to 1024/,
    );
    expect(errorsOf({ ...ok, y: { ...ok.y, min: NaN } })[0]).toMatch(
      /^y\.min: must be a finite number \(got NaN\)/,
    );
    expect(errorsOf({ ...ok, steps: 1e9 })[0]).toMatch(
      /^steps: must be an integer from 1 to 100000/,
    );
    expect(errorsOf({ ...ok, y: ok.x })).toContain('y.key: must differ from x.key (both lr)');
    expect(errorsOf({ ...ok, y: { key: 'batch', min: 1, max: 64, n: 8 } })[0]).toMatch(
      /^y\.key: a batch-size axis needs "batch"/,
    );
    expect(errorsOf({ ...ok, evil: '<img>' })[0]).toMatch(/^evil: unknown field/);
    expect(errorsOf('nope')[0]).toMatch(/^map: must be a JSON object/);
    expect(errorsOf({ ...ok, kind: 'resnet' })[0]).toMatch(/^kind: must be 'surface' or 'mlp'/);
    expect(errorsOf({ ...ok, hp: { nesterov: true, momentum: 0 } })[0]).toMatch(/^hp\.nesterov/);
  });

  it('offers each optimizer its own per-run axes', () => {
    expect(legalAxes('surface', 'adam')).toEqual(['lr', 'beta1', 'beta2', 'batch', 'x0', 'y0']);
    expect(legalAxes('surface', 'rmsprop')).toEqual(['lr', 'alpha', 'batch', 'x0', 'y0']);
    expect(legalAxes('mlp')).toEqual(['lr1', 'lr2']);
  });

  it('reads an MLP map', () => {
    const r = parseMapSpec({
      kind: 'mlp',
      x: { key: 'lr1', min: 0.1, max: 100, log: true, n: 4 },
      y: { key: 'lr2', min: 0.1, max: 100, log: true, n: 4 },
    });
    expect(r.ok && r.value).toMatchObject({ kind: 'mlp', width: 16, inputs: 16, examples: 16 });
  });
});

describe('a run’s outcome', () => {
  it('reached, diverged, neither', () => {
    expect(outcomeOf([4, 2, 1e-7, 1e-9], 1e-6)).toEqual({
      finalLoss: 1e-9,
      reachedAt: 2,
      divergedAt: -1,
    });
    expect(outcomeOf([4, 8, 1e-7, 5e6], 1e-6)).toEqual({
      finalLoss: NaN,
      reachedAt: 2,
      divergedAt: 3,
    });
    expect(outcomeOf([0.5, 2e6], 1e-6).divergedAt).toBe(1); // the bound is 1e6 · max(L₀, 1)
    expect(outcomeOf([4, NaN], 1e-6).divergedAt).toBe(1);
    expect(statusOf(outcomeOf([4, 3, 2], 1e-6))).toBe('bounded');
  });
});
