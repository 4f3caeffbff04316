import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../gpu/backend';
import { evaluate } from '../../gpu/landscape/evaluate';
import {
  type HessianRestrict,
  type HessianSolver,
  hessianDirections,
} from '../../gpu/landscape/hessianDirections';
import { MODEL_NAMES, type ModelPreset } from '../../gpu/modelZoo';
import { CliError } from '../cliError';
import type { Command } from '../command';
import { CAPS, checkCaps, fmtCount, zooCapTimes, zooHessianSeconds } from '../caps';
import { intFlag, parseFlags, SEED_MAX } from '../flags';
import { checkOutputs } from '../outputs';
import { type CliIo, fmtNumber, fmtTime, writeOrFail } from '../io';
import {
  differentiableNetFor,
  HESSIAN_ITERS_DEFAULT,
  HESSIAN_ITERS_MAX,
  HESSIAN_ITERS_MIN,
  HESSIAN_SAMPLES_DEFAULT,
  loadLandscapeData,
  loadModelWeights,
  modelFromFlag,
  resolveWeights,
  SAMPLES_MAX,
} from '../landscapeOptions';

export interface SharpnessOptions {
  preset: ModelPreset;
  weights: string | 'init';
  samples: number;
  iters: number;
  solver: HessianSolver;
  restrict: HessianRestrict;
  seed: number;
  json: string | null;
  quiet: boolean;
}

const FLAGS = {
  model: { type: 'string' },
  weights: { type: 'string' },
  init: { type: 'boolean' },
  samples: { type: 'string' },
  iters: { type: 'string' },
  solver: { type: 'string' },
  restrict: { type: 'string' },
  seed: { type: 'string' },
  json: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  'no-cap': { type: 'boolean' },
} as const;
export { FLAGS as SHARPNESS_FLAGS };

/**
 * The flags of `sharpness`, checked: ranges, then the cap CAPS.hessianImageProducts (products ×
 * images, twice for power iteration's two eigenvalues), over which only --no-cap runs (said
 * through `note`).
 */
export function parseSharpnessFlags(
  args: string[],
  note: (line: string) => void = () => {},
): SharpnessOptions | 'help' {
  const { values: v } = parseFlags(args, FLAGS, 'sharpness');
  if (v.help) return 'help';
  const preset = modelFromFlag(v.model as string | undefined);
  const solver = ((v.solver as string | undefined) ?? 'lanczos') as HessianSolver;
  if (solver !== 'lanczos' && solver !== 'power')
    throw new CliError(`--solver must be lanczos or power, got '${solver}'`);
  const restrict = ((v.restrict as string | undefined) ?? 'weights') as HessianRestrict;
  if (restrict !== 'weights' && restrict !== 'all')
    throw new CliError(`--restrict must be weights or all, got '${restrict}'`);
  const samples = intFlag(
    'samples',
    v.samples as string | undefined,
    HESSIAN_SAMPLES_DEFAULT,
    1,
    SAMPLES_MAX,
  );
  const iters = intFlag(
    'iters',
    v.iters as string | undefined,
    HESSIAN_ITERS_DEFAULT,
    HESSIAN_ITERS_MIN,
    HESSIAN_ITERS_MAX,
  );
  const seed = intFlag('seed', v.seed as string | undefined, 0, 0, SEED_MAX);
  const weights = resolveWeights(preset, v.weights as string | undefined, !!v.init);
  const h = zooHessianSeconds(preset);
  const products = iters * (solver === 'power' ? 2 : 1);
  checkCaps(
    [
      {
        flags: `--iters${solver === 'power' ? ' (× 2 eigenvalues)' : ''} × --samples`,
        amount: products * samples,
        unit: 'image-products',
        cap: CAPS.hessianImageProducts,
        seconds: products * samples * h.perImage,
        basis: h.basis,
      },
    ],
    !!v['no-cap'],
    note,
  );
  return {
    preset,
    weights,
    samples,
    iters,
    solver,
    restrict,
    seed,
    json: (v.json as string | undefined) ?? null,
    quiet: !!v.quiet,
  };
}

