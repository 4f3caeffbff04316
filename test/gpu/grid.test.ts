import { describe, expect, test } from 'vitest';
import { linspace, shardRange, toUpstreamGrid } from '../../src/gpu/landscape/grid';

describe('grid', () => {
  test('linspace matches np.linspace, endpoints exact', () => {
    expect(linspace({ min: -1, max: 1, num: 5 })).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(linspace({ min: 0, max: 0.3, num: 4 }).at(-1)).toBe(0.3);
    expect(linspace({ min: 2, max: 3, num: 1 })).toEqual([2]);
    expect(() => linspace({ min: 0, max: 1, num: 0 })).toThrow(/positive integer/);
  });

  test('shards split the flat order like np.array_split and cover it exactly once', () => {
    expect([0, 1, 2].map((index) => shardRange(25, { index, count: 3 }))).toEqual([
      [0, 9],
      [9, 17],
      [17, 25],
    ]);
    expect(shardRange(2, { index: 3, count: 4 })).toEqual([2, 2]);
    expect(() => shardRange(10, { index: 2, count: 2 })).toThrow(/index < count/);
  });

  test('upstream layout reshapes the meshgrid order to (nx, ny): rows are y on square grids', () => {
    // flat index = iy·nx + ix holds the value 10·iy + ix
    const flat = [0, 1, 2, 10, 11, 12, 20, 21, 22];
    expect(toUpstreamGrid(flat, 3, 3)).toEqual([
      [0, 1, 2],
      [10, 11, 12],
      [20, 21, 22],
    ]);
    expect(toUpstreamGrid([0, 1, 2, 10, 11, 12], 3, 2)).toEqual([
      [0, 1],
      [2, 10],
      [11, 12],
    ]);
  });
});
