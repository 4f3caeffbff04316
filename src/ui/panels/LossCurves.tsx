import { useMemo, useRef, useState } from 'react';
import { chartScales, seriesPoints, stepAt } from '../../core/view/lossChart';
import { keptPoints } from '../../core/view/polyline';
import { formatValue } from '../../core/view/sliderScale';
import { useRaceStore } from '../../state/raceStore';
import { paintSeries, type SeriesStroke } from '../../draw/paintSeries';
import { useCanvasPainter } from '../canvas/useCanvasPainter';
import { useStepEffect } from '../hooks/usePlaybackRef';
import { useRacers } from '../hooks/useRacers';
import { ChartAxes } from './ChartAxes';

const W = 600,
  H = 260,
  M = { l: 56, r: 12, t: 12, b: 36 };

/**
 * Loss vs step for every racer (log y when the range passes 100×), a cursor at the shown step,
 * hover readout. The curves are a canvas (1,000-point paths are costly to re-rasterise as SVG);
 * the axes, cursor and pointer handling are an SVG on top. A racer with a second point (drawn
 * dashed on the race) says which point its curve is the loss at.
 */
export function LossCurves() {
  const racers = useRacers();
  const steps = useRaceStore((s) => s.steps);
  const s = useMemo(
    () =>
      chartScales(
        racers.flatMap((r) => (r.result ? [{ id: r.id, values: r.result.loss }] : [])),
        steps,
        W,
        H,
        { margin: M, capFactor: 100 },
      ),
    [racers, steps],
  );
  const curves = useMemo<SeriesStroke[]>(
    () =>
      racers.flatMap((r) => {
        if (!r.result) return [];
        const xy = seriesPoints(r.result.loss, s);
        return [{ xy, kept: keptPoints(xy), color: r.color, dashed: r.dashed }];
      }),
    [racers, s],
  );
  const { ref } = useCanvasPainter(W, H, (ctx) => paintSeries(ctx, curves), [curves]);
  const cursor = useRef<SVGLineElement>(null);
  const [hover, setHover] = useState<number | null>(null);
  useStepEffect(
    (k) => {
      const x = String(s.x(k));
      cursor.current?.setAttribute('x1', x);
      cursor.current?.setAttribute('x2', x);
    },
    [s],
  );

  const onMove = (e: React.PointerEvent<SVGSVGElement>) => {
    const ctm = e.currentTarget.getScreenCTM();
    if (!ctm) return;
    setHover(stepAt(s, new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse()).x, steps));
  };
  return (
    <figure className="panel loss-curves" role="group" aria-label="Loss curves">
      <div className="chart-stack" style={{ aspectRatio: `${W} / ${H}` }}>
        <canvas ref={ref} className="loss-canvas" aria-hidden="true" data-curves={curves.length} />
        <svg
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-label="Loss of each racer against the step"
          onPointerMove={onMove}
          onPointerLeave={() => setHover(null)}
        >
          <ChartAxes s={s} yLabel="loss" />
          <line ref={cursor} className="cursor" y1={M.t} y2={H - M.b} />
          {hover !== null && (
            <line className="hover-line" x1={s.x(hover)} x2={s.x(hover)} y1={M.t} y2={H - M.b} />
          )}
        </svg>
      </div>
      {racers.some((r) => r.shadow) && (
        <p className="panel-caption loss-point">
          {racers.map(
            (r) =>
              r.shadow && (
                <span key={r.id} style={{ color: r.color }} className="readout-item">
                  {r.name}: loss at {r.shadow.main}
                </span>
              ),
          )}
        </p>
      )}
      <figcaption className="panel-caption readout" aria-live="polite">
        {hover === null ? (
          'Hover to read the loss at a step.'
        ) : (
          <>
            step {hover + 1}:{' '}
            {racers.map((r) => (
              <span key={r.id} style={{ color: r.color }} className="readout-item">
                {r.name}{' '}
                {r.result && hover < r.result.steps ? formatValue(r.result.loss[hover]) : '—'}
              </span>
            ))}
          </>
        )}
      </figcaption>
    </figure>
  );
}
