/**
 * The toy panel's data figure as data: the classifier's P(class 1) over the input box as RGBA
 * pixels (TensorFlow Playground's orange for class 0, blue for class 1, the page's background at
 * p = ½), and the data points in drawing units. Pure; the canvas only blits and strokes.
 */
import type { ViewBox } from '../surfaces/surface';

/** Playground's class colours: orange (its −1, our 0) and blue (its +1, our 1). */
export const TOY_CLASS_COLORS = ['#f59322', '#0877bd'] as const;

export type Rgb = readonly [number, number, number];

export function hexRgb(hex: string): Rgb {
  const v = parseInt(hex.replace('#', ''), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** How strongly the most confident cells take their class colour (the rest is the background). */
const STRENGTH = 0.75;

/** The colour of P(class 1) = p over background `bg`: bg at ½, towards orange below, blue above. */
export function decisionColor(p: number, bg: Rgb): Rgb {
  if (!Number.isFinite(p)) return bg;
  const t = Math.min(1, Math.abs(2 * p - 1)) * STRENGTH;
  const c = hexRgb(TOY_CLASS_COLORS[p >= 0.5 ? 1 : 0]);
  return [0, 1, 2].map((k) => Math.round(bg[k] + (c[k] - bg[k]) * t)) as unknown as Rgb;
}

/**
 * RGBA pixels (size × size) of a decision map whose rows run upwards in y (row 0 = ymin), as
 * an image's rows run downwards: row 0 of the image is the map's last row.
 */
export function decisionPixels(
  map: { size: number; prob: ArrayLike<number> },
  bg: Rgb,
): Uint8ClampedArray {
  const n = map.size,
    out = new Uint8ClampedArray(4 * n * n);
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      const [r, g, b] = decisionColor(map.prob[j * n + i], bg);
      const o = 4 * ((n - 1 - j) * n + i);
      out[o] = r;
      out[o + 1] = g;
      out[o + 2] = b;
      out[o + 3] = 255;
    }
  return out;
}

/** Points [x₀, y₀, x₁, y₁, …] of `box` in a width × height drawing (y up). */
export function pointsInDrawing(
  points: ArrayLike<number>,
  box: ViewBox,
  width: number,
  height: number,
): Float64Array {
  const out = new Float64Array(points.length);
  for (let k = 0; k < points.length; k += 2) {
    out[k] = ((points[k] - box.xmin) / (box.xmax - box.xmin)) * width;
    out[k + 1] = height - ((points[k + 1] - box.ymin) / (box.ymax - box.ymin)) * height;
  }
  return out;
}
