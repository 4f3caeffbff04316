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

/**
 * A compact readable number for labels: 0.001, 1e−5, 2.5e−7, 12.5, 3.2e+4. A whole mantissa drops
 * its '.0' (a log axis's 1e−10 fits the 360 px chart's margin where 1.0e−10 was cut).
 */
export function formatValue(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e4) return String(roundSig(v, 3));
  return v.toExponential(1).replace('.0e', 'e').replace('e-', 'e−');
}

/** A log slider's arrow-key step: 5 % of a decade (20 presses per ×10). */
export const LOG_ARROW_DECADES = 0.05;

/** The keys a slider answers itself, and which way each moves it. */
export type SliderKey = 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end';

const KEYS: Record<string, SliderKey> = {
  ArrowRight: 'up',
  ArrowUp: 'up',
  ArrowLeft: 'down',
  ArrowDown: 'down',
  PageUp: 'pageUp',
  PageDown: 'pageDown',
  Home: 'home',
  End: 'end',
};

/** The slider move a keyboard key asks for, or null for keys the slider leaves alone. */
export const sliderKeyOf = (key: string): SliderKey | null => KEYS[key] ?? null;

/**
 * A linear slider's arrow step: the 1-2-5 number nearest above a hundredth of its range, so a
 * momentum slider over [0, 0.99] moves by 0.01 and β₂ over [0.9, 0.9999] by 0.001; integers by
 * at least 1. Page keys move ten of these.
 */
export function linearStep(s: SliderScale): number {
  const raw = (s.max - s.min) / 100;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((v) => v >= raw * (1 - 1e-9)) ?? 10 * p;
  return s.integer ? Math.max(1, Math.round(step)) : step;
}

/**
 * The value after one key press. Log scales move by a ratio (×10^0.05 per arrow, ×10 per page),
 * so a learning rate changes by the same 12 % whether it is 1e-4 or 1; linear scales by
 * `linearStep` (×10 per page), snapped to its multiples. The result stays within the slider's
 * range (a value from a link outside it comes back to the nearer end); Home and End go to the
 * ends, where a log scale with `zero` starts at 0, and from 0 an upward key goes to `min`.
 */
export function stepValue(s: SliderScale, value: number, key: SliderKey): number {
  const lo = s.kind === 'log' && s.zero ? 0 : s.min;
  if (key === 'home') return lo;
  if (key === 'end') return s.max;
  const dir = key === 'up' || key === 'pageUp' ? 1 : -1;
  const page = key === 'pageUp' || key === 'pageDown';
  let v: number;
  if (s.kind === 'log') {
    if (value <= 0 || !Number.isFinite(value)) return dir > 0 ? s.min : lo;
    v = value * 10 ** (dir * (page ? 1 : LOG_ARROW_DECADES));
    // From the bottom of the range a zero scale steps on to 0 ("off"), as position 0 does.
    if (v < s.min && s.zero && value <= s.min * (1 + 1e-9)) return 0;
  } else {
    const step = linearStep(s) * (page ? 10 : 1);
    // On a multiple of the step: the next one; between two: the one in the key's direction.
    const q = value / step;
    const k =
      Math.abs(q - Math.round(q)) < 1e-6
        ? Math.round(q) + dir
        : dir > 0
          ? Math.ceil(q)
          : Math.floor(q);
    v = k * step;
  }
  const clamp = (x: number) => Math.min(s.max, Math.max(s.min, x));
  if (!s.integer) return roundSig(clamp(v), s.kind === 'log' ? 4 : 10);
  // 5 % of a decade of a batch size of 4 is no whole step: move by one at least.
  const r = Math.round(clamp(v));
  return r === value ? clamp(value + dir) : r;
}
