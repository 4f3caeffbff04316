import { useMemo } from 'react';
import { findOptimizer, optimizerOf } from '../../core/optimizers/registry';
import { racerStyle } from '../../core/view/palette';
import { racerLabel } from '../../core/view/racerLabel';
import type { RacerResult } from '../../worker/raceProtocol';
import type { Racer } from '../../state/racers';
import { useRaceStore } from '../../state/raceStore';
import { useResultsStore } from '../../state/resultsStore';

/** A racer as the panels draw it: who, which colour, and its latest run (if computed). */
export interface RacerView {
  /** Its racer key (`sgd-2`): what results and drawings are keyed by. */
  id: string;
  optimizer: string;
  /** Its label: the one the user typed, else the derived default. */
  name: string;
  /** Colour slot 0–15, kept while the racer exists. */
  slot: number;
  color: string;
  dashed: boolean;
  /**
   * Its second point, where its optimizer keeps one (schedule-free's x, Lookahead's slow
   * weights): what the dashed line is, and what the solid line and the loss curve are.
   */
  shadow: { label: string; main: string } | null;
  result: RacerResult | null;
  errors: string[];
}

/** The chosen racers joined with their results; each keeps its own colour slot. */
export function useRacers(): RacerView[] {
  const list = useRaceStore((s) => s.racers);
  const results = useResultsStore((s) => s.racers);
  const configErrors = useResultsStore((s) => s.configErrors);
  return useMemo(
    () =>
      list.map((r) => ({
        id: r.key,
        optimizer: r.optimizer,
        name: racerName(r, list),
        slot: r.color,
        ...racerStyle(r.color),
        shadow: shadowOf(r),
        result: results?.find((x) => x.id === r.key) ?? null,
        errors: configErrors.find((e) => e.id === r.key)?.errors ?? [],
      })),
    [list, results, configErrors],
  );
}

/** The label shown for a racer: the user's, else the default derived from what sets it apart. */
export const racerName = (r: Racer, racers: readonly Racer[]): string =>
  r.label ?? racerLabel(r, racers);

function shadowOf(r: Racer): RacerView['shadow'] {
  const type = findOptimizer(r.optimizer)?.type;
  const shadow = type ? optimizerOf({ type, lookahead: r.lookahead })?.shadow : undefined;
  return shadow ? { label: shadow.label, main: shadow.main } : null;
}
