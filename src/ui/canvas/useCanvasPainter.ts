import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react';
import { observeDevicePixelSize } from './devicePixelSize';

/** Draws one picture on a context already scaled to drawing units. */
export type Paint = (ctx: CanvasRenderingContext2D) => void;

/**
 * A <canvas> painted in drawing units (`width` × `height`, like an SVG viewBox) whose bitmap
 * follows its CSS box in device pixels, so lines stay sharp on a projector and on a phone.
 *
 * Why a canvas: stroking 8 × 1,000-point trajectories as SVG paths meant a style, layout, paint
 * and raster of the whole vector scene on every slider move (~25 ms without a GPU); a canvas
 * redraw is a few ms and the compositor only uploads a bitmap.
 *
 * `paint` runs after every commit that changes `deps`, after a resize, and on `repaint()` (for
 * per-frame playback updates outside React).
 */
export function useCanvasPainter(
  width: number,
  height: number,
  paint: Paint,
  deps: readonly unknown[],
): { ref: RefObject<HTMLCanvasElement | null>; repaint: () => void } {
  const ref = useRef<HTMLCanvasElement>(null);
  const paintRef = useRef(paint);
  useLayoutEffect(() => {
    paintRef.current = paint;
  });

  const repaint = useCallback(() => {
    const c = ref.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, c.width, c.height);
    ctx.setTransform(c.width / width, 0, 0, c.height / height, 0, 0);
    paintRef.current(ctx);
  }, [width, height]);

  useLayoutEffect(() => {
    const c = ref.current;
    if (!c) return;
    return observeDevicePixelSize(c, (w, h) => {
      if (c.width === w && c.height === h) return;
      c.width = w;
      c.height = h; // clears the bitmap
      repaint();
    });
  }, [repaint]);

  // Paint with the `paint` of this render: the ref above is updated by an earlier layout effect.
  useLayoutEffect(() => {
    repaint();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [repaint, ...deps]);
  return { ref, repaint };
}
