import { useMemo } from 'react';
import {
  batchVersusNoise,
  formatNoiseScale,
  noiseScaleAt,
  pointAtStep,
} from '../../core/view/criticalBatch';
import { shownStep, usePlaybackStore } from '../../state/playbackStore';
import { useRaceStore } from '../../state/raceStore';
import { useRacers } from '../hooks/useRacers';

const FORMULA =
  'B_noise = tr(Σ) / |∇f(θ)|², Σ the covariance of one sample’s gradient (McCandlish et al. 2018); exact here, since the surface is a finite sum';

/** The critical batch size (the gradient noise scale) at the start and at the shown step. */
export function CriticalBatch() {
  const surface = useRaceStore((s) => s.surface);
  const surfaceParams = useRaceStore((s) => s.surfaceParams);
  const start = useRaceStore((s) => s.start);
  const batch = useRaceStore((s) => s.batch);
  const step = usePlaybackStore((p) => shownStep(p));
  const racers = useRacers();
  const at = useMemo(
    () =>
      noiseScaleAt({
        surface,
        surfaceParams,
        samples: batch.samples,
        noise: batch.noise,
        seed: batch.seed,
      }),
    [surface, surfaceParams, batch.samples, batch.noise, batch.seed],
  );
  const atStart = at(start[0], start[1]);
  const shown = racers.flatMap((r) =>
    r.result && step > 0
      ? [{ id: r.id, name: r.name, b: at(...pointAtStep(r.result.start, r.result.params, step)) }]
      : [],
  );
  return (
    <div className="critical-batch" title={FORMULA}>
      <p>
        Critical batch size B<sub>noise</sub> ≈{' '}
        <strong data-testid="bnoise-start">{formatNoiseScale(atStart)}</strong> at the start
        {shown.length > 0 && (
          <>
            ; at step {step}:{' '}
            {shown.map((r, i) => (
              <span key={r.id} data-racer={r.id}>
                {i > 0 && ', '}
                {r.name} {formatNoiseScale(r.b)}
              </span>
            ))}
          </>
        )}
        .
      </p>
      <p className="explain">
        B<sub>noise</sub> = tr(Σ)/|∇f|²: below it a step is noise-dominated and doubling B nearly
        halves the steps needed; above it extra samples are wasted. At the start{' '}
        {batchVersusNoise(batch.size, atStart)}.
      </p>
    </div>
  );
}
