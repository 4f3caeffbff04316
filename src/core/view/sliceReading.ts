/**
 * The sentences that read a 2-D slice ("a smooth basin", "chaotic", "rougher than its twin"),
 * made from the numbers shown beside them (core/view/roughness.ts), so a sentence cannot say
 * what its numbers contradict. Pure: numbers in, words out.
 *
 * Thresholds (TV = tvLogLoss, the mean |∂ ln L/∂α| over the slice, per unit of α and β):
 * - TV < SMOOTH_TV (5): smooth. The shipped random-direction slices over [−1, 1]² with skip
 *   connections measure 3.4 (ResNet-20) to 6.9 (ResNet-110), ResNet-56-NS 8.3, ResNet-110-NS 19.7.
 * - TV ≥ CHAOTIC_TV (12), or SMOOTH_TV ≤ TV with at least CHAOTIC_MINIMA (3) local minima:
 *   chaotic. Between: steep-walled. Below SMOOTH_TV a slice is chaotic only when it is also
 *   mostly non-convex (nonConvexShare ≥ MOSTLY_NON_CONVEX) with at least CHAOTIC_MINIMA minima:
 *   slow to vary but irregular everywhere (the trained ResNet-56-NS: TV 2.9, 35 minima, 70 %
 *   curving downward, was called smooth beside its numbers). Otherwise its minima are shallow
 *   dips, said as a count. Only a chaotic slice's sentence has the word in it.
 * - Against the twin (the same depth with skip connections toggled): TV ratio ≥ TWIN_RATIO (1.5)
 *   is rougher, ≤ 1/1.5 smoother, else about as rough; basin width ratio ≥ BASIN_RATIO (1.25)
 *   is wider, ≤ 1/1.25 narrower, else about as wide.
 * TV is per unit of the axes, so only slices whose axes mean the same compare: random
 * filter-normalised directions over [−1, 1]². Other directions (the PCA plane spans the training
 * path, up to ±10⁵) get the numbers' meaning and no adjective.
 * - Convexity (nonConvexShare, the share of interior points whose 2×2 Hessian in the plane has
 *   λ_min < −τ·|λ_max|, core/view/sliceCurvature.ts) is said as that share, with a word only at
 *   the ends: none → convex at every point; under NEARLY_CONVEX (10 %) → nearly convex; at least
 *   MOSTLY_NON_CONVEX (50 %) → mostly non-convex. It reads any plane (the sign of a curvature does
 *   not depend on the axes' units). Against the twin, a difference of TWIN_SHARE_GAP (10 points)
 *   either way is more or less non-convex.
 */

export const SMOOTH_TV = 5;
export const CHAOTIC_TV = 12;
export const CHAOTIC_MINIMA = 3;
export const TWIN_RATIO = 1.5;
export const BASIN_RATIO = 1.25;
export const NEARLY_CONVEX = 0.1;
export const MOSTLY_NON_CONVEX = 0.5;
export const TWIN_SHARE_GAP = 0.1;

export interface SliceNumbers {
  tvLogLoss?: number;
  localMinima?: number;
  /** Fraction (0–1) of [−1, 1]² below twice the centre loss. */
  basinWidth?: number;
  /** Share (0–1) of interior points curving downward in some direction. */
  nonConvexShare?: number;
  /** Mean of min(1, |λ_min/λ_max|) over interior points, 0 where convex. */
  meanNegRatio?: number;
}

export type SliceCharacter = 'smooth' | 'steep' | 'chaotic';

/** The word for a slice's roughness, or null when the numbers cannot say (no finite TV). */
export function sliceCharacter(n: SliceNumbers): SliceCharacter | null {
  const tv = n.tvLogLoss;
  if (tv === undefined || !Number.isFinite(tv)) return null;
  const manyMinima = (n.localMinima ?? 0) >= CHAOTIC_MINIMA;
  if (tv < SMOOTH_TV) return manyMinima && mostlyNonConvex(n) ? 'chaotic' : 'smooth';
  if (tv >= CHAOTIC_TV || manyMinima) return 'chaotic';
  return 'steep';
}

const mostlyNonConvex = (n: SliceNumbers) =>
  n.nonConvexShare !== undefined && n.nonConvexShare >= MOSTLY_NON_CONVEX;

const fmt = (v: number) => Number(v.toPrecision(3)).toString();
const pct = (v: number) => `${(100 * v).toFixed(1)} %`;
const minima = (m: number) => `${m} local minim${m === 1 ? 'um' : 'a'}`;

