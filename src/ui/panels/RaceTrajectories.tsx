import { useLayoutEffect, useMemo, useRef } from 'react';
import { trajectoryPoints } from '../../core/view/trajectoryPath';
import type { ViewScales } from '../../core/view/viewScales';
import { useResultsStore } from '../../state/resultsStore';
import { useStepEffect } from '../hooks/usePlaybackRef';
import type { RacerView } from '../hooks/useRacers';

/**
 * Each racer's path: a faint full trajectory, the steps played so far in full colour (a dash
 * as long as the prefix, updated per frame without re-rendering), and its head.
 */
export function RaceTrajectories({ racers, scales, start }: { racers: RacerView[]; scales: ViewScales; start: readonly [number, number] }) {
  const seq = useResultsStore((s) => s.raceSeq);
  const lines = useMemo(() => racers.flatMap((r) => {
    if (!r.result) return [];
    const pts = trajectoryPoints(r.result.start ?? start, r.result.params, r.result.steps, scales);
    return [{ ...r, pts, d: pts.path }];
  }), [racers, scales, start]);
  const shown = useRef<(SVGPathElement | null)[]>([]);
  const ghosts = useRef<(SVGPathElement | null)[]>([]);
  const heads = useRef<(SVGCircleElement | null)[]>([]);

  useStepEffect((step) => {
    lines.forEach((l, i) => {
      const last = l.pts.length.length - 1;
      const k = Math.min(step, last);
      // A whole run needs neither the dash that reveals a prefix nor the ghost under it; both
      // are costly to rasterise on long paths, and the whole run is what a slider move shows.
      if (k === last) shown.current[i]?.removeAttribute('stroke-dasharray');
      else shown.current[i]?.setAttribute('stroke-dasharray', `${l.pts.length[k] + 0.01} 1e7`);
      ghosts.current[i]?.setAttribute('visibility', k === last ? 'hidden' : 'visible');
      const head = heads.current[i];
      if (head) { head.setAttribute('cx', String(l.pts.xy[2 * k])); head.setAttribute('cy', String(l.pts.xy[2 * k + 1])); }
    });
  }, [lines]);

  // The race is on screen: tell the bench and the tests which computation it shows.
  useLayoutEffect(() => {
    if (seq === 0) return;
    performance.mark('race-drawn');
    window.dispatchEvent(new CustomEvent('race-drawn', { detail: seq }));
  }, [lines, seq]);

  return (
    <g className="trajectories" data-race-seq={seq}>
      {lines.map((l, i) => (
        <g key={l.id} className="trajectory" data-racer={l.id}>
          <path ref={(el) => { ghosts.current[i] = el; }} className="traj-ghost" d={l.d} stroke={l.color} strokeDasharray={l.dashed ? '6 4' : undefined} />
          <path ref={(el) => { shown.current[i] = el; }} className="traj-line" d={l.d} stroke={l.color} />
          {l.result?.divergedAt !== null && l.result?.divergedAt !== undefined && (
            <text className="diverged-mark" x={l.pts.xy[l.pts.xy.length - 2]} y={l.pts.xy[l.pts.xy.length - 1]} fill={l.color}>✕</text>
          )}
          <circle ref={(el) => { heads.current[i] = el; }} className="traj-head" r={5.5} fill={l.color} />
        </g>
      ))}
    </g>
  );
}
