import type { ScaleContinuousNumeric } from 'd3';

/**
 * A d3 linear or log scale as a plain function with the same mapping (affine in v, or in ln v for
 * a log scale; clamped when the scale clamps). d3's scales go through interpolators and closures
 * (~100 ns a call); path building calls them 16,000 times per race redraw.
 */
export function compiledScale(
  scale: ScaleContinuousNumeric<number, number>,
): (v: number) => number {
  const isLog = typeof (scale as { base?: unknown }).base === 'function';
  const [d0, d1] = scale.domain();
  const [r0, r1] = scale.range();
  const a0 = isLog ? Math.log(d0) : d0,
    a1 = isLog ? Math.log(d1) : d1;
  const k = (r1 - r0) / (a1 - a0);
  if (!scale.clamp()) return isLog ? (v) => r0 + (Math.log(v) - a0) * k : (v) => r0 + (v - a0) * k;
  // d3 clamps in the domain, before the log: a value ≤ 0 maps to the low end, not to NaN.
  const lo = Math.min(d0, d1),
    hi = Math.max(d0, d1);
  return isLog
    ? (v) => r0 + (Math.log(v < lo ? lo : v > hi ? hi : v) - a0) * k
    : (v) => r0 + ((v < lo ? lo : v > hi ? hi : v) - a0) * k;
}
