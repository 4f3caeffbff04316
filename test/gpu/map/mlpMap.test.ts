/**
 * The batched MLP map (C networks as one [C·h, d] matMul, the SGD record's step with a per-run
 * lr) equals the scalar float64 network of core/map/mlpProblem cell by cell, in any chunking,
 * with tensors flat; and the scalar network's gradient is its loss's derivative.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { statusCounts } from '../../../src/core/map/mapResult';
import { parseMapSpec, type MlpMapSpec } from '../../../src/core/map/mapSpec';
import { mlpLosses, mlpProblem, mlpScalarCell } from '../../../src/core/map/mlpProblem';
import { computeMap } from '../../../src/gpu/map/computeMap';
import { useTestBackend } from '../setup';
import { expectCellsAgree } from './agree';

beforeAll(useTestBackend);

const r = parseMapSpec({
  kind: 'mlp',
  width: 8,
  inputs: 6,
  examples: 5,
  seed: 2,
  steps: 80,
  tol: 1e-2,
  x: { key: 'lr1', min: 0.3, max: 300, log: true, n: 6 },
  y: { key: 'lr2', min: 0.3, max: 300, log: true, n: 5 },
});
if (!r.ok) throw new Error(r.errors.join('; '));
const spec = r.value as MlpMapSpec;

describe('the MLP map', () => {
  it('equals the scalar networks cell by cell, and shows both outcomes', async () => {
    const m = await computeMap(spec);
    const p = mlpProblem(spec);
    expectCellsAgree(m, (i, j) => mlpScalarCell(spec, i, j, p));
    const counts = statusCounts(m);
    expect(counts.converged).toBeGreaterThan(0);
    expect(counts.diverged).toBeGreaterThan(0);
  });

  it('is the same in any chunking, with tensors flat', async () => {
    const one = await computeMap(spec);
    const before = tf.memory().numTensors;
    const chunked = await computeMap(spec, { chunk: 4 });
    expect(tf.memory().numTensors).toBe(before);
    expect(Array.from(chunked.finalLoss)).toEqual(Array.from(one.finalLoss));
    expect(Array.from(chunked.reachedAt)).toEqual(Array.from(one.reachedAt));
  });

  it('one scalar step is gradient descent: the loss falls by ≈ lr·|∇L|² for a small lr', () => {
    const p = mlpProblem(spec);
    const eps = 1e-4;
    // With η₁ = η₂ = η, L(θ − η∇L) ≈ L − η|∇L|²; so (L₀ − L₁)/η → |∇L|² as η → 0.
    const [l0, l1] = mlpLosses(p, eps, eps, 1);
    const [, l1b] = mlpLosses(p, eps / 2, eps / 2, 1);
    const g2 = (l0 - l1) / eps,
      g2b = (l0 - l1b) / (eps / 2);
    expect(g2).toBeGreaterThan(0);
    expect(Math.abs(g2 - g2b) / g2).toBeLessThan(1e-3);
  });
});
