import { useId } from 'react';
import {
  formatValue,
  positionToValue,
  SLIDER_POSITIONS,
  valueToPosition,
  type SliderScale,
} from '../../core/view/sliderScale';

export interface SliderProps {
  /** Visible label and accessible name ("Learning rate"). */
  label: string;
  /** Accessible name when the visible label is ambiguous ("Learning rate (Adam)"). */
  ariaLabel?: string;
  value: number;
  scale: SliderScale;
  onChange(value: number): void;
  format?: (v: number) => string;
}

/**
 * A range input over a linear or log scale. Arrow keys move one position, Page Up/Down ten
 * (the browser's own keyboard handling); aria-valuetext reads the real value, not the position.
 */
export function Slider({
  label,
  ariaLabel,
  value,
  scale,
  onChange,
  format = formatValue,
}: SliderProps) {
  const id = useId();
  const text = format(value);
  return (
    <div className="slider">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={0}
        max={SLIDER_POSITIONS}
        step={1}
        value={valueToPosition(scale, value)}
        aria-label={ariaLabel ?? label}
        aria-valuetext={text}
        onChange={(e) => onChange(positionToValue(scale, Number(e.currentTarget.value)))}
      />
      <output htmlFor={id}>{text}</output>
    </div>
  );
}
