import * as tf from '@tensorflow/tfjs';
import { roughness, type Roughness } from '../../core/view/roughness';
import { initBackend } from '../../gpu/backend';
import { randomDirections } from '../../gpu/landscape/directions';
import {
  HESSIAN_SCALES,
  type HessianDirections,
  hessianDirections,
  type HessianScale,
} from '../../gpu/landscape/hessianDirections';
import { evaluate } from '../../gpu/landscape/evaluate';
import { computeSlice } from '../../gpu/landscape/slice';
import { MODEL_NAMES } from '../../gpu/modelZoo';
import type { Net } from '../../gpu/nets/net';
import { writeDirectionsH5 } from '../../io/h5Directions';
import { emptySurfaceGrid, type SurfaceExtras, writeSurfaceH5 } from '../../io/surfaceFile';
import { shardFlatIndices } from '../../io/surfaceFileMerge';
import { shardRange } from '../../gpu/landscape/grid';
import { CliError } from '../cliError';
import type { Command } from '../command';
import { type CliIo, fmtNumber, fmtTime, writeOrFail } from '../io';
import {
  CAPS,
  checkCaps,
  type Cost,
  fmtCount,
  zooCapTimes,
  zooEvalSeconds,
  zooHessianSeconds,
} from '../caps';
import { intFlag, parseFlags, RANGE_HELP, SEED_MAX } from '../flags';
import { checkOutputs } from '../outputs';
import {
  BATCH_MAX,
  differentiableNetFor,
  GRID_MAX,
  GRID_MIN,
  HESSIAN_ITERS_DEFAULT,
  HESSIAN_ITERS_MAX,
  HESSIAN_ITERS_MIN,
  HESSIAN_SAMPLES_DEFAULT,
  type HessianDirectionOptions,
  type LandscapeOptions,
  loadLandscapeData,
  loadModelWeights,
  modelFromFlag,
  netFor,
  parseRange,
  parseShard,
  resolveWeights,
  SAMPLES_MAX,
} from '../landscapeOptions';

const FLAGS = {
  model: { type: 'string' },
  weights: { type: 'string' },
  init: { type: 'boolean' },
  grid: { type: 'string' },
  dim: { type: 'string' },
  samples: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string', short: 'o' },
  shard: { type: 'string' },
  range: { type: 'string' },
  norm: { type: 'string' },
  json: { type: 'string' },
  'dir-out': { type: 'string' },
  batch: { type: 'string' },
  directions: { type: 'string' },
  'hessian-samples': { type: 'string' },
  'hessian-iters': { type: 'string' },
  'hessian-scale': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  'no-cap': { type: 'boolean' },
} as const;
export { FLAGS as LANDSCAPE_FLAGS };

/**
 * The flags of `landscape`, checked: ranges, then the caps (CAPS.landscapeImageEvals, and
 * CAPS.hessianImageProducts with --directions hessian), over which only --no-cap runs, said
 * through `note`.
 */
