import { describe, expect, it } from 'vitest';
import { defaultUrlState, parseUrlState, serializeUrlState } from '../../src/state/raceUrl';
import { cameraCodec } from '../../src/io/cameraParam';

describe('cam=az,el,dist', () => {
  it('reads and writes a view', () => {
    expect(cameraCodec.parse('-52.5,32.4,4.48')).toEqual({
      ok: true,
      value: { az: -52.5, el: 32.4, dist: 4.48 },
    });
    expect(cameraCodec.format({ az: 10, el: -5.5, dist: 3 })).toBe('10,-5.5,3');
  });

  it('names what is wrong', () => {
    const error = (raw: string) => {
      const r = cameraCodec.parse(raw);
      return r.ok ? null : r.error;
    };
    expect(error('1,2')).toMatch(/azimuth,elevation,distance/);
    expect(error('1,2,3,4')).toMatch(/3 comma-separated numbers/);
    expect(error('0,95,3')).toBe('elevation must be a number from -90 to 90');
    expect(error('0,0,abc')).toBe('distance must be a number from 1 to 10');
    expect(error('0,,3')).toBe('elevation must be a number from -90 to 90');
    expect(error('181,0,0')).toBe(
      'azimuth must be a number from -180 to 180; distance must be a number from 1 to 10',
    );
  });
});

describe('the race link keeps the 3D camera', () => {
  it('writes cam only once moved, reads it back, and names a bad one', () => {
    const s = defaultUrlState();
    expect(serializeUrlState(s)).not.toMatch(/cam=/);
    s.view.camera = { az: -60, el: 30.5, dist: 4.2 };
    const link = serializeUrlState(s);
    expect(link).toMatch(/(^|&)cam=-60,30.5,4.2(&|$)/);
    const back = parseUrlState(link);
    expect(back.errors).toEqual([]);
    expect(back.state.view.camera).toEqual(s.view.camera);
    const bad = parseUrlState('cam=0,0,50');
    expect(bad.state.view.camera).toBeUndefined();
    expect(bad.errors).toEqual([
      "Invalid URL parameter 'cam': distance must be a number from 1 to 10 (got '0,0,50'); using the default",
    ]);
  });
});
