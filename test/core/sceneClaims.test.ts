import { describe, expect, it } from 'vitest';
import { checkClaim, settledLoss, stepsToLoss } from '../../src/core/scenes/claims';
import { claimSentence } from '../../src/core/scenes/claimText';
import type { ClaimRun } from '../../src/core/scenes/sceneSpec';

/** A run whose loss after k steps is loss[k], ending at `end`. */
const runOf = (
  loss: number[],
  end: [number, number] = [0, 0],
  divergedAt: number | null = null,
): ClaimRun => ({
  loss: Float64Array.from(loss),
  params: Float64Array.from(loss.flatMap((_, k) => (k === loss.length - 1 ? end : [0, 0]))),
  steps: loss.length,
  divergedAt,
});

const runs = {
  fast: runOf([4, 1, 0.1, 0.01, 0.001, 0.0001], [1.9, 0]),
  slow: runOf([4, 3, 2, 1, 0.5, 0.2], [-1.9, 0.1]),
  bumpy: runOf([4, 5, 1, 2, 0.5, 0.6]),
  blownUp: runOf([4, 40, 4000], [0, 0], 3),
};
const sharp = { name: 'the sharp minimum', at: [-2, 0] as const };
const flat = { name: 'the flat minimum', at: [2, 0] as const };

describe('scene claims on runs', () => {
  it('counts steps from the start: loss[k] is after k steps', () => {
    expect(stepsToLoss(runs.fast, 0.01)).toBe(3);
    expect(stepsToLoss(runs.slow, 0.01)).toBeNull();
    expect(settledLoss(runs.fast)).toBeCloseTo(0.0001);
  });

  it('holds where the runs bear it out, and says what they show where they do not', () => {
    const ok = (c: Parameters<typeof checkClaim>[0]) => checkClaim(c, runs, 6);
    expect(ok({ racer: 'blownUp', diverges: true })).toBeNull();
    expect(ok({ racer: 'fast', diverges: true })).toMatch(/did not diverge/);
    expect(ok({ racer: 'fast', finalLossBelow: 1e-3 })).toBeNull();
    expect(ok({ racer: 'slow', finalLossBelow: 1e-3 })).toMatch(/ends at loss 0.2/);
    // A run that stopped cannot end below or above anything.
    expect(ok({ racer: 'blownUp', finalLossAbove: 1 })).toMatch(/diverged at step 3/);
    expect(ok({ racer: 'fast', reaches: 0.01, within: 3 })).toBeNull();
    expect(ok({ racer: 'fast', reaches: 0.01, within: 2 })).toMatch(/step 3/);
    expect(ok({ racer: 'slow', reaches: 0.01, notWithin: 5 })).toBeNull();
    expect(ok({ faster: ['fast', 'slow'], toLoss: 1 })).toBeNull();
    expect(ok({ faster: ['slow', 'fast'], toLoss: 1 })).toMatch(/3 vs 1/);
    expect(ok({ racer: 'fast', monotone: true })).toBeNull();
    expect(ok({ racer: 'bumpy', monotone: true })).toMatch(/rises at 3 steps/);
    expect(ok({ racer: 'fast', endsNearer: flat, than: sharp })).toBeNull();
    expect(ok({ racer: 'slow', endsNearer: flat, than: sharp })).toMatch(/ends at/);
    expect(ok({ nearer: ['slow', 'fast'], to: sharp })).toBeNull();
    expect(ok({ settlesLower: ['fast', 'slow'] })).toBeNull();
    expect(ok({ settlesLower: ['slow', 'fast'] })).toMatch(/settled losses/);
    expect(() => ok({ racer: 'absent', diverges: true })).toThrow(/absent/);
  });

  it('words a claim with its numbers and the racers’ names', () => {
    const name = (k: string) => ({ fast: 'Adam', slow: 'SGD, lr 0.1' })[k] ?? k;
    expect(claimSentence({ racer: 'slow', reaches: -1, notWithin: 300 }, name, 400)).toBe(
      'SGD, lr 0.1 needs more than 300 steps to get below a loss of −1.',
    );
    expect(claimSentence({ faster: ['fast', 'slow'], toLoss: 1e-6 }, name, 400)).toBe(
      'Adam gets below a loss of 1e−6 before SGD, lr 0.1.',
    );
    expect(claimSentence({ settlesLower: ['fast', 'slow'] }, name, 300)).toBe(
      'Adam settles lower than SGD, lr 0.1 (mean loss over the last 50 steps).',
    );
    expect(claimSentence({ racer: 'fast', endsNearer: flat, than: sharp }, name, 300)).toBe(
      'Adam ends nearer the flat minimum (2, 0) than the sharp minimum (−2, 0).',
    );
  });
});
