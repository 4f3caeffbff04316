import { describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { defaultBackends, initBackend } from '../../src/gpu/backend';

describe('initBackend', () => {
  test('in Node it prefers wasm, then cpu', async () => {
    expect(defaultBackends()).toEqual(['wasm', 'cpu']);
    expect(await initBackend()).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
  });

  test('skips backends that cannot start here (no WebGPU package, no WebGL context) and falls back', async () => {
    expect(await initBackend(['webgpu', 'webgl', 'cpu'])).toBe('cpu');
    expect(await initBackend(['wasm'])).toBe('wasm');
  });

  test('throws a message naming the candidates when none initialises', async () => {
    await expect(initBackend(['webgpu'])).rejects.toThrow(/none of \[webgpu\]/);
  });
});
