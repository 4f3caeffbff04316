/**
 * Figures as PNG bytes at 1×, 2× or 4× their CSS size: an SVG through the race's exports'
 * rasteriser (ui/export/figureImage), and the 3D view rendered again at that pixel ratio and
 * read back in the same task.
 */
import { canvasPng, context2d, svgCanvas } from '../../export/figureImage';

export type PngScale = 1 | 2 | 4;
export const PNG_SCALES: readonly PngScale[] = [1, 2, 4];

/** `svg` (a standalone document of `width` × `height` CSS px) as a PNG `scale` times larger. */
export async function svgPng(
  svg: string,
  width: number,
  height: number,
  scale: PngScale,
): Promise<Blob> {
  return canvasPng(await svgCanvas(svg, width, height, scale));
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
  if (!state) {
    out.width = canvas.width;
    out.height = canvas.height;
    context2d(out).drawImage(canvas, 0, 0);
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
    context2d(out).drawImage(gl.domElement, 0, 0);
  } finally {
    gl.setPixelRatio(before);
    gl.setSize(size.width, size.height, false);
    gl.render(scene, camera);
  }
  return canvasPng(out);
}
