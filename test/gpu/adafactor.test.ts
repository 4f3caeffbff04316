/**
 * Adafactor on float32 tensors: ε₁ = 0 (torch's None) is float32's eps, 2⁻²³, as torch gives for
 * float32 parameters; the float64 core uses 2⁻⁵² (test/core/adafactor.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { dtypeEps } from '../../src/core/optimizers/adafactor';
import { tensorAlgebra } from '../../src/gpu/tensorAlgebra';
import { useTestBackend } from './setup';

beforeAll(useTestBackend);

describe('Adafactor on tensors', () => {
  it('reads ε₁ = 0 as float32 eps', () => {
    const eps = tf.tidy(() => dtypeEps(tensorAlgebra, tf.scalar(3)).dataSync()[0]);
    expect(eps).toBe(2 ** -23);
  });
});
