import type { CSSProperties } from 'react';

/**
 * Type size and the room around the plot of the race page's charts, which draw in CSS pixels
 * (`hooks/useWidth`): 12 px text, 17 px in large type (the page's 15 → 21 px root). Margins are
 * in units of the font, so large type gets room for its longer tick labels.
 */
export interface ChartType {
  font: number;
  margin: { l: number; r: number; t: number; b: number };
}

const made = new Map<string, ChartType>();

/** The type of a chart; the same object for the same arguments, so it can be a memo's dependency. */
export function chartType(large: boolean, extraTop = 0): ChartType {
  const key = `${large}:${extraTop}`;
  const f = large ? 17 : 12;
  const t = made.get(key) ?? {
    font: f,
    margin: {
      l: Math.round(f * 4.2),
      r: Math.round(f * 1.4),
      t: Math.round(f * 0.9 + extraTop * f),
      b: Math.round(f * 2.9),
    },
  };
  made.set(key, t);
  return t;
}

/** The chart's font size as a CSS variable (styles.css: `.axes text` reads `--chart-font`). */
export const chartFontStyle = (t: ChartType): CSSProperties =>
  ({ '--chart-font': `${t.font}px` }) as CSSProperties;

/** A chart's height for its measured width: `aspect` of it, within 10…24 lines of text. */
export const chartHeight = (width: number, t: ChartType, aspect: number): number =>
  Math.round(Math.min(Math.max(width * aspect, t.font * 10), t.font * 24));
