import { beale } from './beale';
import { himmelblau } from './himmelblau';
import { monkeySaddle } from './monkeySaddle';
import { quadratic } from './quadratic';
import { rastrigin } from './rastrigin';
import { rosenbrock } from './rosenbrock';
import { saddle } from './saddle';
import { sharpFlat } from './sharpFlat';
import { rotatedQuadratic } from './rotatedQuadratic';
import type { Surface, SurfaceSpec } from './surface';

/**
 * Every analytic surface, in the order the UI lists them (simplest lesson first).
 * A record's `id` is also its URL and CLI value.
 */
export const SURFACES: readonly SurfaceSpec[] = [
  quadratic,
  saddle,
  monkeySaddle,
  rosenbrock,
  beale,
  himmelblau,
  rastrigin,
  sharpFlat,
  rotatedQuadratic,
];

/**
 * The surface with this id, built with these params (defaults for missing ones).
 * Throws `unknown surface "…"` listing the valid ids, or a parameter error naming the key.
 */
export function getSurface(id: string, params?: Record<string, number>): Surface {
  const spec = SURFACES.find((s) => s.id === id);
  if (!spec) {
    throw new Error(`unknown surface "${id}" (known: ${SURFACES.map((s) => s.id).join(', ')})`);
  }
  return spec.create(params);
}
