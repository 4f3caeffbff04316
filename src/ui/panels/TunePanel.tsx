import { useId, useMemo, useState } from 'react';
import { CRITERION_LABELS, formatFaster, tuneRows } from '../../core/view/tuneSummary';
import { formatValue } from '../../core/view/sliderScale';
import { useRaceStore } from '../../state/raceStore';
import { applyTunedLrs, cancelTune, startTune } from '../../state/tuneRunner';
import {
  TUNE_CRITERIA,
  TUNE_METHODS,
  tuneFingerprint,
  type TuneChoice,
} from '../../state/tuneState';
import { useTuneStore } from '../../state/tuneStore';
import { useRacers } from '../hooks/useRacers';
import '../controls/batchTools.css';

const METHOD_LABELS = { random: 'Log-uniform random', halving: 'Successive halving (η = 3)' };

/** "Tune the racers fairly": one budget, search, criterion and seed for every racer's lr. */
export function TunePanel() {
  const t = useTuneStore();
  const racers = useRacers();
  const race = useRaceStore();
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const d = t.draft;
  const set = (p: Partial<TuneChoice>) => useTuneStore.setState({ draft: { ...d, ...p } });
  const num = (v: string) => (v.trim() === '' ? NaN : Number(v));
  const stale = useMemo(
    () => t.fingerprint !== null && t.fingerprint !== tuneFingerprint(race),
    [t.fingerprint, race],
  );
  const ran = t.ran;
  const rows = useMemo(() => tuneRows(t.results, ran?.target ?? null), [t.results, ran]);
  const nameOf = (key: string) => racers.find((r) => r.id === key)?.name ?? key;
  const first = t.results[0] ? nameOf(t.results[0].id) : '';
  return (
    <section className="card tune-panel" aria-label="Tune the racers fairly">
      <h3>Tune the racers fairly</h3>
      <p className="explain">
        Every racer’s lr searched with the same budget and judged by the same criterion, so that
        “faster” means something.
      </p>
      <div className="tune-fields">
        <label className="field">
          <span className="field-label">Trials</span>
          <input
            type="number"
            aria-label="Trials"
            min={1}
            max={100}
            value={Number.isNaN(d.trials) ? '' : d.trials}
            onChange={(e) => set({ trials: num(e.currentTarget.value) })}
          />
        </label>
        <label className="field">
          <span className="field-label">× steps</span>
          <input
            type="number"
            aria-label="Steps per trial"
            min={1}
            max={5000}
            value={Number.isNaN(d.steps) ? '' : d.steps}
            onChange={(e) => set({ steps: num(e.currentTarget.value) })}
          />
        </label>
        <label className="field">
          <span className="field-label">Search</span>
          <select
            aria-label="Search"
            value={d.method}
            onChange={(e) => set({ method: e.currentTarget.value as TuneChoice['method'] })}
          >
            {TUNE_METHODS.map((m) => (
              <option key={m} value={m}>
                {METHOD_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Criterion</span>
          <select
            aria-label="Criterion"
            value={d.criterion}
            onChange={(e) => set({ criterion: e.currentTarget.value as TuneChoice['criterion'] })}
          >
            {TUNE_CRITERIA.map((c) => (
              <option key={c} value={c}>
                {CRITERION_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Target loss</span>
          <input
            type="number"
            aria-label="Target loss"
            step="any"
            value={d.target === null || Number.isNaN(d.target) ? '' : d.target}
            onChange={(e) => {
              const v = e.currentTarget.value;
              set({ target: v.trim() === '' ? null : num(v) });
            }}
          />
        </label>
        <label className="field">
          <span className="field-label">Seed</span>
          <input
            type="number"
            aria-label="Tune seed"
            min={0}
            value={Number.isNaN(d.seed) ? '' : d.seed}
            onChange={(e) => set({ seed: num(e.currentTarget.value) })}
          />
        </label>
      </div>
      <p className="explain">
        lr searched log-uniformly in [{formatValue(d.lr[0])}, {formatValue(d.lr[1])}]; the target is
        also where “k times faster” is read.
      </p>
      <div className="row tune-actions">
        <button
          type="button"
          disabled={t.state === 'running'}
          onClick={() => setError(startTune(d))}
        >
          Tune
        </button>
        {t.state === 'running' && (
          <button type="button" onClick={cancelTune}>
            Cancel
          </button>
        )}
        {t.state === 'done' && !stale && t.results.length > 0 && (
          <button type="button" onClick={applyTunedLrs}>
            Apply tuned lr
          </button>
        )}
      </div>
      {error && (
        <p className="batch-error" role="alert" id={`${id}-error`}>
          {error}
        </p>
      )}
      <p className="tune-status" role="status" aria-live="polite">
        {t.state === 'running' && `Tuning… ${t.progress.done} of ${t.progress.total} racers.`}
        {t.state === 'cancelled' &&
          `Cancelled after ${t.progress.done} of ${t.progress.total} racers.`}
        {t.state === 'done' && stale && 'The race has changed since this tune: tune again.'}
      </p>
      {ran && t.results.length > 0 && (
        <div className="tune-result" data-stale={stale}>
          <p className="tune-budget">
            Budget per racer: {ran.trials} trials × {ran.steps} steps (
            {(ran.trials * ran.steps).toLocaleString('en-US')} step-units),{' '}
            {METHOD_LABELS[ran.method].toLowerCase()}, criterion {CRITERION_LABELS[ran.criterion]}
            {ran.target !== null ? ` (target ${formatValue(ran.target)})` : ''}, seed {ran.seed}.
          </p>
          <ul className="tune-rows">
            {rows.map((r) => (
              <li key={r.id} data-racer={r.id}>
                <strong>{nameOf(r.id)}</strong>: lr{' '}
                <span className="tuned-lr">{formatValue(r.lr)}</span> ·{' '}
                {ran.criterion === 'target'
                  ? r.value
                  : `${CRITERION_LABELS[ran.criterion]} ${r.value}`}{' '}
                · {r.used}
                {ran.target !== null &&
                  (r.steps === null
                    ? ` · target not reached`
                    : ` · ${r.steps} steps to ${formatValue(ran.target)}`)}
                {r.faster !== null && ` (${formatFaster(r.faster)} vs ${first})`}
                {r.faster === null &&
                  r !== rows[0] &&
                  r.steps !== null &&
                  rows[0].steps === null &&
                  ` (${first} does not reach it)`}
              </li>
            ))}
          </ul>
          {t.errors.map((e) => (
            <p key={e.id} className="batch-error">
              {e.id ? `${nameOf(e.id)}: ` : ''}
              {e.message}
            </p>
          ))}
        </div>
      )}
    </section>
  );
}
