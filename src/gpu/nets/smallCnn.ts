/**
 * The model of test/fixtures/pytorch/filter_norm.json (eval mode in the reference):
 *   conv1 Conv2d(C, c1, 3)+bias → bn1 → ReLU → conv2 Conv2d(c1, c2, 3)+bias → ReLU
 *   → flatten in (C, H, W) order → fc Linear(c2·(S−4)², classes).
 * Defaults are the reference's: 1×8×8 input, 4 and 8 channels, 3 classes.
 */
import * as tf from '@tensorflow/tfjs';
import { contextFactory, ParamRegistry } from './builder';
import { flattenCHW } from './layers';
import type { Net } from './net';

export interface SmallCnnOptions {
  inChannels?: number;
  inputSize?: number;
  c1?: number;
  c2?: number;
  numClasses?: number;
}

export function smallCnn(opts: SmallCnnOptions = {}): Net {
  const { inChannels = 1, inputSize = 8, c1 = 4, c2 = 8, numClasses = 3 } = opts;
  const side = inputSize - 4; // two valid 3×3 convolutions
  if (side < 1) throw new Error(`smallCnn: inputSize ${inputSize} is below 5`);
  const reg = new ParamRegistry();
  reg.conv('conv1', inChannels, c1, 3, true);
  reg.bn('bn1', c1);
  reg.conv('conv2', c1, c2, 3, true);
  reg.linear('fc', c2 * side * side, numClasses);
  const ctx = contextFactory(reg);
  return {
    id: 'small-cnn',
    params: reg.params,
    buffers: reg.buffers,
    inputShape: [inputSize, inputSize, inChannels],
    numClasses,
    forward(params, buffers, x, mode) {
      const c = ctx(params, buffers, mode);
      let h = tf.relu(c.bn('bn1', c.conv('conv1', x as tf.Tensor4D, 1, 0)));
      h = tf.relu(c.conv('conv2', h, 1, 0));
      return { logits: c.linear('fc', flattenCHW(h)), buffers: c.updatedBuffers() };
    },
  };
}
