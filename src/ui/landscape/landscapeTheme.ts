import type { CSSProperties } from 'react';
import type { LandscapeLook, LandscapeTheme } from '../../state/landscapeUrl';

/**
 * Colours and sizes of the landscape drawings, one row per theme and per type size: the single
 * place they are chosen. The contour SVG reads them as CSS variables (`--ls-*`, set on the page
 * root by `lookStyle`), the 3D view as values; the page's own colours are styles.css's tokens.
 */
export interface LandscapePalette {
  /** The training trajectory (Okabe–Ito vermillion: visible on every viridis band). */
  trajectory: string;
  /** Halo under the trajectory and ring of its points, to lift them off the bands. */
  halo: string;
  /** The trained weights (α = β = 0). */
  centreFill: string;
  centreStroke: string;
  /** The α = 0 and β = 0 lines. */
  cross: string;
  /** Lines between contour bands. */
  bandStroke: string;
  /** Opacity of the bands (as a group) over the plot background (dark: a darker viridis, no bright panel). */
  bandOpacity: number;
  /** The 1D panel: loss line, accuracy line (Okabe–Ito), and the hatch of non-finite spans. */
  lineLoss: string;
  lineAcc: string;
  lineGap: string;
}

export const LANDSCAPE_PALETTES: Record<LandscapeTheme, LandscapePalette> = {
  light: {
    trajectory: '#D55E00',
    halo: '#ffffff',
    centreFill: '#ffffff',
    centreStroke: '#111111',
    cross: 'rgba(255, 255, 255, 0.6)',
    bandStroke: 'rgba(0, 0, 0, 0.25)',
    bandOpacity: 1,
    lineLoss: '#0072B2',
    lineAcc: '#CC79A7',
    lineGap: 'rgba(179, 38, 30, 0.35)',
  },
  dark: {
    trajectory: '#D55E00',
    halo: '#12161b',
    centreFill: '#e8eaed',
    centreStroke: '#12161b',
    cross: 'rgba(232, 234, 237, 0.45)',
    bandStroke: 'rgba(0, 0, 0, 0.45)',
    bandOpacity: 0.5,
    lineLoss: '#56B4E9',
    lineAcc: '#CC79A7',
    lineGap: 'rgba(255, 138, 128, 0.35)',
  },
};

/** SVG sizes (user units of the 480×480 plot) in normal and large type. */
export interface LandscapeSizes {
  /** Room around the plot for tick labels and axis titles. */
  margin: { left: number; right: number; top: number; bottom: number };
  tickFont: number;
  labelFont: number;
  /** Baselines below the plot (tick labels, axis title) and left of it (axis title). */
  tickY: number;
  labelY: number;
  labelX: number;
  line: number;
  halo: number;
  point: number;
  farPoint: number;
  centre: number;
  cross: number;
  /** The 1D chart, drawn in CSS pixels: room for ticks and titles, and its font size. */
  lineMargin: { l: number; r: number; t: number; b: number };
  lineFont: number;
}

export const LANDSCAPE_SIZES: Record<'normal' | 'large', LandscapeSizes> = {
  normal: {
    margin: { left: 44, right: 16, top: 12, bottom: 40 },
    tickFont: 11,
    labelFont: 11,
    tickY: 16,
    labelY: 34,
    labelX: 34,
    line: 2.5,
    halo: 5,
    point: 3.5,
    farPoint: 6,
    centre: 5,
    cross: 1,
    lineMargin: { l: 48, r: 40, t: 26, b: 40 },
    lineFont: 12,
  },
  large: {
    margin: { left: 84, right: 32, top: 16, bottom: 72 },
    tickFont: 22,
    labelFont: 22,
    tickY: 28,
    labelY: 62,
    labelX: 66,
    line: 5,
    halo: 9,
    point: 6,
    farPoint: 9,
    centre: 8,
    cross: 2,
    lineMargin: { l: 66, r: 54, t: 38, b: 60 },
    lineFont: 19,
  },
};

export const landscapeSizes = (look: LandscapeLook): LandscapeSizes =>
  LANDSCAPE_SIZES[look.large ? 'large' : 'normal'];

/** The look as CSS variables for the page root (the contour's stylesheet reads them). */
export function lookStyle(look: LandscapeLook): CSSProperties {
  const p = LANDSCAPE_PALETTES[look.theme],
    z = landscapeSizes(look);
  return {
    '--ls-traj': p.trajectory,
    '--ls-halo': p.halo,
    '--ls-centre-fill': p.centreFill,
    '--ls-centre-stroke': p.centreStroke,
    '--ls-cross': p.cross,
    '--ls-band-stroke': p.bandStroke,
    '--ls-band-opacity': p.bandOpacity,
    '--ls-line-loss': p.lineLoss,
    '--ls-line-acc': p.lineAcc,
    '--ls-line-gap': p.lineGap,
    '--ls-line-font': `${z.lineFont}px`,
    '--ls-tick-font': `${z.tickFont}px`,
    '--ls-label-font': `${z.labelFont}px`,
    '--ls-line': z.line,
    '--ls-halo-width': z.halo,
    '--ls-cross-width': z.cross,
  } as CSSProperties;
}
