import { useEffect, useId, useMemo, useState } from 'react';
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
import { RacerSelect, useChosenRacer } from './RacerSelect';
import { useWidth } from '../hooks/useWidth';
import { RangeTestFigure } from './RangeTestFigure';

/**
 * "Find the learning rate": the LR range test (core/lrRangeTest) for one racer, its curve of
 * loss against lr, the marks the core found and its OneCycle suggestion, which one button
 * makes the race's schedule.
 */
export function LrFind() {
  const racers = useRacers();
  const surface = useRaceStore((s) => s.surface);
  const surfaceParams = useRaceStore((s) => s.surfaceParams);
  const [outcome, setOutcome] = useState<RangeTestOutcome | null>(null);
  const [applied, setApplied] = useState<number | null>(null);
  const [racer, setChosen] = useChosenRacer(racers);
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
  const large = useViewStore((s) => s.large);
  // Measured on the card, which is always there (the chart appears after a run).
  const { ref: box, width: W } = useWidth<HTMLElement>(340);
  const ok = shown?.ok ? shown : null;

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
            <RacerSelect
              racers={racers}
              value={racer.id}
              onChange={setChosen}
              ariaLabel="Racer to test"
            />
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
      {ok && (
        <>
          <RangeTestFigure
            result={ok.result}
            width={W}
            large={large}
            color={racer.color}
            name={racer.name}
          />
          {ok.result.suggestions.maxLr && (
            <button
              type="button"
              onClick={() => setApplied(applySuggestedOneCycle(ok.result.suggestions, racer.id))}
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
