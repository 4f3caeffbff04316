/**
 * Parameter lists: seeded initialisation and loading from plain arrays.
 *
 * Init (weights only; biases 0, BN γ = 1, β = 0, running stats 0 and 1):
 *   kaiming: N(0, 2/fan_in)             (He et al. 2015, ReLU gain, torch's fan_in mode)
 *   xavier:  N(0, 2/(fan_in + fan_out)) (Glorot & Bengio 2010, gain 1)
 * with fan_in = in·kh·kw and fan_out = out·kh·kw. Each parameter draws from its own seed,
 * derived from (seed, index), so adding a layer does not reshuffle the others.
 */
import * as tf from '@tensorflow/tfjs';
import type { Net, ParamInfo } from './net';

export type InitScheme = 'kaiming' | 'xavier';

export interface InitOptions {
  scheme?: InitScheme;
  seed?: number;
}

/** A 32-bit integer hash of (seed, i) (the murmur3 finaliser), used as tfjs' RNG seed. */
export function paramSeed(seed: number, i: number): number {
  let h = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

function fans(p: ParamInfo): [number, number] {
  const [out, inp, ...k] = p.shape;
  const rf = k.reduce((a, b) => a * b, 1);
  return [inp * rf, out * rf];
}

export function initStd(p: ParamInfo, scheme: InitScheme): number {
  const [fanIn, fanOut] = fans(p);
  return scheme === 'kaiming' ? Math.sqrt(2 / fanIn) : Math.sqrt(2 / (fanIn + fanOut));
}

/** Fresh parameters for `net`, in `net.params` order (caller owns and disposes them). */
export function initParams(net: Net, opts: InitOptions = {}): tf.Tensor[] {
  const { scheme = 'kaiming', seed = 0 } = opts;
  return net.params.map((p, i) => {
    const shape = [...p.shape];
    if (p.role === 'conv' || p.role === 'linear') {
      return tf.randomNormal(shape, 0, initStd(p, scheme), 'float32', paramSeed(seed, i));
    }
    return tf.fill(shape, p.role === 'bn-weight' ? 1 : 0);
  });
}

/** Fresh BatchNorm running statistics (mean 0, var 1), in `net.buffers` order. */
export function initBuffers(net: Net): tf.Tensor[] {
  return net.buffers.map((b) => tf.fill([...b.shape], b.init));
}

/**
 * Tensors from flat row-major arrays keyed by name (torch layout), in `infos` order.
 * Throws on a missing name or a size mismatch, naming the parameter.
 */
export function tensorsFromArrays(
  infos: readonly { name: string; shape: readonly number[] }[],
  values: Readonly<Record<string, ArrayLike<number>>>,
): tf.Tensor[] {
  return infos.map(({ name, shape }) => {
    const v = values[name];
    if (!v) throw new Error(`no values for ${name}`);
    const size = shape.reduce((a, b) => a * b, 1);
    if (v.length !== size)
      throw new Error(`${name}: ${v.length} values for shape [${shape.join(', ')}]`);
    return tf.tensor(Float32Array.from(v), [...shape]);
  });
}
