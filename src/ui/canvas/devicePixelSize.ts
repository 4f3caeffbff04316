/**
 * Calls `onSize(width, height)` with the canvas's CSS box in device pixels now and after every
 * resize, so its bitmap can match the screen (sharp lines on a projector and on a phone).
 * Exact device pixels where the browser reports them (no blur from rounding the CSS size).
 * Returns the function that stops observing.
 */
export function observeDevicePixelSize(
  canvas: HTMLCanvasElement,
  onSize: (width: number, height: number) => void,
): () => void {
  const report = (w: number, h: number) =>
    onSize(Math.max(1, Math.round(w)), Math.max(1, Math.round(h)));
  const dpr = () => window.devicePixelRatio || 1;
  const box = canvas.getBoundingClientRect();
  report(box.width * dpr(), box.height * dpr());
  const observer = new ResizeObserver(([e]) => {
    const dev = e.devicePixelContentBoxSize?.[0];
    if (dev) report(dev.inlineSize, dev.blockSize);
    else report(e.contentRect.width * dpr(), e.contentRect.height * dpr());
  });
  try {
    observer.observe(canvas, { box: 'device-pixel-content-box' });
  } catch {
    observer.observe(canvas);
  }
  return () => observer.disconnect();
}
