/**
 * A chunk of a surface map's runs at once, as tensors: every run is one entry of the [C] tensors
 * x and y, its per-run hyperparameters are [C] tensors where the record's `perRun` allows, and
 * the same `step` of the optimizer record (core/optimizers) updates them all through
 * `tensorAlgebra`, as `run()` updates one run through `numberAlgebra`. The surface is evaluated
 * by its `field`; minibatch noise, which is additive and independent of θ on the finite-sum
 * surfaces, is drawn on the host by the core's own sampler (one sequence per batch size, as
 * `run()` draws it) and gathered per run. The outcome rule is core/map/mapOutcome's, on device.
 */
import * as tf from '@tensorflow/tfjs';
import { axisValueAt, type MapAxis } from '../../core/map/mapAxes';
import type { MapGrid } from '../../core/map/mapResult';
import type { SurfaceMapSpec } from '../../core/map/mapSpec';
import { setAxis, sharedHp } from '../../core/map/surfaceCell';
import type { Hyperparams, OptState } from '../../core/optimizers/optimizerSpec';
import { findOptimizer } from '../../core/optimizers/registry';
import { createMinibatchSampler } from '../../core/sampling/finiteSum';
import { getSurface } from '../../core/surfaces/registry';
import { tensorAlgebra as A } from '../tensorAlgebra';
import { keepStep } from './keepStep';
import { initialOutcome, outcomeStep, readOutcome, type OutcomeState } from './outcomeStep';

/** Per-step hooks of a chunk: `tick` after each step (progress; may yield and throw to cancel). */
export interface ChunkHooks {
  tick(step: number): Promise<void>;
}

/** Host-side noise: per distinct batch size, its batch-mean ξ at each step (steps × sizes × 2). */
interface NoiseTable {
  sizes: number[];
  /** [step][sizeIndex][2], flat. */
  data: Float32Array;
}

/** The batch-noise sequences a map's runs draw, one per distinct batch size among its cells. */
export function noiseTable(spec: SurfaceMapSpec): NoiseTable | null {
  if (!spec.batch) return null;
  const axis = spec.x.key === 'batch' ? spec.x : spec.y.key === 'batch' ? spec.y : null;
  const sizes = axis
    ? [...new Set(Array.from({ length: axis.n }, (_, i) => axisValueAt(axis, i + 0.5)))]
    : [spec.batch.size];
  const data = new Float32Array(spec.steps * sizes.length * 2);
  const g = new Float64Array(2);
  sizes.forEach((size, s) => {
    const sampler = createMinibatchSampler({ ...spec.batch!, size });
    for (let k = 0; k < spec.steps; k++) {
      g[0] = g[1] = 0;
      sampler.addBatchNoise(g);
      data[(k * sizes.length + s) * 2] = g[0];
      data[(k * sizes.length + s) * 2 + 1] = g[1];
    }
  });
  return { sizes, data };
}

/** The values of an axis for runs [c0, c1) of a grid nx wide (column i along x, row j along y). */
function axisRuns(a: MapAxis, along: 'x' | 'y', nx: number, c0: number, c1: number): Float32Array {
  const out = new Float32Array(c1 - c0);
  for (let c = c0; c < c1; c++) {
    const cell = along === 'x' ? c % nx : Math.floor(c / nx);
    out[c - c0] = axisValueAt(a, cell + 0.5);
  }
  return out;
}

interface Loop {
  x: tf.Tensor;
  y: tf.Tensor;
  sx: OptState<tf.Tensor>;
  sy: OptState<tf.Tensor>;
  o: OutcomeState;
}

/**
 * Runs cells [c0, c1) of the map and writes their outcomes into `out` (at the cells' own
 * indices). Every tensor it made is disposed when it returns or throws.
 */
