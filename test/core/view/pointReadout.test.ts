import { describe, expect, it } from 'vitest';
import { gridValueAt, readoutText } from '../../../src/core/view/pointReadout';

// L(x, y) = x + 10·y on a 3×3 grid over [-1, 1]², meshgrid order (values[j·nx + i]).
const xs = [-1, 0, 1],
  ys = [-1, 0, 1];
const values = ys.flatMap((y) => xs.map((x) => x + 10 * y));

describe('pointReadout: the loss under the pointer', () => {
  it('is exact at grid points and bilinear between them', () => {
    expect(gridValueAt({ xs, ys, values }, 0, 1)).toBeCloseTo(10);
    expect(gridValueAt({ xs, ys, values }, 0.5, -0.25)).toBeCloseTo(0.5 - 2.5);
  });

  it('reads descending coordinates the same way', () => {
    const g = {
      xs: [...xs].reverse(),
      ys,
      values: ys.flatMap((y) => [1, 0, -1].map((x) => x + 10 * y)),
    };
    expect(gridValueAt(g, 0.5, -0.25)).toBeCloseTo(-2);
  });

  it('says "not computed" where the nearest point has no value, and uses it where it has', () => {
    const holed = values.slice();
    holed[8] = NaN; // (1, 1)
    expect(gridValueAt({ xs, ys, values: holed }, 0.9, 0.9)).toBeNaN();
    expect(gridValueAt({ xs, ys, values: holed }, 0.2, 0.2)).toBe(0); // nearest (0, 0)
    expect(readoutText(['α', 'β'], 0.9, 0.9, NaN)).toBe('α 0.9, β 0.9: not computed');
  });

  it('is NaN outside the box, and writes values and divergence', () => {
    expect(gridValueAt({ xs, ys, values }, 2, 0)).toBeNaN();
    expect(readoutText(['x', 'y'], 0.5, -1.25, 3.14159)).toBe('x 0.5, y -1.25: loss 3.14');
    expect(readoutText(['α', 'β'], 0, 0, Infinity)).toBe('α 0, β 0: loss ∞ (diverged)');
  });
});
