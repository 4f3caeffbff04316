/**
 * CIFAR-style ResNet of depth 6n+2 (He et al. 2016 §4.2; 20, 56, 110), as
 * tomgoldstein/loss-landscape's `ResNet_cifar` / `WResNet_cifar`:
 *   conv1 3×3 (C → w) → bn1 → ReLU → layer1 (n blocks, w) → layer2 (n, 2w, stride 2)
 *   → layer3 (n, 4w, stride 2) → global average pool → linear (4w → classes),
 * w = width·k. A BasicBlock is
 *   out = ReLU(bn2(conv2(ReLU(bn1(conv1(x))))) + shortcut(x)),
 * and the "-NS" variant (`shortcut: false`, upstream `BasicBlock_noshortcut`) drops the
 * addition, keeping everything else.
 *
 * Shortcuts where the shape changes: option B, a 1×1 strided conv + BN projection
 * (`layerL.0.shortcut.0.weight`, `layerL.0.shortcut.1.*`), identity elsewhere. Chosen because
 * it is what loss-landscape's models use, so our parameter list — and hence direction files
 * and checkpoints — line up entry for entry with upstream's (option A has no parameters there).
 * The global average pool replaces upstream's `avg_pool2d(out, 8)` so any input size works
 * (they agree for 32×32 inputs).
 */
import * as tf from '@tensorflow/tfjs';
import { contextFactory, type ForwardContext, ParamRegistry } from './builder';
import { globalAvgPool } from './layers';
import type { Net } from './net';

export interface ResNetOptions {
  /** 6n+2: 20, 56, 110, … */
  depth: number;
  /** Identity shortcuts (true, default) or the "-NS" variant without them. */
  shortcut?: boolean;
  /** Base width (16 in the paper; 8 for a browser-sized net). */
  width?: number;
  /** Wide-ResNet multiplier k: every stage is k times wider. */
  k?: number;
  inChannels?: number;
  inputSize?: number;
  numClasses?: number;
}

interface Block {
  prefix: string;
  stride: number;
  projection: boolean;
}

export function resnet(opts: ResNetOptions): Net {
  const {
    depth,
    shortcut = true,
    width = 16,
    k = 1,
    inChannels = 3,
    inputSize = 32,
    numClasses = 10,
  } = opts;
  if (!Number.isInteger(depth) || depth < 8 || (depth - 2) % 6 !== 0) {
    throw new Error(`resnet: depth must be 6n+2 (20, 56, 110), got ${depth}`);
  }
  const n = (depth - 2) / 6;
  const reg = new ParamRegistry();
  const w0 = width * k;
  reg.conv('conv1', inChannels, w0, 3);
  reg.bn('bn1', w0);
  const blocks: Block[] = [];
  let inPlanes = w0;
  [1, 2, 4].forEach((mult, s) => {
    const planes = w0 * mult;
    for (let j = 0; j < n; j++) {
      const prefix = `layer${s + 1}.${j}`;
      const stride = j === 0 && s > 0 ? 2 : 1;
      reg.conv(`${prefix}.conv1`, inPlanes, planes, 3);
      reg.bn(`${prefix}.bn1`, planes);
      reg.conv(`${prefix}.conv2`, planes, planes, 3);
      reg.bn(`${prefix}.bn2`, planes);
      const projection = shortcut && (stride !== 1 || inPlanes !== planes);
      if (projection) {
        reg.conv(`${prefix}.shortcut.0`, inPlanes, planes, 1);
        reg.bn(`${prefix}.shortcut.1`, planes);
      }
      blocks.push({ prefix, stride, projection });
      inPlanes = planes;
    }
  });
  reg.linear('linear', inPlanes, numClasses);
  const ctx = contextFactory(reg);

  const block = (c: ForwardContext, x: tf.Tensor4D, b: Block): tf.Tensor4D => {
    const h = tf.relu(c.bn(`${b.prefix}.bn1`, c.conv(`${b.prefix}.conv1`, x, b.stride, 1)));
    const out = c.bn(`${b.prefix}.bn2`, c.conv(`${b.prefix}.conv2`, h, 1, 1));
    if (!shortcut) return tf.relu(out);
    const skip = b.projection
      ? c.bn(`${b.prefix}.shortcut.1`, c.conv(`${b.prefix}.shortcut.0`, x, b.stride, 0))
      : x;
    return tf.relu(tf.add(out, skip));
  };

  const wide = k === 1 ? '' : `-k${k}`;
  return {
    id: `resnet${depth}${shortcut ? '' : '-ns'}-w${width}${wide}`,
    params: reg.params,
    buffers: reg.buffers,
    inputShape: [inputSize, inputSize, inChannels],
    numClasses,
    forward(params, buffers, x, mode) {
      const c = ctx(params, buffers, mode);
      let h = tf.relu(c.bn('bn1', c.conv('conv1', x as tf.Tensor4D, 1, 1)));
      for (const b of blocks) h = block(c, h, b);
      return { logits: c.linear('linear', globalAvgPool(h)), buffers: c.updatedBuffers() };
    },
  };
}
