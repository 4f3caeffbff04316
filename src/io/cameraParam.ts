import { orbitViewErrors, type OrbitView } from '../core/view/orbitView';
import type { Codec } from './urlStateCodecs';

/**
 * The `cam` link parameter of both pages' 3D views: `cam=az,el,dist` (degrees, degrees, scene
 * units), e.g. `cam=-52.5,32.4,4.48`. A bad value names the part that is wrong.
 */
export const cameraCodec: Codec<OrbitView> = {
  parse(raw) {
    const parts = raw.split(',');
    if (parts.length !== 3)
      return { ok: false, error: 'must be azimuth,elevation,distance (3 comma-separated numbers)' };
    const [az, el, dist] = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
    const v = { az: az + 0, el: el + 0, dist: dist + 0 };
    const errors = orbitViewErrors(v);
    return errors.length ? { ok: false, error: errors.join('; ') } : { ok: true, value: v };
  },
  format: (v) => `${v.az},${v.el},${v.dist}`,
};
