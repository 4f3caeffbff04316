import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  denseConv,
  denseConvBias,
  denseConvFits,
  denseConvWeights,
} from '../../src/gpu/nets/smallMapConv';
import { useTestBackend } from './setup';

beforeAll(async () => {
  await useTestBackend();
});

describe('3×3 conv on a tiny map as a dense product', () => {
  it.each(
    [
      [2, 32, 16],
      [1, 8, 4],
      [2, 3, 5],
    ].map(([s, c, o]) => [s, s, c, o]),
  )('equals tf.conv2d (pad 1, stride 1) on %i×%i maps, %i → %i channels', (size, _, c, o) => {
    const before = tf.memory().numTensors;
    const [diff, scale] = tf.tidy(() => {
      const x = tf.randomNormal([6, size, size, c], 0, 1, 'float32', 1) as tf.Tensor4D;
      const w = tf.randomNormal([3, 3, c, o], 0, 1, 'float32', 2) as tf.Tensor4D;
      const b = tf.randomNormal([o], 0, 1, 'float32', 3);
      const out: number[] = [];
      for (const relu of [false, true]) {
        const want = tf.fused.conv2d({
          x,
          filter: w,
          bias: b,
          strides: 1,
          pad: 1,
          activation: relu ? 'relu' : 'linear',
        });
        const got = denseConv(x, denseConvWeights(w, size), denseConvBias(b, size), relu);
        expect(got.shape).toEqual(want.shape);
        out.push(
          tf.max(tf.abs(tf.sub(got, want))).dataSync()[0],
          tf.max(tf.abs(want)).dataSync()[0],
        );
      }
      return [Math.max(out[0], out[2]), Math.max(out[1], out[3])];
    });
    expect(scale).toBeGreaterThan(1);
    expect(diff / scale).toBeLessThan(1e-5);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('applies only where it is exact: 3×3, stride 1, pad 1, maps of at most 2×2', () => {
    expect(denseConvFits(3, 1, 1, 2)).toBe(true);
    expect(denseConvFits(3, 1, 1, 1)).toBe(true);
    expect(denseConvFits(3, 1, 1, 4)).toBe(false);
    expect(denseConvFits(3, 2, 1, 2)).toBe(false);
    expect(denseConvFits(1, 1, 0, 2)).toBe(false);
  });
});
