/**
 * Why a backend was chosen, as the ordered list of what happened to each candidate and one plain
 * sentence of it ("WebGPU: no adapter in this browser → WebGL (SwiftShader is software, skipped)
 * → WebAssembly"). Pure: the probes are passed in, so Node tests it without a GPU; backend.ts
 * runs the probes and the tries.
 */

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/**
 * What a look at WebGPU found: not looked at (Node: it is never tried there), no `navigator.gpu`,
 * `requestAdapter()` gave null, a software ("fallback") adapter, or a real adapter.
 */
export type WebgpuProbe = 'node' | 'no-api' | 'no-adapter' | 'fallback-adapter' | 'adapter';

export interface BackendProbes {
  webgpu: WebgpuProbe;
  /** The software rasteriser WebGL runs on here ('SwiftShader'), or null (a GPU, or not known). */
  softwareWebgl: string | null;
}

/**
 * One candidate's fate: used; passed over without a try ('node', 'no-api', 'no-adapter',
 * 'software'); or tried and failed to start.
 */
export type AttemptOutcome = 'used' | 'node' | 'no-api' | 'no-adapter' | 'software' | 'failed';

export interface BackendAttempt {
  backend: BackendName;
  outcome: AttemptOutcome;
}

/**
 * Why `name` is passed over without a try, or null to try it. A software GPU (SwiftShader WebGL,
 * a fallback WebGPU adapter) is skipped only when WebAssembly comes later in `preferred`: for a
 * network's forward passes WASM-SIMD beats a CPU-emulated GPU (docs/ARCHITECTURE.md).
 */
export function skipOutcome(
  name: BackendName,
  preferred: readonly BackendName[],
  probes: BackendProbes,
): AttemptOutcome | null {
  const wasmLater = preferred.indexOf('wasm') > preferred.indexOf(name);
  if (name === 'webgpu') {
    if (probes.webgpu === 'adapter') return null;
    if (probes.webgpu === 'fallback-adapter') return wasmLater ? 'software' : null;
    return probes.webgpu;
  }
  if (name === 'webgl' && probes.softwareWebgl !== null && wasmLater) return 'software';
  return null;
}

const NAMES: Record<BackendName, string> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WebAssembly',
  cpu: 'plain JavaScript',
};

function attemptWords({ backend, outcome }: BackendAttempt, probes: BackendProbes): string {
  const name = NAMES[backend];
  switch (outcome) {
    case 'used':
      return name;
    case 'node':
      return `${name}: not tried under Node`;
    case 'no-api':
      return `${name}: not in this browser`;
    case 'no-adapter':
      return `${name}: no adapter in this browser`;
    case 'software': {
      const what = backend === 'webgl' ? (probes.softwareWebgl ?? 'the renderer') : 'the adapter';
      return `${name} (${what} is software, skipped)`;
    }
    case 'failed':
      return `${name}: could not start here`;
  }
}

/**
 * The attempts as one line, in order, or null when the first candidate was used (nothing to
 * explain).
 */
export function backendReason(
  attempts: readonly BackendAttempt[],
  probes: BackendProbes,
): string | null {
  if (attempts.length <= 1) return null;
  return attempts.map((a) => attemptWords(a, probes)).join(' → ');
}
