import { lazy, Suspense, useMemo } from 'react';
import { gridSurface } from '../../core/view/gridSurface';
import { capDiverged } from '../../core/view/notComputed';
import { useLandscapeStore } from '../../state/landscapeStore';
import { Toggle } from '../controls/Toggle';
import type { ValueRange } from '../../core/view/sharedScale';
import type { CameraSync } from '../panels/surface3d/cameraSync';
import { LANDSCAPE_PALETTES } from './landscapeTheme';
import type { Displayed } from './useDisplayedView';

/** How to move the camera, said under every landscape 3D view. */
export const ORBIT_HINT = 'drag or arrow keys to orbit · scroll or +/− to zoom';

// three.js is large: load it after the contour map is on screen.
const Surface3D = lazy(() => import('../panels/Surface3D').then((m) => ({ default: m.Surface3D })));

/**
 * The same slice as a 3D surface (bilinear between grid points), with the PCA trajectory on it.
 * `ariaLabel` names it apart when a page shows two (the toy panel's is "Toy landscape 3D").
 * `cameraInLink`: this view's camera is the link's `cam` (the page's main view, not the toy's).
 * `scale`: the value range shared by views side by side. `cameraSync`: one camera for a group of views (the comparison view's); `controls` false leaves
 * out the toggle and hint under the view (a group shows them once).
 */
export function Landscape3D({
  shown,
  ariaLabel = 'Landscape 3D',
  cameraInLink = false,
  cameraSync,
  controls = true,
  scale,
}: {
  shown: Displayed;
  ariaLabel?: string;
  cameraInLink?: boolean;
  cameraSync?: CameraSync;
  controls?: boolean;
  /** Heights and colours over this range (core/view/sharedScale), when views share one. */
  scale?: ValueRange;
}) {
  const { theme, logHeight, camera } = useLandscapeStore((s) => s.look);
  const setLook = useLandscapeStore((s) => s.setLook);
  const trajectoryColor = LANDSCAPE_PALETTES[theme].trajectory;
  const { view, loss } = shown;
  const surface = useMemo(
    () =>
      gridSurface(
        // Not computed (NaN) becomes a hole; diverged (+∞) stays at the top.
        { xs: view.xs, ys: view.ys, values: capDiverged(loss) },
        { id: 'landscape', name: view.title },
      ),
    [view.xs, view.ys, loss, view.title],
  );
  const trajectories = useMemo(() => {
    const t = view.trajectory;
    if (!t || t.x.length < 2) return [];
    const params = new Float64Array(2 * (t.x.length - 1));
    for (let k = 1; k < t.x.length; k++) {
      params[2 * k - 2] = t.x[k];
      params[2 * k - 1] = t.y[k];
    }
    return [
      {
        id: 'trajectory',
        color: trajectoryColor,
        params,
        steps: t.x.length - 1,
        start: [t.x[0], t.y[0]] as const,
      },
    ];
  }, [view.trajectory, trajectoryColor]);
  return (
    <>
      <div className="three-wrap ls-three">
        <Suspense
          fallback={
            <div className="three-loading" role="img" aria-label={ariaLabel}>
              Loading 3D…
            </div>
          }
        >
          <Surface3D
            surface={surface}
            box={surface.domain}
            trajectories={trajectories}
            currentStep={trajectories[0]?.steps ?? 0}
            logHeight={logHeight}
            logScale="logValue"
            ariaLabel={ariaLabel}
            theme={theme}
            camera={cameraInLink ? camera : undefined}
            onCameraChange={cameraInLink ? (v) => setLook({ camera: v }) : undefined}
            cameraSync={cameraSync}
            range={scale}
            holes
          />
        </Suspense>
      </div>
      {controls && (
        <div className="panel-caption row">
          <Toggle
            label="Log height"
            checked={logHeight}
            onChange={(v) => setLook({ logHeight: v })}
          />
          <span>{ORBIT_HINT}</span>
        </div>
      )}
    </>
  );
}
