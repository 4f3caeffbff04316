/**
 * What a trainability map records of one run, and the one rule that decides it. The batched
 * tensor path (gpu/map) and the scalar path (core/map/surfaceCell, mlpProblem) both apply this
 * rule to the run's losses L₀ … L_T (L_k above the minimum, at the parameters after k steps),
 * so a map cell and the run it stands for can be compared number for number.
 *
 * Diverged at step k: the first L_k that is not finite or exceeds DIVERGE_FACTOR · max(L₀, 1)
 * (Sohl-Dickstein 2024 calls a run divergent when its loss blows up; a fixed multiple of the
 * start makes float32 and float64 agree long before either overflows). Reached at step k: the
 * first L_k ≤ tol before any divergence. The final loss is L_T, or NaN for a diverged run.
 */

export const DIVERGE_FACTOR = 1e6;

/** The loss above which a run counts as diverged, given its start loss. */
export const divergenceBound = (loss0: number): number => DIVERGE_FACTOR * Math.max(loss0, 1);

export interface CellOutcome {
  /** L_T, the loss after the last step (above the minimum on a surface); NaN when diverged. */
  finalLoss: number;
  /** The first step k (0 … T) with L_k ≤ tol; −1 if never. */
  reachedAt: number;
  /** The first step k (0 … T) at which the loss diverged; −1 if never. */
  divergedAt: number;
}

/** The outcome of losses L₀ … L_T (a diverged run may stop early: its last loss is the bad one). */
export function outcomeOf(losses: ArrayLike<number>, tol: number): CellOutcome {
  const bound = divergenceBound(losses[0]);
  let reachedAt = -1;
  for (let k = 0; k < losses.length; k++) {
    const l = losses[k];
    if (!(l <= bound)) return { finalLoss: NaN, reachedAt, divergedAt: k };
    if (reachedAt < 0 && l <= tol) reachedAt = k;
  }
  return { finalLoss: losses[losses.length - 1], reachedAt, divergedAt: -1 };
}

export type CellStatus = 'converged' | 'diverged' | 'bounded';

/**
 * Converged: reached the tolerance and never diverged; diverged; bounded: neither (still
 * training, or stuck) — the paper's two colours, with a third for runs that did not decide.
 */
export function statusOf(o: Pick<CellOutcome, 'reachedAt' | 'divergedAt'>): CellStatus {
  if (o.divergedAt >= 0) return 'diverged';
  return o.reachedAt >= 0 ? 'converged' : 'bounded';
}
