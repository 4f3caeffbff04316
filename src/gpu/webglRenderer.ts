/**
 * Whether WebGL here is a GPU or a software rasteriser (SwiftShader, llvmpipe, …), read from the
 * renderer string WEBGL_debug_renderer_info unmasks. On a software renderer every shader runs on
 * the CPU, behind WebGL's per-op overhead, so WebAssembly (SIMD, threads of its own) does a
 * network's work faster; the backend choice (backend.ts) uses this to skip it. No DOM: a page
 * and a worker both have OffscreenCanvas; Node has none and gets null.
 */

/** Software rasterisers by the names their renderer strings carry, first match wins. */
const SOFTWARE: readonly [RegExp, string][] = [
  [/swiftshader/i, 'SwiftShader'],
  [/llvmpipe/i, 'llvmpipe'],
  [/softpipe/i, 'softpipe'],
  [/microsoft basic render/i, 'Microsoft Basic Render Driver'],
  [/\bsoftware\b/i, 'software'],
];

/**
 * The software rasteriser a WebGL renderer string names ("ANGLE (Google, Vulkan 1.3.0
 * (SwiftShader Device (Subzero) …), SwiftShader driver)" → 'SwiftShader'), or null for a GPU or
 * an unknown (masked, missing) string: only a string that says so counts as software.
 */
export function softwareRenderer(renderer: string | null): string | null {
  if (!renderer) return null;
  for (const [re, name] of SOFTWARE) if (re.test(renderer)) return name;
  return null;
}

/** WEBGL_debug_renderer_info's UNMASKED_RENDERER_WEBGL (a constant of the extension). */
const UNMASKED_RENDERER = 0x9246;

/**
 * The renderer string of a throwaway WebGL context (unmasked where the browser allows, else
 * RENDERER), or null where there is no WebGL. The context is released at once.
 */
export function probeWebGLRenderer(): string | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  try {
    const canvas = new OffscreenCanvas(1, 1);
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as
      WebGLRenderingContext | WebGL2RenderingContext | null;
    if (!gl) return null;
    const unmasked = gl.getExtension('WEBGL_debug_renderer_info');
    const r = gl.getParameter(unmasked ? UNMASKED_RENDERER : gl.RENDERER) as unknown;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return typeof r === 'string' ? r : null;
  } catch {
    return null;
  }
}
