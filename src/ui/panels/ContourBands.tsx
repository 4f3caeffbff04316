import { memo } from 'react';
import { paintBands } from '../../draw/paintBands';
import { RACE_INK } from '../../draw/raceInk';
import { useViewStore } from '../../state/viewStore';
import type { SurfaceResponse } from '../../worker/raceProtocol';
import { useCanvasPainter } from '../canvas/useCanvasPainter';

/**
 * The filled contour bands and minima of the race, on their own canvas under the trajectories:
 * painted once per surface, size and theme, so a slider move repaints only the thin paths.
 */
export const ContourBands = memo(function ContourBands({
  bands,
  width,
  height,
  minima,
}: {
  bands: SurfaceResponse['bands'] | null;
  width: number;
  height: number;
  minima: readonly (readonly [number, number])[];
}) {
  const theme = useViewStore((s) => s.theme);
  const { ref } = useCanvasPainter(
    width,
    height,
    (ctx) =>
      paintBands(ctx, bands ?? [], bands ? minima : [], width, height, RACE_INK[theme].bands),
    [bands, minima, theme],
  );
  return (
    <canvas ref={ref} className="race-bands" aria-hidden="true" data-bands={bands?.length ?? 0} />
  );
});
