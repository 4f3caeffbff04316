import { describe, expect, it } from 'vitest';
import {
  orbitOffset,
  orbitViewErrors,
  orbitViewOf,
  roundOrbitView,
} from '../../../src/core/view/orbitView';

describe('orbitView', () => {
  it('reads azimuth, elevation and distance from a z-up offset', () => {
    const v = orbitViewOf([0, 2, 0]);
    expect(v.az).toBeCloseTo(90, 12);
    expect(v.el).toBeCloseTo(0, 12);
    expect(v.dist).toBeCloseTo(2, 12);
    expect(orbitViewOf([1, 0, 1]).el).toBeCloseTo(45, 12);
    expect(orbitViewOf([-1, -1e-12, 0]).az).toBeCloseTo(-180, 6);
  });

  it("orbitOffset inverts orbitViewOf (the race camera's default position)", () => {
    const offset: [number, number, number] = [2.3, -3.0, 2.4];
    const back = orbitOffset(orbitViewOf(offset));
    back.forEach((x, i) => expect(x).toBeCloseTo(offset[i], 12));
  });

  it('keeps the camera off the poles, where its up direction is undefined', () => {
    const [x, y, z] = orbitOffset({ az: 0, el: 90, dist: 3 });
    expect(Math.hypot(x, y)).toBeGreaterThan(1e-3);
    expect(z).toBeLessThan(3);
  });

  it('rounds to 0.1° and 0.01 within the limits', () => {
    expect(roundOrbitView({ az: -52.4567, el: 32.449, dist: 4.4778 })).toEqual({
      az: -52.5,
      el: 32.4,
      dist: 4.48,
    });
    expect(roundOrbitView({ az: 0, el: 0, dist: 12 }).dist).toBe(10);
    expect(roundOrbitView({ az: -0.01, el: 0, dist: 1 }).az).toBe(0);
    expect(Object.is(roundOrbitView({ az: -0.01, el: 0, dist: 1 }).az, -0)).toBe(false);
  });

  it('names each part that is out of range', () => {
    expect(orbitViewErrors({ az: 10, el: 20, dist: 3 })).toEqual([]);
    expect(orbitViewErrors({ az: 200, el: 20, dist: 0.5 })).toEqual([
      'azimuth must be a number from -180 to 180',
      'distance must be a number from 1 to 10',
    ]);
    expect(orbitViewErrors({ az: 0, el: NaN, dist: 3 })).toEqual([
      'elevation must be a number from -90 to 90',
    ]);
  });
});
