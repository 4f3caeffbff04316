/**
 * Named model presets shared by the CLI (`landscape-lab landscape --model …`, `train`) and the
 * app, and a compact weight format.
 *
 * Presets: CIFAR-style ResNets (He et al. 2016; `-ns` = no shortcuts, Li et al. 2018) and
 * Wide-ResNet-56 with width multiplier k (`wrn-56-k2`, `wrn-56-k4` and their `-ns` twins: every
 * stage k times wider, Li et al.'s Fig. 6, upstream's `wrn56_2` / `wrn56_2_noshort`; k = 1 is
 * `resnet-56`), and the depth-56 pair on 14×14 inputs (`resnet-56[-ns]-14px`), sized for
 * the shipped Fashion-MNIST subset: 1 channel, 10 classes, `inputSize`×`inputSize` images from
 * public/data/fashion-mnist-<inputSize>/, standardised with the training split's mean and std
 * (`normalization: 'standard'`). Size chosen by measurement (bench/landscapeThroughput.ts): see
 * ZOO_INPUT_SIZE / ZOO_WIDTH below.
 *
 * Weight files (`public/models/<name>/weights.json` + `weights.bin`):
 *   weights.json  {"format": "landscape-lab-weights/1", "model": "<preset name or net id>",
 *                  "netId": net.id, "dtype": "float32",
 *                  "tensors": [{"name": "conv1.weight", "shape": [8, 1, 3, 3]}, …]}
 *   weights.bin   the tensors' float32 values, little-endian, row-major (torch layout), one after
 *                 the other in `tensors` order, no header, no padding.
 * `tensors` is torch's state_dict order: every module's parameters, then its buffers
 * (`bn1.weight`, `bn1.bias`, `bn1.running_mean`, `bn1.running_var`), modules in registration
 * order; `num_batches_tracked` (an int64 counter that changes no arithmetic) is left out.
 */
import * as tf from '@tensorflow/tfjs';
import { BN_EPS } from './nets/layers';
import { denseConv, denseConvBias, denseConvFits, denseConvWeights } from './nets/smallMapConv';
import { resnet } from './nets/resnet';
import type { Net } from './nets/net';
import type { FoldedEval, FoldedEvalNet } from './landscape/foldedEval';

export const ZOO_INPUT_SIZE = 7;
export const ZOO_WIDTH = 8;

export interface ModelPreset {
  /** CLI name, e.g. `resnet-56-ns`. */
  name: string;
  summary: string;
  depth: number;
  shortcut: boolean;
  width: number;
  k: number;
  /** Folder under public/data/ holding the data set the model is meant for. */
  dataset: string;
  inputSize: number;
  normalization: 'unit' | 'standard';
  numClasses: number;
  /** Input channels (1, Fashion-MNIST, when left out; 3 for the paper's CIFAR-sized nets in bench/). */
  inChannels?: number;
}

/** A ResNet on `size`×`size` images; a size other than the zoo's own is in the name (`-14px`). */
function resnetPreset(depth: number, shortcut: boolean, size = ZOO_INPUT_SIZE): ModelPreset {
  return {
    name: `resnet-${depth}${shortcut ? '' : '-ns'}${size === ZOO_INPUT_SIZE ? '' : `-${size}px`}`,
    summary:
      `ResNet-${depth}${shortcut ? '' : ' without shortcuts'}, base width ${ZOO_WIDTH}, ` +
      `Fashion-MNIST ${size}×${size}`,
    depth,
    shortcut,
    width: ZOO_WIDTH,
    k: 1,
    dataset: `fashion-mnist-${size}`,
    inputSize: size,
    normalization: 'standard',
    numClasses: 10,
  };
}

/** Depth and widths of the Wide-ResNet presets (k = 1 is resnet-56[-ns]). */
export const WRN_DEPTH = 56;
export const WRN_WIDTHS: readonly number[] = [2, 4];

function wrnPreset(k: number, shortcut: boolean): ModelPreset {
  const w = ZOO_WIDTH * k;
  return {
    ...resnetPreset(WRN_DEPTH, shortcut),
    name: `wrn-${WRN_DEPTH}-k${k}${shortcut ? '' : '-ns'}`,
    summary:
      `Wide-ResNet-${WRN_DEPTH}, k = ${k}${shortcut ? '' : ' without shortcuts'}, stage widths ` +
      `${w}/${2 * w}/${4 * w}, Fashion-MNIST ${ZOO_INPUT_SIZE}×${ZOO_INPUT_SIZE}`,
    k,
  };
}

