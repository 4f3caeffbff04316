import { interpolateViridis } from 'd3';

/**
 * Okabe & Ito's colour-blind-safe palette (2008), ordered so the first racers differ most.
 * Their black is replaced by a mid grey that reads on both light and dark themes.
 */
export const OKABE_ITO = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#F0E442',
  '#8c8c8c',
] as const;

/** Racer i's colour; after eight, colours repeat and `dashed` tells them apart. */
export function racerStyle(i: number): { color: string; dashed: boolean } {
  return { color: OKABE_ITO[i % OKABE_ITO.length], dashed: i >= OKABE_ITO.length };
}

/** Fill of contour band t (0 = lowest level, 1 = highest): viridis, colour-blind safe. */
export const bandColor = (t: number): string => interpolateViridis(0.15 + 0.85 * t);
