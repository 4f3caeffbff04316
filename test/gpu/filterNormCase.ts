import * as tf from '@tensorflow/tfjs';
import { loadReference } from '../referencePath';
import { nchwToNhwc } from '../../src/gpu/nets/layers';
import { tensorsFromArrays } from '../../src/gpu/nets/params';
import { smallCnn } from '../../src/gpu/nets/smallCnn';

interface RefParam {
  name: string;
  shape: number[];
  values: number[];
}
interface RefDir {
  name: string;
  shape: number[];
  raw: number[];
  normalized: number[];
}

/** The one case of filter_norm.json (PyTorch float64, Li et al. 2018 settings). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const refCase: any = loadReference<{ cases: any[] }>('filter_norm.json').cases[0];

export const net = smallCnn();

const byName = (list: { name: string }[], key: string) =>
  Object.fromEntries(list.map((p) => [p.name, (p as unknown as Record<string, number[]>)[key]]));

/** Weights, BN buffers, NHWC images and labels of the reference, as tensors (caller disposes). */
export function loadCase() {
  const params = tensorsFromArrays(
    net.params,
    byName(refCase.model.parameters as RefParam[], 'values'),
  );
  const m = refCase.model;
  const buffers = [tf.tensor1d(m.bn_running_mean), tf.tensor1d(m.bn_running_var)];
  const x = tf.tidy(() => nchwToNhwc(tf.tensor4d(refCase.input.values, refCase.input.shape)));
  const y = tf.tensor1d(refCase.input.labels, 'int32');
  return { params, buffers, x, y };
}

/** The raw (unnormalised) random directions x and y of the reference. */
export function rawDirections(axis: 'x' | 'y'): tf.Tensor[] {
  return tensorsFromArrays(net.params, byName(refCase.directions[axis] as RefDir[], 'raw'));
}

export function normalizedDirection(axis: 'x' | 'y'): number[][] {
  return (refCase.directions[axis] as RefDir[]).map((d) => d.normalized);
}