/**
 * The input-size lever (issue #10): the depth-56 pair on 14×14 images (public/data/
 * fashion-mnist-14, the same 5,000 pictures), four times the pixels and the FLOPs. The name says
 * the size, so weights trained on it load only into a net of that size.
 */
export const LARGE_INPUT_SIZE = 14;

export const MODEL_PRESETS: readonly ModelPreset[] = [
  ...[20, 56, 110].flatMap((d) => [resnetPreset(d, true), resnetPreset(d, false)]),
  ...WRN_WIDTHS.flatMap((k) => [wrnPreset(k, true), wrnPreset(k, false)]),
  resnetPreset(56, true, LARGE_INPUT_SIZE),
  resnetPreset(56, false, LARGE_INPUT_SIZE),
];

export const MODEL_NAMES: readonly string[] = MODEL_PRESETS.map((p) => p.name);

/** The preset called `name`; throws naming the known ones. */
export function modelPreset(name: string): ModelPreset {
  const p = MODEL_PRESETS.find((m) => m.name === name);
  if (!p) throw new Error(`unknown model '${name}' (known: ${MODEL_NAMES.join(', ')})`);
  return p;
}

/** The network of a preset (or of a preset name). */
export function buildModel(preset: ModelPreset | string): Net {
  const p = typeof preset === 'string' ? modelPreset(preset) : preset;
  return resnet({
    depth: p.depth,
    shortcut: p.shortcut,
    width: p.width,
    k: p.k,
    inChannels: p.inChannels ?? 1,
    inputSize: p.inputSize,
    numClasses: p.numClasses,
  });
}

/** One conv (with the BatchNorm after it) of a preset's ResNet, in forward order. */
interface ConvLayer {
  conv: string;
  bn: string;
  stride: number;
  pad: number;
  kernel: number;
  /** Input and output map sizes. */
  size: number;
  out: number;
  /** Run as a dense product by the fast eval forward (nets/smallMapConv). */
  dense: boolean;
}

/**
 * The convs of a preset's ResNet with their map sizes: the stem, then per block conv1 (stride 2
 * in the first block of stages 2 and 3), conv2 and, where `hasParam` finds one, the 1×1
 * projection shortcut. One description for the fast forward and for the FLOP count.
 */
function convLayers(
  p: ModelPreset,
  hasParam: (name: string) => boolean,
): {
  layers: ConvLayer[];
  stem: number;
  blocks: { c1: number; c2: number; proj: number | null }[];
} {
  const layers: ConvLayer[] = [];
  // 3×3 pad 1 and 1×1 pad 0 both give ⌈size / stride⌉.
  const layer = (conv: string, bn: string, stride: number, kernel: number, size: number) => {
    const pad = kernel === 3 ? 1 : 0;
    return (
      layers.push({
        conv,
        bn,
        stride,
        pad,
        kernel,
        size,
        out: Math.ceil(size / stride),
        dense: denseConvFits(kernel, stride, pad, size),
      }) - 1
    );
  };
  const n = (p.depth - 2) / 6;
  let size = p.inputSize;
  const stem = layer('conv1', 'bn1', 1, 3, size);
  const blocks: { c1: number; c2: number; proj: number | null }[] = [];
  for (let s = 0; s < 3; s++) {
    for (let j = 0; j < n; j++) {
      const prefix = `layer${s + 1}.${j}`;
      const stride = j === 0 && s > 0 ? 2 : 1;
      const c1 = layer(`${prefix}.conv1`, `${prefix}.bn1`, stride, 3, size);
      const out = layers[c1].out;
      const c2 = layer(`${prefix}.conv2`, `${prefix}.bn2`, 1, 3, out);
      const proj = hasParam(`${prefix}.shortcut.0.weight`)
        ? layer(`${prefix}.shortcut.0`, `${prefix}.shortcut.1`, stride, 1, size)
        : null;
      blocks.push({ c1, c2, proj });
      size = out;
    }
  }
  return { layers, stem, blocks };
}

/**
 * The preset's net with a faster eval-mode forward for landscapes: every BatchNorm is folded
 * into the conv before it, W'[o] = W[o]·s[o], b'[o] = β[o] − μ[o]·s[o], s = γ/√(σ² + ε), and
 * conv + bias + ReLU run as one fused kernel (tf.fused.conv2d), instead of a conv followed by
 * four element-wise passes. Same parameters, buffers and (to float32 rounding) the same logits
 * as `buildModel`; train mode is the plain forward. The eval forward is for evaluation only:
 * its gradient would need Conv2DBackpropFilter, which wasm lacks.
 *
 * The folding is exposed as `foldedEval` (landscape/foldedEval.ts), so evaluation folds once
 * per parameter point rather than once per batch, and a slice whose directions leave every γ
 * alone folds w, dx and dy once for the whole grid (the folded weights are then affine in α, β).
 */
