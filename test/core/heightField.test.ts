import { interpolateViridis } from 'd3-scale-chromatic';
import { describe, expect, it } from 'vitest';
import { getSurface, SURFACES } from '../../src/core/surfaces/registry';
import {
  heightAt,
  heightScale,
  normalisedHeight,
  placePath,
  srgbToLinear,
  surfaceMeshData,
  viridis,
  type PathFrame,
} from '../../src/core/view/heightField';
import { sampleGrid } from '../../src/core/view/sampleGrid';

const rosenbrock = getSurface('rosenbrock');
const grid = sampleGrid(rosenbrock, rosenbrock.domain, 41, 41);

describe('heightScale and normalisedHeight', () => {
  it('maps the sampled min to 0 and the max to zMax, linear or log', () => {
    for (const t of ['linear', 'log', 'logValue'] as const) {
      const s = heightScale(grid, t, 2);
      expect(normalisedHeight(s, grid.min)).toBe(0);
      expect(normalisedHeight(s, grid.max)).toBeCloseTo(2, 12);
    }
  });

  it('is monotone in f under both transforms', () => {
    for (const t of ['linear', 'log', 'logValue'] as const) {
      const s = heightScale(grid, t);
      let prev = -1;
      for (let f = grid.min; f <= grid.max; f += (grid.max - grid.min) / 997 + f * 0.01) {
        const z = normalisedHeight(s, f);
        expect(z).toBeGreaterThanOrEqual(prev);
        prev = z;
      }
    }
  });

  it('lifts the valley floor under log: a value 1% of the range up sits a third of the way up the box', () => {
    const f = grid.min + 1e-2 * (grid.max - grid.min);
    expect(normalisedHeight(heightScale(grid, 'linear'), f)).toBeCloseTo(0.01, 12);
    expect(normalisedHeight(heightScale(grid, 'log'), f)).toBeGreaterThan(0.3);
  });

  it('gives a loss equal height per decade under logValue, however far its walls climb', () => {
    // ResNet-56-NS's shipped slice: 1.69 … 8.75e7. Under 'log' (ε = 1e-3 of the span) 1.69 and
    // 100 sit at the same height; under 'logValue' (ε = fmin) the heights are log10 f.
    const loss = { min: 1.69, max: 8.75e7 };
    expect(normalisedHeight(heightScale(loss, 'log'), 100)).toBeLessThan(1e-3); // the flat floor
    const s = heightScale(loss, 'logValue');
    const decade = 1 / Math.log10(8.75e7 / 1.69);
    expect(normalisedHeight(s, 1.69)).toBe(0);
    expect(normalisedHeight(s, 16.9)).toBeCloseTo(decade, 6);
    expect(normalisedHeight(s, 169) - normalisedHeight(s, 16.9)).toBeCloseTo(decade, 6);
    expect(normalisedHeight(s, 8.75e7)).toBeCloseTo(1, 9);
  });

  it('gives finite heights in [0, zMax] for NaN, ±∞ and values outside the range', () => {
    for (const t of ['linear', 'log', 'logValue'] as const) {
      const s = heightScale(grid, t);
      for (const f of [NaN, Infinity, -Infinity, 1e308, -1e308, grid.min - 5]) {
        const z = normalisedHeight(s, f);
        expect(Number.isFinite(z)).toBe(true);
        expect(z).toBeGreaterThanOrEqual(0);
        expect(z).toBeLessThanOrEqual(1);
      }
      expect(normalisedHeight(s, Infinity)).toBe(1);
      expect(normalisedHeight(s, -Infinity)).toBe(0);
    }
  });

  it('still works for an empty (all-NaN) or flat range', () => {
    for (const range of [
      { min: Infinity, max: -Infinity },
      { min: 3, max: 3 },
    ]) {
      for (const t of ['linear', 'log', 'logValue'] as const) {
        const s = heightScale(range, t);
        for (const f of [0, 3, 4, NaN]) expect(Number.isFinite(normalisedHeight(s, f))).toBe(true);
      }
    }
  });

  it('heightAt agrees with the grid height at a grid node', () => {
    const s = heightScale(grid, 'log');
    const { xmin, xmax, ymin, ymax } = grid.box;
    const i = 13,
      j = 29;
    const x = xmin + ((xmax - xmin) * i) / (grid.nx - 1),
      y = ymin + ((ymax - ymin) * j) / (grid.ny - 1);
    expect(heightAt(rosenbrock, x, y, s)).toBeCloseTo(
      normalisedHeight(s, grid.values[j * grid.nx + i]),
      6,
    );
  });
});

