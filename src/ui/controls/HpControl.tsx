import type { HpSpec, HpValue, PairEntry } from '../../core/optimizers/optimizerSpec';
import type { SliderScale } from '../../core/view/sliderScale';
import { Formula } from '../formula/Formula';
import { Slider } from './Slider';
import { Toggle } from './Toggle';

/** For a hyperparameter whose record names no slider range. */
const FALLBACK: SliderScale = { kind: 'log', min: 1e-6, max: 10, zero: true };

/** The record's TeX symbol for a slider, rendered beside its label (μ beside "Momentum"). */
const symbolOf = (tex: string | undefined) => (tex ? <Formula tex={tex} /> : undefined);

/**
 * One hyperparameter of one racer: a slider, a pair of sliders (betas), a checkbox or a menu.
 * Sliders show the symbol the racer's update rule uses for them, so the rule reads against them.
 */
export function HpControl({
  spec,
  value,
  optName,
  unavailable,
  onChange,
}: {
  spec: HpSpec;
  value: HpValue;
  optName: string;
  /** Choices shown but not offered here (disabled). */
  unavailable?: readonly string[];
  onChange(v: HpValue): void;
}) {
  const aria = (label: string) => `${label} (${optName})`;
  if (spec.kind === 'boolean')
    return (
      <Toggle
        label={spec.label}
        ariaLabel={aria(spec.label)}
        checked={value as boolean}
        onChange={onChange}
      />
    );
  if (spec.kind === 'choice')
    return (
      <label className="field">
        <span className="field-label">{spec.label}</span>
        <select
          aria-label={aria(spec.label)}
          value={String(value)}
          onChange={(e) => onChange(e.currentTarget.value)}
        >
          {spec.choices?.map((c) => (
            <option key={c} value={c} disabled={unavailable?.includes(c)}>
              {spec.choiceLabels?.[c] ?? c}
            </option>
          ))}
        </select>
      </label>
    );
  if (spec.kind === 'pair') {
    const pair = value as readonly [number, number];
    const entries: readonly PairEntry[] =
      spec.entries ?? [0, 1].map((k) => ({ label: `${spec.label} [${k + 1}]`, slider: FALLBACK }));
    const set = (k: number, v: number) => onChange(k === 0 ? [v, pair[1]] : [pair[0], v]);
    return (
      <>
        {entries.map((e, k) => (
          <Slider
            key={e.label}
            label={e.label}
            symbol={symbolOf(e.symbol)}
            ariaLabel={aria(e.label.replace(/ \(.*\)$/, ''))}
            value={pair[k]}
            scale={e.slider}
            onChange={(v) => set(k, v)}
          />
        ))}
      </>
    );
  }
  return (
    <Slider
      label={spec.label}
      symbol={symbolOf(spec.symbol)}
      ariaLabel={aria(spec.label)}
      value={value as number}
      scale={spec.slider ?? FALLBACK}
      onChange={onChange}
    />
  );
}
