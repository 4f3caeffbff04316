import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { ViewScales } from '../../core/view/viewScales';
import { RACE_INK } from '../../draw/raceInk';
import { TrajectoryScene, type TrajectoryView } from '../../draw/trajectoryScene';
import { raceClient } from '../../state/raceRunner';
import { useResultsStore } from '../../state/resultsStore';
import { useViewStore } from '../../state/viewStore';
import type { RaceClient } from '../../worker/raceClient';
import { observeDevicePixelSize } from '../canvas/devicePixelSize';
import { useStepEffect } from '../hooks/usePlaybackRef';
import type { RacerView } from '../hooks/useRacers';

interface Props {
  racers: RacerView[];
  scales: ViewScales;
}

/** Tells the bench and the tests which race is on screen, and when it was painted (page ms). */
function announce(seq: number, paintedAt: number, where: 'worker' | 'page'): void {
  // A mark shows each race in a Performance trace; the timeline keeps every entry, so the
  // previous one goes (a thousand slider moves otherwise kept a thousand marks).
  performance.clearMarks?.('race-drawn');
  performance.mark('race-drawn');
  window.dispatchEvent(new CustomEvent('race-drawn', { detail: { seq, paintedAt, where } }));
}

/**
 * Every racer's trajectory on one canvas over the contour bands, painted by a
 * `draw/trajectoryScene`. Where the race worker can draw (OffscreenCanvas), the canvas is handed
 * to it and a new race is on screen as soon as it is computed, whatever the page's main thread is
 * doing; otherwise the page keeps the scene. Either way the page only sends it view changes.
 */
export function RaceTrajectories(props: Props) {
  const client = raceClient();
  return client?.drawsTrajectories ? (
    <WorkerTrajectories {...props} client={client} />
  ) : (
    <PageTrajectories {...props} />
  );
}

/**
 * Sends the scene everything it shows besides the runs: the canvas size in device pixels, the
 * box, the racer colours and the theme, and the shown step (per playback frame, outside React).
 */
function useTrajectoryView(
  ref: RefObject<HTMLCanvasElement | null>,
  { racers, scales }: Props,
  send: (view: Partial<TrajectoryView>) => void,
): void {
  const theme = useViewStore((s) => s.theme);
  // Colours follow the racer order only: a new result must not resend them (that recomputes the geometry).
  const styleKey = racers.map((r) => `${r.id} ${r.color} ${r.dashed}`).join('|');
  const styles = useMemo(
    () => Object.fromEntries(racers.map((r) => [r.id, { color: r.color, dashed: r.dashed }])),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [styleKey],
  );
  const [xmin, xmax] = scales.x.domain();
  const [ymin, ymax] = scales.y.domain();
  useLayoutEffect(() => {
    const c = ref.current;
    return c
      ? observeDevicePixelSize(c, (pixelWidth, pixelHeight) => send({ pixelWidth, pixelHeight }))
      : undefined;
  }, [ref, send]);
  useLayoutEffect(() => {
    send({
      domain: { xmin, xmax, ymin, ymax },
      width: scales.width,
      height: scales.height,
      styles,
      card: RACE_INK[theme].card,
    });
  }, [send, xmin, xmax, ymin, ymax, scales.width, scales.height, styles, theme]);
  useStepEffect((step) => send({ step }), [send]);
  const arrows = useViewStore((s) => s.arrows);
  useLayoutEffect(() => send({ arrows }), [send, arrows]);
}

/** Canvases already handed to a worker (a canvas can be transferred once; StrictMode mounts twice). */
const handedOver = new WeakSet<HTMLCanvasElement>();

function WorkerTrajectories({ client, ...props }: Props & { client: RaceClient }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const drawn = useResultsStore((s) => s.drawn);
  // Declared first, so the worker has the canvas before the view arrives.
  useLayoutEffect(() => {
    const c = ref.current;
    if (!c || handedOver.has(c)) return;
    handedOver.add(c);
    client.attachTrajectoryCanvas(c.transferControlToOffscreen());
  }, [client]);
  const send = useMemo(
    () => (view: Partial<TrajectoryView>) => client.setTrajectoryView(view),
    [client],
  );
  useTrajectoryView(ref, props, send);
  useLayoutEffect(() => {
    if (drawn) announce(drawn.seq, drawn.paintedAt, 'worker');
  }, [drawn]);

  return (
    <canvas
      ref={ref}
      className="trajectories race-canvas"
      aria-hidden="true"
      data-race-seq={drawn?.seq ?? 0}
      data-fingerprint={drawn?.fingerprint ?? ''}
      data-drawn-by="worker"
    />
  );
}

/** The same scene kept by the page (no worker, or a browser that cannot draw in one). */
function PageTrajectories(props: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const scene = useRef<TrajectoryScene | null>(null);
  const seq = useResultsStore((s) => s.raceSeq);
  const results = useResultsStore((s) => s.racers);
  const [fingerprint, setFingerprint] = useState('');
  /** Applies `change` to the scene (made on first use, once the canvas exists) and repaints. */
  const update = useMemo(
    () => (change: (s: TrajectoryScene) => void) => {
      if (!scene.current && ref.current) scene.current = new TrajectoryScene(ref.current);
      const s = scene.current;
      if (!s) return;
      change(s);
      s.paint();
      setFingerprint(s.fingerprint);
    },
    [],
  );
  const send = useMemo(
    () => (view: Partial<TrajectoryView>) => update((s) => s.setView(view)),
    [update],
  );
  useTrajectoryView(ref, props, send);
  useLayoutEffect(() => {
    update((s) => s.setRuns(results ?? []));
    if (seq > 0) announce(seq, performance.now(), 'page');
  }, [update, results, seq]);

  return (
    <canvas
      ref={ref}
      className="trajectories race-canvas"
      aria-hidden="true"
      data-race-seq={seq}
      data-fingerprint={fingerprint}
      data-drawn-by="page"
    />
  );
}
