import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../src/gpu/backend';

/** Every gpu test runs on the wasm backend (cpu if wasm fails), float32. */
export async function useTestBackend(): Promise<string> {
  const name = await initBackend(['wasm', 'cpu']);
  return name;
}

/** Max over i of |a−b| / (atol + |b|): ≤ rtol means every entry is within tolerance. */
export function maxRelErr(a: ArrayLike<number>, b: ArrayLike<number>, atol = 1e-12): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} != ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++)
    m = Math.max(m, Math.abs(a[i] - b[i]) / (atol + Math.abs(b[i])));
  return m;
}

/** max |a − b| / max |b|: the error relative to the tensor's scale (0-vs-0 compares as |a − b|). */
export function relToMax(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} != ${b.length}`);
  let d = 0,
    m = 0;
  for (let i = 0; i < b.length; i++) {
    d = Math.max(d, Math.abs(a[i] - b[i]));
    m = Math.max(m, Math.abs(b[i]));
  }
  return m === 0 ? d : d / m;
}

export const numTensors = (): number => tf.memory().numTensors;
