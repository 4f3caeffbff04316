import { useMemo } from 'react';
import { findOptimizer, optimizerOf } from '../../core/optimizers/registry';
import { racerStyle } from '../../core/view/palette';
import type { LookaheadHp } from '../../core/optimizers/lookahead';
import type { RacerResult } from '../../worker/raceProtocol';
import { useRaceStore } from '../../state/raceStore';
import { useResultsStore } from '../../state/resultsStore';

/** A racer as the panels draw it: who, which colour, and its latest run (if computed). */
export interface RacerView {
  id: string;
  name: string;
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

/** The chosen racers joined with their results; colours follow the racer order. */
export function useRacers(): RacerView[] {
  const optimizers = useRaceStore((s) => s.optimizers);
  const lookahead = useRaceStore((s) => s.lookahead);
  const racers = useResultsStore((s) => s.racers);
  const configErrors = useResultsStore((s) => s.configErrors);
  return useMemo(
    () =>
      optimizers.map((id, i) => ({
        id,
        name: `${lookahead[id] ? 'Lookahead ' : ''}${findOptimizer(id)?.type ?? id}`,
        ...racerStyle(i),
        shadow: shadowOf(id, lookahead),
        result: racers?.find((r) => r.id === id) ?? null,
        errors: configErrors.find((e) => e.id === id)?.errors ?? [],
      })),
    [optimizers, lookahead, racers, configErrors],
  );
}

function shadowOf(id: string, lookahead: Record<string, LookaheadHp>): RacerView['shadow'] {
  const type = findOptimizer(id)?.type;
  const shadow = type ? optimizerOf({ type, lookahead: lookahead[id] })?.shadow : undefined;
  return shadow ? { label: shadow.label, main: shadow.main } : null;
}
