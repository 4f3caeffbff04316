import { useMemo } from 'react';
import {
  lineSliceChart,
  lossAtAlpha,
  lossTicks,
  markLabels,
  nonFiniteNote,
  polylineD,
} from '../../core/view/lineSliceChart';
import { formatValue } from '../../core/view/sliderScale';
import { useLandscapeStore } from '../../state/landscapeStore';
import type { LineView } from '../../state/lineView';
import { landscapeSizes } from './landscapeTheme';
import { useWidth } from '../hooks/useWidth';

/**
 * Loss (left axis, solid) and accuracy (right axis, dashed) against α, as upstream's plot_1D:
 * an SVG in CSS pixels (measured width), so its type stays legible from 360 px to a projector.
 * Geometry comes from core/view/lineSliceChart; this only renders it.
 */
export function LineChart({ view }: { view: LineView }) {
  const z = landscapeSizes(useLandscapeStore((s) => s.look));
  const { ref, width } = useWidth<HTMLDivElement>();
  const height = Math.round(Math.min(Math.max(width * 0.5, z.lineFont * 18), z.lineFont * 30));
  const c = useMemo(
    () => lineSliceChart(view, { width, height, margin: z.lineMargin }),
    [view, width, height, z.lineMargin],
  );
  const f = z.lineFont;
  const [x0, x1] = c.x.range(),
    [yb, yt] = c.y.range();
  const xTicks = c.x.ticks(width < 480 ? 4 : 8);
  const note = nonFiniteNote(c.nonFinite);
  const marks = view.marks.map((m) => {
    const v = lossAtAlpha(view, m.alpha);
    return {
      ...m,
      x: c.x(m.alpha),
      loss: v,
      short: m.label,
      text: `${m.label}${v !== null && Number.isFinite(v) ? `: ${formatValue(v)}` : ''}`,
    };
  });
  const labels = markLabels(marks, width, f);
  return (
    <figure className="ls-line-figure">
      <div ref={ref} className="ls-line-box">
        <svg
          className="ls-line-chart"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={`Loss along the line: ${view.title}`}
          data-computed={c.computed}
          data-total={view.alphas.length}
          data-nonfinite={c.nonFinite.length}
        >
          <rect className="ls-plot-bg" x={x0} y={yt} width={x1 - x0} height={yb - yt} />
          {c.gaps.map(([a, b], k) => (
            <rect
              key={k}
              className="ls-line-gap"
              x={a}
              y={yt}
              width={Math.max(2, b - a)}
              height={yb - yt}
            >
              <title>loss not finite here (diverged)</title>
            </rect>
          ))}
          {marks.map((m, k) => (
            <g key={m.alpha} className="ls-line-mark" data-alpha={m.alpha} data-loss={m.loss ?? ''}>
              <line x1={m.x} x2={m.x} y1={yt} y2={yb} />
              <text x={labels[k].x} y={yt - 8} textAnchor={labels[k].anchor} fontSize={f}>
                {labels[k].text}
              </text>
            </g>
          ))}
          {c.acc.map((xy, k) => (
            <path key={`a${k}`} className="ls-line-acc" d={polylineD(xy)} />
          ))}
          {c.loss.map((xy, k) => (
            <path key={`l${k}`} className="ls-line-loss" d={polylineD(xy)} />
          ))}
          <g className="ls-line-dots">
            {Array.from({ length: c.dots.length / 2 }, (_, k) => (
              <circle key={k} cx={c.dots[2 * k]} cy={c.dots[2 * k + 1]} r={f / 5} />
            ))}
          </g>
          <g className="axes" fontSize={f}>
            <line x1={x0} x2={x1} y1={yb} y2={yb} />
            <line x1={x0} x2={x0} y1={yb} y2={yt} />
            {xTicks.map((t) => (
              <text key={`x${t}`} x={c.x(t)} y={yb + f * 1.3} textAnchor="middle">
                {formatValue(t)}
              </text>
            ))}
            {lossTicks(c).map((t) => (
              <text key={`y${t}`} x={x0 - 5} y={c.y(t)} dominantBaseline="central" textAnchor="end">
                {formatValue(t)}
              </text>
            ))}
            {view.acc &&
              [0, 50, 100].map((t) => (
                <text
                  key={`r${t}`}
                  className="ls-line-acc-tick"
                  x={x1 + 5}
                  y={c.yAcc(t)}
                  dominantBaseline="central"
                >
                  {t}
                </text>
              ))}
            <text className="axis-label" x={(x0 + x1) / 2} y={height - f * 0.5} textAnchor="middle">
              α (position along the line)
            </text>
            <text
              className="axis-label ls-line-loss-label"
              transform={`translate(${f * 0.9} ${(yt + yb) / 2}) rotate(-90)`}
              textAnchor="middle"
            >
              loss{c.log ? ' (log)' : ''}
            </text>
            {view.acc && (
              <text
                className="axis-label ls-line-acc-tick"
                transform={`translate(${width - f * 0.5} ${(yt + yb) / 2}) rotate(-90)`}
                textAnchor="middle"
              >
                accuracy %
              </text>
            )}
          </g>
        </svg>
      </div>
      <figcaption className="panel-caption">
        <span className="ls-line-key">
          <span className="ls-swatch loss" /> loss
        </span>
        {view.acc && (
          <span className="ls-line-key">
            <span className="ls-swatch acc" /> accuracy (right axis)
          </span>
        )}
        {c.computed < view.alphas.length && (
          <span className="ls-line-key">
            {c.computed} of {view.alphas.length} points so far
          </span>
        )}
      </figcaption>
      {note && (
        <p className="ls-warning ls-line-note" role="note">
          The loss is not finite {note} (the weights diverged so far out): drawn as shaded gaps.
        </p>
      )}
    </figure>
  );
}
