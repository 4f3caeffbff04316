import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { crossEntropy } from '../../src/gpu/nets/loss';
import { mlp } from '../../src/gpu/nets/mlp';
import { paramCount } from '../../src/gpu/nets/net';
import { initBuffers, initParams, initStd } from '../../src/gpu/nets/params';
import { resnet } from '../../src/gpu/nets/resnet';
import { numTensors, useTestBackend } from './setup';

beforeAll(useTestBackend);

describe('resnet', () => {
  test('ResNet-20 has torch state_dict names in registration order, OIHW conv shapes', () => {
    const net = resnet({ depth: 20 });
    const names = net.params.map((p) => p.name);
    expect(names.slice(0, 5)).toEqual([
      'conv1.weight',
      'bn1.weight',
      'bn1.bias',
      'layer1.0.conv1.weight',
      'layer1.0.bn1.weight',
    ]);
    expect(names).toContain('layer2.0.shortcut.0.weight');
    expect(names).toContain('layer3.0.shortcut.1.bias');
    expect(names.slice(-2)).toEqual(['linear.weight', 'linear.bias']);
    expect(net.params.find((p) => p.name === 'layer2.0.conv1.weight')!.shape).toEqual([
      32, 16, 3, 3,
    ]);
    expect(net.params.find((p) => p.name === 'layer3.0.shortcut.0.weight')!.shape).toEqual([
      64, 32, 1, 1,
    ]);
    // 269,722 weights in the plain path + 2,752 in the two 1×1 projection shortcuts (+ their BN).
    expect(paramCount(net)).toBe(272474);
    expect(paramCount(resnet({ depth: 20, shortcut: false }))).toBe(269722);
    expect(net.buffers).toHaveLength(2 * (1 + 9 * 2 + 2));
  });

  test('depth 6n+2 gives 3n blocks, other depths throw, k multiplies every width', () => {
    const count = (d: number) =>
      resnet({ depth: d }).params.filter((p) => p.name.endsWith('conv2.weight')).length;
    expect([count(20), count(56), count(110)]).toEqual([9, 27, 54]);
    expect(() => resnet({ depth: 21 })).toThrow(/6n\+2/);
    const wide = resnet({ depth: 20, width: 8, k: 2 });
    expect(wide.params.at(-2)!.shape).toEqual([10, 64]);
    expect(wide.id).toBe('resnet20-w8-k2');
  });

  test.each([true, false])(
    'tiny ResNet-20 (shortcut=%s) runs forward in eval and train mode without leaks',
    (shortcut) => {
      const net = resnet({
        depth: 20,
        shortcut,
        width: 2,
        inChannels: 1,
        inputSize: 8,
        numClasses: 3,
      });
      const params = initParams(net, { seed: 3 });
      const buffers = initBuffers(net);
      const x = tf.randomNormal([4, 8, 8, 1], 0, 1, 'float32', 5);
      const before = numTensors();
      const logits = tf.tidy(() => net.forward(params, buffers, x, 'eval').logits);
      expect(logits.shape).toEqual([4, 3]);
      expect(Array.from(logits.dataSync()).every(Number.isFinite)).toBe(true);
      const out = tf.tidy(() => {
        const r = net.forward(params, buffers, x, 'train');
        return [r.logits, ...r.buffers!];
      });
      expect(out).toHaveLength(1 + net.buffers.length);
      tf.dispose([logits, ...out]);
      expect(numTensors()).toBe(before);
      tf.dispose([...params, ...buffers, x]);
    },
  );
});

describe('initParams', () => {
  test('is reproducible from its seed and has the scheme’s standard deviation', () => {
    const net = resnet({ depth: 20, width: 4, inChannels: 1 });
    const a = initParams(net, { seed: 1 });
    const b = initParams(net, { seed: 1 });
    const c = initParams(net, { seed: 2, scheme: 'xavier' });
    const i = net.params.findIndex((p) => p.name === 'layer3.1.conv1.weight'); // 16·16·9 = 2304 weights
    expect(Array.from(a[i].dataSync())).toEqual(Array.from(b[i].dataSync()));
    const std = (t: tf.Tensor) => Math.sqrt(tf.tidy(() => tf.moments(t).variance.dataSync()[0]));
    expect(std(a[i]) / Math.sqrt(2 / (16 * 9))).toBeCloseTo(1, 1);
    expect(std(c[i]) / initStd(net.params[i], 'xavier')).toBeCloseTo(1, 1);
    expect(initStd(net.params[i], 'xavier')).toBeCloseTo(Math.sqrt(2 / (2 * 16 * 9)), 12);
    const bnW = net.params.findIndex((p) => p.role === 'bn-weight');
    expect(Array.from(a[bnW].dataSync()).every((v) => v === 1)).toBe(true);
    tf.dispose([...a, ...b, ...c]);
  });
});

describe('mlp', () => {
  test('uses nn.Sequential names and learns a linearly separable toy set', () => {
    const net = mlp({ hidden: [8], numClasses: 2 });
    expect(net.params.map((p) => p.name)).toEqual([
      'net.0.weight',
      'net.0.bias',
      'net.2.weight',
      'net.2.bias',
    ]);
    const vars = tf.tidy(() => initParams(net, { seed: 0 }).map((t) => tf.variable(t)));
    const x = tf.tensor2d([
      [1, 1],
      [2, 1],
      [1, 2],
      [-1, -1],
      [-2, -1],
      [-1, -2],
    ]);
    const y = tf.tensor1d([0, 0, 0, 1, 1, 1], 'int32');
    const loss = () => crossEntropy(net.forward(vars, [], x, 'eval').logits, y);
    const first = tf.tidy(() => loss().dataSync()[0]);
    const opt = tf.train.sgd(0.5); // tfjs' own SGD: only the net is under test here
    for (let i = 0; i < 20; i++) opt.minimize(loss, false, vars);
    const last = tf.tidy(() => loss().dataSync()[0]);
    expect(last).toBeLessThan(first / 4);
    opt.dispose();
    tf.dispose([...vars, x, y]);
  });
});
