import { useLandscapeStore } from '../../state/landscapeStore';
import type { LandscapeSource } from '../../state/landscapeView';

const LABELS: Record<LandscapeSource, string> = {
  shipped: 'Precomputed',
  gpu: 'Your GPU',
  h5: 'Your .h5',
};

/** Which landscape the panels draw; only sources that have something are offered. */
export function SourceSwitch() {
  const showing = useLandscapeStore((s) => s.showing);
  const show = useLandscapeStore((s) => s.show);
  const hasGpu = useLandscapeStore((s) => s.gpu.status !== 'idle');
  const hasH5 = useLandscapeStore((s) => s.h5.view !== null || s.h5.line);
  const sources: LandscapeSource[] = [
    'shipped',
    ...(hasGpu ? ['gpu' as const] : []),
    ...(hasH5 ? ['h5' as const] : []),
  ];
  if (sources.length < 2) return null;
  return (
    <div className="chips ls-source" role="group" aria-label="Showing">
      {sources.map((s) => (
        <button
          key={s}
          type="button"
          className="chip"
          aria-pressed={showing === s}
          onClick={() => show(s)}
        >
          {LABELS[s]}
        </button>
      ))}
    </div>
  );
}
