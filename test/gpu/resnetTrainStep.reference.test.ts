/**
 * Two training steps of the zoo's ResNet on tfjs (the test backend, wasm) against PyTorch's
 * (test/fixtures/pytorch/resnet_train_step.json, written by
 * scripts/pytorch-reference/make_resnet_step.py): depth 8 with and without shortcuts, BN in
 * train mode, mean cross-entropy, SGD lr 0.1 / momentum 0.9 / weight decay 5e-4. Checks the
 * batch loss, every parameter's gradient, and the weights and BN running statistics after each
 * update — the forward, the conv and BN gradients (hand-written on wasm: nets/convGrad.ts,
 * nets/layers.ts) and the running-statistics update, end to end. Both sides are float32, so
 * the tolerance is relative to each tensor's largest entry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { optimizerOf } from '../../src/core/optimizers/registry';
import { crossEntropy } from '../../src/gpu/nets/loss';
import { nchwToNhwc } from '../../src/gpu/nets/layers';
import { tensorsFromArrays } from '../../src/gpu/nets/params';
import { resnet } from '../../src/gpu/nets/resnet';
import { TensorOptimizer } from '../../src/gpu/tensorOptimizer';
import { trainStep } from '../../src/gpu/train/trainStep';
import { repoRoot } from '../referencePath';
import { numTensors, relToMax, useTestBackend } from './setup';

type State = Record<string, { shape: number[]; values: number[] }>;
interface RefNet {
  shortcut: boolean;
  x_nchw: number[];
  x_shape: [number, number, number, number];
  y: number[];
  initial: State;
  steps: { loss: number; grads: Record<string, number[]>; after: State }[];
}
const ref = JSON.parse(
  readFileSync(join(repoRoot, 'test/fixtures/pytorch/resnet_train_step.json'), 'utf8'),
) as { nets: RefNet[] };

beforeAll(useTestBackend);

const valuesOf = (s: State) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.values]));

describe.each(ref.nets)('ResNet-8 (shortcut $shortcut): two SGD steps', (r) => {
  test('loss, gradients, weights and running statistics equal PyTorch’s', () => {
    const net = resnet({
      depth: 8,
      shortcut: r.shortcut,
      width: 2,
      inChannels: 1,
      inputSize: 6,
      numClasses: 3,
    });
    const names = [...net.params.map((p) => p.name), ...net.buffers.map((b) => b.name)];
    expect(names.sort()).toEqual(Object.keys(r.initial).sort());
    const before = numTensors();
    const vars = tensorsFromArrays(net.params, valuesOf(r.initial)).map((t) => {
      const v = tf.variable(t);
      t.dispose();
      return v;
    });
    let buffers = tensorsFromArrays(net.buffers, valuesOf(r.initial));
    const x = tf.tidy(() => nchwToNhwc(tf.tensor4d(r.x_nchw, r.x_shape)));
    const y = tf.tensor1d(r.y, 'int32');
    const spec = optimizerOf({ type: 'SGD' })!;
    const opt = new TensorOptimizer(spec, vars, { lr: 0.1, momentum: 0.9, weight_decay: 5e-4 });
    const all = Int32Array.from(r.y.keys());
    for (const [k, want] of r.steps.entries()) {
      // The gradients alone (trainStep applies them without handing them out).
      const grads = tf.tidy(() => {
        const g = tf.grads((...ps: tf.Tensor[]) =>
          crossEntropy(net.forward(ps, buffers, x, 'train').logits, y),
        )(vars);
        return g.map((t) => t.dataSync());
      });
      net.params.forEach((p, i) =>
        expect(relToMax(grads[i], want.grads[p.name]), `step ${k + 1} d${p.name}`).toBeLessThan(
          2e-4,
        ),
      );
      const out = trainStep(net, opt, buffers, { x, y }, all, {});
      const [loss] = out.stats.dataSync();
      out.stats.dispose();
      expect(Math.abs(loss - want.loss) / want.loss, `step ${k + 1} loss`).toBeLessThan(1e-5);
      tf.dispose(buffers.filter((b) => !out.buffers.includes(b)));
      buffers = out.buffers;
      net.params.forEach((p, i) =>
        expect(
          relToMax(vars[i].dataSync(), want.after[p.name].values),
          `step ${k + 1} ${p.name}`,
        ).toBeLessThan(1e-5),
      );
      net.buffers.forEach((b, i) =>
        expect(
          relToMax(buffers[i].dataSync(), want.after[b.name].values),
          `step ${k + 1} ${b.name}`,
        ).toBeLessThan(1e-5),
      );
    }
    opt.dispose();
    tf.dispose([...vars, ...buffers, x, y]);
    expect(numTensors()).toBe(before);
  });
});
