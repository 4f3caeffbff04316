import { useMemo } from 'react';
import { findOptimizer } from '../../core/optimizers/registry';
import { racerStyle } from '../../core/view/palette';
import type { RacerResult } from '../../worker/raceProtocol';
import { useRaceStore } from '../../state/raceStore';
import { useResultsStore } from '../../state/resultsStore';

/** A racer as the panels draw it: who, which colour, and its latest run (if computed). */
export interface RacerView {
  id: string;
  name: string;
  color: string;
  dashed: boolean;
  result: RacerResult | null;
  errors: string[];
}

/** The chosen racers joined with their results; colours follow the racer order. */
export function useRacers(): RacerView[] {
  const optimizers = useRaceStore((s) => s.optimizers);
  const racers = useResultsStore((s) => s.racers);
  const configErrors = useResultsStore((s) => s.configErrors);
  return useMemo(
    () =>
      optimizers.map((id, i) => ({
        id,
        name: findOptimizer(id)?.type ?? id,
        ...racerStyle(i),
        result: racers?.find((r) => r.id === id) ?? null,
        errors: configErrors.find((e) => e.id === id)?.errors ?? [],
      })),
    [optimizers, racers, configErrors],
  );
}
