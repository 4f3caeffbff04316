import type { HpSpec, HpValue } from '../../core/optimizers/optimizerSpec';
import type { SliderScale } from '../../core/view/sliderScale';
import { Slider } from './Slider';
import { Toggle } from './Toggle';

/** For a hyperparameter whose record names no slider range. */
const FALLBACK: SliderScale = { kind: 'log', min: 1e-6, max: 10, zero: true };

/** One hyperparameter of one racer: a slider, a pair of sliders (betas) or a checkbox. */
export function HpControl({
  spec,
  value,
  optName,
  onChange,
}: {
  spec: HpSpec;
  value: HpValue;
  optName: string;
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
  if (spec.kind === 'pair') {
    const pair = value as readonly [number, number];
    const entries =
      spec.entries ?? [0, 1].map((k) => ({ label: `${spec.label} [${k + 1}]`, slider: FALLBACK }));
    const set = (k: number, v: number) => onChange(k === 0 ? [v, pair[1]] : [pair[0], v]);
    return (
      <>
        {entries.map((e, k) => (
          <Slider
            key={e.label}
            label={e.label}
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
      ariaLabel={aria(spec.label)}
      value={value as number}
      scale={spec.slider ?? FALLBACK}
      onChange={onChange}
    />
  );
}
