import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { startPlaybackLoop } from '../../state/playbackLoop';
import { usePlaybackStore } from '../../state/playbackStore';
import { startRaceRunner } from '../../state/raceRunner';
import { useResultsStore } from '../../state/resultsStore';
import { loadUrlState } from '../../state/urlSync';
import { useViewStore } from '../../state/viewStore';
import { createRaceClient } from '../../worker/raceClient';
import { RaceControlColumn } from '../controls/RaceControlColumn';
import { Transport } from '../controls/Transport';
import { ContourRace } from '../panels/ContourRace';
import { Legend } from '../panels/Legend';
import { LossCurves } from '../panels/LossCurves';
import { LrPlot } from '../panels/LrPlot';
import { ThreeDPanel } from '../panels/ThreeDPanel';
import { ExportMenu } from '../export/ExportMenu';
import { useRaceLook } from '../hooks/useRaceLook';
import { CompactControls } from './CompactControls';
import type { EmbedOptions, WidgetController } from './controller';
import { addEmbedNotices } from './embedNotices';
import { raceController } from './raceController';
import { widgetById } from './widgets';

/** Each race-family kind's figure; `bare`: no control of any kind inside the panels. */
function figureOf(kind: string, bare: boolean): ReactNode {
  switch (kind) {
    case 'contour':
      return (
        <>
          <ContourRace />
          <Legend />
        </>
      );
    case 'surface3d':
      return (
        <>
          {/* The only figure: no "Hide 3D" that would leave the frame empty. */}
          <ThreeDPanel figureOnly />
          <Legend />
        </>
      );
    case 'loss-curves':
      return (
        <>
          <LossCurves />
          <Legend />
        </>
      );
    case 'schedule':
      return (
        <>
          <div className="panel">
            <LrPlot axisToggle={!bare} />
          </div>
          <Legend />
        </>
      );
    default:
      return <RaceViews bare={bare} />;
  }
}

/**
 * The race widget's figure: the contour, and the 3D view when the link shows it (`3d=0` leaves
 * it out, not an empty half with the page's "Show 3D" button), then legend and loss curves.
 */
function RaceViews({ bare }: { bare: boolean }) {
  const show3d = useViewStore((s) => s.show3d);
  return (
    <>
      <div className={show3d ? 'views' : 'views views-one'}>
        <ContourRace />
        <ThreeDPanel figureOnly={bare || !show3d} />
      </div>
      <div className="embed-side">
        <Legend />
        <LossCurves />
      </div>
    </>
  );
}

function RaceWidget({ kind, options }: { kind: string; options: EmbedOptions }) {
  useRaceLook();
  const computeError = useResultsStore((s) => s.computeError);
  const figure = (
    <div className={`embed-figure embed-${kind}`}>
      {computeError && <p className="embed-notice">Computation failed: {computeError}</p>}
      {figureOf(kind, options.controls === 'none')}
    </div>
  );
  if (options.controls === 'none') return figure;
  if (options.controls === 'compact')
    return (
      <>
        {figure}
        <CompactControls names={widgetById(kind)?.controls ?? []} hidden={options.hidden} />
      </>
    );
  return (
    <div className="layout">
      <div className="figures">
        {figure}
        <Transport />
        <ExportMenu />
      </div>
      <RaceControlColumn />
    </div>
  );
}

/**
 * Mounts a race-family widget (`race`, `contour`, `surface3d`, `loss-curves`, `schedule`) in
 * `root`: the race page's stores, worker and panels in the state `query` gives (the race link's
 * vocabulary), without the page's link writer, since an embed keeps its frame's URL.
 */
export function mountRaceWidget(
  root: HTMLElement,
  kind: string,
  query: string,
  options: EmbedOptions,
): WidgetController {
  addEmbedNotices(loadUrlState(query));
  // The 3D widget is the 3D view, whatever the race's link says about the page's 3D panel.
  if (kind === 'surface3d') useViewStore.setState({ show3d: true });
  startRaceRunner(createRaceClient());
  startPlaybackLoop();
  const { controller } = raceController(options.widget);
  if (options.autoplay) autoplayWhenComputed();
  if (options.loop) loopAtEnd();
  createRoot(root).render(
    <StrictMode>
      <RaceWidget kind={kind} options={options} />
    </StrictMode>,
  );
  return controller;
}

/** `autoplay=1`: plays from the start once the first race is computed. */
function autoplayWhenComputed(): void {
  const start = () => {
    usePlaybackStore.getState().seek(0);
    usePlaybackStore.getState().play();
  };
  if (useResultsStore.getState().racers) return start();
  const unsub = useResultsStore.subscribe((s) => {
    if (!s.racers) return;
    unsub();
    start();
  });
}

/** `loop=1`: a race that plays to its end starts again from step 0. */
function loopAtEnd(): void {
  usePlaybackStore.subscribe((s, prev) => {
    if (prev.playing && !s.playing && s.step >= s.maxStep) s.play();
  });
}
