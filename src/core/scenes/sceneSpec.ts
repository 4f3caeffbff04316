/**
 * A scene: one click that sets up a figure from the lectures (surface, start, racers, schedule,
 * view) through a link query in the race's own vocabulary, with what to look at and the claims
 * its runs make, as data: tests check each claim on the real runs, and the page words them.
 */
export interface Scene {
  /** The `?scene=` value: lowercase words joined by '-'. */
  id: string;
  title: string;
  /** Which lecture (and slide) it follows, in a few words. */
  deck: string;
  /** One or two sentences: what to look at. */
  look: string;
  /** A link query (no leading '?') in the race's URL vocabulary (`state/raceUrl.ts`). */
  query: string;
  claims: readonly Claim[];
}

/** A named point of the plane ("the flat minimum", (1.81, 0)). */
export interface Place {
  name: string;
  at: readonly [number, number];
}

/** What a scene's runs show, in terms a run's result answers. Racers are named by their link key. */
export type Claim =
  /** The run stops at a non-finite loss, gradient or parameter. */
  | { racer: string; diverges: true }
  /** Completes every step and its last loss is below the bound. */
  | { racer: string; finalLossBelow: number }
  /** Completes every step (no overflow) and its last loss is still above the bound. */
  | { racer: string; finalLossAbove: number }
  /** Its loss is at or below `reaches` by step `within`. */
  | { racer: string; reaches: number; within: number }
  /** Its loss is still above `reaches` after `notWithin` steps. */
  | { racer: string; reaches: number; notWithin: number }
  /** The first racer's loss gets to `toLoss` at an earlier step than the second's (or it never does). */
  | { faster: readonly [string, string]; toLoss: number }
  /** Its loss never rises from one step to the next (true), or rises at some steps (false). */
  | { racer: string; monotone: boolean }
  /** Its last point is nearer `place` than `than`. */
  | { racer: string; endsNearer: Place; than: Place }
  /** The first racer's last point is nearer `to` than the second's. */
  | { nearer: readonly [string, string]; to: Place }
  /** The first racer's mean loss over the last sixth of the steps is below the second's. */
  | { settlesLower: readonly [string, string] };

/** The part of a run a claim reads (`RunResult` has it). */
export interface ClaimRun {
  params: ArrayLike<number>;
  loss: ArrayLike<number>;
  steps: number;
  divergedAt: number | null;
}

/** The share of a run's last steps whose mean loss is where it "settles". */
export const SETTLE_FRACTION = 1 / 6;

/** The racer keys a claim names, in order. */
export function claimRacers(c: Claim): string[] {
  if ('faster' in c) return [...c.faster];
  if ('nearer' in c) return [...c.nearer];
  if ('settlesLower' in c) return [...c.settlesLower];
  return [c.racer];
}
