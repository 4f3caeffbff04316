/**
 * Figures as PNG bytes at 1×, 2× or 4× their CSS size: an SVG drawn through an image into a
 * canvas, and the 3D view rendered again at that pixel ratio and read back in the same task.
 */
export type PngScale = 1 | 2 | 4;
export const PNG_SCALES: readonly PngScale[] = [1, 2, 4];

function canvasPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('the browser could not encode the PNG'))),
      'image/png',
    ),
  );
}

/** `svg` (a standalone document of `width` × `height` CSS px) as a PNG `scale` times larger. */
export async function svgPng(
  svg: string,
  width: number,
  height: number,
  scale: PngScale,
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image(width, height);
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas here');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await canvasPng(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * The 3D view's WebGL canvas as a PNG at `scale` × its CSS size. The view renders on demand, so
 * the scene is drawn once more at that pixel ratio and copied before this task ends (the
 * buffer is also preserved, for a canvas this cannot reach); then the view's own ratio returns.
 */
export async function webglPng(canvas: HTMLCanvasElement, scale: PngScale): Promise<Blob> {
  const { _roots } = await import('@react-three/fiber');
  const state = _roots.get(canvas)?.store.getState();
  const out = document.createElement('canvas');
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas here');
  if (!state) {
    out.width = canvas.width;
    out.height = canvas.height;
    ctx.drawImage(canvas, 0, 0);
    return canvasPng(out);
  }
  const { gl, scene, camera, size } = state;
  const before = gl.getPixelRatio();
  try {
    gl.setPixelRatio(scale);
    gl.setSize(size.width, size.height, false);
    gl.render(scene, camera);
    out.width = gl.domElement.width;
    out.height = gl.domElement.height;
    ctx.drawImage(gl.domElement, 0, 0);
  } finally {
    gl.setPixelRatio(before);
    gl.setSize(size.width, size.height, false);
    gl.render(scene, camera);
  }
  return canvasPng(out);
}
