/**
 * Backend choice with fallback: try each preferred tfjs backend in order and keep the first
 * that initialises, and watch a WebGL backend's context for loss. No DOM access, so it runs in
 * Node, in a page and in a Web Worker.
 *
 * Defaults: Node → wasm, cpu (WASM-SIMD matmul is ~35× the cpu backend); elsewhere →
 * webgpu, webgl, wasm, cpu. `chooseBackend` also skips a software GPU and says why it chose
 * what it did (backendReason.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { probeWebGLRenderer, softwareRenderer } from './webglRenderer';
import {
  type BackendAttempt,
  type BackendName,
  type WebgpuProbe,
  backendReason,
  skipOutcome,
} from './backendReason';

export type { BackendName } from './backendReason';

/** True under Node (also inside Vitest's node environment), false in a page or a worker. */
export function isNode(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

export function defaultBackends(): BackendName[] {
  return isNode() ? ['wasm', 'cpu'] : ['webgpu', 'webgl', 'wasm', 'cpu'];
}

let wasmPathsSet = false;

/**
 * Under Node the wasm backend cannot fetch its .wasm files by URL; point it at the package's
 * dist folder as a file path. The module specifier is a variable so bundlers leave it alone.
 */
async function prepareWasm(): Promise<void> {
  if (wasmPathsSet || !isNode()) return;
  const nodeModule = 'node:module';
  const nodePath = 'node:path';
  const { createRequire } = await import(/* @vite-ignore */ nodeModule);
  const path = await import(/* @vite-ignore */ nodePath);
  const main = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm');
  setWasmPaths(path.dirname(main) + path.sep);
  wasmPathsSet = true;
}

/**
 * Registers tfjs's WebGPU backend. A literal specifier, so Vite bundles the package as a lazy
 * chunk of its own: fetched only here, after `probeWebgpu` found an adapter, never by a page
 * that does not try WebGPU.
 */
async function prepareWebgpu(): Promise<boolean> {
  if (tf.findBackendFactory('webgpu')) return true;
  try {
    await import('@tensorflow/tfjs-backend-webgpu');
    return tf.findBackendFactory('webgpu') != null;
  } catch {
    return false;
  }
}

/** The bits of WebGPU's API the probe reads (TypeScript's DOM library has no WebGPU types). */
interface GpuAdapterLike {
  isFallbackAdapter?: boolean;
  info?: { isFallbackAdapter?: boolean };
}
interface GpuLike {
  requestAdapter(): Promise<GpuAdapterLike | null>;
}

/**
 * What WebGPU offers here, without loading tfjs's backend: under Node it is never tried; in a
 * page or a worker it needs `navigator.gpu` and an adapter (null without a usable GPU).
 */
export async function probeWebgpu(): Promise<WebgpuProbe> {
  if (isNode()) return 'node';
  const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
  if (!gpu) return 'no-api';
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return 'no-adapter';
    const fallback = adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
    return fallback ? 'fallback-adapter' : 'adapter';
  } catch {
    return 'no-adapter';
  }
}

async function tryBackend(name: BackendName): Promise<boolean> {
  try {
    if (name === 'wasm') await prepareWasm();
    // Under Node WebGPU is never tried (not even its package loaded).
    if (name === 'webgpu' && (isNode() || !(await prepareWebgpu()))) return false;
    if (!tf.findBackendFactory(name)) return false;
    // setBackend resolves false (or throws) when the backend fails to initialise.
    if (!(await tf.setBackend(name))) return false;
    await tf.ready();
    return tf.getBackend() === name;
  } catch {
    return false;
  }
}

/**
 * Activate the first backend of `preferred` that initialises and return its name.
 * Throws if none does (the cpu backend always does, so include it as the last resort).
 */
export async function initBackend(
  preferred: readonly BackendName[] = defaultBackends(),
): Promise<string> {
  for (const name of preferred) {
    if (await tryBackend(name)) return name;
  }
  throw new Error(`initBackend: none of [${preferred.join(', ')}] could be initialised`);
}

/** What `chooseBackend` picked, why, and what it knows of WebGL here. */
export interface BackendChoice {
  backend: BackendName;
  /** The software rasteriser WebGL runs on here ('SwiftShader'), or null (a GPU, or not probed). */
  softwareWebgl: string | null;
  /** True when WebGL was skipped for being software-rendered (WebAssembly is faster then). */
  skippedSoftwareWebgl: boolean;
  /** Each candidate up to the one used, in order, and what happened to it. */
  attempts: BackendAttempt[];
  /** The attempts in words ("WebGPU: no adapter in this browser → … → WebAssembly"), or null
   * when the first candidate was used. */
  reason: string | null;
}

/**
 * `initBackend`, but each candidate is first checked by a probe: WebGPU only with an adapter
 * (and never under Node), a software GPU skipped when WebAssembly comes later in `preferred`
 * (backendReason.ts's `skipOutcome`). Says why. `probe` reads WebGL's renderer string and
 * `probeGpu` WebGPU's adapter (injectable for tests).
 */
export async function chooseBackend(
  preferred: readonly BackendName[] = defaultBackends(),
  probe: () => string | null = probeWebGLRenderer,
  probeGpu: () => Promise<WebgpuProbe> = probeWebgpu,
): Promise<BackendChoice> {
  const probes = {
    softwareWebgl: preferred.includes('webgl') ? softwareRenderer(probe()) : null,
    webgpu: preferred.includes('webgpu') ? await probeGpu() : ('no-api' as const),
  };
  const attempts: BackendAttempt[] = [];
  for (const name of preferred) {
    const skipped = skipOutcome(name, preferred, probes);
    if (skipped === null && (await tryBackend(name))) {
      attempts.push({ backend: name, outcome: 'used' });
      const skippedSoftwareWebgl = attempts.some(
        (a) => a.backend === 'webgl' && a.outcome === 'software',
      );
      const reason = backendReason(attempts, probes);
      return {
        backend: name,
        softwareWebgl: probes.softwareWebgl,
        skippedSoftwareWebgl,
        attempts,
        reason,
      };
    }
    attempts.push({ backend: name, outcome: skipped ?? 'failed' });
  }
  throw new Error(`chooseBackend: none of [${preferred.join(', ')}] could be initialised`);
}

/** The active backend's WebGL context (tfjs's WebGL backend keeps it in `gpgpu.gl`), or null. */
function activeWebGLContext(): WebGLRenderingContext | null {
  if (tf.getBackend() !== 'webgl') return null;
  return (tf.backend() as { gpgpu?: { gl?: WebGLRenderingContext } }).gpgpu?.gl ?? null;
}

/** Whether the active backend is WebGL and its context is lost (a GPU reset, a driver's watchdog). */
export function webglContextLost(): boolean {
  return activeWebGLContext()?.isContextLost() ?? false;
}

/**
 * Calls `lost` once if the active WebGL backend's context is lost: at once if it already is, else
 * on its canvas's `webglcontextlost`. tfjs does not notice a lost context (a readback then polls a
 * fence that never signals, for ever), so a job must. No-op on other backends; returns the
 * unsubscribe.
 */
export function onContextLost(lost: () => void): () => void {
  const gl = activeWebGLContext();
  if (!gl) return () => {};
  if (gl.isContextLost()) {
    lost();
    return () => {};
  }
  const canvas = gl.canvas as EventTarget;
  const once = () => {
    canvas.removeEventListener('webglcontextlost', once);
    lost();
  };
  canvas.addEventListener('webglcontextlost', once);
  return () => canvas.removeEventListener('webglcontextlost', once);
}
