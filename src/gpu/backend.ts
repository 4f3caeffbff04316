/**
 * Backend choice with fallback: try each preferred tfjs backend in order and keep the first
 * that initialises, and watch a WebGL backend's context for loss. No DOM access, so it runs in
 * Node, in a page and in a Web Worker.
 *
 * Defaults: Node → wasm, cpu (WASM-SIMD matmul is ~35× the cpu backend); elsewhere →
 * webgpu, webgl, wasm, cpu. `chooseBackend` also skips WebGL on a software renderer.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { probeWebGLRenderer, softwareRenderer } from './webglRenderer';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

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

/** WebGPU lives in an optional package; register it only if it can be loaded. */
async function prepareWebgpu(): Promise<boolean> {
  if (tf.findBackendFactory('webgpu')) return true;
  try {
    const name = '@tensorflow/tfjs-backend-webgpu';
    await import(/* @vite-ignore */ name);
    return tf.findBackendFactory('webgpu') != null;
  } catch {
    return false;
  }
}

async function tryBackend(name: BackendName): Promise<boolean> {
  try {
    if (name === 'wasm') await prepareWasm();
    if (name === 'webgpu' && !(await prepareWebgpu())) return false;
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

/** What `chooseBackend` picked, and what it knows of WebGL here. */
export interface BackendChoice {
  backend: string;
  /** The software rasteriser WebGL runs on here ('SwiftShader'), or null (a GPU, or not probed). */
  softwareWebgl: string | null;
  /** True when WebGL was skipped for being software-rendered (WebAssembly is faster then). */
  skippedSoftwareWebgl: boolean;
}

/**
 * `initBackend`, but WebGL on a software renderer is skipped when WebAssembly comes later in
 * `preferred`: for a network's forward passes WASM-SIMD beats a CPU-emulated GPU (measured on
 * the landscape job, docs/ARCHITECTURE.md). `probe` reads the renderer string (injectable for tests).
 */
export async function chooseBackend(
  preferred: readonly BackendName[] = defaultBackends(),
  probe: () => string | null = probeWebGLRenderer,
): Promise<BackendChoice> {
  const wgl = preferred.indexOf('webgl');
  const softwareWebgl = wgl >= 0 ? softwareRenderer(probe()) : null;
  const skip = softwareWebgl !== null && preferred.indexOf('wasm') > wgl;
  const backend = await initBackend(skip ? preferred.filter((b) => b !== 'webgl') : preferred);
  return { backend, softwareWebgl, skippedSoftwareWebgl: skip && backend === 'wasm' };
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
