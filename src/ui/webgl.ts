/**
 * Whether this browser gives a page a WebGL context at all (enterprise policies and
 * --disable-webgl turn it off). Probed once, with a context that is released at once: browsers
 * cap the live contexts of a page.
 */
let available: boolean | null = null;

export function hasWebGL(): boolean {
  if (available === null) {
    try {
      const canvas = document.createElement('canvas');
      const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
      available = gl !== null;
      gl?.getExtension('WEBGL_lose_context')?.loseContext();
    } catch {
      available = false;
    }
  }
  return available;
}