export function buildFastEvalModel(preset: ModelPreset | string): FoldedEvalNet {
  const p = typeof preset === 'string' ? modelPreset(preset) : preset;
  const base = buildModel(p);
  const index = new Map(base.params.map((q, i) => [q.name, i]));
  const bufIndex = new Map(base.buffers.map((b, i) => [b.name, i]));
  const { layers, stem, blocks } = convLayers(p, (name) => index.has(name));
  const pi = (name: string) => index.get(name)!;
  const bi = (name: string) => bufIndex.get(name)!;
  const bnScale = (params: readonly tf.Tensor[], buffers: readonly tf.Tensor[], bn: string) =>
    tf.div(params[pi(`${bn}.weight`)], tf.sqrt(tf.add(buffers[bi(`${bn}.running_var`)], BN_EPS)));
  const hwio = (w: tf.Tensor, scale: tf.Tensor) => tf.mul(tf.transpose(w, [2, 3, 1, 0]), scale);
  /** A layer's folded filter and bias, in the form its forward uses (conv filter, or dense matrix). */
  const filterFor = (l: ConvLayer, f: tf.Tensor) => (l.dense ? denseConvWeights(f, l.size) : f);
  const biasFor = (l: ConvLayer, b: tf.Tensor) => (l.dense ? denseConvBias(b, l.size) : b);

  const foldedEval: FoldedEval = {
    fold(params, buffers) {
      const out: tf.Tensor[] = [];
      for (const l of layers) {
        const scale = bnScale(params, buffers, l.bn);
        out.push(filterFor(l, hwio(params[pi(`${l.conv}.weight`)], scale)));
        out.push(
          biasFor(
            l,
            tf.sub(params[pi(`${l.bn}.bias`)], tf.mul(buffers[bi(`${l.bn}.running_mean`)], scale)),
          ),
        );
      }
      out.push(params[pi('linear.weight')].clone(), params[pi('linear.bias')].clone());
      return out;
    },
    foldDirection(params, buffers, d) {
      const out: tf.Tensor[] = [];
      for (const l of layers) {
        out.push(filterFor(l, hwio(d[pi(`${l.conv}.weight`)], bnScale(params, buffers, l.bn))));
        out.push(biasFor(l, d[pi(`${l.bn}.bias`)].clone()));
      }
      out.push(d[pi('linear.weight')].clone(), d[pi('linear.bias')].clone());
      return out;
    },
    nonlinearParams: layers.map((l) => pi(`${l.bn}.weight`)),
    forwardFolded(folded, x) {
      const conv = (h: tf.Tensor4D, k: number, relu: boolean) => {
        const l = layers[k];
        if (l.dense) return denseConv(h, folded[2 * k] as tf.Tensor2D, folded[2 * k + 1], relu);
        return tf.fused.conv2d({
          x: h,
          filter: folded[2 * k] as tf.Tensor4D,
          bias: folded[2 * k + 1],
          strides: l.stride,
          pad: l.pad,
          activation: relu ? 'relu' : 'linear',
        });
      };
      let h = conv(x as tf.Tensor4D, stem, true);
      for (const b of blocks) {
        const mid = conv(h, b.c1, true);
        if (!p.shortcut) {
          h = conv(mid, b.c2, true);
          continue;
        }
        const out = conv(mid, b.c2, false);
        const skip = b.proj === null ? h : conv(h, b.proj, false);
        h = tf.relu(tf.add(out, skip));
      }
      const pooled = tf.mean(h, [1, 2]) as tf.Tensor2D;
      const k = 2 * layers.length;
      return tf.add(
        tf.matMul(pooled, folded[k] as tf.Tensor2D, false, true),
        folded[k + 1],
      ) as tf.Tensor2D;
    },
  };

  return {
    ...base,
    foldedEval,
    forward(params, buffers, x, mode) {
      if (mode === 'train') return base.forward(params, buffers, x, mode);
      return {
        logits: foldedEval.forwardFolded(foldedEval.fold(params, buffers), x),
        buffers: null,
      };
    },
  };
}

