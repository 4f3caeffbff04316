/**
 * Full-matrix AdaGrad, Shampoo and SOAP on networks: not offered. Their step takes the 2×2
 * linear algebra of the 2-D point (`ctx.dense`), which only the surfaces give, so they declare
 * `curvature: 'dense-2x2'` and the tensor path and the CLI's network flags refuse them by name.
 */
import { beforeAll, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { findOptimizer } from '../../src/core/optimizers/registry';
import { TensorOptimizer } from '../../src/gpu/tensorOptimizer';
import { parseOptimizerFlag } from '../../src/cli/optimizerFlags';
import { numTensors, useTestBackend } from './setup';

beforeAll(useTestBackend);

const TYPES = ['FullMatrixAdagrad', 'Shampoo', 'SOAP'];

test('the tensor path refuses full-matrix AdaGrad, Shampoo and SOAP by name, leaking no tensor', () => {
  const x = tf.variable(tf.tensor1d([1, 2]));
  const before = numTensors();
  for (const type of TYPES)
    expect(() => new TensorOptimizer(findOptimizer(type)!, [x])).toThrow(
      new RegExp(`^type: ${type} .*not offered for networks`),
    );
  expect(numTensors()).toBe(before);
  x.dispose();
});

test('the CLI refuses them for networks by name', () => {
  for (const type of TYPES)
    expect(() => parseOptimizerFlag({ type }, '--optimizer')).toThrow(
      new RegExp(`--optimizer.type: ${type} .*not offered for networks`),
    );
});
