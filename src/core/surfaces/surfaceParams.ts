import type { SurfaceParamSpec } from './surface';

/**
 * Fills in defaults and validates a surface's knobs. Untrusted input (URL, CLI, config file)
 * reaches here, so every problem names the surface and the key, and unknown keys are errors
 * rather than silently ignored typos.
 */
export function resolveSurfaceParams(
  surfaceId: string,
  specs: readonly SurfaceParamSpec[],
  given: Record<string, number> | undefined,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const spec of specs) out[spec.key] = spec.default;
  if (!given) return out;
  for (const key of Object.keys(given)) {
    const spec = specs.find((s) => s.key === key);
    if (!spec) {
      const known = specs.map((s) => s.key).join(', ') || 'none';
      throw new Error(`surface ${surfaceId}: unknown parameter "${key}" (known: ${known})`);
    }
    const v = given[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new Error(`surface ${surfaceId}: parameter "${key}" must be a finite number`);
    }
    if (v < spec.min || v > spec.max) {
      throw new Error(
        `surface ${surfaceId}: parameter "${key}" = ${v} is outside [${spec.min}, ${spec.max}]`,
      );
    }
    out[key] = v;
  }
  return out;
}
