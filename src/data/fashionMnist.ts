/**
 * The Fashion-MNIST subset shipped in public/data/fashion-mnist-<size>/ (made by
 * scripts/make-fashion-subset.ts; format in docs/DATA.md). The parser takes bytes; the caller
 * fetches them (browser: fetch, Node: fs), so the same code runs in a page, a worker and tests.
 */
import { sha256Hex } from './sha256';

export const FASHION_CLASSES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
] as const;

export const FASHION_FORMAT = 'fashion-mnist-subset/1';

export type FashionSplitName = 'train' | 'test';

export interface FashionFileRef {
  file: string;
  bytes: number;
  sha256: string;
}

export interface FashionSplitMeta {
  n: number;
  /** Images per class, indexed by label. */
  perClass: number[];
  images: FashionFileRef;
  labels: FashionFileRef;
}

export interface FashionSubsetMeta {
  format: typeof FASHION_FORMAT;
  height: number;
  width: number;
  classes: string[];
  /** Mean and standard deviation of the training pixels on the [0, 1] scale. */
  pixelMean: number;
  pixelStd: number;
  splits: Record<FashionSplitName, FashionSplitMeta>;
  /** Provenance (source package, seed, command); not needed to parse. */
  [key: string]: unknown;
}

/**
 * 'unit': pixel/255 in [0, 1] (default). 'standard': (pixel/255 − pixelMean)/pixelStd with the
 * training split's statistics from meta.json, for both splits.
 */
export type FashionNormalization = 'unit' | 'standard';

export interface FashionSplit {
  split: FashionSplitName;
  /** n × height × width, row-major, float32, normalised as `normalization` says. */
  images: Float32Array;
  /** Class index in [0, classes.length). */
  labels: Uint8Array;
  n: number;
  height: number;
  width: number;
  classes: readonly string[];
  normalization: FashionNormalization;
}

export class FashionDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FashionDataError';
  }
}

const fail = (msg: string): never => {
  throw new FashionDataError(`Fashion-MNIST subset: ${msg}`);
};

function isPositiveInt(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x > 0;
}

function checkFileRef(x: unknown, where: string): FashionFileRef {
  const r = x as FashionFileRef;
  if (typeof r !== 'object' || r === null) return fail(`meta.json: ${where} is missing`);
  if (
    typeof r.file !== 'string' ||
    r.file === '' ||
    r.file.includes('/') ||
    r.file.includes('\\')
  ) {
    fail(`meta.json: ${where}.file must be a plain file name`);
  }
  if (!Number.isInteger(r.bytes) || r.bytes < 0)
    fail(`meta.json: ${where}.bytes must be a byte count`);
  if (typeof r.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(r.sha256))
    fail(`meta.json: ${where}.sha256 must be 64 hex digits`);
  return r;
}

/** Validates the parsed meta.json (an unknown JSON value) and returns it typed. */
export function parseFashionMeta(json: unknown): FashionSubsetMeta {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return fail('meta.json is not a JSON object');
  const m = json as FashionSubsetMeta;
  if (m.format !== FASHION_FORMAT)
    fail(`meta.json: format is ${JSON.stringify(m.format)}, expected "${FASHION_FORMAT}"`);
  if (!isPositiveInt(m.height) || !isPositiveInt(m.width))
    fail('meta.json: height and width must be positive integers');
  if (
    !Array.isArray(m.classes) ||
    m.classes.length === 0 ||
    m.classes.length > 256 ||
    !m.classes.every((c) => typeof c === 'string')
  ) {
    fail('meta.json: classes must be a list of 1–256 names');
  }
  if (!Number.isFinite(m.pixelMean) || !(m.pixelStd > 0))
    fail('meta.json: pixelMean must be a number and pixelStd > 0');
  for (const split of ['train', 'test'] as const) {
    const s = m.splits?.[split];
    if (!s) fail(`meta.json: splits.${split} is missing`);
    if (!isPositiveInt(s.n)) fail(`meta.json: splits.${split}.n must be a positive integer`);
    if (!Array.isArray(s.perClass) || s.perClass.length !== m.classes.length) {
      fail(
        `meta.json: splits.${split}.perClass must list one count per class (${m.classes.length})`,
      );
    }
    if (s.perClass.reduce((a, b) => a + b, 0) !== s.n)
      fail(`meta.json: splits.${split}.perClass does not add up to n = ${s.n}`);
    checkFileRef(s.images, `splits.${split}.images`);
    checkFileRef(s.labels, `splits.${split}.labels`);
    if (s.images.bytes !== s.n * m.height * m.width) {
      fail(
        `meta.json: splits.${split}.images.bytes = ${s.images.bytes}, expected n·height·width = ${s.n * m.height * m.width}`,
      );
    }
    if (s.labels.bytes !== s.n)
      fail(`meta.json: splits.${split}.labels.bytes = ${s.labels.bytes}, expected n = ${s.n}`);
  }
  return m;
}

