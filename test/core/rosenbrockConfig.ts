import { parseRunConfig, type RunConfig } from '../../src/core/config';
import { OPTIMIZERS } from '../../src/core/optimizers/registry';

/** A validated run on Rosenbrock from (−1.5, 2), 40 steps; `extra` overrides any field. */
export function rosenbrockConfig(
  optimizer: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): RunConfig {
  const parsed = parseRunConfig({
    surface: 'rosenbrock',
    start: [-1.5, 2],
    steps: 40,
    optimizer,
    ...extra,
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.value;
}

/** Each registry optimizer with its race hyperparameters (Sophia on its exact estimator). */
export const RACEABLE = OPTIMIZERS.map((spec) => ({
  type: spec.type,
  ...spec.race,
  ...(spec.type === 'Sophia' ? { estimator: 'exact' } : {}),
}));
