import { useMemo, useRef, useState } from 'react';
import { stepAt } from '../../core/view/lossChart';
import { clippedPoints, lossView } from '../../core/view/lossView';
import { keptPoints } from '../../core/view/polyline';
import { formatValue } from '../../core/view/sliderScale';
import { useRaceStore } from '../../state/raceStore';
import { useViewStore } from '../../state/viewStore';
import { paintSeries } from '../../draw/paintSeries';
import { useCanvasPainter } from '../canvas/useCanvasPainter';
import { useStepEffect } from '../hooks/usePlaybackRef';
import { useRacers } from '../hooks/useRacers';
import { useWidth } from '../hooks/useWidth';
import { ChartAxes } from './ChartAxes';
import { chartFontStyle, chartHeight, chartType } from './chartType';

/**
 * Loss vs step for every racer (log y when the range passes 100×, symlog when it crosses zero),
 * a cursor at the shown step, hover readout. The range comes from the runs that did not diverge
 * (core/view/lossView): a diverged run is drawn to the edge where it left the view and marked ✕
 * there. The curves are a canvas (1,000-point paths are costly to re-rasterise as SVG); the axes,
 * marks, cursor and pointer handling are an SVG on top, both in CSS pixels. A racer with a second
 * point (drawn dashed on the race) says which point its curve is the loss at.
 */
export function LossCurves() {
  const racers = useRacers();
  const steps = useRaceStore((s) => s.steps);
  const type = chartType(useViewStore((s) => s.large));
  const { ref: box, width: W } = useWidth<HTMLDivElement>();
  const H = chartHeight(W, type, 0.45);
  const M = type.margin;
  const shown = useMemo(() => racers.filter((r) => r.result), [racers]);
  const s = useMemo(
    () =>
      lossView(
        shown.map((r) => ({
          id: r.id,
          values: r.result!.loss,
          divergedAt: r.result!.divergedAt,
        })),
        steps,
        W,
        H,
        { margin: M },
      ),
    [shown, steps, W, H, M],
  );
  const curves = useMemo(
    () =>
      shown.map((r, i) => {
        const xy = clippedPoints(r.result!.loss, s, s.clips[i]);
        return { xy, kept: keptPoints(xy), color: r.color, dashed: r.dashed };
      }),
    [shown, s],
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
  const r = Math.round(type.font * 0.45);
  return (
    <figure className="panel loss-curves" role="group" aria-label="Loss curves">
      <div ref={box} className="chart-stack" style={{ height: H, ...chartFontStyle(type) }}>
        <canvas
          ref={ref}
          className="loss-canvas"
          aria-hidden="true"
          data-curves={curves.length}
          data-extents={curves.map((c, i) => `${shown[i].id}:${extent(c.xy)}`).join(' ')}
          data-axis={s.kind}
        />
        <svg
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-label="Loss of each racer against the step"
          onPointerMove={onMove}
          onPointerLeave={() => setHover(null)}
        >
          <ChartAxes
            s={s}
            yLabel="loss"
            yNote={s.kind === 'linear' ? '' : ` (${s.kind})`}
            yTicks={s.yTicks}
            font={type.font}
          />
          {shown.map((racer, i) => {
            const exit = s.clips[i].exit;
            if (!exit) return null;
            const p = curves[i].xy.slice(-2);
            return (
              <g
                key={racer.id}
                className="diverged-mark"
                data-racer={racer.id}
                transform={`translate(${p[0]},${p[1] + (exit.edge === 'top' ? r : -r)})`}
                stroke={racer.color}
              >
                <title>
                  {racer.name}{' '}
                  {racer.result!.divergedAt !== null
                    ? `diverged at step ${racer.result!.divergedAt}`
                    : `left the view at step ${exit.step}`}
                </title>
                <path d={`M${-r} ${-r}L${r} ${r}M${-r} ${r}L${r} ${-r}`} />
              </g>
            );
          })}
          <line ref={cursor} className="cursor" y1={M.t} y2={H - M.b} />
          {hover !== null && (
            <line className="hover-line" x1={s.x(hover)} x2={s.x(hover)} y1={M.t} y2={H - M.b} />
          )}
        </svg>
      </div>
      {s.clips.some((c) => c.exit) && (
        <p className="panel-caption diverged-note">
          {shown.map((racer, i) => {
            const exit = s.clips[i].exit;
            return (
              exit && (
                <span key={racer.id} style={{ color: racer.color }} className="readout-item">
                  ✕ {racer.name}{' '}
                  {racer.result!.divergedAt !== null
                    ? `diverged at step ${racer.result!.divergedAt}`
                    : `left the view at step ${exit.step}`}
                </span>
              )
            );
          })}
          <span className="readout-note">(the axis shows the other runs)</span>
        </p>
      )}
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

/** The drawn y extent of a curve, "top-bottom" in CSS pixels (read by the browser tests). */
function extent(xy: Float64Array): string {
  let lo = Infinity,
    hi = -Infinity;
  for (let i = 1; i < xy.length; i += 2) {
    lo = Math.min(lo, xy[i]);
    hi = Math.max(hi, xy[i]);
  }
  return xy.length ? `${lo.toFixed(1)}-${hi.toFixed(1)}` : '';
}
