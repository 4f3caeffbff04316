import type { SliderScale } from './sliderScale';

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
