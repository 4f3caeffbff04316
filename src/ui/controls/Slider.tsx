import { useId, type KeyboardEvent, type ReactNode } from 'react';
import {
  formatValue,
  positionToValue,
  SLIDER_POSITIONS,
  sliderKeyOf,
  stepValue,
  valueToPosition,
  type SliderScale,
} from '../../core/view/sliderScale';

export interface SliderProps {
  /** Visible label and accessible name ("Learning rate"). */
  label: string;
  /** Shown after the label, not announced (a formula's symbol beside its slider: "μ"). */
  symbol?: ReactNode;
  /** Accessible name when the visible label is ambiguous ("Learning rate (Adam)"). */
  ariaLabel?: string;
  value: number;
  scale: SliderScale;
  onChange(value: number): void;
  format?: (v: number) => string;
}

/**
 * A range input over a linear or log scale; aria-valuetext reads the real value, not the
 * position. Keys move the value, not the position (`stepValue`): on a log scale an arrow is
 * 5 % of a decade and Page Up/Down a decade, which the browser's ±1 / ±10 positions are not.
 */
export function Slider({
  label,
  symbol,
  ariaLabel,
  value,
  scale,
  onChange,
  format = formatValue,
}: SliderProps) {
  const id = useId();
  const text = format(value);
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const key = sliderKeyOf(e.key);
    if (!key || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault(); // the browser's own step would move the position as well
    const next = stepValue(scale, value, key);
    if (next !== value) onChange(next);
  };
  return (
    <div className="slider">
      <label htmlFor={id}>
        {symbol ? <LabelWithSymbol label={label} symbol={symbol} /> : label}
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={SLIDER_POSITIONS}
        step={1}
        value={valueToPosition(scale, value)}
        aria-label={ariaLabel ?? label}
        aria-valuetext={text}
        onKeyDown={onKeyDown}
        onChange={(e) => onChange(positionToValue(scale, Number(e.currentTarget.value)))}
      />
      <output htmlFor={id}>{text}</output>
    </div>
  );
}

/** The label's last word and the symbol stay on one line ("Learning / rate η", not "η" alone). */
function LabelWithSymbol({ label, symbol }: { label: string; symbol: ReactNode }) {
  const cut = label.lastIndexOf(' ') + 1;
  return (
    <>
      {label.slice(0, cut)}
      <span className="slider-label-tail">
        {label.slice(cut)}{' '}
        <span className="hp-symbol" aria-hidden="true">
          {symbol}
        </span>
      </span>
    </>
  );
}
