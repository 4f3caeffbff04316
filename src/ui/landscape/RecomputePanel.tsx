import { useId } from 'react';
import { useLandscapeStore, type GpuState } from '../../state/landscapeStore';
import { runBusy } from '../../state/run/runRecord';
import { RunButtons } from '../run/RunButtons';
import { RunStatus } from '../run/RunStatus';
import {
  RES_RANGE,
  SAMPLES_RANGE,
  SEED_RANGE,
  type LandscapeSettings,
} from '../../state/landscapeUrl';
import { Toggle } from '../controls/Toggle';

/** "Recompute on my GPU": the knobs, the button, progress and Cancel, and what happened. */
export function RecomputePanel() {
  const settings = useLandscapeStore((s) => s.settings);
  const gpu = useLandscapeStore((s) => s.gpu);
  const { set, recompute, cancel } = useLandscapeStore.getState();
  return (
    <section className="card ls-recompute" aria-label="Recompute on my GPU">
      <h3>Recompute on my GPU</h3>
      <p className="explain">
        Slices {settings.init ? 'freshly initialised (init=1)' : 'the shipped trained'} weights
        along two filter-normalised random directions (Li et al. 2018): each filter of the direction
        is scaled to the norm of the same filter in the weights; biases and BatchNorm parameters are
        not perturbed. A 7×7 preview comes first, then the full grid row by row.
        {settings.view === 'pca' &&
          ' (The PCA plane needs the training checkpoints, which the site does not ship, so a recompute always uses random directions.)'}
      </p>
      <NumberKnob
        label="Resolution"
        value={settings.res}
        min={RES_RANGE.min}
        max={RES_RANGE.max}
        step={2}
        suffix={`${settings.res}×${settings.res} points`}
        onChange={(res) => set({ res })}
      />
      <NumberKnob
        label="Samples"
        value={settings.samples}
        min={SAMPLES_RANGE.min}
        max={SAMPLES_RANGE.max}
        step={8}
        suffix="test images per point"
        onChange={(samples) => set({ samples })}
      />
      <SeedField value={settings.seed} onChange={(seed) => set({ seed })} />
      <Toggle
        label="Orthogonalise the directions"
        checked={settings.orthogonal}
        onChange={(orthogonal) => set({ orthogonal } as Partial<LandscapeSettings>)}
      />
      <p className="explain">
        Off by default, as in the paper: two random directions in millions of dimensions are already
        nearly orthogonal, and Gram–Schmidt would break the second one's filter norms.
      </p>
      <RunButtons
        label="Recompute on my GPU"
        onStart={recompute}
        busy={runBusy(gpu)}
        onCancel={cancel}
        status={gpu.status}
      />
      <GpuStatus gpu={gpu} />
    </section>
  );
}

function GpuStatus({ gpu }: { gpu: GpuState }) {
  return (
    <RunStatus
      run={gpu}
      verbs={['Computing', 'Computed']}
      backendKey="data-backend"
      withBackendId
      progress={
        gpu.phase && {
          label: 'Progress',
          done: gpu.done,
          total: gpu.total,
          caption: `${gpu.phase === 'coarse' ? 'preview' : 'full grid'} ${gpu.done}/${gpu.total} points`,
        }
      }
      textHooks={{ 'data-status': gpu.status }}
      error={<RunError gpu={gpu} />}
    >
      {gpu.offGpu && (
        <p className="ls-warning" data-off-gpu>
          A retry after a lost GPU context: this run uses WebAssembly on the CPU, not WebGL
          (slower).
        </p>
      )}
    </RunStatus>
  );
}

/** What went wrong; a lost GPU context offers a Retry on WebAssembly. */
function RunError({ gpu }: { gpu: GpuState }) {
  if (gpu.errorCode === 'context-lost')
    return (
      <div className="ls-error" role="alert" data-error="context-lost">
        <p>{gpu.error} The points computed so far are kept.</p>
        <p>Retry runs it again on WebAssembly (CPU): slower, but it does not need the GPU.</p>
        <button type="button" onClick={useLandscapeStore.getState().retry}>
          Retry
        </button>
      </div>
    );
  return (
    <p className="ls-error" role="alert">
      {gpu.errorCode === 'no-weights' ? gpu.error : `The computation failed: ${gpu.error}`}
    </p>
  );
}

function NumberKnob({
  label,
  value,
  min,
  max,
  step,
  suffix,
  onChange,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  suffix: string;
  onChange(v: number): void;
}) {
  const id = useId();
  return (
    <div className="slider">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        aria-label={label}
        aria-valuetext={`${value} ${suffix}`}
        onChange={(e) => onChange(Number(e.currentTarget.value))}
      />
      <output htmlFor={id}>{value}</output>
    </div>
  );
}

function SeedField({ value, onChange }: { value: number; onChange(v: number): void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        Seed of the directions
      </label>
      <input
        id={id}
        type="number"
        min={SEED_RANGE.min}
        max={SEED_RANGE.max}
        step={1}
        value={value}
        aria-label="Seed"
        onChange={(e) => {
          const v = Number(e.currentTarget.value);
          if (Number.isInteger(v) && v >= SEED_RANGE.min && v <= SEED_RANGE.max) onChange(v);
        }}
      />
    </div>
  );
}
