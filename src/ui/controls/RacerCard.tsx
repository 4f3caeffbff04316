import { memo, useEffect, useState } from 'react';
import { findOptimizer, optimizerOf } from '../../core/optimizers/registry';
import { LOOKAHEAD_DEFAULTS, LOOKAHEAD_HP } from '../../core/optimizers/lookahead';
import { surfaceRefusal, type HpSpec } from '../../core/optimizers/optimizerSpec';
import { racerStyle } from '../../core/view/palette';
import { racerLabel } from '../../core/view/racerLabel';
import { cleanLabel, MAX_LABEL, MAX_RACERS, nextFreeSlot } from '../../state/racers';
import { useRaceStore } from '../../state/raceStore';
import { Formula } from '../formula/Formula';
import { LineSwatch } from '../panels/LineSwatch';
import { HpControl } from './HpControl';
import { Toggle } from './Toggle';
import { ScheduleOptions } from './ScheduleOptions';
import './racerCard.css';

/** Hyperparameters every lecture sweeps; the rest sit under "More". */
const MAIN = new Set(['lr', 'momentum', 'betas', 'weight_decay']);
const HIDDEN = new Set(['maximize']);

/**
 * One racer: its colour, its label (editable), copy and remove, its update rule (KaTeX), what it
 * does, its hyperparameters, and optionally its own schedule and batch size.
 */
export const RacerCard = memo(function RacerCard({ racerKey }: { racerKey: string }) {
  const racers = useRaceStore((s) => s.racers);
  const samples = useRaceStore((s) => s.batch.samples);
  const racer = racers.find((r) => r.key === racerKey);
  if (!racer) return null;
  const a = useRaceStore.getState();
  const spec = findOptimizer(racer.optimizer)!;
  const { hp, lookahead: la, color } = racer;
  const fallback = racerLabel(racer, racers);
  const name = racer.label ?? fallback;
  const style = racerStyle(color);
  const shown = la ? optimizerOf({ type: spec.type, lookahead: la })! : spec;
  // A choice the race's surfaces cannot take (Sophia's GNB estimator) is shown, disabled.
  const unavailable = (h: HpSpec) =>
    h.choices?.filter((c) => surfaceRefusal(spec, { ...hp, [h.key]: c }) !== null);
  const controls = (keep: (key: string) => boolean) =>
    spec.hyperparams
      .filter((h) => keep(h.key) && !HIDDEN.has(h.key))
      .map((h) => (
        <HpControl
          key={h.key}
          spec={h}
          value={hp[h.key]}
          unavailable={unavailable(h)}
          optName={name}
          onChange={(v) => a.setHp(racerKey, h.key, v)}
        />
      ));
  const more = controls((k) => !MAIN.has(k));
  return (
    <section
      className={`card racer-card${style.dashed ? ' is-dashed' : ''}`}
      aria-label={`${name} controls`}
      data-racer={racerKey}
      style={{ borderLeftColor: style.color }}
    >
      <div className="racer-head">
        <button
          type="button"
          className="racer-colour"
          aria-label={`Colour of ${name}: ${style.dashed ? 'dashed ' : ''}slot ${color + 1}; pick the next free colour`}
          title="Next free colour"
          onClick={() => a.setColor(racerKey, nextFreeSlot(color, racers))}
        >
          <LineSwatch color={style.color} width={4} dash={style.dashed ? '5 3' : undefined} />
        </button>
        <LabelInput racerKey={racerKey} label={racer.label} fallback={fallback} />
        <button
          type="button"
          className="racer-action"
          aria-label={`Duplicate ${name}`}
          title="Duplicate"
          disabled={racers.length >= MAX_RACERS}
          onClick={() => a.duplicateRacer(racerKey)}
        >
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
            <rect x="1.5" y="4.5" width="8" height="8" rx="1" fill="none" stroke="currentColor" />
            <rect x="4.5" y="1.5" width="8" height="8" rx="1" fill="none" stroke="currentColor" />
          </svg>
        </button>
        <button
          type="button"
          className="racer-action"
          aria-label={`Remove ${name}`}
          title="Remove"
          disabled={racers.length <= 1}
          onClick={() => a.removeRacer(racerKey)}
        >
          ×
        </button>
      </div>
      <p className="explain">
        {spec.type}: {spec.summary}
      </p>
      <div className="update-rule">
        <Formula tex={shown.tex} label={`${shown.type} update rule`} />
      </div>
      {controls((k) => MAIN.has(k))}
      <Toggle
        label="Lookahead"
        ariaLabel={`Lookahead (${name})`}
        checked={la !== null}
        onChange={(on) => a.setLookahead(racerKey, on ? LOOKAHEAD_DEFAULTS : null)}
      />
      {la &&
        (['k', 'alpha'] as const).map((key) => (
          <HpControl
            key={key}
            spec={LOOKAHEAD_HP[key]}
            value={la[key]}
            optName={`Lookahead, ${name}`}
            onChange={(v) => a.setLookahead(racerKey, { ...la, [key]: v as number })}
          />
        ))}
      <details open={racer.schedule !== null || racer.batch !== null}>
        <summary>Own schedule and batch</summary>
        <label className="field">
          <span className="field-label">Schedule</span>
          <select
            aria-label={`Racer's schedule (${name})`}
            value={racer.schedule?.id ?? ''}
            onChange={(e) => a.setRacerSchedule(racerKey, e.currentTarget.value || null)}
          >
            <option value="">Race schedule</option>
            <ScheduleOptions />
          </select>
        </label>
        <label className="field">
          <span className="field-label">Batch size</span>
          <input
            type="number"
            aria-label={`Racer's batch size (${name})`}
            min={1}
            max={samples}
            step={1}
            placeholder="race's"
            value={racer.batch ?? ''}
            onChange={(e) => {
              const raw = e.currentTarget.value;
              const v = Number(raw);
              if (raw === '') a.setRacerBatch(racerKey, null);
              else if (Number.isFinite(v) && v >= 1) a.setRacerBatch(racerKey, v);
            }}
          />
        </label>
      </details>
      {more.length > 0 && (
        <details>
          <summary>More {spec.type} settings</summary>
          {more}
        </details>
      )}
    </section>
  );
});

/**
 * The racer's label: what the user typed (kept as typed while editing, so spaces between words
 * survive), the derived default as placeholder; emptied, the default comes back.
 */
function LabelInput({
  racerKey,
  label,
  fallback,
}: {
  racerKey: string;
  label: string | null;
  fallback: string;
}) {
  const [draft, setDraft] = useState(label ?? '');
  // A label set elsewhere (a link) replaces the draft; the draft's own edits do not.
  useEffect(() => setDraft((d) => (cleanLabel(d) === label ? d : (label ?? ''))), [label]);
  return (
    <input
      className="racer-label"
      aria-label={`Label of ${label ?? fallback}`}
      placeholder={fallback}
      maxLength={MAX_LABEL}
      value={draft}
      onChange={(e) => {
        setDraft(e.currentTarget.value);
        useRaceStore.getState().setLabel(racerKey, e.currentTarget.value);
      }}
    />
  );
}