describe('viridis', () => {
  it('follows matplotlib viridis (d3 interpolateViridis) within 0.02 per channel', () => {
    for (let t = 0; t <= 1; t += 0.05) {
      const m = /rgb\((\d+), (\d+), (\d+)\)|#(..)(..)(..)/.exec(interpolateViridis(t))!;
      const ref = m[1]
        ? [m[1], m[2], m[3]].map(Number)
        : [m[4], m[5], m[6]].map((h) => parseInt(h, 16));
      const got = viridis(t);
      for (let c = 0; c < 3; c++) expect(Math.abs(got[c] - ref[c] / 255)).toBeLessThan(0.02);
    }
  });

  it('clamps t outside [0, 1] and colours NaN like the top', () => {
    expect(viridis(-3)).toEqual(viridis(0));
    expect(viridis(7)).toEqual(viridis(1));
    expect(viridis(NaN)).toEqual(viridis(1));
  });

  it('srgbToLinear fixes 0 and 1 and is increasing', () => {
    expect(srgbToLinear(0)).toBe(0);
    expect(srgbToLinear(1)).toBeCloseTo(1, 12);
    expect(srgbToLinear(0.5)).toBeGreaterThan(srgbToLinear(0.04));
  });
});

describe('surfaceMeshData', () => {
  it.each(SURFACES.map((s) => s.id))(
    '%s: every position and colour is finite, the box spans [−1, 1]²',
    (id) => {
      const s = getSurface(id);
      const g = sampleGrid(s, s.domain, 17, 13);
      const m = surfaceMeshData(
        g,
        heightScale(g, 'log'),
        heightScale(g, s.logColor ? 'log' : 'linear'),
      );
      expect(m.positions.every(Number.isFinite)).toBe(true);
      expect(m.colors.every((c) => c >= 0 && c <= 1)).toBe(true);
      expect(m.indices.length).toBe(16 * 12 * 6);
      expect(Math.max(...m.indices)).toBe(17 * 13 - 1);
      expect([m.positions[0], m.positions[1], m.positions.at(-3), m.positions.at(-2)]).toEqual([
        -1, -1, 1, 1,
      ]);
    },
  );
});

describe('placePath', () => {
  const frame: PathFrame = {
    surface: rosenbrock,
    box: rosenbrock.domain,
    scale: heightScale(grid, 'log'),
    lift: 0.01,
    subdiv: 3,
  };

  it('puts step k at point k·subdiv, on the surface plus the lift', () => {
    const params = new Float64Array([-1, 1, 0, 0.5]);
    const out = new Float32Array((2 * 3 + 1) * 3);
    placePath(frame, [-1.5, 2], params, 0, 2, out);
    // start (−1.5, 2) → X = 2(−1.5 + 2)/4 − 1 = −0.75, Y = 2(2 + 1)/4 − 1 = 0.5
    expect([out[0], out[1]]).toEqual([-0.75, 0.5]);
    // step 2 = (0, 0.5) → X = 0, Y = 2(1.5)/4 − 1 = −0.25
    expect([out[18], out[19]]).toEqual([0, -0.25]);
    expect(out[20]).toBeCloseTo(heightAt(rosenbrock, 0, 0.5, frame.scale) + 0.01, 6);
  });

  it('clamps escaped points onto the box and repeats the last finite point after NaN', () => {
    const params = new Float64Array([0.5, 0.5, 1e200, -1e200, NaN, NaN, Infinity, 0]);
    const out = new Float32Array((4 * 3 + 1) * 3);
    placePath(frame, [0, 0], params, 0, 4, out);
    expect(out.every(Number.isFinite)).toBe(true);
    expect([out[18], out[19]]).toEqual([1, -1]); // step 2 clamped to the (xmax, ymin) corner
    expect([out[27], out[28]]).toEqual([1, -1]); // NaN step 3 stays at step 2
    expect([out[36], out[37]]).toEqual([1, -1]); // (∞, 0) is non-finite too
  });
});
