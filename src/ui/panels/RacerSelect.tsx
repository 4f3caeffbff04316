import { useState } from 'react';
import type { RacerView } from '../hooks/useRacers';

/**
 * The racer a panel works on: the one picked in its menu while it still races, else the first.
 * Panels that run a tool for one racer (range test, basin map) share this choice and menu.
 */
export function useChosenRacer(racers: RacerView[]): [RacerView, (id: string) => void] {
  const [chosen, setChosen] = useState<string | null>(null);
  return [racers.find((r) => r.id === chosen) ?? racers[0], setChosen];
}

/** The labelled menu of racers, by their legend names. */
export function RacerSelect(props: {
  racers: RacerView[];
  value: string;
  onChange(id: string): void;
  ariaLabel: string;
}) {
  return (
    <label className="field">
      <span className="field-label">Racer</span>
      <select
        aria-label={props.ariaLabel}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        {props.racers.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
    </label>
  );
}
