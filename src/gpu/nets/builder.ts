/**
 * Declares a network's parameters by name, in torch registration order, and gives its
 * forward pass name-based access to them. Keeps each architecture file to its topology.
 */
import * as tf from '@tensorflow/tfjs';
import { batchNorm, conv2d, linear } from './layers';
import type { BnMode, BufferInfo, ParamInfo } from './net';

export class ParamRegistry {
  readonly params: ParamInfo[] = [];
  readonly buffers: BufferInfo[] = [];

  /** Conv2d(inC, outC, k): `${name}.weight` [out, in, k, k] (+ `${name}.bias`). */
  conv(name: string, inC: number, outC: number, k: number, bias = false): void {
    this.params.push({ name: `${name}.weight`, shape: [outC, inC, k, k], role: 'conv' });
    if (bias) this.params.push({ name: `${name}.bias`, shape: [outC], role: 'bias' });
  }

  /** Linear(inF, outF): `${name}.weight` [out, in] and `${name}.bias`. */
  linear(name: string, inF: number, outF: number): void {
    this.params.push({ name: `${name}.weight`, shape: [outF, inF], role: 'linear' });
    this.params.push({ name: `${name}.bias`, shape: [outF], role: 'bias' });
  }

  /** BatchNorm2d(c): weight, bias parameters and running_mean, running_var buffers. */
  bn(name: string, c: number): void {
    this.params.push({ name: `${name}.weight`, shape: [c], role: 'bn-weight' });
    this.params.push({ name: `${name}.bias`, shape: [c], role: 'bn-bias' });
    this.buffers.push({ name: `${name}.running_mean`, shape: [c], init: 0 });
    this.buffers.push({ name: `${name}.running_var`, shape: [c], init: 1 });
  }
}

/** One forward call's view of the tensors: look up by name, collect BN updates. */
export class ForwardContext {
  private readonly newBuffers: tf.Tensor[] | null;

  constructor(
    private readonly reg: ParamRegistry,
    private readonly index: ReadonlyMap<string, number>,
    private readonly bufIndex: ReadonlyMap<string, number>,
    private readonly params: readonly tf.Tensor[],
    private readonly buffers: readonly tf.Tensor[],
    readonly mode: BnMode,
  ) {
    if (params.length !== reg.params.length) {
      throw new Error(`forward: expected ${reg.params.length} parameters, got ${params.length}`);
    }
    if (buffers.length !== reg.buffers.length) {
      throw new Error(`forward: expected ${reg.buffers.length} buffers, got ${buffers.length}`);
    }
    this.newBuffers = mode === 'train' ? [...buffers] : null;
  }

  p(name: string): tf.Tensor {
    const i = this.index.get(name);
    if (i === undefined) throw new Error(`forward: no parameter named ${name}`);
    return this.params[i];
  }

  conv(name: string, x: tf.Tensor4D, stride: number, pad: number): tf.Tensor4D {
    const bias = this.index.has(`${name}.bias`) ? this.p(`${name}.bias`) : undefined;
    return conv2d(x, this.p(`${name}.weight`), stride, pad, bias);
  }

  linear(name: string, x: tf.Tensor2D): tf.Tensor2D {
    return linear(x, this.p(`${name}.weight`), this.p(`${name}.bias`));
  }

  bn(name: string, x: tf.Tensor4D): tf.Tensor4D {
    const mi = this.bufIndex.get(`${name}.running_mean`)!;
    const vi = this.bufIndex.get(`${name}.running_var`)!;
    const r = batchNorm(
      x,
      this.p(`${name}.weight`),
      this.p(`${name}.bias`),
      this.buffers[mi],
      this.buffers[vi],
      this.mode,
    );
    if (r.running && this.newBuffers) [this.newBuffers[mi], this.newBuffers[vi]] = r.running;
    return r.y;
  }

  /** Train mode: running statistics after this forward (unchanged for unused BNs). */
  updatedBuffers(): tf.Tensor[] | null {
    return this.newBuffers;
  }
}

/** Build the name → index maps once per network, and a context factory for its forward. */
export function contextFactory(reg: ParamRegistry) {
  const index = new Map(reg.params.map((p, i) => [p.name, i]));
  const bufIndex = new Map(reg.buffers.map((b, i) => [b.name, i]));
  if (index.size !== reg.params.length) throw new Error('duplicate parameter name');
  return (params: readonly tf.Tensor[], buffers: readonly tf.Tensor[], mode: BnMode) =>
    new ForwardContext(reg, index, bufIndex, params, buffers, mode);
}
