import { describe, expect, it } from 'vitest';
import { basinMap } from '../../../src/core/basinMap';
import { parseRunConfig } from '../../../src/core/config';
import { basinGridFor, cellText, shadeOf } from '../../../src/core/view/basinGrid';

describe('the sharp-vs-flat map on the race page', () => {
  it('asks for batches 4, 16, 64 and N, and lrs across the sharp well’s 2/λ', () => {
    const g = basinGridFor({ steps: 200, samples: 256, noise: 1 }, 8, 3);
    expect(g).toMatchObject({ batches: [4, 16, 64, 256], seeds: 8, seed0: 3, steps: 200 });
    expect(g.lrs[0]).toBeLessThan(2 / 11);
    expect(g.lrs[g.lrs.length - 1]).toBeGreaterThan(0.6);
    expect(basinGridFor({ steps: 200, samples: 32, noise: 1 }, 1, 0).batches).toEqual([4, 16, 32]);
  });

  it('reads a cell by its counts; small lr full batch ends sharp, large lr ends flat', () => {
    const c = parseRunConfig({ surface: 'sharp_flat', steps: 150, optimizer: { type: 'SGD' } });
    if (!c.ok) throw new Error(c.errors.join());
    const g = {
      ...basinGridFor({ steps: 150, samples: 64, noise: 1 }, 2, 1),
      batches: [64],
      lrs: [0.05, 0.8],
    };
    const m = basinMap(c.value, g);
    expect(m.cells.map((x) => x.counts.sharp)).toEqual([2, 0]);
    expect(m.cells.map(shadeOf)).toEqual([0, 4]);
    expect(cellText(m.cells[1])).toBe('2 flat · 0 sharp');
    expect(cellText({ counts: { flat: 1, sharp: 0, other: 1 } })).toBe(
      '1 flat · 0 sharp · 1 other',
    );
  });
});
