/**
 * A small fully connected classifier for 2D toy data:
 *   x → Linear → act → … → Linear → logits,
 * named as torch's `nn.Sequential` would name it (`net.0.weight`, `net.2.weight`, … : the
 * activations take the odd indices).
 */
import * as tf from '@tensorflow/tfjs';
import { contextFactory, ParamRegistry } from './builder';
import type { Net } from './net';

export interface MlpOptions {
  inputs?: number;
  hidden?: readonly number[];
  numClasses?: number;
  activation?: 'relu' | 'tanh';
}

export function mlp(opts: MlpOptions = {}): Net {
  const { inputs = 2, hidden = [16, 16], numClasses = 2, activation = 'relu' } = opts;
  const sizes = [inputs, ...hidden, numClasses];
  const reg = new ParamRegistry();
  const names = sizes.slice(1).map((_, i) => `net.${2 * i}`);
  names.forEach((name, i) => reg.linear(name, sizes[i], sizes[i + 1]));
  const ctx = contextFactory(reg);
  const act = activation === 'relu' ? tf.relu : tf.tanh;
  return {
    id: `mlp-${sizes.join('-')}`,
    params: reg.params,
    buffers: reg.buffers,
    inputShape: [inputs],
    numClasses,
    forward(params, buffers, x, mode) {
      const c = ctx(params, buffers, mode);
      let h = x as tf.Tensor2D;
      names.forEach((name, i) => {
        h = c.linear(name, h);
        if (i < names.length - 1) h = act(h);
      });
      return { logits: h, buffers: mode === 'train' ? [] : null };
    },
  };
}