export async function surfaceChunk(
  spec: SurfaceMapSpec,
  c0: number,
  c1: number,
  out: MapGrid,
  noise: NoiseTable | null,
  hooks: ChunkHooks,
): Promise<void> {
  const opt = findOptimizer(spec.optimizer);
  if (!opt?.perRun) throw new Error(`optimizer: ${spec.optimizer} cannot run as a map`);
  const surface = getSurface(spec.surface, spec.surfaceParams);
  const field = surface.field;
  if (!field || surface.minimumValue === null)
    throw new Error(`surface: ${spec.surface} cannot run as a map`);
  const fmin = surface.minimumValue;
  const nx = spec.x.n;
  const C = c1 - c0;
  const owned: tf.Tensor[] = [];
  const own = <T extends tf.Tensor>(t: T) => (owned.push(t), t);

  // Shared hyperparameters, then each optimizer axis as a [C] tensor (perRun: the step reads it
  // only through the algebra, so a tensor is as good as a number there).
  const hp: Record<string, unknown> = { ...sharedHp(spec) };
  const start: [tf.Tensor | number, tf.Tensor | number] = [spec.start[0], spec.start[1]];
  let sizeIndex: tf.Tensor | null = null;
  for (const [a, along] of [
    [spec.x, 'x'],
    [spec.y, 'y'],
  ] as const) {
    const values = axisRuns(a, along, nx, c0, c1);
    if (a.key === 'batch') {
      const idx = Int32Array.from(values, (v) => noise!.sizes.indexOf(v));
      sizeIndex = own(tf.tensor1d(idx, 'int32'));
      continue;
    }
    setAxis(a.key, own(tf.tensor1d(values)), hp, start, null);
  }
  const hpT = hp as Hyperparams; // holds [C] tensors where the record's perRun allows
  const startOf = (v: tf.Tensor | number) => (typeof v === 'number' ? tf.fill([C], v) : v.clone());

  let s: Loop | null = null;
  try {
    s = keepStep<Loop | null>(null, () => {
      const x = startOf(start[0]),
        y = startOf(start[1]);
      return {
        x,
        y,
        sx: opt.init(A, x),
        sy: opt.init(A, y),
        o: initialOutcome(C),
      };
    })!;
    for (let k = 0; k <= spec.steps; k++) {
      s = keepStep<Loop>(s, () => {
        const { x, y, sx, sy } = s!;
        const f = field(A, x, y);
        const o = outcomeStep(tf.sub(f.value, fmin), k, s!.o, spec.tol, k === spec.steps);
        if (k === spec.steps) return { ...s!, o };
        let gx = f.gx,
          gy = f.gy;
        if (noise) {
          const row = tf.tensor2d(
            noise.data.subarray(k * noise.sizes.length * 2, (k + 1) * noise.sizes.length * 2),
            [noise.sizes.length, 2],
          );
          const per = sizeIndex ? tf.gather(row, sizeIndex) : tf.broadcastTo(row, [C, 2]);
          const [nx_, ny_] = tf.split(per, 2, 1);
          gx = tf.add(gx, tf.reshape(nx_, [C]));
          gy = tf.add(gy, tf.reshape(ny_, [C]));
        }
        const rx = opt.step(A, x, broadcastC(gx, C), sx, hpT, k + 1);
        const ry = opt.step(A, y, broadcastC(gy, C), sy, hpT, k + 1);
        return {
          x: rx.theta,
          y: ry.theta,
          sx: rx.state,
          sy: ry.state,
          o,
        };
      });
      await hooks.tick(k);
    }
    await readOutcome(s.o, c0, out);
  } finally {
    if (s) keepStep(s, () => null as unknown as Loop); // disposes the loop's state
    tf.dispose(owned);
  }
}

/** A field's gradient may be a scalar or shared tensor (the quadratic's ∂f/∂x = x is x itself). */
function broadcastC(g: tf.Tensor, C: number): tf.Tensor {
  return g.size === C ? g : tf.broadcastTo(g, [C]);
}
