/**
 * The GPU map bench times only a real GPU: a software WebGL renderer (SwiftShader here) or a
 * missing / fallback WebGPU adapter is recorded as "not measured" with the reason.
 */
import { describe, expect, it } from 'vitest';
import { notMeasured } from '../../bench/mapGpu';

const SWIFTSHADER =
  'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const H100 = 'ANGLE (NVIDIA, Vulkan 1.3.277 (NVIDIA H100 80GB HBM3 (0x00002330)), NVIDIA)';

describe('map-gpu: what is timed', () => {
  it('SwiftShader is not a GPU; an NVIDIA renderer is', () => {
    const sw = notMeasured('webgl', {
      renderer: SWIFTSHADER,
      software: 'SwiftShader',
      webgpu: 'no-api',
    });
    expect(sw).toMatch(/^not measured: WebGL here is SwiftShader \(software rendering on the CPU/);
    expect(notMeasured('webgl', { renderer: H100, software: null, webgpu: 'adapter' })).toBeNull();
    expect(notMeasured('webgl', { renderer: null, software: null, webgpu: 'no-api' })).toMatch(
      /no WebGL/,
    );
  });

  it('WebGPU needs a real adapter', () => {
    for (const webgpu of ['no-api', 'no-adapter', 'fallback-adapter'])
      expect(notMeasured('webgpu', { renderer: H100, software: null, webgpu })).toMatch(
        new RegExp(`no WebGPU GPU adapter in this Chromium \\(${webgpu}\\)`),
      );
    expect(notMeasured('webgpu', { renderer: H100, software: null, webgpu: 'adapter' })).toBeNull();
  });
});
