import { SETTLE_FRACTION, type Claim, type ClaimRun } from './sceneSpec';

/** How many steps the run takes to bring its loss to ≤ `level` (loss[k]: after k steps), or null. */
export function stepsToLoss(run: ClaimRun, level: number): number | null {
  for (let k = 0; k < run.steps; k++) if (run.loss[k] <= level) return k;
  return null;
}

const lastLoss = (r: ClaimRun) => r.loss[r.steps - 1];
const lastPoint = (r: ClaimRun): [number, number] => [
  r.params[2 * r.steps - 2],
  r.params[2 * r.steps - 1],
];
const dist = (p: readonly [number, number], q: readonly [number, number]) =>
  Math.hypot(p[0] - q[0], p[1] - q[1]);

/** Mean loss over the last SETTLE_FRACTION of the completed steps. */
export function settledLoss(r: ClaimRun): number {
  const n = Math.max(1, Math.round(r.steps * SETTLE_FRACTION));
  let s = 0;
  for (let k = r.steps - n; k < r.steps; k++) s += r.loss[k];
  return s / n;
}

/**
 * Whether the runs bear the claim out: null when they do, else what they show instead (for a
 * test's message). `runs` maps racer keys to their results; `steps` is the race's length.
 */
export function checkClaim(
  c: Claim,
  runs: Readonly<Record<string, ClaimRun | undefined>>,
  steps: number,
): string | null {
  const get = (key: string): ClaimRun => {
    const r = runs[key];
    if (!r) throw new Error(`claim names racer '${key}', which did not run`);
    return r;
  };
  const whole = (key: string): string | null => {
    const r = get(key);
    if (r.divergedAt !== null) return `${key} diverged at step ${r.divergedAt}`;
    return r.steps < steps ? `${key} stopped after ${r.steps} of ${steps} steps` : null;
  };
  if ('diverges' in c) {
    const r = get(c.racer);
    return r.divergedAt !== null ? null : `${c.racer} did not diverge (last loss ${lastLoss(r)})`;
  }
  if ('finalLossBelow' in c) {
    const l = lastLoss(get(c.racer));
    return whole(c.racer) ?? (l < c.finalLossBelow ? null : `${c.racer} ends at loss ${l}`);
  }
  if ('finalLossAbove' in c) {
    const l = lastLoss(get(c.racer));
    return whole(c.racer) ?? (l > c.finalLossAbove ? null : `${c.racer} ends at loss ${l}`);
  }
  if ('within' in c) {
    const k = stepsToLoss(get(c.racer), c.reaches);
    return k !== null && k <= c.within ? null : `${c.racer} reaches it at step ${k ?? 'never'}`;
  }
  if ('notWithin' in c) {
    const k = stepsToLoss(get(c.racer), c.reaches);
    return k === null || k > c.notWithin ? null : `${c.racer} reaches it at step ${k}`;
  }
  if ('faster' in c) {
    const [a, b] = c.faster.map((key) => stepsToLoss(get(key), c.toLoss));
    return a !== null && (b === null || a < b) ? null : `steps to it: ${a} vs ${b}`;
  }
  if ('monotone' in c) {
    const r = get(c.racer);
    let rises = 0;
    for (let k = 1; k < r.steps; k++) if (r.loss[k] > r.loss[k - 1]) rises++;
    return (rises === 0) === c.monotone ? null : `${c.racer}'s loss rises at ${rises} steps`;
  }
  if ('endsNearer' in c) {
    const p = lastPoint(get(c.racer));
    return (
      whole(c.racer) ??
      (dist(p, c.endsNearer.at) < dist(p, c.than.at) ? null : `${c.racer} ends at (${p})`)
    );
  }
  if ('nearer' in c) {
    const [a, b] = c.nearer.map((key) => dist(lastPoint(get(key)), c.to.at));
    return whole(c.nearer[0]) ?? whole(c.nearer[1]) ?? (a < b ? null : `distances ${a} vs ${b}`);
  }
  const [a, b] = c.settlesLower.map((key) => settledLoss(get(key)));
  return (
    whole(c.settlesLower[0]) ??
    whole(c.settlesLower[1]) ??
    (a < b ? null : `settled losses ${a} vs ${b}`)
  );
}
