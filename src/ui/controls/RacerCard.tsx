import { memo } from 'react';
import { findOptimizer, optimizerOf } from '../../core/optimizers/registry';
import { LOOKAHEAD_DEFAULTS, LOOKAHEAD_HP } from '../../core/optimizers/lookahead';
import { surfaceRefusal, type HpSpec } from '../../core/optimizers/optimizerSpec';
import { useRaceStore } from '../../state/raceStore';
import { Formula } from '../formula/Formula';
import { HpControl } from './HpControl';
import { Toggle } from './Toggle';

/** Hyperparameters every lecture sweeps; the rest sit under "More". */
const MAIN = new Set(['lr', 'momentum', 'betas', 'weight_decay']);
const HIDDEN = new Set(['maximize']);

/** One racer: its update rule (KaTeX), what it does, and its hyperparameters. */
export const RacerCard = memo(function RacerCard({ id, color }: { id: string; color: string }) {
  const spec = findOptimizer(id)!;
  const hp = useRaceStore((s) => s.hp[id]);
  const setHp = useRaceStore((s) => s.setHp);
  const la = useRaceStore((s) => s.lookahead[id]);
  const setLookahead = useRaceStore((s) => s.setLookahead);
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
          optName={spec.type}
          onChange={(v) => setHp(id, h.key, v)}
        />
      ));
  const more = controls((k) => !MAIN.has(k));
  return (
    <section
      className="card racer-card"
      aria-label={`${spec.type} controls`}
      style={{ borderLeftColor: color }}
    >
      <h3>
        <span className="swatch" style={{ background: color }} aria-hidden="true" />
        {spec.type}
      </h3>
      <p className="explain">{spec.summary}</p>
      <div className="update-rule">
        <Formula tex={shown.tex} label={`${shown.type} update rule`} />
      </div>
      {controls((k) => MAIN.has(k))}
      <Toggle
        label="Lookahead"
        ariaLabel={`Lookahead (${spec.type})`}
        checked={la !== undefined}
        onChange={(on) => setLookahead(id, on ? LOOKAHEAD_DEFAULTS : null)}
      />
      {la &&
        (['k', 'alpha'] as const).map((key) => (
          <HpControl
            key={key}
            spec={LOOKAHEAD_HP[key]}
            value={la[key]}
            optName={`Lookahead, ${spec.type}`}
            onChange={(v) => setLookahead(id, { ...la, [key]: v as number })}
          />
        ))}
      {more.length > 0 && (
        <details>
          <summary>More {spec.type} settings</summary>
          {more}
        </details>
      )}
    </section>
  );
});