export function parseLandscapeFlags(
  args: string[],
  note: (line: string) => void = () => {},
): LandscapeOptions | 'help' {
  const { values: v } = parseFlags(args, FLAGS, 'landscape');
  if (v.help) return 'help';
  const preset = modelFromFlag(v.model as string | undefined);
  const grid = intFlag('grid', v.grid as string | undefined, 31, GRID_MIN, GRID_MAX);
  const dim = intFlag('dim', v.dim as string | undefined, 2, 1, 2) as 1 | 2;
  const samples = intFlag('samples', v.samples as string | undefined, 1000, 1, SAMPLES_MAX);
  const seed = intFlag('seed', v.seed as string | undefined, 0, 0, SEED_MAX);
  const batch = intFlag('batch', v.batch as string | undefined, 1000, 1, BATCH_MAX);
  const directions = (v.directions as string | undefined) ?? 'random';
  if (directions !== 'random' && directions !== 'hessian')
    throw new CliError(`--directions must be random or hessian, got '${directions}'`);
  const norm = (v.norm as string | undefined) ?? 'filter';
  if (directions === 'hessian' && v.norm !== undefined) {
    throw new CliError(
      '--norm applies to random directions only; with --directions hessian choose the scaling with --hessian-scale weights|unit|filter',
    );
  }
  if (norm !== 'filter' && norm !== 'layer')
    throw new CliError(`--norm must be filter or layer, got '${norm}'`);
  const hessian = directions === 'hessian' ? parseHessianFlags(v, samples) : null;
  if (!hessian) {
    const stray = HESSIAN_FLAGS.find((f) => v[f] !== undefined);
    if (stray) throw new CliError(`--${stray} needs --directions hessian`);
  }
  const out = v.out as string | undefined;
  if (!out) throw new CliError('missing --out FILE.h5');
  const range = parseRange(v.range as string | undefined);
  const points = dim === 2 ? grid * grid : grid;
  const shard = parseShard(v.shard as string | undefined, points);
  const [first, end] = shardRange(points, shard);
  const weights = resolveWeights(preset, v.weights as string | undefined, !!v.init);
  const evals = zooEvalSeconds(preset);
  const work: Cost[] = [
    {
      flags: `--grid${shard.count > 1 ? ' (this shard)' : ''} × --samples`,
      amount: (end - first) * samples,
      unit: 'image evaluations',
      cap: CAPS.landscapeImageEvals,
      seconds: (end - first) * samples * evals.perImage,
      basis: evals.basis,
    },
  ];
  if (hessian) {
    const h = zooHessianSeconds(preset);
    work.push({
      flags: '--hessian-iters × --hessian-samples',
      amount: hessian.iters * hessian.samples,
      unit: 'image-products',
      cap: CAPS.hessianImageProducts,
      seconds: hessian.iters * hessian.samples * h.perImage,
      basis: h.basis,
    });
  }
  checkCaps(work, !!v['no-cap'], note);
  return {
    preset,
    weights,
    dim,
    grid,
    samples,
    seed,
    batch,
    directions,
    norm,
    hessian,
    range,
    shard,
    out,
    json: (v.json as string | undefined) ?? null,
    dirOut: (v['dir-out'] as string | undefined) ?? null,
    quiet: !!v.quiet,
  };
}

const HESSIAN_FLAGS = ['hessian-samples', 'hessian-iters', 'hessian-scale'] as const;

function parseHessianFlags(v: Record<string, unknown>, samples: number): HessianDirectionOptions {
  const raw = v['hessian-samples'] as string | undefined;
  const n = intFlag(
    'hessian-samples',
    raw,
    Math.min(HESSIAN_SAMPLES_DEFAULT, samples),
    1,
    SAMPLES_MAX,
  );
  if (n > samples) {
    throw new CliError(
      `--hessian-samples must be at most --samples (${samples}): the Hessian uses the first N of the slice's images, got ${n}`,
    );
  }
  const iters = intFlag(
    'hessian-iters',
    v['hessian-iters'] as string | undefined,
    HESSIAN_ITERS_DEFAULT,
    HESSIAN_ITERS_MIN,
    HESSIAN_ITERS_MAX,
  );
  const scale = ((v['hessian-scale'] as string | undefined) ?? 'weights') as HessianScale;
  if (!HESSIAN_SCALES.includes(scale))
    throw new CliError(
      `--hessian-scale must be ${HESSIAN_SCALES.join(', ').replace(/, (?=[^,]*$)/, ' or ')}, got '${scale}'`,
    );
  return { samples: n, iters, scale };
}

/** The first `h.samples` images of the slice's own, the Hessian's eigenvectors there, scaled; λ's printed on stdout. */
async function computeHessianDirections(
  opts: LandscapeOptions,
  h: HessianDirectionOptions,
  net: Net,
  params: tf.Tensor[],
  buffers: tf.Tensor[],
  io: CliIo,
): Promise<{ h: HessianDirections; seconds: number }> {
  const { batches } = await loadLandscapeData(opts.preset, h.samples, h.samples);
  const [{ x, y }] = batches;
  if (!opts.quiet) {
    io.stderr(
      `hessian: top-2 eigenvectors on ${h.samples} images (conv/linear weights; Lanczos, at most ${h.iters} finite-difference H·v products)…\n`,
    );
  }
  const t0 = performance.now();
  try {
    const result = hessianDirections({
      net: differentiableNetFor(opts.preset),
      params,
      buffers,
      x,
      y,
      restrict: 'weights',
      scale: h.scale,
      solver: 'lanczos',
      maxIter: h.iters,
      seed: opts.seed,
    });
    const seconds = (performance.now() - t0) / 1000;
    const { loss } = await evaluate(net, params, buffers, batches);
    io.stdout(formatHessian(result, h, seconds, loss, opts.range));
    return { h: result, seconds };
  } finally {
    tf.dispose([x, y]);
  }
}

