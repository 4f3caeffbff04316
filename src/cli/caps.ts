/**
 * Caps on runaway jobs. A typo such as `--steps 100000000` would run for years; every command
 * that can be asked for such a job counts its work before starting and refuses more than its cap
 * with a message that names the flags, the cap and an estimate of the time, unless `--no-cap` is
 * given (then it says the same on stderr and starts). The caps sit well above normal work on a
 * CPU (README, "Caps on long jobs"). Hard limits that `--no-cap` does not lift (memory, file
 * sizes) are range checks in the commands themselves.
 *
 * The estimates come from speeds measured with this CLI on a 2-core VM (tfjs WASM backend, one
 * thread; SPEEDS says what was timed). A busier machine can be 2× slower: they are for orders of
 * magnitude, not schedules.
 */
import { forwardFlops, type ModelPreset, modelPreset } from '../gpu/modelZoo';
import { CliError } from './cliError';

export const CAPS = {
  /** `train`: optimizer steps (the shipped runs take 128; 100,000 at batch 128 ≈ 17 h for ResNet-20). */
  trainSteps: 100_000,
  /** `train`: steps × batch, images through forward and backward (250 epochs of the 4000-image split). */
  trainImageSteps: 1_000_000,
  /** `landscape`: grid points (of this shard) × --samples (a 141×141 grid at 1000 images). */
  landscapeImageEvals: 20_000_000,
  /** `landscape --directions hessian`, `sharpness`: Hessian-vector products × images. */
  hessianImageProducts: 100_000,
  /** `toy`: optimizer steps (~10 min at the default net's ~3 ms per step). */
  toySteps: 200_000,
  /** `toy`: multiply-adds of training (3 per weight per example: forward and backward). */
  toyTrainMacs: 5e11,
  /** `toy`: multiply-adds of the slice (grid² × train points × weights). */
  toySliceMacs: 5e11,
  /** `trajectory`, `schedule`: steps × batch.size sample gradients on an analytic surface. */
  coreSampleGradients: 1e9,
  /** `map` on a surface: cells × steps (a 256×256 map of 200 steps is 13 M; ~17 min at the cap). */
  mapRunSteps: 5e9,
  /** `map` of the MLP: cells × steps × its multiply-adds per step (~17 min at the cap). */
  mapMlpMacs: 1e12,
} as const;

/**
 * Measured speeds behind the estimates (2-core VM shared with other work, load average 5–6,
 * `landscape-lab train|landscape|sharpness|toy|trajectory` timed by hand). Zoo nets are counted
 * in nominal forward FLOPs per image (`forwardFlops`: 1.17 M for ResNet-20, 3.6 M for -56, 7.3 M
 * for -110), so one rate serves every depth.
 */
export const SPEEDS = {
  /**
   * Training: FLOP/s of nominal forward work per image per step, beyond the per-step cost below.
   * Batch 128: ResNet-20 0.52–0.73 s per step, -56 1.4–1.6 s, -110 3.3–4.2 s (docs/SHIPPED.md's
   * runs included): 0.27–0.34 GFLOP/s.
   */
  zooTrainFlops: 0.3e9,
  /** Per optimizer step whatever the batch (op dispatch), per layer: batch 1 took 79 ms a step for ResNet-20, 690 ms for -110. */
  zooStepSecondsPerLayer: 5e-3,
  /** Hessian-vector products (two gradients each): 5.7 / 17 / 30 ms per image for ResNet-20/56/110 on 100–500 images. */
  zooHessianFlops: 0.2e9,
  /** Slices and interpolation (eval forward, BN folded): ResNet-20 19 points/s, -110 2.75 points/s at 1000 images (20–22 GFLOP/s). */
  zooEvalFlops: 15e9,
  /** `toy`: per step whatever the batch; the default 2-16-16-2 net: 1000 steps of batch 50 in 3.0 s. */
  toyStepSeconds: 3e-3,
  /** `toy`: multiply-adds per second, training (512-512 net, batch 10⁴: ~0.6 G/s) and slicing (forward only, ~1.1 G/s). */
  toyTrainMacs: 0.6e9,
  toySliceMacs: 1e9,
  /** `trajectory`: one sample's gradient and its share of the step: 1000 steps × batch 99,999 in 5 s. */
  coreSampleGradientSeconds: 50e-9,
  /**
   * `map`, surface: run-steps/s of the batched path (`npm run bench map`: SGD on the bowl, 256²
   * runs × 200 steps in 0.73–0.97 s, ~15 M/s, on a quiet machine; a third of that when loaded).
   */
  mapRunSteps: 5e6,
  /** `map`, MLP: multiply-adds/s of the batched path (width 16, 16 inputs, 16 examples: 5.6 µs a run-step quiet, ~1.6 G/s). */
  mapMlpMacs: 1e9,
} as const;

