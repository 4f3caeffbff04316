import type { HpSpec, HpValue } from '../../core/optimizers/optimizerSpec';
import { HP_RANGES } from '../../core/view/controlRanges';
import type { SliderScale } from '../../core/view/sliderScale';
import { Slider } from './Slider';
import { Toggle } from './Toggle';

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
    const [b1, b2] = value as readonly [number, number];
    return (
      <>
        <Slider
          label="Beta 1 (β₁)"
          ariaLabel={aria('Beta 1')}
          value={b1}
          scale={HP_RANGES.beta1}
          onChange={(v) => onChange([v, b2])}
        />
        <Slider
          label="Beta 2 (β₂)"
          ariaLabel={aria('Beta 2')}
          value={b2}
          scale={HP_RANGES.beta2}
          onChange={(v) => onChange([b1, v])}
        />
      </>
    );
  }
  return (
    <Slider
      label={spec.label}
      ariaLabel={aria(spec.label)}
      value={value as number}
      scale={HP_RANGES[spec.key] ?? FALLBACK}
      onChange={onChange}
    />
  );
}
