/**
 * Figures as pixels at a print scale: an SVG document (io/svgExport) drawn onto a canvas of its
 * CSS size × scale, so a 2× PNG of a 640 × 480 figure is 1280 × 960 whatever the screen's pixel
 * ratio. The browser rasterises the vector at the target size, so 4× stays sharp.
 */

/** The SVG as an image the canvas can draw (a blob: URL, which the pages' CSP allows). */
async function svgImage(svg: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * A canvas of `width` × `height` CSS pixels at `scale` device pixels each, kept in memory (not on
 * the GPU): exports read their pixels back, and composing GPU canvases into one that is read
 * cost ~0.5 s a frame in Chromium's software GL, as each was read back at every getImageData.
 */
export function scaledCanvas(width: number, height: number, scale: number): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = Math.round(width * scale);
  c.height = Math.round(height * scale);
  c.getContext('2d', { willReadFrequently: true });
  return c;
}

/** The 2D context of a canvas made here (later calls return the one made with it). */
export const context2d = (c: HTMLCanvasElement): CanvasRenderingContext2D => c.getContext('2d')!;

/** An SVG document of `width` × `height` CSS pixels rasterised at `scale`. */
export async function svgCanvas(
  svg: string,
  width: number,
  height: number,
  scale: number,
): Promise<HTMLCanvasElement> {
  const img = await svgImage(svg);
  const c = scaledCanvas(width, height, scale);
  context2d(c).drawImage(img, 0, 0, c.width, c.height);
  return c;
}

/** The canvas as a PNG file's bytes. */
export function canvasPng(c: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    c.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas gave no PNG'))), 'image/png'),
  );
}
