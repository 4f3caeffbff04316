import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/gpu/backend';
import {
  buildFastEvalModel,
  buildModel,
  forwardFlops,
  loadWeights,
  MODEL_NAMES,
  modelPreset,
  saveWeights,
  stateDictOrder,
  WeightsError,
} from '../../src/gpu/modelZoo';
import { initBuffers, initParams } from '../../src/gpu/nets/params';

beforeAll(() => initBackend(['wasm', 'cpu']));

describe('model zoo', () => {
  it('has resnet-20/56/110, wrn-56-k2/k4 and their -ns variants; ResNet-20 costs ≈ 1.2 MFLOP per 7×7 image at width 8', () => {
    expect(MODEL_NAMES).toEqual([
      'resnet-20',
      'resnet-20-ns',
      'resnet-56',
      'resnet-56-ns',
      'resnet-110',
      'resnet-110-ns',
      'wrn-56-k2',
      'wrn-56-k2-ns',
      'wrn-56-k4',
      'wrn-56-k4-ns',
      'resnet-56-14px',
      'resnet-56-ns-14px',
    ]);
    expect(buildModel('resnet-56').params.filter((p) => p.role === 'conv')).toHaveLength(55 + 2);
    expect(forwardFlops('resnet-20') / 1e6).toBeCloseTo(1.18, 1);
    expect(forwardFlops('resnet-56') / forwardFlops('resnet-20')).toBeGreaterThan(2.8);
  });

  it('the 14×14 depth-56 pair: the same net on the 14×14 data set, 4× the FLOPs, logits for 14×14 images', () => {
    const p = modelPreset('resnet-56-ns-14px');
    expect(p).toMatchObject({ depth: 56, k: 1, shortcut: false, inputSize: 14 });
    expect(p.dataset).toBe('fashion-mnist-14');
    expect(modelPreset('resnet-56-14px').shortcut).toBe(true);
    expect(forwardFlops('resnet-56-14px') / forwardFlops('resnet-56')).toBeCloseTo(4, 0);
    const net = buildModel(p);
    const before = tf.memory().numTensors;
    const logits = tf.tidy(() => {
      const params = initParams(net, { seed: 0 });
      const buffers = initBuffers(net);
      return net.forward(params, buffers, tf.zeros([2, 14, 14, 1]), 'eval').logits;
    });
    expect(logits.shape).toEqual([2, 10]);
    logits.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('Wide-ResNet-56: k times wider stages, the same depth; k = 2 costs ≈ 4× ResNet-56', () => {
    const p = modelPreset('wrn-56-k4-ns');
    expect(p).toMatchObject({ depth: 56, k: 4, width: 8, shortcut: false, inputSize: 7 });
    expect(p.summary).toBe(
      'Wide-ResNet-56, k = 4 without shortcuts, stage widths 32/64/128, Fashion-MNIST 7×7',
    );
    const net = buildModel('wrn-56-k2');
    expect(net.id).toBe('resnet56-w8-k2');
    expect(net.params.find((q) => q.name === 'conv1.weight')?.shape).toEqual([16, 1, 3, 3]);
    expect(net.params.find((q) => q.name === 'linear.weight')?.shape).toEqual([10, 64]);
    expect(net.params.filter((q) => q.role === 'conv')).toHaveLength(55 + 2);
    expect(forwardFlops('wrn-56-k2') / forwardFlops('resnet-56')).toBeCloseTo(4, 0);
    // Weights of one width do not load into another: the first misfit is named.
    const r56 = buildModel('resnet-56');
    const [ps, bs] = [initParams(r56), initBuffers(r56)];
    const { manifest, bytes } = saveWeights(r56, ps, bs);
    tf.dispose([...ps, ...bs]);
    expect(() => loadWeights(net, manifest, bytes)).toThrow(
      /conv1.weight has shape \[8,1,3,3\] in the file, resnet56-w8-k2 needs \[16,1,3,3\]; wrong --model\?/,
    );
  });

  it('orders tensors as torch state_dict (module parameters, then its running stats)', () => {
    const names = stateDictOrder(buildModel('resnet-20')).map((e) => e.name);
    expect(names.slice(0, 6)).toEqual([
      'conv1.weight',
      'bn1.weight',
      'bn1.bias',
      'bn1.running_mean',
      'bn1.running_var',
      'layer1.0.conv1.weight',
    ]);
    expect(names.slice(-2)).toEqual(['linear.weight', 'linear.bias']);
  });

  it.each(['resnet-20', 'resnet-20-ns', 'wrn-56-k2-ns'])(
    '%s: the BN-folded eval forward equals the plain one',
    (name) => {
      const plain = buildModel(name),
        fast = buildFastEvalModel(name);
      const params = initParams(plain, { seed: 5 });
      const buffers = tf.tidy(() =>
        plain.buffers.map((b, i) =>
          b.init === 1
            ? tf.randomUniform([...b.shape], 0.5, 2.5, 'float32', i)
            : tf.randomUniform([...b.shape], -0.1, 0.1, 'float32', i),
        ),
      );
      const x = tf.randomNormal([8, 7, 7, 1], 0, 1, 'float32', 9);
      const before = tf.memory().numTensors;
      const [a, b] = tf.tidy(() => [
        plain.forward(params, buffers, x, 'eval').logits,
        fast.forward(params, buffers, x, 'eval').logits,
      ]);
      expect(tf.memory().numTensors).toBe(before + 2);
      const av = a.dataSync(),
        bv = b.dataSync();
      expect(Array.from(av).every(Number.isFinite), String(av.slice(0, 4))).toBe(true);
      const scale = Math.max(...Array.from(av, Math.abs));
      expect(scale).toBeGreaterThan(1e-3);
      av.forEach((v, i) => expect(Math.abs(v - bv[i]) / scale).toBeLessThan(1e-4));
      tf.dispose([a, b, x, ...params, ...buffers]);
    },
  );

  it('saves and loads weights exactly, and names what does not fit', () => {
    const net = buildModel('resnet-20');
    const params = initParams(net, { seed: 1 });
    const buffers = initBuffers(net);
    const { manifest, bytes } = saveWeights(net, params, buffers, 'resnet-20', { note: 'test' });
    const json = JSON.parse(JSON.stringify(manifest));
    expect(bytes.byteLength).toBe(
      4 *
        json.tensors.reduce(
          (n: number, t: { shape: number[] }) => n + t.shape.reduce((a, b) => a * b, 1),
          0,
        ),
    );
    const back = loadWeights(net, json, bytes);
    back.params.forEach((t, i) =>
      expect(Array.from(t.dataSync())).toEqual(Array.from(params[i].dataSync())),
    );
    back.buffers.forEach((t, i) =>
      expect(Array.from(t.dataSync())).toEqual(Array.from(buffers[i].dataSync())),
    );
    expect(() => loadWeights(net, json, bytes.slice(4))).toThrow(
      /bytes, but the manifest's .* tensors need/,
    );
    expect(() => loadWeights(buildModel('resnet-56'), json, bytes)).toThrow(
      /do not fit resnet56-w8: missing layer1\.3/,
    );
    expect(() => loadWeights(buildModel('resnet-20-ns'), json, bytes)).toThrow(
      /unexpected layer2\.0\.shortcut/,
    );
    expect(() => loadWeights(net, { ...json, format: 'x' }, bytes)).toThrow(WeightsError);
    // A NaN among the values (here the first entry of the second tensor) is named, and nothing leaks.
    const bad = bytes.slice();
    const second = json.tensors[1];
    const at = json.tensors[0].shape.reduce((a: number, b: number) => a * b, 1);
    new DataView(bad.buffer).setFloat32(4 * at, NaN, true);
    const before = tf.memory().numTensors;
    expect(() => loadWeights(net, json, bad)).toThrow(
      new RegExp(`^weights: ${second.name.replace(/\./g, '\\.')} holds NaN at index 0`),
    );
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([...params, ...buffers, ...back.params, ...back.buffers]);
  });
});
