/**
 * How a slider's integer position maps to a value: linear, or logarithmic (learning rates,
 * batch sizes), optionally with position 0 meaning exactly 0 (weight decay "off").
 */
export interface SliderScale {
  kind: 'linear' | 'log';
  min: number;
  max: number;
  /** Log scales only: position 0 is the value 0. */
  zero?: boolean;
  /** Round values to integers (batch size, steps). */
  integer?: boolean;
}

/** Positions run 0…SLIDER_POSITIONS; fine enough for three significant digits on a log scale. */
export const SLIDER_POSITIONS = 1000;

export function positionToValue(s: SliderScale, pos: number): number {
  const p = Math.max(0, Math.min(SLIDER_POSITIONS, pos));
  let v: number;
  if (s.kind === 'linear') v = s.min + ((s.max - s.min) * p) / SLIDER_POSITIONS;
  else if (s.zero && p === 0) v = 0;
  else {
    const from = s.zero ? 1 : 0;
    const t = (p - from) / (SLIDER_POSITIONS - from);
    v = Math.exp(Math.log(s.min) + t * (Math.log(s.max) - Math.log(s.min)));
  }
  return s.integer ? Math.round(v) : roundSig(v, 4);
}

export function valueToPosition(s: SliderScale, value: number): number {
  if (s.kind === 'linear') return clampPos(((value - s.min) / (s.max - s.min)) * SLIDER_POSITIONS);
  if (value <= 0) return 0;
  const from = s.zero ? 1 : 0;
  const t = (Math.log(value) - Math.log(s.min)) / (Math.log(s.max) - Math.log(s.min));
  return clampPos(from + t * (SLIDER_POSITIONS - from), from);
}

const clampPos = (p: number, lo = 0) => Math.max(lo, Math.min(SLIDER_POSITIONS, Math.round(p)));

/** x to `digits` significant digits (slider values read as 0.0123, not 0.012302688). */
export function roundSig(x: number, digits: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(digits));
}

/** A compact readable number for labels: 0.001, 1e-5, 12.5, 3.2e+4. */
export function formatValue(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e4) return String(roundSig(v, 3));
  return v.toExponential(1).replace('e-', 'e−');
}