/** The roughness with the threshold that gave its word (only that one: a smooth slice's sentence never names chaos). */
function tvPhrase(tv: number, c: SliceCharacter, n: SliceNumbers): string {
  const m = n.localMinima;
  const why =
    c === 'smooth'
      ? `below ${SMOOTH_TV}`
      : c === 'steep'
        ? `${SMOOTH_TV} or more, under ${CHAOTIC_TV} with fewer than ${CHAOTIC_MINIMA} local minima`
        : tv >= CHAOTIC_TV
          ? `${CHAOTIC_TV} or more`
          : tv >= SMOOTH_TV
            ? `${SMOOTH_TV} or more with ${m} local minima`
            : `below ${SMOOTH_TV}, but ${m} local minima and ${pct(n.nonConvexShare!)} of it curving downward, ${pct(MOSTLY_NON_CONVEX)} or more`;
  return `roughness ${fmt(tv)} (${why})`;
}

/** The sentence on this slice alone; null when there is nothing to read. */
export function sliceSentence(n: SliceNumbers, randomDirections: boolean): string | null {
  const c = sliceCharacter(n);
  if (c === null) return null;
  const tv = n.tvLogLoss!;
  if (!randomDirections)
    return `Roughness ${fmt(tv)} is per unit of this plane's axes, which are not the random directions' [−1, 1], so it is not read as smooth or chaotic here.`;
  const m = n.localMinima;
  const word =
    c === 'smooth'
      ? m !== undefined && m > 1
        ? `smooth, with ${minima(m)} as shallow dips`
        : 'a smooth basin'
      : c === 'chaotic'
        ? 'chaotic'
        : 'steep-walled';
  const parts = [tvPhrase(tv, c, n)];
  // The minima are said once: in the word (smooth with dips) or in the threshold's reason.
  const reasonNamesMinima = c === 'chaotic' && tv < CHAOTIC_TV;
  if (m !== undefined && !(c === 'smooth' && m > 1) && !reasonNamesMinima) parts.push(minima(m));
  if (n.basinWidth !== undefined && Number.isFinite(n.basinWidth))
    parts.push(`basin ${pct(n.basinWidth)} of the square`);
  return `This slice reads as ${word}: ${parts.join(', ')}.`;
}

/** The sentence comparing this slice with its twin's shipped slice; null when either lacks the numbers. */
export function twinSentence(
  n: SliceNumbers,
  twin: { label: string; numbers: SliceNumbers },
): string | null {
  const a = n.tvLogLoss,
    b = twin.numbers.tvLogLoss;
  if (a === undefined || b === undefined || !(a > 0) || !(b > 0)) return null;
  const r = a / b;
  const rough =
    r >= TWIN_RATIO ? 'rougher than' : r <= 1 / TWIN_RATIO ? 'smoother than' : 'about as rough as';
  let s = `The shipped slice of ${twin.label} has roughness ${fmt(b)}: this one is ${fmt(r)}× that, ${rough} it (${TWIN_RATIO}× either way counts as a difference)`;
  const w = n.basinWidth,
    v = twin.numbers.basinWidth;
  if (w !== undefined && v !== undefined && w > 0 && v > 0) {
    const q = w / v;
    const wide =
      q >= BASIN_RATIO ? 'a wider' : q <= 1 / BASIN_RATIO ? 'a narrower' : 'about as wide a';
    s += `, with ${wide} basin (${pct(w)} against ${pct(v)})`;
  }
  return `${s}.`;
}

/** The sentence on where this slice curves downward; null without a finite share. */
export function convexitySentence(n: SliceNumbers): string | null {
  const s = n.nonConvexShare;
  if (s === undefined || !Number.isFinite(s)) return null;
  const ratio =
    n.meanNegRatio !== undefined && Number.isFinite(n.meanNegRatio)
      ? ` (mean |λmin/λmax| ${n.meanNegRatio.toFixed(2)})`
      : '';
  if (s === 0)
    return `Curvature: the slice is convex at every interior grid point — its 2×2 Hessian has no downward direction${ratio}.`;
  const word =
    s < NEARLY_CONVEX
      ? `nearly convex (under ${pct(NEARLY_CONVEX)}): `
      : s >= MOSTLY_NON_CONVEX
        ? `mostly non-convex (${pct(MOSTLY_NON_CONVEX)} or more): `
        : '';
  return `Curvature: ${word}${pct(s)} of the slice curves downward in some direction${ratio}.`;
}

/** How this slice's share of downward curvature compares with its twin's; null when either lacks it. */
export function twinConvexitySentence(
  n: SliceNumbers,
  twin: { label: string; numbers: SliceNumbers },
): string | null {
  const a = n.nonConvexShare,
    b = twin.numbers.nonConvexShare;
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b)) return null;
  // Compared as shown (to 0.1 %), so "30.0 % against 20.0 %" is the 10 points it says.
  const d = (Math.round(1000 * a) - Math.round(1000 * b)) / 1000;
  const word =
    d >= TWIN_SHARE_GAP
      ? 'more non-convex than'
      : d <= -TWIN_SHARE_GAP
        ? 'less non-convex than'
        : 'about as non-convex as';
  return `It is ${word} ${twin.label}: ${pct(a)} of its points curve downward against ${pct(b)} (${Math.round(100 * TWIN_SHARE_GAP)} points either way counts as a difference).`;
}
