import { getSurface } from '../core/surfaces/registry';
import { raceDrawingSize } from '../core/view/viewScales';
import type { RaceClient } from '../worker/raceClient';
import { usePlaybackStore } from './playbackStore';
import { racerConfigs } from './racerConfigs';
import { useRaceStore } from './raceStore';
import { useResultsStore } from './resultsStore';

/** Worker compute-time measures kept on the page's performance timeline (for the bench). */
const MAX_WORKER_MEASURES = 200;

/** Grid points per side for the contour map, and the number of contour levels. */
const RESOLUTION = 160,
  LEVELS = 26;

/**
 * Wires the race store to the computation: every change of the race sends the racers' configs
 * to the client (latest wins); answers land in the results store. Returns an unsubscribe.
 */
let running: RaceClient | null = null;

/** The client of the running race (the trajectory canvas hands itself to it), or null. */
export function raceClient(): RaceClient | null {
  return running;
}

export function startRaceRunner(client: RaceClient): () => void {
  running = client;
  useResultsStore.setState({ backend: client.backendKind });
  // The worker's clock starts at its own timeOrigin: convert to this page's.
  client.onDrawn((d) =>
    useResultsStore.setState({
      drawn: {
        seq: d.seq,
        fingerprint: d.fingerprint,
        paintedAt: d.paintedAt - performance.timeOrigin,
      },
    }),
  );
  client.onRace((res) => {
    // Compute time inside the worker, for the bench (a mark of the given duration).
    // The timeline keeps every entry: the bench reads the latest few dozen, so the page keeps at
    // most MAX_WORKER_MEASURES rather than one per race for as long as it is open.
    if (performance.getEntriesByName?.('race-worker').length >= MAX_WORKER_MEASURES)
      performance.clearMeasures('race-worker');
    performance.measure?.('race-worker', { start: performance.now() - res.ms, duration: res.ms });
    useResultsStore.setState({ racers: res.results, raceSeq: res.seq, computeError: null });
    usePlaybackStore.getState().setMaxStep(useRaceStore.getState().steps);
  });
  client.onSurface((res) => useResultsStore.setState({ surface: res }));
  client.onError((kind, message) =>
    useResultsStore.setState({ computeError: `${kind}: ${message}` }),
  );

  const sendRace = () => {
    const configs = racerConfigs(useRaceStore.getState());
    const configErrors = configs.flatMap((c) => (c.ok ? [] : [{ id: c.id, errors: c.errors }]));
    // Keep the old array when nothing changed: a new one would make every panel recompute its paths.
    if (JSON.stringify(configErrors) !== JSON.stringify(useResultsStore.getState().configErrors))
      useResultsStore.setState({ configErrors });
    client.request('race', {
      racers: configs.flatMap((c) => (c.ok ? [{ id: c.id, config: c.config }] : [])),
    });
  };
  const sendSurface = () => {
    const { surface, surfaceParams } = useRaceStore.getState();
    const { width, height } = raceDrawingSize(getSurface(surface, surfaceParams).domain);
    client.request('surface', {
      surface,
      surfaceParams,
      width,
      height,
      resolution: RESOLUTION,
      levels: LEVELS,
    });
  };
  sendSurface();
  sendRace();
  const stop = useRaceStore.subscribe((s, prev) => {
    if (s.surface !== prev.surface || s.surfaceParams !== prev.surfaceParams) sendSurface();
    sendRace();
  });
  return () => {
    stop();
    if (running === client) running = null;
  };
}
