import { memo } from 'react';
import { useViewStore } from '../../state/viewStore';
import type { SurfaceResponse } from '../../worker/raceProtocol';
import { paintBands } from '../canvas/paintBands';
import { cssVar, useCanvasPainter } from '../canvas/useCanvasPainter';

/**
 * The filled contour bands and minima of the race, on their own canvas under the trajectories:
 * painted once per surface, size and theme, so a slider move repaints only the thin paths.
 */
export const ContourBands = memo(function ContourBands({ bands, width, height, minima }: {
  bands: SurfaceResponse['bands'] | null;
  width: number;
  height: number;
  minima: readonly (readonly [number, number])[];
}) {
  const theme = useViewStore((s) => s.theme);
  const { ref } = useCanvasPainter(width, height, (ctx) => {
    const root = document.documentElement;
    paintBands(ctx, bands ?? [], bands ? minima : [], width, height, {
      background: cssVar(root, '--plot-bg', '#f4f5f2'),
      opacity: Number(cssVar(root, '--band-opacity', '0.32')),
      outline: theme === 'dark' ? 'rgba(255,255,255,0.12)' : 'rgba(0,0,0,0.18)',
      marks: cssVar(root, '--fg', '#1d2125'),
    });
  }, [bands, minima, theme]);
  return <canvas ref={ref} className="race-bands" aria-hidden="true" data-bands={bands?.length ?? 0} />;
});
