import type { SliderScale } from './sliderScale';

/**
 * Slider ranges for hyperparameters, by torch keyword. The core's bounds say what is legal;
 * these say what is useful to sweep by hand. A value outside (from a link) is kept and shown,
 * with the slider at its end.
 */
export const HP_RANGES: Record<string, SliderScale> = {
  lr: { kind: 'log', min: 1e-5, max: 10 },
  momentum: { kind: 'linear', min: 0, max: 0.99 },
  beta1: { kind: 'linear', min: 0, max: 0.999 },
  beta2: { kind: 'linear', min: 0.9, max: 0.9999 },
  weight_decay: { kind: 'log', min: 1e-4, max: 1, zero: true },
  eps: { kind: 'log', min: 1e-10, max: 1 },
  dampening: { kind: 'linear', min: 0, max: 1 },
  alpha: { kind: 'linear', min: 0.5, max: 0.999 },
  rho: { kind: 'linear', min: 0.5, max: 0.999 },
  lr_decay: { kind: 'log', min: 1e-4, max: 1, zero: true },
  initial_accumulator_value: { kind: 'log', min: 1e-3, max: 10, zero: true },
  momentum_decay: { kind: 'log', min: 1e-4, max: 0.1, zero: true },
};

/** Slider ranges for schedule keywords (numbers); integer lengths use 1…steps. */
export const SCHEDULE_RANGES: Record<string, SliderScale> = {
  gamma: { kind: 'linear', min: 0.01, max: 1 },
  eta_min: { kind: 'log', min: 1e-6, max: 1, zero: true },
  base_lr: { kind: 'log', min: 1e-5, max: 10 },
  max_lr: { kind: 'log', min: 1e-5, max: 10 },
  min_lr: { kind: 'log', min: 1e-6, max: 1, zero: true },
  start_factor: { kind: 'linear', min: 0.01, max: 1 },
  end_factor: { kind: 'linear', min: 0, max: 1 },
  pct_start: { kind: 'linear', min: 0, max: 1 },
  base_momentum: { kind: 'linear', min: 0, max: 1 },
  max_momentum: { kind: 'linear', min: 0, max: 1 },
  div_factor: { kind: 'log', min: 1, max: 1e4 },
  final_div_factor: { kind: 'log', min: 1, max: 1e6 },
  factor: { kind: 'linear', min: 0.01, max: 0.99 },
  threshold: { kind: 'log', min: 1e-6, max: 1, zero: true },
};

export const RACE_RANGES = {
  steps: { kind: 'log', min: 10, max: 5000, integer: true },
  batch: (samples: number): SliderScale => ({ kind: 'log', min: 1, max: samples, integer: true }),
  samples: { kind: 'log', min: 2, max: 4096, integer: true },
  noise: { kind: 'log', min: 0.01, max: 100, zero: true },
} as const satisfies Record<string, SliderScale | ((n: number) => SliderScale)>;
