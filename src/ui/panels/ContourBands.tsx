import { memo } from 'react';
import { bandColor } from '../../core/view/palette';
import type { SurfaceResponse } from '../../worker/raceProtocol';

/**
 * The filled contour bands and minima of the race, in their own SVG under the trajectories.
 * Memoised, so a new race re-renders only the thin trajectory layer, never the thousands of
 * band vertices.
 */
export const ContourBands = memo(function ContourBands({ bands, width, height, minima }: {
  bands: SurfaceResponse['bands'] | null;
  width: number;
  height: number;
  minima: readonly (readonly [number, number])[];
}) {
  return (
    <svg className="race-bands" viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
      <rect className="race-bg" width={width} height={height} />
      <g className="bands">
        {bands?.map((b) => <path key={b.value} d={b.d} fill={bandColor(b.t)} />)}
      </g>
      <g className="minima">
        {minima.map(([x, y], i) => <path key={i} className="minimum" d={`M${x - 6} ${y}h12M${x} ${y - 6}v12`} />)}
      </g>
    </svg>
  );
});