/** The λ's, how they were found, how well they check out, and the scaling, as a few lines for stdout. */
function formatHessian(
  r: HessianDirections,
  h: HessianDirectionOptions,
  seconds: number,
  loss: number,
  range: [number, number],
): string {
  const lines = [
    `hessian directions: ${h.samples} images, ${r.dimension} conv/linear weights (biases and BN get zero direction), ` +
      `${r.products} finite-difference H·v products (${r.solver}) in ${fmtTime(seconds)}`,
  ];
  r.eigen.forEach((e, k) => {
    lines.push(
      `  λ${k + 1} = ${fmtNumber(e.value)}  (${e.iterations} iterations, ${e.converged ? 'converged' : 'not converged'}; ` +
        `along d${k ? 'y' : 'x'}: vᵀHv = ${fmtNumber(e.rayleigh)}, residual ${e.residual.toFixed(3)})`,
    );
  });
  const how =
    r.scale === 'weights'
      ? `eigenvectors scaled to ‖w‖ = ${fmtNumber(r.scaleFactor)} (--hessian-scale weights)`
      : r.scale === 'unit'
        ? 'unit eigenvectors (--hessian-scale unit)'
        : 'eigenvectors filter-normalised like random directions (--hessian-scale filter)';
  lines.push(
    `  ${how}; curvature at the centre ∂²L/∂α² = ${fmtNumber(r.curvature[0])}, ∂²L/∂β² = ${fmtNumber(r.curvature[1])}`,
  );
  if (r.curvature[0] > 0) {
    // Where ½·c·α² equals the centre loss: the scale of the basin along dx, to compare with --range.
    const reach = Math.sqrt((2 * loss) / r.curvature[0]);
    lines.push(
      `  ½·∂²L/∂α²·α² reaches the centre loss (${fmtNumber(loss)} on these images) at |α| ≈ ${fmtNumber(reach)} (--range is ${range[0]}:${range[1]})`,
    );
  }
  if (r.eigen.some((e) => e.residual > 0.05)) {
    lines.push(
      '  note: a residual above 0.05: more --hessian-iters may help, but for ReLU nets the loss is not smooth at the ' +
        'finite-difference step, so λ is only defined to about that fraction',
    );
  }
  return lines.join('\n') + '\n';
}

function hessianJson(r: HessianDirections, h: HessianDirectionOptions, seconds: number) {
  return {
    samples: h.samples,
    restrict: r.restrict,
    scale: r.scale,
    scale_factor: Number.isFinite(r.scaleFactor) ? r.scaleFactor : null,
    solver: r.solver,
    hvp: r.method,
    max_iterations: h.iters,
    products: r.products,
    dimension: r.dimension,
    eigenvalues: r.eigen.map((e) => e.value),
    iterations: r.eigen.map((e) => e.iterations),
    converged: r.eigen.map((e) => e.converged),
    rayleigh: r.eigen.map((e) => e.rayleigh),
    residual: r.eigen.map((e) => e.residual),
    curvature: r.curvature,
    cosine_before_orthogonalisation: r.cosineBefore,
    seconds,
  };
}

/** Extra .h5 datasets (readers of upstream's layout ignore them). */
function hessianExtras(r: HessianDirections): SurfaceExtras {
  return {
    directions: 'hessian',
    hessian_eigenvalues: Float64Array.from(r.eigen.map((e) => e.value)),
    hessian_iterations: Int32Array.from(r.eigen.map((e) => e.iterations)),
    hessian_converged: Int32Array.from(r.eigen.map((e) => Number(e.converged))),
    hessian_residual: Float64Array.from(r.eigen.map((e) => e.residual)),
    hessian_curvature: Float64Array.from(r.curvature),
    hessian_scale: r.scale,
    hessian_scale_factor: Float64Array.of(r.scaleFactor),
  };
}

