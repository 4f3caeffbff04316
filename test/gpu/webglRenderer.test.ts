import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { chooseBackend } from '../../src/gpu/backend';
import { probeWebGLRenderer, softwareRenderer } from '../../src/gpu/webglRenderer';
import { backendWords } from '../../src/state/landscapeView';

describe('softwareRenderer: which WebGL renderer strings are a CPU rasteriser', () => {
  it.each([
    [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'SwiftShader',
    ],
    ['Google SwiftShader', 'SwiftShader'],
    ['llvmpipe (LLVM 15.0.7, 256 bits)', 'llvmpipe'],
    ['Mesa softpipe', 'softpipe'],
    [
      'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)',
      'Microsoft Basic Render Driver',
    ],
    ['Some Software Rasterizer', 'software'],
  ])('%s → %s', (renderer, name) => {
    expect(softwareRenderer(renderer)).toBe(name);
  });

  it.each([
    'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002504) Direct3D11 vs_5_0 ps_5_0, D3D11)',
    'Apple M2',
    'Mesa Intel(R) UHD Graphics 620 (KBL GT2)',
    'AMD Radeon Pro 5500M OpenGL Engine',
    'WebKit WebGL', // masked: nothing says software, so it is not called software
  ])('%s is a GPU (or unknown)', (renderer) => {
    expect(softwareRenderer(renderer)).toBeNull();
  });

  it('knows nothing without a string, and Node has no WebGL to probe', () => {
    expect(softwareRenderer(null)).toBeNull();
    expect(softwareRenderer('')).toBeNull();
    expect(probeWebGLRenderer()).toBeNull();
  });
});

describe('chooseBackend', () => {
  it('skips software WebGL for WebAssembly, and says why', async () => {
    const c = await chooseBackend(['webgl', 'wasm', 'cpu'], () => 'Google SwiftShader');
    expect(c).toMatchObject({
      backend: 'wasm',
      softwareWebgl: 'SwiftShader',
      skippedSoftwareWebgl: true,
      reason: 'WebGL (SwiftShader is software, skipped) → WebAssembly',
    });
    expect(tf.getBackend()).toBe('wasm');
  });

  it('does not skip WebGL on a GPU (here Node has none, so the fallback is no skip)', async () => {
    const c = await chooseBackend(['webgl', 'wasm', 'cpu'], () => 'Apple M2');
    expect(c).toMatchObject({ backend: 'wasm', softwareWebgl: null, skippedSoftwareWebgl: false });
    expect(c.reason).toBe('WebGL: could not start here → WebAssembly');
  });

  it('keeps a software WebGL when WebAssembly is not on the list after it', async () => {
    const probe = () => 'llvmpipe (LLVM 15.0.7, 256 bits)';
    const c = await chooseBackend(['wasm', 'webgl', 'cpu'], probe);
    expect(c.skippedSoftwareWebgl).toBe(false);
    expect(c.softwareWebgl).toBe('llvmpipe');
  });
});

describe('the backend line', () => {
  it('tells software WebGL from a GPU, and WASM chosen for speed from a fallback', () => {
    expect(backendWords('webgl', 'webgl', null).label).toBe('WebGL (GPU)');
    expect(backendWords('webgl', 'webgl', 'SwiftShader')).toEqual({
      label: 'WebGL, software renderer (SwiftShader)',
      why: null,
    });
    expect(backendWords('wasm', 'webgl', 'SwiftShader')).toEqual({
      label: 'WebAssembly',
      why: 'WebGL is software-rendered here (SwiftShader), WASM is faster for this job',
    });
    // No WebGL at all: a plain fallback, which the note warns about.
    expect(backendWords('wasm', 'webgl', null)).toEqual({ label: 'WebAssembly (CPU)', why: null });
  });
});
