/**
 * Sophia on networks: not yet. Both estimators here take the surface's exact Hessian (the
 * diagonal, or Hu for Hutchinson's u ⊙ Hu), so the tensor path refuses them by name, as Newton.
 */
import { beforeAll, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { findOptimizer } from '../../src/core/optimizers/registry';
import { TensorOptimizer } from '../../src/gpu/tensorOptimizer';
import { numTensors, useTestBackend } from './setup';

beforeAll(useTestBackend);

test('the tensor path refuses Sophia and SophiaExact by name, leaking no tensor', () => {
  const x = tf.variable(tf.tensor1d([1, 2]));
  const before = numTensors();
  for (const type of ['Sophia', 'SophiaExact'])
    expect(() => new TensorOptimizer(findOptimizer(type)!, [x])).toThrow(
      new RegExp(`^${type} needs the exact Hessian.*not offered for networks`),
    );
  expect(numTensors()).toBe(before);
  x.dispose();
});
