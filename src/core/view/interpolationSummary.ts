/**
 * What a 1-D interpolation θ(α) = θ_from + α·(θ_to − θ_from) shows, in numbers: the loss at both
 * ends, the highest loss between them (a barrier, if it exceeds both ends) and whether the loss
 * falls monotonically from α = 0 to α = 1 (Goodfellow et al. 2015 found it usually does).
 */
export interface LinePoint {
  alpha: number;
  loss: number;
}

export interface InterpolationSummary {
  /** The grid point at α = 0 and at α = 1; null when the grid misses them. */
  atFrom: LinePoint | null;
  atTo: LinePoint | null;
  /** The highest finite loss on 0 ≤ α ≤ 1 (ends included); null when there is none. */
  peak: LinePoint | null;
  /** Every finite loss on 0 ≤ α ≤ 1 is at most the one before it (and none is missing). */
  monotonic: boolean;
  /** Points anywhere on the line whose loss is NaN or ±∞. */
  nonFinite: number;
}

/** α within this of 0 or 1 counts as the end (linspace rounding). */
const END_TOLERANCE = 1e-9;

export function interpolationSummary(
  alpha: readonly number[],
  loss: readonly number[],
): InterpolationSummary {
  if (alpha.length !== loss.length)
    throw new Error(`interpolationSummary: ${alpha.length} α values but ${loss.length} losses`);
  const at = (target: number): LinePoint | null => {
    const i = alpha.findIndex((a) => Math.abs(a - target) <= END_TOLERANCE);
    return i < 0 ? null : { alpha: alpha[i], loss: loss[i] };
  };
  const inside = alpha
    .map((a, i) => ({ alpha: a, loss: loss[i] }))
    .filter((p) => p.alpha >= -END_TOLERANCE && p.alpha <= 1 + END_TOLERANCE);
  let peak: LinePoint | null = null;
  for (const p of inside)
    if (Number.isFinite(p.loss) && (peak === null || p.loss > peak.loss)) peak = p;
  const monotonic =
    inside.length > 0 &&
    inside.every((p, i) => Number.isFinite(p.loss) && (i === 0 || p.loss <= inside[i - 1].loss));
  return {
    atFrom: at(0),
    atTo: at(1),
    peak,
    monotonic,
    nonFinite: loss.filter((l) => !Number.isFinite(l)).length,
  };
}
