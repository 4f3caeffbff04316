import { lazy, Suspense, useMemo } from 'react';
import { shownStep, usePlaybackStore } from '../../state/playbackStore';
import type { OrbitView } from '../../core/view/orbitView';
import { useViewStore } from '../../state/viewStore';
import { Toggle } from '../controls/Toggle';
import { useRacers } from '../hooks/useRacers';
import { useSurface } from '../hooks/useSurface';
import { ThreeDGate } from './ThreeDGate';

const setCamera = (camera: OrbitView) => useViewStore.setState({ camera });

// three.js is large: load it after the race is on screen.
const Surface3D = lazy(() => import('./Surface3D').then((m) => ({ default: m.Surface3D })));

/**
 * The 3D view of the same surface and steps, with the log-height option. `figureOnly` (an embed
 * without controls): no buttons or checkbox, and nothing at all while 3D is off.
 */
export function ThreeDPanel({ figureOnly = false }: { figureOnly?: boolean }) {
  const logHeight = useViewStore((s) => s.logHeight);
  const setLogHeight = useViewStore((s) => s.setLogHeight);
  const theme = useViewStore((s) => s.theme);
  const show = useViewStore((s) => s.show3d);
  const setShow = useViewStore((s) => s.setShow3d);
  if (!show)
    return figureOnly ? null : (
      <section className="panel surface-3d is-off" aria-label="3D surface panel">
        <p className="explain">
          The 3D view is off (it is the slowest panel on machines without a GPU).
        </p>
        <button type="button" onClick={() => setShow(true)}>
          Show 3D surface
        </button>
      </section>
    );
  return (
    <ThreeDView
      logHeight={logHeight}
      setLogHeight={setLogHeight}
      theme={theme}
      hide={figureOnly ? null : () => setShow(false)}
    />
  );
}

function ThreeDView({
  logHeight,
  setLogHeight,
  theme,
  hide,
}: {
  logHeight: boolean;
  setLogHeight(v: boolean): void;
  theme: 'light' | 'dark';
  /** Null: no controls under the view. */
  hide: (() => void) | null;
}) {
  const surface = useSurface();
  const racers = useRacers();
  const step = usePlaybackStore(shownStep);
  // Read once by the rig when it starts; the rig reports moves back into the link (`cam`).
  const camera = useViewStore((s) => s.camera);
  const trajectories = useMemo(
    () =>
      racers.flatMap((r) =>
        r.result
          ? [
              {
                id: r.id,
                color: r.color,
                params: r.result.params,
                steps: r.result.steps,
                start: r.result.start,
              },
            ]
          : [],
      ),
    [racers],
  );
  return (
    <section className="panel surface-3d" aria-label="3D surface panel">
      <div className="three-wrap">
        <ThreeDGate name="3D surface">
          <Suspense
            fallback={
              <div className="three-loading" role="img" aria-label="3D surface">
                Loading 3D…
              </div>
            }
          >
            <Surface3D
              surface={surface}
              box={surface.domain}
              trajectories={trajectories}
              currentStep={step}
              logHeight={logHeight}
              theme={theme}
              camera={camera}
              onCameraChange={setCamera}
            />
          </Suspense>
        </ThreeDGate>
      </div>
      <div className="panel-caption row">
        {hide && <Toggle label="Log height" checked={logHeight} onChange={setLogHeight} />}
        <span>drag or arrow keys to orbit · scroll or +/− to zoom</span>
        {hide && (
          <button type="button" onClick={hide}>
            Hide 3D
          </button>
        )}
      </div>
    </section>
  );
}