export const sharpnessCommand: Command = {
  name: 'sharpness',
  summary:
    'the top Hessian eigenvalues (λ_max, "sharpness") of a zoo ResNet\'s loss at its weights',
  help: `Usage: landscape-lab sharpness --model NAME [--weights FILE | --init] [options]

Finds the two largest eigenvalues λ1 ≥ λ2 of the Hessian of the loss (mean cross-entropy, BN in
eval mode) on the first --samples test images of the model's Fashion-MNIST subset, from
Hessian-vector products (central differences of gradients). A large λ1 is a sharp minimum: the
loss rises fast along that direction. Each eigenvalue comes with a check, one more product:
vᵀHv and the residual ‖Hv − (vᵀHv)v‖/|vᵀHv| (0 for an exact eigenvector; ReLU nets are not
smooth at the finite-difference step, so expect 0.1 or more there and read λ as that uncertain).
'landscape --directions hessian' slices along the same eigenvectors.

  --model NAME       ${MODEL_NAMES.join(', ')}
  --weights FILE     weights manifest or folder (default: the shipped weights)
  --init             freshly initialised weights (seeded with --seed)
  --samples N        test images, 1…1000 (the test split; default ${HESSIAN_SAMPLES_DEFAULT}); each product
                     costs two gradients over them
  --iters N          Hessian-vector products at most, ${HESSIAN_ITERS_MIN}…${HESSIAN_ITERS_MAX} (default ${HESSIAN_ITERS_DEFAULT}; per eigenvalue
                     with --solver power)
  --solver lanczos|power
                     lanczos (default): the two algebraically largest eigenvalues.
                     power: power iteration with deflation, ordered by |λ|; slow when λ2 ≈ λ1
  --restrict weights|all
                     weights (default): the conv/linear weights' block of the Hessian (biases and
                     BN held fixed, as slices perturb them); all: every parameter
  --seed K           seed of the start vector (and of --init), 0…${SEED_MAX} (default 0)
  --json FILE        also write {model, weights, samples, loss, eigenvalues, iterations, converged,
                     rayleigh, residual, products, seconds, …}
  -q, --quiet        no progress on stderr
  --no-cap           run a job over the cap below (the estimate is still printed)

Cap (refused with an estimate of the time unless --no-cap): ${fmtCount(CAPS.hessianImageProducts)} image-products
(--iters × --samples, × 2 with --solver power; ${zooCapTimes((p) => CAPS.hessianImageProducts * zooHessianSeconds(p).perImage)}
on a 2-core CPU). --json is checked for writing before any work starts.

Exit codes: 0 ok, 2 bad flags or files.`,
  async run(args, io) {
    const opts = parseSharpnessFlags(args, (line) => io.stderr(`landscape-lab sharpness: ${line}`));
    if (opts === 'help') {
      io.stdout(this.help + '\n');
      return 0;
    }
    await checkOutputs([{ flag: 'json', path: opts.json, kind: 'file' }]);
    return runSharpness(opts, io);
  },
};

async function runSharpness(opts: SharpnessOptions, io: CliIo): Promise<number> {
  await initBackend(['wasm', 'cpu']);
  const net = differentiableNetFor(opts.preset);
  const { params, buffers } = await loadModelWeights(net, opts.weights, opts.seed);
  const { batches } = await loadLandscapeData(opts.preset, opts.samples, opts.samples);
  const [{ x, y }] = batches;
  try {
    if (!opts.quiet)
      io.stderr(
        `sharpness: ${opts.solver}, at most ${opts.iters} H·v products on ${opts.samples} images…\n`,
      );
    const t0 = performance.now();
    const h = hessianDirections({
      net,
      params,
      buffers,
      x,
      y,
      restrict: opts.restrict,
      scale: 'unit',
      solver: opts.solver,
      maxIter: opts.iters,
      seed: opts.seed,
    });
    tf.dispose([...h.x, ...h.y]);
    const seconds = (performance.now() - t0) / 1000;
    const { loss, acc } = await evaluate(net, params, buffers, batches);
    const lines = [
      `${opts.preset.name} (${opts.weights === 'init' ? `init, seed ${opts.seed}` : path.relative(process.cwd(), opts.weights) || opts.weights}): loss ${loss.toFixed(4)}, ` +
        `accuracy ${acc.toFixed(1)} % on ${opts.samples} test images; Hessian over ${h.dimension} ` +
        `${opts.restrict === 'weights' ? 'conv/linear weights' : 'parameters'}, ${h.products} H·v products (${h.solver}) in ${fmtTime(seconds)}`,
      ...h.eigen.map(
        (e, k) =>
          `  λ${k + 1} = ${fmtNumber(e.value)}  (${e.iterations} iterations, ${e.converged ? 'converged' : 'not converged'}; ` +
          `vᵀHv = ${fmtNumber(e.rayleigh)}, residual ${e.residual.toFixed(3)})`,
      ),
    ];
    io.stdout(lines.join('\n') + '\n');
    if (opts.json) {
      await writeOrFail(
        opts.json,
        JSON.stringify(
          {
            model: opts.preset.name,
            netId: net.id,
            weights: opts.weights === 'init' ? 'init' : path.relative(process.cwd(), opts.weights),
            seed: opts.seed,
            samples: opts.samples,
            dataset: opts.preset.dataset,
            split: 'test',
            loss,
            acc,
            restrict: h.restrict,
            solver: h.solver,
            hvp: h.method,
            max_iterations: opts.iters,
            products: h.products,
            dimension: h.dimension,
            eigenvalues: h.eigen.map((e) => e.value),
            iterations: h.eigen.map((e) => e.iterations),
            converged: h.eigen.map((e) => e.converged),
            rayleigh: h.eigen.map((e) => e.rayleigh),
            residual: h.eigen.map((e) => e.residual),
            seconds,
          },
          null,
          1,
        ) + '\n',
      );
    }
    return 0;
  } finally {
    tf.dispose([...params, ...buffers, x, y]);
  }
}
