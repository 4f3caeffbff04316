import { useMemo } from 'react';
import { CONVEX_COLOUR, CURVATURE_TICKS, curvatureRampStops } from '../../core/view/curvatureMap';
import { CURVATURE_TAU, sliceCurvature } from '../../core/view/sliceCurvature';
import { useLandscapeStore } from '../../state/landscapeStore';
import type { LandscapeView } from '../../state/landscapeView';
import { Toggle } from '../controls/Toggle';

/** Per grid point r = |λmin/λmax| of the slice's own Hessian (core/view/sliceCurvature), or null when the map is off. */
export function useCurvatureRatio(view: LandscapeView | null): Float64Array | null {
  const on = useLandscapeStore((s) => s.look.curvature === true);
  return useMemo(
    () =>
      on && view
        ? sliceCurvature({ xcoordinates: view.xs, ycoordinates: view.ys, loss: view.loss }).ratio
        : null,
    [on, view],
  );
}

/** The map's toggle (link key `curv`) and, when on, its legend. */
export function NonConvexityKey() {
  const on = useLandscapeStore((s) => s.look.curvature === true);
  const setLook = useLandscapeStore((s) => s.setLook);
  return (
    <div className="ls-curv-key">
      <Toggle
        label="Non-convexity map"
        checked={on}
        onChange={(v) => setLook({ curvature: v || undefined })}
      />
      {on && <NonConvexityLegend />}
    </div>
  );
}

/** The map's legend: blue convex, yellow → red by r (also under an embed's map, which has no toggle). */
export function NonConvexityLegend() {
  const stops = useMemo(() => curvatureRampStops(), []);
  return (
    <figure className="ls-curv-legend" aria-label="Non-convexity map legend">
      <div className="ls-curv-scale">
        <span className="ls-curv-swatch" style={{ background: CONVEX_COLOUR }} />
        <span
          className="ls-curv-ramp"
          style={{ background: `linear-gradient(to right, ${stops.join(', ')})` }}
        >
          {CURVATURE_TICKS.map((t) => (
            <span key={t.r} className="ls-curv-tick" style={{ left: `${100 * t.at}%` }}>
              {t.r}
            </span>
          ))}
        </span>
      </div>
      <figcaption className="explain">
        Blue: convex (|λmin/λmax| ≤ {CURVATURE_TAU}); yellow to red: curving downward, by
        |λmin/λmax| of the slice's 2×2 Hessian (as Li et al.'s Fig. 7). The border has no neighbours
        to measure it.
      </figcaption>
    </figure>
  );
}