/** The slice's roughness as the landscape page shows it (core/view/roughness.ts). */
export function roughnessLine(r: Roughness): string {
  const share = Number.isFinite(r.nonConvexShare)
    ? `${(100 * r.nonConvexShare).toFixed(1)} %`
    : 'n/a (no interior point)';
  return (
    `roughness: TV of log loss ${r.tvLogLoss.toFixed(3)}, non-convex ${share} ` +
    `(mean |λmin/λmax| ${r.meanNegRatio.toFixed(3)}), ${r.localMinima} local minima, ` +
    `basin width ${r.basinWidth.toFixed(3)}, ${r.nonFinite} non-finite\n`
  );
}

export const landscapeCommand: Command = {
  name: 'landscape',
  summary:
    'compute a 2-D loss surface of a zoo ResNet on Fashion-MNIST and write it as .h5 (and JSON)',
  help: `Usage: landscape-lab landscape --model NAME [--weights FILE | --init] --out FILE.h5 [options]

Evaluates loss(w + α·dx + β·dy) and accuracy on a grid × grid mesh of (α, β) (Li et al. 2018,
tomgoldstein/loss-landscape plot_surface.py), BN in eval mode, on the first --samples test images
of the model's Fashion-MNIST subset, and writes upstream's .h5 layout
(xcoordinates, ycoordinates, train_loss, train_acc; values in np.meshgrid(x, y) flat order).
With --dim 1, loss(w + α·dx) on a line of --grid points (no ycoordinates, values of shape [grid]).
For the line from one set of weights to another (e.g. initialisation → trained), see
'landscape-lab interpolate'.

Model and weights:
  --model NAME       ${MODEL_NAMES.join(', ')}
  --weights FILE     weights manifest (.json, with its .bin next to it) or a folder holding
                     weights.json; default: the shipped public/models/NAME/weights.json
  --init             freshly initialised weights (Kaiming, seeded with --seed) instead

Surface:
  --grid N           points per axis, ${GRID_MIN}…${GRID_MAX} (default 31)
  --dim 1|2          2 (default): the α × β grid; 1: the line along dx alone (the top
                     eigenvector with --directions hessian)
  --range MIN:MAX    α and β range (default -1:1; '--range -1:1' and '--range=-1:1' both work);
                     ${RANGE_HELP}
  --samples S        test images to average over, 1…1000 (the test split; default 1000)
  --seed K           seed of the random directions, 0…${SEED_MAX} (default 0); same seed = same
                     directions (hessian: seed of the Lanczos start vector)
  --norm filter|layer  direction normalisation (default filter; biases and BN are ignored)
  --batch B          images per forward pass, 1…${fmtCount(BATCH_MAX)} (default 1000; larger batches
                     amortise per-op overhead)

Directions:
  --directions random|hessian
                     random (default): filter-normalised Gaussian directions (Li et al.).
                     hessian: the top-2 eigenvectors of the Hessian of the loss at the centre
                     weights (BN in eval mode), restricted to the conv/linear weights (biases and
                     BN get zero direction, as random directions with biases and BN ignored),
                     found by Lanczos on finite-difference Hessian-vector products; dy is made
                     orthogonal to dx. λ1, λ2, iterations and convergence are printed and stored
                     in the JSON and as extra .h5 datasets (hessian_*), with a check per
                     direction: vᵀHv and the residual ‖Hv − (vᵀHv)v‖/|vᵀHv| (0 for an exact
                     eigenvector; ReLU nets are not smooth at the finite-difference step, so
                     expect 0.1 or more there and read λ as that uncertain).
                     Every shard recomputes the same eigenvectors (same data, same --seed).
  --hessian-samples N  images for the Hessian: the first N of the slice's --samples
                     (default min(${HESSIAN_SAMPLES_DEFAULT}, --samples); each product costs two gradients over them)
  --hessian-iters N  Hessian-vector products at most, ${HESSIAN_ITERS_MIN}…${HESSIAN_ITERS_MAX} (default ${HESSIAN_ITERS_DEFAULT})
  --hessian-scale weights|unit|filter
                     weights (default): each unit eigenvector times ‖w‖ (the conv/linear weights'
                     norm), the norm a filter-normalised random direction has, so α = 1 moves as
                     far as in a random slice; still eigenvectors, ∂²L/∂α² = λ1·‖w‖².
                     unit: the raw unit eigenvectors (use a small --range).
                     filter: filter-normalised like random directions (then no longer exact
                     eigenvectors, nor orthogonal). --norm is for random directions only.

Output:
  --out FILE.h5      surface file (required)
  --json FILE        also write {model, xcoordinates, ycoordinates, train_loss, train_acc, …}
                     as JSON (flat meshgrid order, -1 = not computed by this shard), with
                     roughness {tvLogLoss, localMinima, basinWidth, nonConvexShare (share of
                     interior points whose 2×2 Hessian in the plane has λmin < −0.01·|λmax|),
                     meanNegRatio (mean min(1, |λmin/λmax|), 0 where convex), …} for a whole
                     2-D grid (null for --dim 1 or a shard)
  --dir-out FILE.h5  also write the directions (upstream's direction-file layout, float32);
                     its path is recorded as dir_file in the surface file
  -q, --quiet        no progress rows on stderr
  --no-cap           run a job over the caps below (the estimate is still printed)

Caps (refused with an estimate of the time unless --no-cap): ${fmtCount(CAPS.landscapeImageEvals)} image
evaluations (grid points of this shard × --samples: a 141×141 grid at 1000 images;
${zooCapTimes((p) => CAPS.landscapeImageEvals * zooEvalSeconds(p).perImage)} on a 2-core CPU); with
--directions hessian also ${fmtCount(CAPS.hessianImageProducts)} image-products (--hessian-iters × --hessian-samples;
${zooCapTimes((p) => CAPS.hessianImageProducts * zooHessianSeconds(p).perImage)}). Outputs are checked for writing
before any work starts.

Cluster array jobs:
  --shard i/n        compute only shard i of n, 0-based (0 <= i < n): a contiguous block of the
                     flat grid order. The file is full-size with -1 at the points it did not
                     compute, plus shard_indices. Every shard draws the same directions from
                     --seed. With Slurm: #SBATCH --array=0-3, then
                       landscape-lab landscape … --shard $SLURM_ARRAY_TASK_ID/4 --out part$SLURM_ARRAY_TASK_ID.h5
                     and afterwards: landscape-lab merge part*.h5 --out surface.h5

Progress rows go to stderr; stdout gets a summary line and, for a whole 2-D grid, the roughness
line (with --directions hessian, the λ's first). Exit codes: 0 ok, 2 bad flags or files.`,
  async run(args, io) {
    const opts = parseLandscapeFlags(args, (line) => io.stderr(`landscape-lab landscape: ${line}`));
    if (opts === 'help') {
      io.stdout(this.help + '\n');
      return 0;
    }
    await checkOutputs([
      { flag: 'out', path: opts.out, kind: 'file' },
      { flag: 'json', path: opts.json, kind: 'file' },
      { flag: 'dir-out', path: opts.dirOut, kind: 'file' },
    ]);
    await initBackend(['wasm', 'cpu']);
    const net = netFor(opts.preset);
    const { params, buffers } = await loadModelWeights(net, opts.weights, opts.seed);
    const { batches, n } = await loadLandscapeData(opts.preset, opts.samples, opts.batch);
    let dirs: { x: tf.Tensor[]; y: tf.Tensor[] } = { x: [], y: [] };
    try {
      let hessian: { h: HessianDirections; seconds: number } | null = null;
      if (opts.hessian) {
        hessian = await computeHessianDirections(opts, opts.hessian, net, params, buffers, io);
        dirs = hessian.h;
      } else {
        dirs = randomDirections(params, { seed: opts.seed, norm: opts.norm, ignore: 'biasbn' });
      }
      const line = opts.dim === 1;
      if (opts.dirOut) {
        const toFile = (ts: tf.Tensor[]) =>
          ts.map((t) => ({ shape: [...t.shape], values: Float64Array.from(t.dataSync()) }));
        const file = { xdirection: toFile(dirs.x), ydirection: line ? null : toFile(dirs.y) };
        await writeOrFail(opts.dirOut, await writeDirectionsH5(file, { dtype: 'float32' }));
      }
      const axis = { min: opts.range[0], max: opts.range[1], num: opts.grid };
      const t0 = performance.now();
      const sharded = opts.shard.count > 1;
      const points = line ? opts.grid : opts.grid * opts.grid;
      const result = await computeSlice(
        {
          net,
          params,
          buffers,
          dx: dirs.x,
          ...(line ? {} : { dy: dirs.y, y: axis }),
          x: axis,
          batches,
          shard: opts.shard,
        },
        (row, done, total) => {
          if (opts.quiet) return;
          const s = (performance.now() - t0) / 1000;
          const losses = row.points.map((p) => p.loss);
          io.stderr(
            `${line ? 'line' : `row ${row.row + 1}/${opts.grid}`}${sharded ? ` (shard ${opts.shard.index}/${opts.shard.count})` : ''}: ` +
              `${done}/${total} points, loss ${Math.min(...losses).toFixed(4)}…${Math.max(...losses).toFixed(4)}, ` +
              `${(done / s).toFixed(2)} points/s, eta ${fmtTime(((total - done) * s) / done)}\n`,
          );
        },
      );
      const seconds = (performance.now() - t0) / 1000;
      const ys = result.ycoordinates ? Float64Array.from(result.ycoordinates) : null;
      const grid = emptySurfaceGrid(
        Float64Array.from(result.xcoordinates),
        ys,
        ['train_loss', 'train_acc'],
        opts.dirOut,
      );
      const [start] = result.range;
      for (let k = 0; k < result.loss.length; k++) {
        grid.values.train_loss[start + k] = result.loss[k];
        grid.values.train_acc![start + k] = result.acc[k];
      }
      if (sharded)
        grid.meta.shardIndices = shardFlatIndices(points, opts.shard.index, opts.shard.count);
      await writeOrFail(
        opts.out,
        await writeSurfaceH5(grid, hessian ? hessianExtras(hessian.h) : {}),
      );
      // Roughness needs the whole 2-D grid: a line or one shard has none (merge, then read the .h5).
      const rough =
        !line && !sharded
          ? roughness({
              xcoordinates: result.xcoordinates,
              ycoordinates: result.ycoordinates!,
              loss: result.loss,
            })
          : null;
      if (opts.json) {
        const json = {
          model: opts.preset.name,
          netId: net.id,
          weights: opts.weights,
          seed: opts.seed,
          directions: opts.directions,
          norm: opts.hessian ? null : opts.norm,
          ignore: 'biasbn',
          hessian: hessian ? hessianJson(hessian.h, opts.hessian!, hessian.seconds) : null,
          samples: n,
          dataset: opts.preset.dataset,
          dim: opts.dim,
          grid: opts.grid,
          range: opts.range,
          shard: sharded ? `${opts.shard.index}/${opts.shard.count}` : null,
          xcoordinates: result.xcoordinates,
          ycoordinates: result.ycoordinates,
          train_loss: Array.from(grid.values.train_loss),
          train_acc: Array.from(grid.values.train_acc!),
          shard_indices: grid.meta.shardIndices ? Array.from(grid.meta.shardIndices) : null,
          roughness: rough,
          seconds,
          points_per_second: result.loss.length / seconds,
        };
        await writeOrFail(opts.json, JSON.stringify(json) + '\n');
      }
      io.stdout(
        `wrote ${opts.out}: ${result.loss.length} of ${points} points of ${opts.preset.name} over ${n} images in ${fmtTime(seconds)} (${(result.loss.length / seconds).toFixed(2)} points/s)\n` +
          (rough ? roughnessLine(rough) : ''),
      );
      return 0;
    } finally {
      tf.dispose([
        ...params,
        ...buffers,
        ...dirs.x,
        ...dirs.y,
        ...batches.flatMap((b) => [b.x, b.y]),
      ]);
    }
  },
};