/**
 * Forward FLOPs per image of a preset's ResNet, counted as 2·MACs of every conv and the linear
 * layer (BN, ReLU, additions and the pool are left out: < 2 % here).
 * Map sizes come from `convLayers`: s₀ = inputSize, each stride-2 stage ⌈s / 2⌉.
 *
 * `nominal` (the default) counts every conv as a conv: s²·9·C·O MACs, padding taps included, the
 * usual convention and the one the throughput benchmark reports. `executed` counts what
 * `buildFastEvalModel` actually multiplies: convs on ≤ 2×2 maps run as dense products of
 * s⁴·C·O MACs (nets/smallMapConv), fewer than nominal.
 */
export function forwardFlops(
  preset: ModelPreset | string,
  count: 'nominal' | 'executed' = 'nominal',
): number {
  const p = typeof preset === 'string' ? modelPreset(preset) : preset;
  const net = buildModel(p);
  const shapes = new Map(net.params.map((q) => [q.name, q.shape]));
  let macs = 0;
  for (const l of convLayers(p, (name) => shapes.has(name)).layers) {
    const [o, i] = shapes.get(`${l.conv}.weight`)!;
    macs +=
      count === 'executed' && l.dense
        ? l.size ** 4 * o * i
        : l.out * l.out * o * i * l.kernel * l.kernel;
  }
  const [classes, features] = shapes.get('linear.weight')!;
  return 2 * (macs + classes * features);
}

// ---------------------------------------------------------------------------------------------
// Weights

export const WEIGHTS_FORMAT = 'landscape-lab-weights/1';
/** File names inside public/models/<model>/. */
export const WEIGHTS_MANIFEST_FILE = 'weights.json';
export const WEIGHTS_BIN_FILE = 'weights.bin';

export interface WeightsManifest {
  format: typeof WEIGHTS_FORMAT;
  model: string;
  netId: string;
  dtype: 'float32';
  tensors: { name: string; shape: number[] }[];
  /** Free-form provenance (training config, accuracy, date); ignored when loading. */
  [key: string]: unknown;
}

export class WeightsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WeightsError';
  }
}

interface Entry {
  kind: 'param' | 'buffer';
  index: number;
  name: string;
  shape: number[];
}

/** Parameters and buffers interleaved in torch state_dict order (module by module). */
export function stateDictOrder(net: Net): Entry[] {
  const moduleOf = (name: string) => name.slice(0, name.lastIndexOf('.'));
  const buffersByModule = new Map<string, Entry[]>();
  net.buffers.forEach((b, index) => {
    const m = moduleOf(b.name);
    if (!buffersByModule.has(m)) buffersByModule.set(m, []);
    buffersByModule.get(m)!.push({ kind: 'buffer', index, name: b.name, shape: [...b.shape] });
  });
  const out: Entry[] = [];
  net.params.forEach((p, index) => {
    out.push({ kind: 'param', index, name: p.name, shape: [...p.shape] });
    const m = moduleOf(p.name);
    const next = net.params[index + 1];
    if (!next || moduleOf(next.name) !== m) {
      out.push(...(buffersByModule.get(m) ?? []));
      buffersByModule.delete(m);
    }
  });
  for (const rest of buffersByModule.values()) out.push(...rest);
  return out;
}

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** Serialise parameters and BN buffers (reads them from the backend once). */
export function saveWeights(
  net: Net,
  params: readonly tf.Tensor[],
  buffers: readonly tf.Tensor[],
  model: string = net.id,
  extra: Record<string, unknown> = {},
): { manifest: WeightsManifest; bytes: Uint8Array } {
  if (params.length !== net.params.length)
    throw new WeightsError(
      `saveWeights: ${params.length} parameters for ${net.id}, expected ${net.params.length}`,
    );
  if (buffers.length !== net.buffers.length)
    throw new WeightsError(
      `saveWeights: ${buffers.length} buffers for ${net.id}, expected ${net.buffers.length}`,
    );
  const order = stateDictOrder(net);
  const total = order.reduce((n, e) => n + size(e.shape), 0);
  const data = new Float32Array(total);
  let off = 0;
  for (const e of order) {
    const t = e.kind === 'param' ? params[e.index] : buffers[e.index];
    if (!tf.util.arraysEqual(t.shape, e.shape)) {
      throw new WeightsError(
        `saveWeights: ${e.name} has shape [${t.shape}], expected [${e.shape}]`,
      );
    }
    data.set(t.dataSync() as Float32Array, off);
    off += size(e.shape);
  }
  const manifest: WeightsManifest = {
    ...extra,
    format: WEIGHTS_FORMAT,
    model,
    netId: net.id,
    dtype: 'float32',
    tensors: order.map(({ name, shape }) => ({ name, shape })),
  };
  const bytes = new Uint8Array(data.buffer);
  if (!littleEndian()) throw new WeightsError('saveWeights: big-endian hosts are not supported');
  return { manifest, bytes };
}

