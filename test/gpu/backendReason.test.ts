import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import {
  type BackendName,
  type BackendProbes,
  backendReason,
  skipOutcome,
} from '../../src/gpu/backendReason';
import { chooseBackend } from '../../src/gpu/backend';

const ALL: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
const probes = (p: Partial<BackendProbes>): BackendProbes => ({
  webgpu: 'adapter',
  softwareWebgl: null,
  ...p,
});
/** The candidates `skipOutcome` passes over before the first it would try. */
const skipsBefore = (p: BackendProbes, preferred = ALL) => {
  const out: [BackendName, string][] = [];
  for (const b of preferred) {
    const o = skipOutcome(b, preferred, p);
    if (o === null) return { skipped: out, first: b };
    out.push([b, o]);
  }
  return { skipped: out, first: null };
};

describe('skipOutcome: which candidates are passed over without a try', () => {
  it('tries WebGPU first when there is a real adapter', () => {
    expect(skipsBefore(probes({}))).toEqual({ skipped: [], first: 'webgpu' });
  });

  it('passes over WebGPU without the API, without an adapter, and under Node', () => {
    for (const webgpu of ['no-api', 'no-adapter', 'node'] as const)
      expect(skipsBefore(probes({ webgpu }))).toEqual({
        skipped: [['webgpu', webgpu]],
        first: 'webgl',
      });
  });

  it('skips a software GPU (SwiftShader WebGL, a fallback adapter) for WebAssembly', () => {
    const p = probes({ webgpu: 'fallback-adapter', softwareWebgl: 'SwiftShader' });
    expect(skipsBefore(p)).toEqual({
      skipped: [
        ['webgpu', 'software'],
        ['webgl', 'software'],
      ],
      first: 'wasm',
    });
  });

  it('keeps a software GPU when WebAssembly is not after it', () => {
    const p = probes({ webgpu: 'fallback-adapter', softwareWebgl: 'llvmpipe' });
    expect(skipsBefore(p, ['webgpu', 'webgl', 'cpu']).first).toBe('webgpu');
    expect(skipsBefore(p, ['wasm', 'webgl']).first).toBe('wasm');
    expect(skipOutcome('webgl', ['wasm', 'webgl'], p)).toBeNull();
  });
});

describe('backendReason: the attempts in one line', () => {
  it('reads the headless-Chromium case in order', () => {
    const p = probes({ webgpu: 'no-adapter', softwareWebgl: 'SwiftShader' });
    expect(
      backendReason(
        [
          { backend: 'webgpu', outcome: 'no-adapter' },
          { backend: 'webgl', outcome: 'software' },
          { backend: 'wasm', outcome: 'used' },
        ],
        p,
      ),
    ).toBe(
      'WebGPU: no adapter in this browser → WebGL (SwiftShader is software, skipped) → WebAssembly',
    );
  });

  it('names every fate', () => {
    const p = probes({ webgpu: 'no-api' });
    expect(
      backendReason(
        [
          { backend: 'webgpu', outcome: 'no-api' },
          { backend: 'webgl', outcome: 'failed' },
          { backend: 'wasm', outcome: 'failed' },
          { backend: 'cpu', outcome: 'used' },
        ],
        p,
      ),
    ).toBe(
      'WebGPU: not in this browser → WebGL: could not start here → WebAssembly: could not start here → plain JavaScript',
    );
    expect(
      backendReason(
        [
          { backend: 'webgpu', outcome: 'software' },
          { backend: 'wasm', outcome: 'used' },
        ],
        p,
      ),
    ).toBe('WebGPU (the adapter is software, skipped) → WebAssembly');
  });

  it('says nothing when the first candidate was used', () => {
    expect(backendReason([{ backend: 'webgpu', outcome: 'used' }], probes({}))).toBeNull();
    expect(backendReason([], probes({}))).toBeNull();
  });
});

describe('chooseBackend under Node', () => {
  it('never tries WebGPU (even with an adapter reported) and says so', async () => {
    const c = await chooseBackend(
      ALL,
      () => null,
      async () => 'adapter',
    );
    expect(c.backend).toBe('wasm');
    expect(c.attempts).toEqual([
      { backend: 'webgpu', outcome: 'failed' },
      { backend: 'webgl', outcome: 'failed' },
      { backend: 'wasm', outcome: 'used' },
    ]);
    expect(tf.findBackendFactory('webgpu')).toBeNull();
  });

  it('with the real probe: WebGPU is not tried under Node', async () => {
    const c = await chooseBackend(ALL, () => 'Google SwiftShader');
    expect(c.reason).toBe(
      'WebGPU: not tried under Node → WebGL (SwiftShader is software, skipped) → WebAssembly',
    );
    expect(c.skippedSoftwareWebgl).toBe(true);
    expect(tf.findBackendFactory('webgpu')).toBeNull();
  });

  it('throws naming the candidates when none starts', async () => {
    await expect(chooseBackend(['webgpu'])).rejects.toThrow(/none of \[webgpu\]/);
  });
});
