import { memo, useMemo } from 'react';
import { bandColor } from '../../core/view/palette';
import { useViewStore } from '../../state/viewStore';
import type { SurfaceResponse } from '../../worker/raceProtocol';

/** Theme colours baked into the image (an <img> SVG cannot see the page's CSS variables). */
const THEME = {
  light: { bg: '#f4f5f2', opacity: 0.32, stroke: 'rgba(0,0,0,0.18)', fg: '#1d2125' },
  dark: { bg: '#0e1216', opacity: 0.45, stroke: 'rgba(255,255,255,0.12)', fg: '#e8eaed' },
} as const;

/** The bands and minima as a standalone SVG document, for an <img>. */
function bandsSvg(bands: SurfaceResponse['bands'], width: number, height: number, minima: readonly (readonly [number, number])[], theme: keyof typeof THEME): string {
  const t = THEME[theme];
  const paths = bands.map((b) => `<path d="${b.d}" fill="${bandColor(b.t)}"/>`).join('');
  // A rotated "+" is the "×" that marks each minimum.
  const marks = minima.map(([x, y]) => `<path transform="rotate(45 ${x} ${y})" d="M${x - 6} ${y}h12M${x} ${y - 6}v12"/>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`
    + `<rect width="${width}" height="${height}" fill="${t.bg}"/>`
    + `<g fill-opacity="${t.opacity}" stroke="${t.stroke}" stroke-width="0.6">${paths}</g>`
    + `<g stroke="${t.fg}" stroke-width="2.5" fill="none">${marks}</g></svg>`;
}

/**
 * The filled contour bands and minima of the race, under the trajectory SVG, as an <img> of
 * an SVG document. Chrome rasterises an image once and reuses the bitmap, so a new race
 * repaints the thin trajectories over a cached picture instead of re-filling thousands of
 * band vertices on every slider move (the dominant paint cost without a GPU).
 */
export const ContourBands = memo(function ContourBands({ bands, width, height, minima }: {
  bands: SurfaceResponse['bands'] | null;
  width: number;
  height: number;
  minima: readonly (readonly [number, number])[];
}) {
  const theme = useViewStore((s) => s.theme);
  const src = useMemo(
    () => (bands ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(bandsSvg(bands, width, height, minima, theme))}` : undefined),
    [bands, width, height, minima, theme],
  );
  return <img className="race-bands" src={src} alt="" aria-hidden="true" data-bands={bands?.length ?? 0} draggable={false} />;
});
