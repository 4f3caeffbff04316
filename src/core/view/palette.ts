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

/**
 * The look of colour slot 0–15 (a racer keeps its slot while others come and go): slots 0–7
 * are the eight colours solid, 8–15 the same colours dashed, so no two slots look alike.
 */
export function racerStyle(slot: number): { color: string; dashed: boolean } {
  const s = ((slot % 16) + 16) % 16;
  return { color: OKABE_ITO[s % OKABE_ITO.length], dashed: s >= OKABE_ITO.length };
}

/** Fill of contour band t (0 = lowest level, 1 = highest): viridis, colour-blind safe. */
export const bandColor = (t: number): string => interpolateViridis(0.15 + 0.85 * t);
