import type { LandscapeLook } from '../../../state/landscapeUrl';
import {
  LANDSCAPE_PALETTES,
  landscapeSizes,
  type LandscapePalette,
  type LandscapeSizes,
} from '../landscapeTheme';

/**
 * The colours and sizes an exported figure is drawn with: the landscape palette and sizes of the
 * look, and the page's own tokens (styles.css) that the on-screen SVG reads through CSS.
 */
export interface FigureStyle {
  palette: LandscapePalette;
  sizes: LandscapeSizes;
  font: string;
  /** The panel behind the figure, text, the plot area, ticks and labels, axis lines, an alarm colour. */
  card: string;
  fg: string;
  plotBg: string;
  muted: string;
  line: string;
  danger: string;
}

/** Fallbacks, styles.css's light tokens: where the page has none (a test, a detached widget). */
const LIGHT = {
  card: '#ffffff',
  fg: '#1d2125',
  plotBg: '#f4f5f2',
  muted: '#5b6470',
  line: '#c8ccd2',
  danger: '#b3261e',
};

/** The style of `look` as the page shows it now (its CSS tokens read from the document). */
export function pageFigureStyle(look: LandscapeLook, root?: Element): FigureStyle {
  const css = root ? getComputedStyle(root) : null;
  const token = (name: string, fallback: string) => css?.getPropertyValue(name).trim() || fallback;
  return {
    palette: LANDSCAPE_PALETTES[look.theme],
    sizes: landscapeSizes(look),
    font: token('--font', 'system-ui, sans-serif').replace(/"/g, "'"),
    card: token('--card', LIGHT.card),
    fg: token('--fg', LIGHT.fg),
    plotBg: token('--plot-bg', LIGHT.plotBg),
    muted: token('--muted', LIGHT.muted),
    line: token('--line', LIGHT.line),
    danger: token('--danger', LIGHT.danger),
  };
}
