/**
 * Derives the small Fashion-MNIST subsets in public/data/ from Debian's dataset-fashion-mnist.
 *
 *   apt-get install dataset-fashion-mnist
 *   npx tsx scripts/make-fashion-subset.ts [--src DIR] [--out DIR] [--seed N] [--train N] [--test N]
 *
 * For each split it picks the same number of images from every class (seeded mulberry32
 * Fisher–Yates per class, then one seeded shuffle of the picked set), and writes for each of
 * 14×14 (2×2 average pooling) and 7×7 (4×4 average pooling of the 28×28 originals):
 *   <out>/fashion-mnist-<size>/{train,test}-{images,labels}.bin   raw uint8
 *   <out>/fashion-mnist-<size>/meta.json                         shapes, classes, hashes, provenance
 * and <out>/fashion-mnist-source-indices.json (which original images were picked).
 * Deterministic: the same inputs and flags give byte-identical files.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { FASHION_CLASSES, FASHION_FORMAT, type FashionSubsetMeta } from '../src/data/fashionMnist';
import { averagePoolUint8, parseIdx } from '../src/data/idx';
import { mulberry32, shuffleInPlace } from '../src/data/seededRandom';

const { values: args } = parseArgs({
  options: {
    src: { type: 'string', default: '/usr/share/datasets/fashion-mnist' },
    out: { type: 'string', default: 'public/data' },
    seed: { type: 'string', default: '20250101' },
    train: { type: 'string', default: '4000' },
    test: { type: 'string', default: '1000' },
  },
});

const seed = Number(args.seed);
const counts = { train: Number(args.train), test: Number(args.test) };
const nClasses = FASHION_CLASSES.length;
for (const [k, v] of Object.entries(counts)) {
  if (!Number.isInteger(v) || v <= 0 || v % nClasses !== 0) {
    throw new Error(`--${k} must be a positive multiple of ${nClasses} (class-balanced), got ${v}`);
  }
}
if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${args.seed}`);

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Reads `<name>` or `<name>.gz` from the source folder. */
function readIdx(name: string): {
  shape: number[];
  data: Uint8Array;
  sourceFile: string;
  sourceSha256: string;
} {
  for (const file of [name, `${name}.gz`]) {
    const p = path.join(args.src!, file);
    if (!existsSync(p)) continue;
    const raw = new Uint8Array(readFileSync(p));
    const bytes = raw[0] === 0x1f && raw[1] === 0x8b ? new Uint8Array(gunzipSync(raw)) : raw;
    return { ...parseIdx(bytes, file), sourceFile: file, sourceSha256: sha256(raw) };
  }
  throw new Error(
    `${name}(.gz) not found in ${args.src}; install Debian's dataset-fashion-mnist or pass --src`,
  );
}

function packageVersion(): string | null {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Version}', 'dataset-fashion-mnist'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    return null;
  }
}

const uniform = mulberry32(seed);
const sources: Record<string, { file: string; sha256: string }> = {};

function pick(split: 'train' | 'test', prefix: string) {
  const images = readIdx(`${prefix}-images-idx3-ubyte`);
  const labels = readIdx(`${prefix}-labels-idx1-ubyte`);
  sources[`${split}Images`] = { file: images.sourceFile, sha256: images.sourceSha256 };
  sources[`${split}Labels`] = { file: labels.sourceFile, sha256: labels.sourceSha256 };
  const [n, h, w] = images.shape;
  if (h !== 28 || w !== 28 || labels.shape[0] !== n)
    throw new Error(`${split}: unexpected shapes ${images.shape} / ${labels.shape}`);
  const perClass = counts[split] / nClasses;
  const chosen: number[] = [];
  for (let c = 0; c < nClasses; c++) {
    const ofClass: number[] = [];
    for (let i = 0; i < n; i++) if (labels.data[i] === c) ofClass.push(i);
    if (ofClass.length < perClass)
      throw new Error(`${split}: class ${c} has only ${ofClass.length} images`);
    chosen.push(...shuffleInPlace(ofClass, uniform).slice(0, perClass));
  }
  shuffleInPlace(chosen, uniform);
  const full = new Uint8Array(chosen.length * 28 * 28);
  chosen.forEach((src, k) => full.set(images.data.subarray(src * 784, (src + 1) * 784), k * 784));
  const lab = Uint8Array.from(chosen, (src) => labels.data[src]);
  return { chosen, full, labels: lab, perClass: new Array<number>(nClasses).fill(perClass) };
}

const train = pick('train', 'train');
const test = pick('test', 't10k');
const command = `npx tsx scripts/make-fashion-subset.ts --seed ${seed} --train ${counts.train} --test ${counts.test}`;
const version = packageVersion();

for (const size of [14, 7]) {
  const k = 28 / size;
  const dir = path.join(args.out!, `fashion-mnist-${size}`);
  mkdirSync(dir, { recursive: true });
  const splits = {} as FashionSubsetMeta['splits'];
  let pixelMean = 0;
  let pixelStd = 1;
  for (const [name, s] of [
    ['train', train],
    ['test', test],
  ] as const) {
    const pooled = averagePoolUint8(s.full, s.chosen.length, 28, 28, k);
    if (name === 'train') {
      let sum = 0;
      let sq = 0;
      for (const v of pooled) {
        sum += v / 255;
        sq += (v / 255) ** 2;
      }
      pixelMean = sum / pooled.length;
      pixelStd = Math.sqrt(sq / pooled.length - pixelMean ** 2);
    }
    const files = { images: `${name}-images.bin`, labels: `${name}-labels.bin` };
    writeFileSync(path.join(dir, files.images), pooled);
    writeFileSync(path.join(dir, files.labels), s.labels);
    splits[name] = {
      n: s.chosen.length,
      perClass: s.perClass,
      images: { file: files.images, bytes: pooled.length, sha256: sha256(pooled) },
      labels: { file: files.labels, bytes: s.labels.length, sha256: sha256(s.labels) },
    };
  }
  const meta: FashionSubsetMeta = {
    format: FASHION_FORMAT,
    description:
      `Class-balanced Fashion-MNIST subset, ${size}×${size} uint8 (0 = background, 255 = ink), ` +
      'row-major, one byte per pixel, images n×height×width and labels n, no header.',
    height: size,
    width: size,
    classes: [...FASHION_CLASSES],
    pixelMean: Number(pixelMean.toPrecision(12)),
    pixelStd: Number(pixelStd.toPrecision(12)),
    splits,
    pooling: `${k}×${k} average pooling of the 28×28 originals, rounded half up: floor((sum + ${(k * k) / 2}) / ${k * k})`,
    selection:
      "per class (labels 0..9 in order): Fisher–Yates shuffle of that class's indices with mulberry32(seed), " +
      'keep the first n/10; then one Fisher–Yates shuffle of the kept indices; train picked before test, one RNG stream',
    seed,
    command,
    source: {
      debianPackage: 'dataset-fashion-mnist',
      version,
      upstream: 'https://github.com/zalandoresearch/fashion-mnist',
      license: 'MIT (Expat), Copyright 2017 Zalando SE',
      files: sources,
    },
    sourceIndices: '../fashion-mnist-source-indices.json',
  };
  writeFileSync(path.join(dir, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
  console.log(
    `${dir}: train ${splits.train.images.bytes} + test ${splits.test.images.bytes} image bytes`,
  );
}

writeFileSync(
  path.join(args.out!, 'fashion-mnist-source-indices.json'),
  `${JSON.stringify({ note: 'index into the original idx files, in subset order', command, train: train.chosen, test: test.chosen })}\n`,
);
