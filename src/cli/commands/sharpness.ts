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
import { intFlag, parseFlags } from '../flags';
import { type CliIo, fmtNumber, fmtTime, writeOrFail } from '../io';
import {
  differentiableNetFor,
  HESSIAN_ITERS_DEFAULT,
  HESSIAN_SAMPLES_DEFAULT,
  loadLandscapeData,
  loadModelWeights,
  modelFromFlag,
  resolveWeights,
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
} as const;

export function parseSharpnessFlags(args: string[]): SharpnessOptions | 'help' {
  const { values: v } = parseFlags(args, FLAGS, 'sharpness');
  if (v.help) return 'help';
  const preset = modelFromFlag(v.model as string | undefined);
  const solver = ((v.solver as string | undefined) ?? 'lanczos') as HessianSolver;
  if (solver !== 'lanczos' && solver !== 'power')
    throw new CliError(`--solver must be lanczos or power, got '${solver}'`);
  const restrict = ((v.restrict as string | undefined) ?? 'weights') as HessianRestrict;
  if (restrict !== 'weights' && restrict !== 'all')
    throw new CliError(`--restrict must be weights or all, got '${restrict}'`);
  return {
    preset,
    weights: resolveWeights(preset, v.weights as string | undefined, !!v.init),
    samples: intFlag(
      'samples',
      v.samples as string | undefined,
      HESSIAN_SAMPLES_DEFAULT,
      1,
      1_000_000,
    ),
    iters: intFlag('iters', v.iters as string | undefined, HESSIAN_ITERS_DEFAULT, 2, 1000),
    solver,
    restrict,
    seed: intFlag('seed', v.seed as string | undefined, 0, 0, 2 ** 31 - 1),
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
  --samples N        images (default ${HESSIAN_SAMPLES_DEFAULT}; each product costs two gradients over them)
  --iters N          Hessian-vector products at most (default ${HESSIAN_ITERS_DEFAULT}; per eigenvalue with --solver power)
  --solver lanczos|power
                     lanczos (default): the two algebraically largest eigenvalues.
                     power: power iteration with deflation, ordered by |λ|; slow when λ2 ≈ λ1
  --restrict weights|all
                     weights (default): the conv/linear weights' block of the Hessian (biases and
                     BN held fixed, as slices perturb them); all: every parameter
  --seed K           seed of the start vector (and of --init)
  --json FILE        also write {model, weights, samples, loss, eigenvalues, iterations, converged,
                     rayleigh, residual, products, seconds, …}
  -q, --quiet        no progress on stderr

Exit codes: 0 ok, 2 bad flags or files.`,
  async run(args, io) {
    const opts = parseSharpnessFlags(args);
    if (opts === 'help') {
      io.stdout(this.help + '\n');
      return 0;
    }
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
