/**
 * A 3D view's camera as a link keeps it: where it sits around the orbit target, in the scene's
 * z-up frame. Azimuth is the angle in the floor plane from +x towards +y, elevation the angle
 * above the floor, both in degrees; distance in scene units (the floor spans [−1, 1]²).
 */
export interface OrbitView {
  az: number;
  el: number;
  dist: number;
}

/** What a link may say (the orbit rig keeps its distance within [1, 10]). */
export const ORBIT_LIMITS = {
  az: { min: -180, max: 180 },
  el: { min: -90, max: 90 },
  dist: { min: 1, max: 10 },
} as const;

const DEG = Math.PI / 180;
/** Straight above or below the target the camera's up direction is undefined. */
const POLE_MARGIN_DEG = 0.1;

/** The view of a camera at `offset` from its target (position − target). */
export function orbitViewOf(offset: readonly [number, number, number]): OrbitView {
  const [x, y, z] = offset;
  const dist = Math.hypot(x, y, z);
  return {
    az: Math.atan2(y, x) / DEG,
    el: dist === 0 ? 0 : Math.asin(Math.max(-1, Math.min(1, z / dist))) / DEG,
    dist,
  };
}

/** The camera's offset from its target for a view (the inverse of `orbitViewOf`). */
export function orbitOffset(v: OrbitView): [number, number, number] {
  const limit = 90 - POLE_MARGIN_DEG;
  const el = Math.max(-limit, Math.min(limit, v.el)) * DEG;
  const az = v.az * DEG;
  return [
    v.dist * Math.cos(el) * Math.cos(az),
    v.dist * Math.cos(el) * Math.sin(az),
    v.dist * Math.sin(el),
  ];
}

/**
 * A view as the link writes it: angles to 0.1°, distance to 0.01, each within ORBIT_LIMITS, so a
 * moved camera gives a short link that reads back without complaint.
 */
export function roundOrbitView(v: OrbitView): OrbitView {
  const round = (x: number, step: number, lim: { min: number; max: number }) =>
    Math.max(lim.min, Math.min(lim.max, Math.round(x / step) * step)) + 0;
  return {
    az: Number(round(v.az, 0.1, ORBIT_LIMITS.az).toFixed(1)),
    el: Number(round(v.el, 0.1, ORBIT_LIMITS.el).toFixed(1)),
    dist: Number(round(v.dist, 0.01, ORBIT_LIMITS.dist).toFixed(2)),
  };
}

/** Each out-of-range or non-finite part, named ("elevation must be from -90 to 90"). */
export function orbitViewErrors(v: OrbitView): string[] {
  const names = { az: 'azimuth', el: 'elevation', dist: 'distance' } as const;
  return (['az', 'el', 'dist'] as const).flatMap((k) => {
    const { min, max } = ORBIT_LIMITS[k];
    return Number.isFinite(v[k]) && v[k] >= min && v[k] <= max
      ? []
      : [`${names[k]} must be a number from ${min} to ${max}`];
  });
}
