import { Quaternion, Spherical, Vector3, type Camera } from 'three';

/** Keys that move the 3D camera, and how far: arrows orbit, + / − zoom. */
const STEPS: Record<string, { theta?: number; phi?: number; zoom?: number }> = {
  ArrowLeft: { theta: -Math.PI / 18 },
  ArrowRight: { theta: Math.PI / 18 },
  ArrowUp: { phi: -Math.PI / 36 },
  ArrowDown: { phi: Math.PI / 36 },
  '+': { zoom: 1 / 1.15 },
  '=': { zoom: 1 / 1.15 },
  '-': { zoom: 1.15 },
  _: { zoom: 1.15 },
};

/**
 * Moves `camera` around `target` for a key (10° per arrow press around the up axis, 5° up or
 * down, 15 % closer or farther), keeping its distance within [minDistance, maxDistance] and its
 * polar angle off the poles, as OrbitControls does for a drag. Returns false for other keys.
 */
export function orbitByKey(
  camera: Camera,
  target: Vector3,
  key: string,
  minDistance: number,
  maxDistance: number,
): boolean {
  const step = STEPS[key];
  if (!step) return false;
  // Spherical coordinates are y-up; the scene is z-up (camera.up), as in OrbitControls.
  const toYUp = new Quaternion().setFromUnitVectors(camera.up, new Vector3(0, 1, 0));
  const offset = camera.position.clone().sub(target).applyQuaternion(toYUp);
  const s = new Spherical().setFromVector3(offset);
  s.theta += step.theta ?? 0;
  s.phi = Math.min(Math.PI - 0.05, Math.max(0.05, s.phi + (step.phi ?? 0)));
  s.radius = Math.min(maxDistance, Math.max(minDistance, s.radius * (step.zoom ?? 1)));
  offset.setFromSpherical(s).applyQuaternion(toYUp.invert());
  camera.position.copy(target).add(offset);
  camera.lookAt(target);
  return true;
}
