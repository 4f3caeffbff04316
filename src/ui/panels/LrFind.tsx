import { useEffect, useId, useMemo, useState } from 'react';
import { MARK_ROWS, rangeTestChart, rangeTestSentence } from '../../core/view/rangeTestChart';
import { formatValue } from '../../core/view/sliderScale';
import {
  applySuggestedOneCycle,
  raceRangeTestRefusal,
  rangeTestKey,
  runRangeTest,
  type RangeTestOutcome,
} from '../../state/rangeTestRun';
import { useRaceStore } from '../../state/raceStore';
import { useViewStore } from '../../state/viewStore';
import { useRacers } from '../hooks/useRacers';
import { useWidth } from '../hooks/useWidth';
import { ChartAxes } from './ChartAxes';
import { chartHeight, chartType } from './chartType';
import { ChartSvg } from './ChartSvg';

/** A mark label row, in units of the chart font. */
const ROW = 1.2;

/**
 * "Find the learning rate": the LR range test (core/lrRangeTest) for one racer, its curve of
 * loss against lr, the marks the core found and its OneCycle suggestion, which one button
 * makes the race's schedule.
 */
export function LrFind() {
  const racers = useRacers();
  const surface = useRaceStore((s) => s.surface);
  const surfaceParams = useRaceStore((s) => s.surfaceParams);
  const [chosen, setChosen] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<RangeTestOutcome | null>(null);
  const [applied, setApplied] = useState<number | null>(null);
  const racer = racers.find((r) => r.id === chosen) ?? racers[0];
  const refusal = useMemo(
    () => raceRangeTestRefusal({ surface, surfaceParams }),
    [surface, surfaceParams],
  );
  const pickId = useId();

  // A curve belongs to the config it was run for: any change to it (not to the schedule) drops it.
  useEffect(
    () =>
      useRaceStore.subscribe((race) =>
        setOutcome((o) => (o && rangeTestKey(race, o.racer) !== o.key ? null : o)),
      ),
    [],
  );
  const shown = outcome && outcome.racer === racer.id ? outcome : null;
  const type = chartType(
    useViewStore((s) => s.large),
    MARK_ROWS * ROW,
  );
  // Measured on the card, which is always there (the chart appears after a run).
  const { ref: box, width: W } = useWidth<HTMLElement>(340);
  const H = chartHeight(W, type, 0.68);
  const M = type.margin;
  const chart = useMemo(
    () =>
      shown?.ok
        ? rangeTestChart(
            shown.result,
            { width: W, height: H, margin: M },
            W < 300 ? 3 : 5,
            type.font * ROW,
          )
        : null,
    [shown, W, H, M, type.font],
  );
  const sentence = shown?.ok ? rangeTestSentence(shown.result.suggestions) : null;

  return (
    <section ref={box} className="card lr-find" aria-labelledby={`${pickId}-h`}>
      <h3 id={`${pickId}-h`}>Find the learning rate</h3>
      <p className="explain">
        The LR range test: 100 steps with the lr growing from 10⁻⁷ to 10, until the smoothed loss
        blows up.
      </p>
      {refusal ? (
        <p className="lr-find-refusal" role="note">
          Not on this surface: {refusal.replace(/^surface: /, '')}.
        </p>
      ) : (
        <div className="lr-find-run">
          {racers.length > 1 && (
            <label className="field">
              <span className="field-label">Racer</span>
              <select
                aria-label="Racer to test"
                value={racer.id}
                onChange={(e) => setChosen(e.currentTarget.value)}
              >
                {racers.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button
            type="button"
            onClick={() => {
              setApplied(null);
              setOutcome(runRangeTest(useRaceStore.getState(), racer.id));
            }}
          >
            Run range test
          </button>
        </div>
      )}
      {shown && !shown.ok && !refusal && (
        <p className="lr-find-refusal" role="alert">
          {shown.errors.join('; ')}
        </p>
      )}
      {chart && sentence && shown?.ok && (
        <>
          <figure className="lr-find-chart" role="group" aria-label="Range test curve">
            <ChartSvg
              width={W}
              height={H}
              chart={type}
              role="img"
              aria-label={`Loss against learning rate (log scale) for ${racer.name}. ${sentence}`}
            >
              {chart.band && (
                <rect
                  className="lr-find-band"
                  x={chart.band[0]}
                  width={Math.max(0, chart.band[1] - chart.band[0])}
                  y={M.t}
                  height={H - M.t - M.b}
                />
              )}
              <ChartAxes
                s={chart}
                yLabel="loss"
                xLabel="learning rate (log)"
                xTicks={chart.xTicks}
                yTicks={chart.yTicks}
                yNote={chart.log ? ' (log)' : ''}
                font={type.font}
              />
              <path className="lr-find-raw" d={chart.raw} stroke={racer.color} />
              <path
                className="curve lr-find-smoothed"
                d={chart.smoothed}
                stroke={racer.color}
                data-points={chart.points}
              />
              {chart.marks.map((m) => (
                <g key={m.kind} className={`lr-find-mark is-${m.kind}`}>
                  <line x1={m.x} x2={m.x} y1={m.labelY + 3} y2={H - M.b} />
                  <circle cx={m.x} cy={m.y} r={3.5} />
                  <text x={m.labelX} y={m.labelY} textAnchor={m.anchor}>
                    {m.text}
                  </text>
                </g>
              ))}
            </ChartSvg>
            <figcaption className="lr-find-sentence">{sentence}</figcaption>
          </figure>
          {shown.result.suggestions.maxLr && (
            <button
              type="button"
              onClick={() => setApplied(applySuggestedOneCycle(shown.result.suggestions, racer.id))}
            >
              Use as OneCycle max_lr
            </button>
          )}
          <p className="explain" role="status">
            {applied !== null
              ? `The race now runs OneCycleLR with max_lr ${formatValue(applied)}.`
              : ''}
          </p>
        </>
      )}
    </section>
  );
}
