/**
 * Sophia on networks: the exact diagonal of the Hessian exists only on the analytic surfaces,
 * so the tensor path refuses that estimator by name (the field to change: `estimator`).
 */
import { beforeAll, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { findOptimizer } from '../../src/core/optimizers/registry';
import { TensorOptimizer } from '../../src/gpu/tensorOptimizer';
import { numTensors, useTestBackend } from './setup';

beforeAll(useTestBackend);

test("the tensor path refuses Sophia's exact estimator by name, leaking no tensor", () => {
  const x = tf.variable(tf.tensor1d([1, 2]));
  const before = numTensors();
  expect(() => new TensorOptimizer(findOptimizer('Sophia')!, [x], { estimator: 'exact' })).toThrow(
    /^estimator: Sophia with estimator "exact" needs the exact Hessian.*not offered for networks/,
  );
  expect(numTensors()).toBe(before);
  x.dispose();
});
