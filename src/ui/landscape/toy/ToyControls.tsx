import type { SliderScale } from '../../../core/view/sliderScale';
import { TOY2D_SETS } from '../../../data/toy2d';
import { useToyStore } from '../../../state/toyStore';
import {
  hasMomentum,
  TOY_OPTIMIZER_LABELS,
  TOY_OPTIMIZERS,
  TOY_ACT_LABELS,
  TOY_ACTS,
  TOY_INIT_LABELS,
  TOY_INITS,
  TOY_LAYERS_RANGE,
  TOY_SCHEDULE_LABELS,
  TOY_SCHEDULES,
  TOY_TRAIN_POINTS,
  toyData,
  type ToySettings,
} from '../../../state/toySpec';
import { Slider } from '../../controls/Slider';

const SCALES: Record<
  'lr' | 'momentum' | 'batch' | 'steps' | 'noise' | 'seed' | 'layers',
  SliderScale
> = {
  layers: { kind: 'linear', ...TOY_LAYERS_RANGE, integer: true },
  lr: { kind: 'log', min: 1e-4, max: 10 },
  momentum: { kind: 'linear', min: 0, max: 0.99 },
  batch: { kind: 'log', min: 1, max: TOY_TRAIN_POINTS, integer: true },
  steps: { kind: 'log', min: 10, max: 5000, integer: true },
  noise: { kind: 'linear', min: 0, max: 0.5 },
  seed: { kind: 'linear', min: 0, max: 99, integer: true },
};

/** The knobs of the toy run; each writes the toy store (and so the link). */
export function ToyControls({ s }: { s: ToySettings }) {
  const set = useToyStore((st) => st.set);
  const data = toyData(s);
  return (
    <div className="ls-toy-controls">
      <div className="chips" role="group" aria-label="Data set">
        {TOY2D_SETS.map((d) => (
          <button
            key={d.id}
            type="button"
            className="chip"
            aria-pressed={data === d.id}
            onClick={() => set({ toy: d.id })}
          >
            {d.label}
          </button>
        ))}
      </div>
      <Slider
        label="Noise"
        value={s.toyNoise}
        scale={SCALES.noise}
        onChange={(v) => set({ toyNoise: v })}
      />
      <Chips
        label="Activation"
        keys={TOY_ACTS}
        labels={TOY_ACT_LABELS}
        value={s.toyAct}
        onPick={(a) => set({ toyAct: a })}
      />
      <Slider
        label="Hidden layers (16 units each)"
        value={s.toyLayers}
        scale={SCALES.layers}
        onChange={(v) => set({ toyLayers: v })}
      />
      <Chips
        label="Initialisation"
        keys={TOY_INITS}
        labels={TOY_INIT_LABELS}
        value={s.toyInit}
        onPick={(i) => set({ toyInit: i })}
      />
      <Chips
        label="Optimizer"
        keys={TOY_OPTIMIZERS}
        labels={TOY_OPTIMIZER_LABELS}
        value={s.toyOpt}
        onPick={(o) => set({ toyOpt: o })}
      />
      <Chips
        label="Schedule"
        keys={TOY_SCHEDULES}
        labels={TOY_SCHEDULE_LABELS}
        value={s.toySched}
        onPick={(k) => set({ toySched: k })}
      />
      <Slider
        label={s.toySched === 'onecycle' ? 'Max learning rate' : 'Learning rate'}
        value={s.toyLr}
        scale={SCALES.lr}
        onChange={(v) => set({ toyLr: v })}
      />
      {hasMomentum(s.toyOpt) && (
        <Slider
          label="Momentum"
          value={s.toyMomentum}
          scale={SCALES.momentum}
          onChange={(v) => set({ toyMomentum: v })}
        />
      )}
      <Slider
        label="Batch size"
        value={Math.min(s.toyBatch, TOY_TRAIN_POINTS)}
        scale={SCALES.batch}
        onChange={(v) => set({ toyBatch: v })}
      />
      <p className="explain ls-toy-note">
        Real minibatches of the {TOY_TRAIN_POINTS} training points, drawn without replacement each
        epoch; batch = all training points is exact gradient descent.
      </p>
      <Slider
        label="Steps"
        value={s.toySteps}
        scale={SCALES.steps}
        onChange={(v) => set({ toySteps: v })}
      />
      <Slider
        label="Seed"
        value={s.toySeed}
        scale={SCALES.seed}
        onChange={(v) => set({ toySeed: v })}
      />
      <div className="chips" role="group" aria-label="Slice directions">
        <button
          type="button"
          className="chip"
          aria-pressed={s.toyDir === 'pca'}
          onClick={() => set({ toyDir: 'pca' })}
        >
          PCA plane of the trajectory
        </button>
        <button
          type="button"
          className="chip"
          aria-pressed={s.toyDir === 'random'}
          onClick={() => set({ toyDir: 'random' })}
        >
          Random directions
        </button>
      </div>
    </div>
  );
}

/** One choice among a few, as pressed chips. */
function Chips<K extends string>(p: {
  label: string;
  keys: readonly K[];
  labels: Record<K, string>;
  value: K;
  onPick: (k: K) => void;
}) {
  return (
    <div className="chips" role="group" aria-label={p.label}>
      {p.keys.map((k) => (
        <button
          key={k}
          type="button"
          className="chip"
          aria-pressed={p.value === k}
          onClick={() => p.onPick(k)}
        >
          {p.labels[k]}
        </button>
      ))}
    </div>
  );
}