function asBytes(x: ArrayBuffer | Uint8Array, name: string): Uint8Array {
  if (x instanceof Uint8Array) return x;
  if (x instanceof ArrayBuffer) return new Uint8Array(x);
  return fail(`${name}: expected an ArrayBuffer or Uint8Array`);
}

export interface FashionParseOptions {
  normalization?: FashionNormalization;
  /** Check each file's SHA-256 against meta.json (default true; ~10 ms per MB). */
  verifyHash?: boolean;
}

/** Parses one split from its two files' bytes. Throws FashionDataError naming the problem. */
export function parseFashionSplit(
  meta: FashionSubsetMeta,
  split: FashionSplitName,
  imageBytes: ArrayBuffer | Uint8Array,
  labelBytes: ArrayBuffer | Uint8Array,
  options: FashionParseOptions = {},
): FashionSplit {
  const s = meta.splits[split];
  const img = asBytes(imageBytes, s.images.file);
  const lab = asBytes(labelBytes, s.labels.file);
  const { height, width } = meta;
  if (img.length !== s.images.bytes) {
    fail(
      `${s.images.file} has ${img.length} bytes, expected ${s.images.bytes} (${s.n} images of ${height}×${width}); truncated or wrong file?`,
    );
  }
  if (lab.length !== s.labels.bytes)
    fail(`${s.labels.file} has ${lab.length} bytes, expected ${s.labels.bytes} (one per image)`);
  if (options.verifyHash ?? true) {
    for (const [ref, bytes] of [
      [s.images, img],
      [s.labels, lab],
    ] as const) {
      const got = sha256Hex(bytes);
      if (got !== ref.sha256)
        fail(
          `${ref.file} is corrupted: SHA-256 ${got.slice(0, 12)}… differs from meta.json's ${ref.sha256.slice(0, 12)}…`,
        );
    }
  }
  const counts = new Array<number>(meta.classes.length).fill(0);
  for (let i = 0; i < lab.length; i++) {
    if (lab[i] >= meta.classes.length)
      fail(
        `${s.labels.file}: label ${lab[i]} at index ${i} is outside [0, ${meta.classes.length})`,
      );
    counts[lab[i]]++;
  }
  const bad = counts.findIndex((c, k) => c !== s.perClass[k]);
  if (bad >= 0)
    fail(
      `${s.labels.file}: class ${bad} occurs ${counts[bad]} times, meta.json says ${s.perClass[bad]}`,
    );

  const normalization = options.normalization ?? 'unit';
  const images = new Float32Array(img.length);
  if (normalization === 'unit') {
    for (let i = 0; i < img.length; i++) images[i] = img[i] / 255;
  } else if (normalization === 'standard') {
    for (let i = 0; i < img.length; i++)
      images[i] = (img[i] / 255 - meta.pixelMean) / meta.pixelStd;
  } else {
    fail(`unknown normalization ${JSON.stringify(normalization)} (use 'unit' or 'standard')`);
  }
  return {
    split,
    images,
    labels: lab.slice(),
    n: s.n,
    height,
    width,
    classes: meta.classes,
    normalization,
  };
}

/**
 * Loads a split through `readFile(name)`, which returns a file's bytes from the subset folder
 * (e.g. `(f) => fetch(`data/fashion-mnist-14/${f}`).then((r) => r.arrayBuffer())` in a page,
 * `(f) => fs.promises.readFile(path.join(dir, f))` in Node).
 */
export async function loadFashionSubset(
  readFile: (name: string) => Promise<ArrayBuffer | Uint8Array>,
  split: FashionSplitName,
  options: FashionParseOptions = {},
): Promise<FashionSplit> {
  const metaBytes = asBytes(await readFile('meta.json'), 'meta.json');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(metaBytes));
  } catch (err) {
    return fail(`meta.json is not valid JSON (${(err as Error).message})`);
  }
  const meta = parseFashionMeta(json);
  const s = meta.splits[split];
  const [img, lab] = await Promise.all([readFile(s.images.file), readFile(s.labels.file)]);
  return parseFashionSplit(meta, split, img, lab, options);
}