function littleEndian(): boolean {
  return new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
}

/** The `training.seed` a weights manifest records (its run's init seed), or null when it has none. */
export function recordedTrainingSeed(manifest: unknown): number | null {
  const seed = (manifest as { training?: { seed?: unknown } } | null)?.training?.seed;
  return typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 ? seed : null;
}

/**
 * Tensors for `net` from a manifest (parsed JSON) and the .bin bytes. Errors name the problem:
 * wrong format, a missing / extra / misshapen tensor, or a byte count that does not match.
 */
export function loadWeights(
  net: Net,
  manifest: unknown,
  bytes: Uint8Array,
): { params: tf.Tensor[]; buffers: tf.Tensor[] } {
  const m = manifest as WeightsManifest;
  if (typeof m !== 'object' || m === null)
    throw new WeightsError('weights manifest is not a JSON object');
  if (m.format !== WEIGHTS_FORMAT)
    throw new WeightsError(
      `weights manifest: format is ${JSON.stringify(m.format)}, expected "${WEIGHTS_FORMAT}"`,
    );
  if (m.dtype !== 'float32')
    throw new WeightsError(
      `weights manifest: dtype ${JSON.stringify(m.dtype)} is not supported (float32 only)`,
    );
  if (!Array.isArray(m.tensors))
    throw new WeightsError('weights manifest: "tensors" must be a list of {name, shape}');
  const where = new Map<string, { offset: number; shape: number[] }>();
  let off = 0;
  for (const [k, t] of m.tensors.entries()) {
    if (
      typeof t?.name !== 'string' ||
      !Array.isArray(t.shape) ||
      !t.shape.every((d) => Number.isInteger(d) && d >= 0)
    ) {
      throw new WeightsError(
        `weights manifest: tensors[${k}] must be {name: string, shape: [non-negative integers]}`,
      );
    }
    if (where.has(t.name)) throw new WeightsError(`weights manifest: ${t.name} is listed twice`);
    where.set(t.name, { offset: off, shape: t.shape });
    off += size(t.shape);
  }
  if (bytes.byteLength !== off * 4) {
    throw new WeightsError(
      `weights file has ${bytes.byteLength} bytes, but the manifest's ${m.tensors.length} tensors need ${off * 4} (${off} float32 values)`,
    );
  }
  const wanted = [...net.params.map((p) => p.name), ...net.buffers.map((b) => b.name)];
  const missing = wanted.filter((n) => !where.has(n));
  const extraNames = [...where.keys()].filter((n) => !wanted.includes(n));
  if (missing.length || extraNames.length) {
    const list = (a: string[]) =>
      a.slice(0, 4).join(', ') + (a.length > 4 ? `, … (${a.length})` : '');
    throw new WeightsError(
      `weights (${m.netId ?? m.model ?? '?'}) do not fit ${net.id}:` +
        (missing.length ? ` missing ${list(missing)};` : '') +
        (extraNames.length ? ` unexpected ${list(extraNames)};` : '') +
        ' wrong --model?',
    );
  }
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const all = new Float32Array(aligned.buffer, aligned.byteOffset, off);
  const take = (info: { name: string; shape: readonly number[] }) => {
    const w = where.get(info.name)!;
    if (!tf.util.arraysEqual(w.shape, [...info.shape])) {
      throw new WeightsError(
        `weights: ${info.name} has shape [${w.shape}] in the file, ${net.id} needs [${info.shape}]; wrong --model?`,
      );
    }
    return w;
  };
  // Check every shape and value before allocating any tensor, so an error leaks nothing. A NaN
  // or ∞ weight (a damaged file, a diverged run saved anyway) would make every loss NaN.
  const pw = net.params.map(take);
  const bw = net.buffers.map(take);
  for (const name of wanted) {
    const w = where.get(name)!;
    const end = w.offset + size(w.shape);
    for (let i = w.offset; i < end; i++)
      if (!Number.isFinite(all[i]))
        throw new WeightsError(
          `weights: ${name} holds ${all[i]} at index ${i - w.offset}: a damaged file, or a run that diverged`,
        );
  }
  const make = (w: { offset: number; shape: number[] }) =>
    tf.tensor(all.slice(w.offset, w.offset + size(w.shape)), w.shape, 'float32');
  return { params: pw.map(make), buffers: bw.map(make) };
}
