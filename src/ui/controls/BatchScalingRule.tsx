import { useId } from 'react';
import { SCALING_RULES, type ScalingRule } from '../../core/batchScaling';
import { ruleHint, ruleOn } from '../../state/batchRule';
import { useRaceStore } from '../../state/raceStore';
import './batchTools.css';

const RULE_LABELS: Record<ScalingRule, string> = { none: 'None', linear: 'Linear', sqrt: '√B' };
const RULE_TITLES: Record<ScalingRule, string> = {
  none: 'The lr does not follow the batch size',
  linear: 'lr ∝ B (Goyal et al. 2017)',
  sqrt: 'lr ∝ √B (Krizhevsky 2014, Hoffer et al. 2017)',
};
const MAX_WARMUP = 10_000;

/** The batch-size scaling rule beside the batch slider: the switch, its hint, the warm-up steps. */
export function BatchScalingRule() {
  const batch = useRaceStore((s) => s.batch);
  const { setBatch } = useRaceStore.getState();
  const id = useId();
  const scaling = batch.scaling ?? null;
  const rule = scaling?.rule ?? 'none';
  const warmup = scaling?.warmup ?? 0;
  return (
    <div className="batch-rule">
      <fieldset className="segmented">
        <legend>Scale the lr with B</legend>
        {SCALING_RULES.map((r) => (
          <label key={r} title={RULE_TITLES[r]}>
            <input
              type="radio"
              name={`${id}-rule`}
              value={r}
              checked={rule === r}
              onChange={() =>
                // B₀ is the batch size now: the racers' lrs are the ones chosen for it.
                setBatch({ scaling: { rule: r, baseSize: batch.size, warmup } })
              }
            />
            {RULE_LABELS[r]}
          </label>
        ))}
      </fieldset>
      <p className="explain">{ruleHint(scaling)}</p>
      {ruleOn(scaling) && (
        <label className="field">
          <span className="field-label">Warm-up steps (when B &gt; B₀)</span>
          <input
            type="number"
            aria-label="Warm-up steps"
            title="Linear warm-up (Goyal et al. 2017): the lr rises from the rate at B₀ to the scaled rate over these steps"
            value={warmup}
            min={0}
            max={MAX_WARMUP}
            step={1}
            onChange={(e) => {
              const v = Number(e.currentTarget.value);
              if (Number.isInteger(v) && v >= 0 && v <= MAX_WARMUP)
                setBatch({ scaling: { ...scaling, warmup: v } });
            }}
          />
        </label>
      )}
    </div>
  );
}
