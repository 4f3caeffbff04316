import type { BandInk } from './paintBands';

/**
 * Theme colours of the race's canvases. A canvas cannot use CSS variables, and the worker that
 * draws the trajectories has no page to read them from, so they are a table here; they mirror
 * --plot-bg, --band-opacity, --fg and --card of src/ui/styles.css.
 */
export const RACE_INK: Record<'light' | 'dark', { bands: BandInk; card: string }> = {
  light: {
    bands: { background: '#f4f5f2', opacity: 0.32, outline: 'rgba(0,0,0,0.18)', marks: '#1d2125' },
    card: '#ffffff',
  },
  dark: {
    bands: {
      background: '#0e1216',
      opacity: 0.45,
      outline: 'rgba(255,255,255,0.12)',
      marks: '#e8eaed',
    },
    card: '#1b2129',
  },
};
