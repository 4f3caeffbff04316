import { useLayoutEffect, useMemo, useRef } from 'react';
import { trajectoryFingerprint } from '../../core/view/polyline';
import { trajectoryPoints } from '../../core/view/trajectoryPath';
import type { ViewScales } from '../../core/view/viewScales';
import { shownStep, usePlaybackStore } from '../../state/playbackStore';
import { useResultsStore } from '../../state/resultsStore';
import { useViewStore } from '../../state/viewStore';
import { paintTrajectories, type TrajectoryStroke } from '../canvas/paintTrajectories';
import { cssVar, useCanvasPainter } from '../canvas/useCanvasPainter';
import { useStepEffect } from '../hooks/usePlaybackRef';
import type { RacerView } from '../hooks/useRacers';

/**
 * Every racer's trajectory on one canvas over the contour bands: repainted when a new race
 * arrives and on every playback frame (outside React), never re-laid-out.
 */
export function RaceTrajectories({ racers, scales, start }: { racers: RacerView[]; scales: ViewScales; start: readonly [number, number] }) {
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
  const { ref, repaint } = useCanvasPainter(scales.width, scales.height,
    (ctx) => paintTrajectories(ctx, lines, step.current, cssVar(document.documentElement, '--card', '#fff')), [lines, theme]);
  useStepEffect((k) => { if (k !== step.current) { step.current = k; repaint(); } }, [repaint]);

  // The race is on screen: tell the bench and the tests which computation it shows.
  useLayoutEffect(() => {
    if (seq === 0) return;
    performance.mark('race-drawn');
    window.dispatchEvent(new CustomEvent('race-drawn', { detail: seq }));
  }, [lines, seq]);

  return <canvas ref={ref} className="trajectories race-canvas" aria-hidden="true" data-race-seq={seq} data-fingerprint={fingerprint} />;
}
