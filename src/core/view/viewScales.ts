import { scaleLinear, type ScaleLinear } from 'd3';
import type { ViewBox } from '../surfaces/surface';

/** The logical drawing size of the 2D race (an SVG viewBox); the page scales it with CSS. */
export const RACE_SIZE = { width: 600, height: 600 } as const;

export interface ViewScales {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  width: number;
  height: number;
}

/** The race drawing for a box: 600 wide, as tall as keeps x and y to the same unit (within 0.5…1.5×). */
export function raceDrawingSize(box: ViewBox): { width: number; height: number } {
  const aspect = Math.max(0.5, Math.min(1.5, (box.ymax - box.ymin) / (box.xmax - box.xmin)));
  return { width: RACE_SIZE.width, height: Math.round(RACE_SIZE.width * aspect) };
}

/** Maps the surface's (x, y) box onto a width × height drawing, y pointing up. */
export function viewScales(
  box: ViewBox,
  width: number = RACE_SIZE.width,
  height: number = RACE_SIZE.height,
): ViewScales {
  return {
    x: scaleLinear().domain([box.xmin, box.xmax]).range([0, width]),
    y: scaleLinear().domain([box.ymin, box.ymax]).range([height, 0]),
    width,
    height,
  };
}

/** A screen point back to surface coordinates (for clicks that move the start). */
export function invertPoint(s: ViewScales, px: number, py: number): [number, number] {
  return [s.x.invert(px), s.y.invert(py)];
}
