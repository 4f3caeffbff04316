import { describe, expect, it } from 'vitest';
import { basinMap, basinOf } from '../../src/core/basinMap';
import { parseRunConfig, type RunConfig } from '../../src/core/config';
import { getSurface } from '../../src/core/surfaces/registry';

const base = (opt: object = { type: 'SGD' }): RunConfig => {
  const p = parseRunConfig({ surface: 'sharp_flat', optimizer: opt });
  if (!p.ok) throw new Error(p.errors.join());
  return p.value;
};

describe('sharp vs flat by batch size and lr', () => {
  it('names the basin a point flows to', () => {
    const [sharp, flat] = getSurface('sharp_flat', {}).minima;
    expect(basinOf(sharp[0] + 0.2, sharp[1] - 0.1)).toBe('sharp');
    expect(basinOf(flat[0] - 0.5, flat[1] + 0.5)).toBe('flat');
    expect(basinOf(-3.5, 1)).toBe('sharp'); // the default start lies in the sharp basin
    expect(basinOf(NaN, 0)).toBe('other');
  });

  it('small batches and large lrs end flat; full batch and small lrs end sharp', () => {
    // Measured (noise 1, N = 256, 500 SGD steps, 20 seeds): batch 1 at lr 0.2 15 flat of 20,
    // batch 4 at lr 0.4 20 of 20, batch 256 at lr ≤ 0.4 0 of 20 (a 2-cycle in the sharp well
    // above 2/11.2 ≈ 0.18), every batch at lr 0.8 flat (thrown out: the stability bound).
    const m = basinMap(base(), {
      batches: [1, 4, 256],
      lrs: [0.05, 0.2, 0.4],
      seeds: 20,
      seed0: 0,
      steps: 500,
      samples: 256,
      noise: 1,
    });
    const at = (b: number, lr: number) => m.cells.find((c) => c.batch === b && c.lr === lr)!;
    expect(at(256, 0.05).counts).toEqual({ sharp: 20, flat: 0, other: 0 });
    expect(at(256, 0.4).flatShare).toBe(0);
    expect(at(4, 0.4).flatShare).toBeGreaterThanOrEqual(0.9);
    expect(at(1, 0.2).flatShare).toBeGreaterThan(at(256, 0.2).flatShare + 0.5);
    for (const c of m.cells) expect(c.counts.sharp + c.counts.flat + c.counts.other).toBe(20);
    // Deterministic for the seeds.
    expect(basinMap(base(), m.settings)).toEqual(m);
    expect(() => basinMap({ ...base(), surface: 'quadratic' }, m.settings)).toThrow(/sharp_flat/);
  });
});
