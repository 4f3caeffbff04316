import { useLayoutEffect, useMemo, useRef } from 'react';
import { trajectoryFingerprint } from '../../core/view/polyline';
import { trajectoryPoints } from '../../core/view/trajectoryPath';
import type { ViewScales } from '../../core/view/viewScales';
import { paintTrajectories, type TrajectoryStroke } from '../../draw/paintTrajectories';
import { RACE_INK } from '../../draw/raceInk';
import { shownStep, usePlaybackStore } from '../../state/playbackStore';
import { raceClient } from '../../state/raceRunner';
import { useResultsStore } from '../../state/resultsStore';
import { useViewStore } from '../../state/viewStore';
import type { RaceClient } from '../../worker/raceClient';
import { useCanvasPainter } from '../canvas/useCanvasPainter';
import { useStepEffect } from '../hooks/usePlaybackRef';
import type { RacerView } from '../hooks/useRacers';

interface Props { racers: RacerView[]; scales: ViewScales; start: readonly [number, number] }

/** Tells the bench and the tests which race is on screen, and when it was painted (page ms). */
function announce(seq: number, paintedAt: number, where: 'worker' | 'page'): void {
  performance.mark('race-drawn');
  window.dispatchEvent(new CustomEvent('race-drawn', { detail: { seq, paintedAt, where } }));
}

/**
 * Every racer's trajectory on one canvas over the contour bands. Where the race worker can draw
 * (OffscreenCanvas), the canvas is handed to it and a new race is on screen as soon as it is
 * computed, whatever the page's main thread is doing; otherwise the page paints it.
 */
export function RaceTrajectories(props: Props) {
  const client = raceClient();
  return client?.drawsTrajectories ? <WorkerTrajectories {...props} client={client} /> : <PageTrajectories {...props} />;
}

/** Canvases already handed to a worker (a canvas can be transferred once; StrictMode mounts twice). */
const handedOver = new WeakSet<HTMLCanvasElement>();

function WorkerTrajectories({ racers, scales, client }: Props & { client: RaceClient }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const theme = useViewStore((s) => s.theme);
  const drawn = useResultsStore((s) => s.drawn);
  // Colours follow the racer order only: a new result must not resend them (that recomputes the geometry).
  const styleKey = racers.map((r) => `${r.id} ${r.color} ${r.dashed}`).join('|');
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const styles = useMemo(() => Object.fromEntries(racers.map((r) => [r.id, { color: r.color, dashed: r.dashed }])), [styleKey]);
  const { xmin, xmax, ymin, ymax } = { xmin: scales.x.domain()[0], xmax: scales.x.domain()[1], ymin: scales.y.domain()[0], ymax: scales.y.domain()[1] };

  useLayoutEffect(() => {
    const c = ref.current;
    if (!c || handedOver.has(c)) return;
    handedOver.add(c);
    client.attachTrajectoryCanvas(c.transferControlToOffscreen());
  }, [client]);
  useLayoutEffect(() => {
    const c = ref.current;
    if (!c) return;
    const send = (w: number, h: number) => client.setTrajectoryView({ pixelWidth: Math.max(1, Math.round(w)), pixelHeight: Math.max(1, Math.round(h)) });
    const box = c.getBoundingClientRect();
    send(box.width * devicePixelRatio, box.height * devicePixelRatio);
    const observer = new ResizeObserver(([e]) => {
      const dev = e.devicePixelContentBoxSize?.[0];
      if (dev) send(dev.inlineSize, dev.blockSize);
      else send(e.contentRect.width * devicePixelRatio, e.contentRect.height * devicePixelRatio);
    });
    try { observer.observe(c, { box: 'device-pixel-content-box' }); } catch { observer.observe(c); }
    return () => observer.disconnect();
  }, [client]);
  useLayoutEffect(() => {
    client.setTrajectoryView({ domain: { xmin, xmax, ymin, ymax }, width: scales.width, height: scales.height, styles, card: RACE_INK[theme].card });
  }, [client, xmin, xmax, ymin, ymax, scales.width, scales.height, styles, theme]);
  useStepEffect((k) => client.setTrajectoryView({ step: k }), [client]);
  useLayoutEffect(() => { if (drawn) announce(drawn.seq, drawn.paintedAt, 'worker'); }, [drawn]);

  return <canvas ref={ref} className="trajectories race-canvas" aria-hidden="true" data-race-seq={drawn?.seq ?? 0} data-fingerprint={drawn?.fingerprint ?? ''} data-drawn-by="worker" />;
}

/** The same picture painted by the page (no worker, or a browser without OffscreenCanvas). */
function PageTrajectories({ racers, scales, start }: Props) {
  const seq = useResultsStore((s) => s.raceSeq);
  const theme = useViewStore((s) => s.theme);
  const lines = useMemo<TrajectoryStroke[]>(() => racers.flatMap((r) => r.result ? [{
    pts: trajectoryPoints(r.result.start ?? start, r.result.params, r.result.steps, scales),
    color: r.color,
    dashed: r.dashed,
    diverged: r.result.divergedAt !== null,
  }] : []), [racers, scales, start]);
  const fingerprint = useMemo(() => trajectoryFingerprint(lines.map((l) => l.pts.xy)), [lines]);
  const step = useRef(shownStep(usePlaybackStore.getState()));
  const { ref, repaint } = useCanvasPainter(scales.width, scales.height, (ctx) => paintTrajectories(ctx, lines, step.current, RACE_INK[theme].card), [lines, theme]);
  useStepEffect((k) => { if (k !== step.current) { step.current = k; repaint(); } }, [repaint]);
  useLayoutEffect(() => { if (seq > 0) announce(seq, performance.now(), 'page'); }, [lines, seq]);

  return <canvas ref={ref} className="trajectories race-canvas" aria-hidden="true" data-race-seq={seq} data-fingerprint={fingerprint} data-drawn-by="page" />;
}