/** One counted part of a job. */
export interface Cost {
  /** The flags that set it, as the message names them: `--steps`, `--grid × --samples`. */
  flags: string;
  amount: number;
  /** What `amount` counts: 'steps', 'image-steps', … */
  unit: string;
  cap: number;
  /** Estimated seconds of this part of the job. */
  seconds: number;
  /** How the estimate was made, e.g. 'for resnet-20 at ~5.8 ms per image per step'. */
  basis: string;
}

/** A count for people: 1,000,000 up to 10¹⁵, then 1.00e+20. */
export const fmtCount = (n: number) =>
  Math.abs(n) < 1e15
    ? Math.round(n).toLocaleString('en-US')
    : Number.isFinite(n)
      ? n.toExponential(2)
      : 'over 1e308';

/** A long duration for people: seconds, minutes, hours, days or years, 2 significant digits. */
export function fmtDuration(s: number): string {
  if (!(s < 3.2e16)) return 'over a billion years';
  const units: [number, string][] = [
    [365.25 * 86400, 'years'],
    [86400, 'days'],
    [3600, 'h'],
    [60, 'min'],
  ];
  for (const [size, name] of units) {
    if (s >= 1.5 * size) {
      const v = s / size;
      return `${v >= 1e6 ? v.toExponential(1) : Number(v.toPrecision(2)).toLocaleString('en-US')} ${name}`;
    }
  }
  return `${Math.max(1, Math.round(s))} s`;
}

/**
 * Refuses the costs over their caps (one line each, naming the flags, the cap and the estimate),
 * or with `noCap` tells `note` about them and lets the job start.
 */
export function checkCaps(
  costs: readonly Cost[],
  noCap: boolean,
  note: (line: string) => void,
): void {
  const over = costs.filter((c) => !(c.amount <= c.cap));
  if (!over.length) return;
  // The estimate once per distinct estimate (two caps on one job share it).
  const lines = over.map((c, i) => {
    const same = i > 0 && over[i - 1].seconds === c.seconds && over[i - 1].basis === c.basis;
    return (
      `${c.flags}: ${fmtCount(c.amount)} ${c.unit}, over the cap of ${fmtCount(c.cap)}` +
      (same ? '' : `; estimated ${fmtDuration(c.seconds)} (${c.basis})`)
    );
  });
  if (!noCap)
    throw new CliError(
      `${lines.join('\n')}\nPass --no-cap to run it anyway (see --help for the caps).`,
    );
  note(`--no-cap: ${lines.join('\n  ')}\n  starting anyway.\n`);
}

const ms = (s: number) => `${Number((s * 1000).toPrecision(2))} ms`;

/** Seconds per optimizer step of a zoo model at `batch` images, and the basis to print. */
export function zooStepSeconds(preset: ModelPreset, batch: number) {
  const perImage = forwardFlops(preset) / SPEEDS.zooTrainFlops;
  const overhead = preset.depth * SPEEDS.zooStepSecondsPerLayer;
  return {
    seconds: overhead + batch * perImage,
    basis: `${preset.name} at ~${ms(perImage)} per image per step + ${ms(overhead)} per step, measured on a 2-core CPU`,
  };
}

/** Seconds per image-product of a zoo model's Hessian-vector products (two gradients). */
export function zooHessianSeconds(preset: ModelPreset) {
  const perImage = forwardFlops(preset) / SPEEDS.zooHessianFlops;
  return {
    perImage,
    basis: `${preset.name} at ~${ms(perImage)} per image per product, measured on a 2-core CPU`,
  };
}

/** Seconds per image evaluation (one image at one grid point) of a zoo model's eval forward. */
export function zooEvalSeconds(preset: ModelPreset) {
  const perImage = forwardFlops(preset) / SPEEDS.zooEvalFlops;
  return {
    perImage,
    basis: `${preset.name} at ~${Number((perImage * 1e6).toPrecision(2))} µs per image per point, measured on a 2-core CPU`,
  };
}

/** "about 39 min for resnet-20, 4 h for resnet-110": a cap's time on the smallest and largest nets, for --help. */
export function zooCapTimes(seconds: (p: ModelPreset) => number): string {
  const [a, b] = ['resnet-20', 'resnet-110'].map((m) => fmtDuration(seconds(modelPreset(m))));
  return `about ${a} for resnet-20, ${b} for resnet-110`;
}
