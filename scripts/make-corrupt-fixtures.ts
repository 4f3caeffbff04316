/**
 * Writes the corrupted-file fixtures of issue 16 into test/fixtures/corrupt/: surface `.h5` files
 * derived from test/fixtures/pytorch/sample_surface.h5, JSON configs of `trajectory`/`schedule`
 * and `train --config`, and weights manifests derived from public/models/resnet-20/weights.json.
 * Beside them: fixtures.json (each file's kind, what is corrupted and the outcome expected, which
 * the tests read) and README.md (the same as a table).
 *
 *   npx tsx scripts/make-corrupt-fixtures.ts [--out DIR]
 *
 * Deterministic: byte-level damage is applied to committed files with a seeded generator, and
 * the clock is fixed while h5wasm writes (HDF5 stamps object headers with the time), so the same
 * inputs give byte-identical files.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { mulberry32 } from '../src/data/seededRandom';
import { h5ToBytes, type H5File } from '../src/io/h5wasmLoader';

const { values: args } = parseArgs({
  options: { out: { type: 'string', default: 'test/fixtures/corrupt' } },
});
const OUT = args.out!;
const SEED = 16;

/** The outcome expected: read (`ok`), or refused with a message matching `error` (a RegExp source). */
export type Outcome = { ok: true } | { error: string };

export interface FixtureRecord {
  file: string;
  /** Which readers take it: a surface .h5 (readSurfaceH5, `merge`, the page's Open .h5), a
   * run config (`trajectory`/`schedule --config`), a `train --config`, a weights manifest
   * (`landscape`/`sharpness --weights`, `interpolate --from/--to`). */
  kind: 'surface-h5' | 'run-config' | 'train-config' | 'weights-manifest';
  corrupted: string;
  /** The reader's (and the CLI's) outcome. */
  expect: Outcome;
  /** The landscape page's outcome where it differs from the reader's (it needs ≥ 2×2 points). */
  page?: Outcome;
}

interface Fixture extends FixtureRecord {
  bytes: () => Uint8Array | Promise<Uint8Array>;
}

const sample = new Uint8Array(readFileSync('test/fixtures/pytorch/sample_surface.h5'));
const manifestText = readFileSync('public/models/resnet-20/weights.json', 'utf8');
const enc = (s: string) => new TextEncoder().encode(s);
const BOM = '\ufeff';

/** The sample's grid (5 × 5 over [-1, 1]²) and its losses, for files rebuilt with one change. */
const axis = Float64Array.of(-1, -0.5, 0, 0.5, 1);
const loss = Float64Array.from({ length: 25 }, (_, i) => 0.1 + 0.01 * i);

/** Offset of the first occurrence of `needle`'s bytes in `hay`. */
function find(hay: Uint8Array, needle: Float64Array): number {
  const n = new Uint8Array(needle.buffer);
  for (let i = 0; i + n.length <= hay.length; i++)
    if (n.every((b, k) => hay[i + k] === b)) return i;
  throw new Error('pattern not found in sample_surface.h5');
}

/** `bytes` with `count` seeded bytes in [from, to) XOR-ed with a non-zero value. */
function flip(bytes: Uint8Array, from: number, to: number, count: number, seed: number) {
  const out = bytes.slice();
  const rand = mulberry32(seed);
  for (let k = 0; k < count; k++)
    out[from + Math.floor(rand() * (to - from))] ^= 1 + Math.floor(rand() * 255);
  return out;
}

type Ds = {
  name: string;
  data: Float64Array | Int32Array | string;
  shape?: number[];
  /** Declare this shape without writing it: chunked, unwritten chunks cost nothing on disk. */
  declare?: number[];
};

/** A surface-like .h5 from datasets, with HDF5's clock fixed so the bytes are reproducible. */
async function h5(datasets: Ds[]): Promise<Uint8Array> {
  const now = Date.now;
  Date.now = () => Date.UTC(2026, 0, 1);
  try {
    return await h5ToBytes('fixture', (f: H5File) => {
      for (const d of datasets) {
        if (typeof d.data === 'string') {
          f.create_dataset({ name: d.name, data: d.data });
          continue;
        }
        const dtype = d.data instanceof Int32Array ? '<i' : '<d';
        if (d.declare) {
          const ds = f.create_dataset({
            name: d.name,
            data: d.data,
            shape: d.declare.map(() => 1),
            maxshape: d.declare.map(() => null),
            chunks: d.declare.map(() => (d.declare!.length === 1 ? 1024 : 32)),
            dtype,
          });
          ds.resize(d.declare);
        } else {
          f.create_dataset({
            name: d.name,
            data: d.data,
            shape: d.shape ?? [d.data.length],
            dtype,
          });
        }
      }
    });
  } finally {
    Date.now = now;
  }
}

/** The sample's grid rebuilt with dataset `name` replaced (or added), and `drop`'s left out. */
function sampleWith(
  name: string,
  data: Ds['data'],
  extra: Omit<Ds, 'name' | 'data'> = {},
  drop: string[] = [],
): Promise<Uint8Array> {
  const base: Ds[] = [
    { name: 'xcoordinates', data: axis },
    { name: 'ycoordinates', data: axis },
    { name: 'train_loss', data: loss, shape: [5, 5] },
  ];
  return h5([
    ...base.filter((d) => d.name !== name && !drop.includes(d.name)),
    { name, data, ...extra },
  ]);
}

const with1 = (a: Float64Array, i: number, v: number) => {
  const c = a.slice();
  c[i] = v;
  return c;
};

const dataAt = (arr: Float64Array) => find(sample, arr);

const runConfig = {
  surface: 'rosenbrock',
  start: [-1.5, 2],
  steps: 50,
  optimizer: { type: 'Adam', lr: 0.01 },
  scheduler: null,
};
const runText = JSON.stringify(runConfig, null, 1);
const trainText = JSON.stringify({
  optimizer: { type: 'SGD', lr: 0.05, momentum: 0.9 },
  scheduler: null,
});
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
const manifest = JSON.parse(manifestText) as { tensors: { name: string; shape: unknown[] }[] };
const manifestWith = (change: (m: typeof manifest) => void) => {
  const m = structuredClone(manifest);
  change(m);
  return enc(JSON.stringify(m, null, 1));
};

const NOT_JSON = 'not valid JSON';
const LIMIT = 'over the limit of';

/** The three damages every kind of JSON gets: empty, a byte-order mark (read), cut in half. */
function basicJsonDamage(
  prefix: string,
  kind: FixtureRecord['kind'],
  valid: string,
  text: string,
): Fixture[] {
  return [
    {
      file: `${prefix}-empty.json`,
      kind,
      corrupted: 'zero bytes',
      expect: { error: `${prefix}-empty\\.json': ${NOT_JSON} \\(Unexpected end of JSON input\\)` },
      bytes: () => new Uint8Array(0),
    },
    {
      file: `${prefix}-bom.json`,
      kind,
      corrupted: `${valid} after a UTF-8 byte-order mark (as Windows editors write)`,
      expect: { ok: true },
      bytes: () => enc(BOM + text),
    },
    {
      file: `${prefix}-truncated.json`,
      kind,
      corrupted: `${valid} cut in the middle`,
      expect: { error: `${prefix}-truncated\\.json': ${NOT_JSON}` },
      bytes: () => enc(text.slice(0, text.length >> 1)),
    },
  ];
}

const FIXTURES: Fixture[] = [
  // ---- surface .h5: byte-level damage to the committed sample ----
  {
    file: 'empty.h5',
    kind: 'surface-h5',
    corrupted: 'zero bytes',
    expect: { error: 'the file is empty \\(0 bytes\\)' },
    bytes: () => new Uint8Array(0),
  },
  {
    file: 'not-hdf5.h5',
    kind: 'surface-h5',
    corrupted: 'a JSON config saved as .h5',
    expect: { error: 'not an HDF5 file \\(no HDF5 signature' },
    bytes: () => enc(runText),
  },
  // Cut at four points: in the superblock, in the object headers, half way, 8 bytes short.
  ...(
    [
      [
        '40',
        40,
        'after 40 bytes (inside the superblock)',
        'HDF5 could not open the file \\(.+\\); damaged or truncated\\?',
      ],
      [
        '1k',
        1024,
        'after 1,024 bytes (inside the object headers)',
        'the file is truncated \\(1024 bytes of the 8688 its header declares\\)',
      ],
      ['half', sample.length >> 1, 'in half', 'the file is truncated \\(4344 bytes of the 8688'],
      [
        'tail',
        sample.length - 8,
        '8 bytes short of its end',
        'the file is truncated \\(8680 bytes of the 8688',
      ],
    ] as const
  ).map(([name, at, where, error]): Fixture => ({
    file: `truncated-${name}.h5`,
    kind: 'surface-h5',
    corrupted: `sample_surface.h5 cut ${where}`,
    expect: { error },
    bytes: () => sample.slice(0, at),
  })),
  // Seeded flips in the signature, the superblock and the object headers.
  ...(
    [
      ['signature', 1, 2, 1, 'one byte of the 8-byte HDF5 signature', 'not an HDF5 file'],
      [
        'superblock',
        8,
        48,
        4,
        'four seeded bytes of the superblock (bytes 8–47)',
        'HDF5 could not open the file \\(bad superblock status flags\\)',
      ],
      [
        'headers',
        48,
        1024,
        16,
        'sixteen seeded bytes of the object headers (bytes 48–1,023)',
        "'xcoordinates' is a Group, expected a dataset",
      ],
    ] as const
  ).map(([name, from, to, count, what, error]): Fixture => ({
    file: `flipped-${name}.h5`,
    kind: 'surface-h5',
    corrupted: `${what} flipped`,
    expect: { error },
    bytes: () => flip(sample, from, to, count, SEED),
  })),
  {
    file: 'flipped-coordinate-data.h5',
    kind: 'surface-h5',
    corrupted: "the sign bit of xcoordinates' last value flipped in the data (1 → −1)",
    expect: {
      error:
        'xcoordinates must be strictly increasing or decreasing \\(xcoordinates\\[3\\] = 0.5, xcoordinates\\[4\\] = -1\\)',
    },
    bytes: () => {
      const out = sample.slice();
      out[dataAt(axis) + 4 * 8 + 7] ^= 0x80;
      return out;
    },
  },
  {
    file: 'flipped-loss-data.h5',
    kind: 'surface-h5',
    corrupted: "train_loss's first value overwritten with the bytes of NaN",
    expect: { ok: true },
    page: { ok: true },
    bytes: async () => {
      const g = await import('../src/io/surfaceFile').then((m) => m.readSurfaceH5(sample));
      const out = sample.slice();
      out.set(new Uint8Array(Float64Array.of(NaN).buffer), dataAt(g.values.train_loss));
      return out;
    },
  },
  // ---- surface .h5: rebuilt with one thing wrong ----
  {
    file: 'string-train-loss.h5',
    kind: 'surface-h5',
    corrupted: 'train_loss is a string',
    expect: {
      error: "dataset '/train_loss' has HDF5 type class 3 \\(dtype S\\), expected numbers",
    },
    bytes: () => sampleWith('train_loss', 'a lot'),
  },
  {
    file: 'int-train-loss.h5',
    kind: 'surface-h5',
    corrupted: 'train_loss stored as int32 (read as numbers)',
    expect: { ok: true },
    page: { ok: true },
    bytes: () =>
      sampleWith(
        'train_loss',
        Int32Array.from(loss, (v) => 100 * v),
        { shape: [5, 5] },
      ),
  },
  {
    file: 'shape-mismatch.h5',
    kind: 'surface-h5',
    corrupted: '4 x-coordinates for a 5 × 5 train_loss',
    expect: { error: 'train_loss has shape \\[5, 5\\], expected \\[4, 5\\] \\(or \\[5, 4\\]\\)' },
    bytes: () => sampleWith('xcoordinates', axis.slice(0, 4)),
  },
  {
    file: 'loss-3d.h5',
    kind: 'surface-h5',
    corrupted: 'train_loss of shape [5, 5, 1]',
    expect: {
      error:
        'train_loss has shape \\[5, 5, 1\\], expected \\[5, 5\\] for 5 x-coordinates and 5 y-coordinates',
    },
    bytes: () => sampleWith('train_loss', loss, { shape: [5, 5, 1] }),
  },
  {
    file: 'coordinates-2d.h5',
    kind: 'surface-h5',
    corrupted: 'ycoordinates of shape [5, 1]',
    expect: { error: 'ycoordinates has shape \\[5, 1\\], expected 1-D' },
    bytes: () => sampleWith('ycoordinates', axis, { shape: [5, 1] }),
  },
  {
    file: 'missing-train-loss.h5',
    kind: 'surface-h5',
    corrupted: 'no train_loss (train_acc only)',
    expect: { error: "no 'train_loss' dataset \\(found: train_acc, xcoordinates, ycoordinates\\)" },
    bytes: () => sampleWith('train_acc', loss, { shape: [5, 5] }, ['train_loss']),
  },
  {
    file: 'nan-xcoordinates.h5',
    kind: 'surface-h5',
    corrupted: 'xcoordinates[2] is NaN',
    expect: { error: 'xcoordinates\\[2\\] is NaN; coordinates must be finite numbers' },
    bytes: () => sampleWith('xcoordinates', with1(axis, 2, NaN)),
  },
  {
    file: 'inf-ycoordinates.h5',
    kind: 'surface-h5',
    corrupted: 'ycoordinates[4] is +∞',
    expect: { error: 'ycoordinates\\[4\\] is Infinity; coordinates must be finite numbers' },
    bytes: () => sampleWith('ycoordinates', with1(axis, 4, Infinity)),
  },
  {
    file: 'nan-inf-loss.h5',
    kind: 'surface-h5',
    corrupted: 'train_loss holds NaN, +∞ and −∞ at three points (diverged points: drawn as gaps)',
    expect: { ok: true },
    page: { ok: true },
    bytes: () =>
      sampleWith('train_loss', with1(with1(with1(loss, 3, NaN), 7, Infinity), 20, -Infinity), {
        shape: [5, 5],
      }),
  },
  {
    file: 'all-nan-loss.h5',
    kind: 'surface-h5',
    corrupted: 'every train_loss value is NaN',
    expect: { ok: true },
    page: { error: 'train_loss holds no computed values' },
    bytes: () => sampleWith('train_loss', new Float64Array(25).fill(NaN), { shape: [5, 5] }),
  },
  {
    file: 'grid-1x1.h5',
    kind: 'surface-h5',
    corrupted: 'a 1 × 1 grid (one x, one y, one loss)',
    expect: { ok: true },
    page: { error: 'a 1×1 grid; need at least 2×2 points' },
    bytes: () =>
      h5([
        { name: 'xcoordinates', data: Float64Array.of(0) },
        { name: 'ycoordinates', data: Float64Array.of(0) },
        { name: 'train_loss', data: Float64Array.of(0.5), shape: [1, 1] },
      ]),
  },
  {
    file: 'shard-float-index.h5',
    kind: 'surface-h5',
    corrupted: 'shard_indices stored as float64 with 2.5 among them',
    expect: { error: 'shard_indices\\[1\\] = 2.5 is not a 32-bit integer' },
    bytes: () => sampleWith('shard_indices', Float64Array.of(0, 2.5)),
  },
  // ---- surface .h5: declared huge, a few kilobytes on disk (chunks never written) ----
  {
    file: 'huge-xcoordinates.h5',
    kind: 'surface-h5',
    corrupted: 'xcoordinates declares 10⁹ values (8 GB), none written',
    expect: {
      error: `dataset '/xcoordinates' declares shape \\[1000000000\\] = 1,000,000,000 values, ${LIMIT} 10,000`,
    },
    bytes: () => sampleWith('xcoordinates', axis.slice(0, 1), { declare: [1e9] }),
  },
  {
    file: 'huge-grid.h5',
    kind: 'surface-h5',
    corrupted:
      '2,000 × 2,000 coordinates (written) and a train_loss declared 2,000 × 2,000 (not written)',
    expect: {
      error: `2000 x-coordinates × 2000 y-coordinates has 4,000,000 points, ${LIMIT} 1,048,576`,
    },
    bytes: () => {
      const c = Float64Array.from({ length: 2000 }, (_, i) => i / 1000 - 1);
      return h5([
        { name: 'xcoordinates', data: c },
        { name: 'ycoordinates', data: c },
        { name: 'train_loss', data: Float64Array.of(1), declare: [2000, 2000] },
      ]);
    },
  },
  {
    file: 'huge-loss-shape.h5',
    kind: 'surface-h5',
    corrupted: 'a 5 × 5 grid whose train_loss declares 100,000 × 100,000 values',
    expect: { error: 'train_loss has shape \\[100000, 100000\\], expected \\[5, 5\\]' },
    bytes: () => sampleWith('train_loss', Float64Array.of(1), { declare: [1e5, 1e5] }),
  },
  {
    file: 'huge-shard-indices.h5',
    kind: 'surface-h5',
    corrupted: 'shard_indices declares 10⁸ values',
    expect: {
      error: `dataset '/shard_indices' declares shape \\[100000000\\] = 100,000,000 values, ${LIMIT} 25`,
    },
    bytes: () => sampleWith('shard_indices', Int32Array.of(0), { declare: [1e8] }),
  },
  // ---- 1-D surface .h5 (no ycoordinates) ----
  {
    file: 'line-1-point.h5',
    kind: 'surface-h5',
    corrupted: 'a 1-D slice of one point',
    expect: { ok: true },
    page: { error: 'a line of 1 point; need at least 2' },
    bytes: () =>
      h5([
        { name: 'xcoordinates', data: Float64Array.of(0) },
        { name: 'train_loss', data: Float64Array.of(0.5) },
      ]),
  },
  {
    file: 'line-loss-2d.h5',
    kind: 'surface-h5',
    corrupted: 'a 1-D slice (5 x-coordinates) with a train_loss of shape [5, 2]',
    expect: {
      error:
        'train_loss has shape \\[5, 2\\], expected \\[5\\] for 5 x-coordinates and no ycoordinates',
    },
    bytes: () =>
      h5([
        { name: 'xcoordinates', data: axis },
        { name: 'train_loss', data: new Float64Array(10), shape: [5, 2] },
      ]),
  },
  {
    file: 'line-huge.h5',
    kind: 'surface-h5',
    corrupted: 'a 1-D slice whose xcoordinates declare 10⁶ values (not written)',
    expect: {
      error: `dataset '/xcoordinates' declares shape \\[1000000\\] = 1,000,000 values, ${LIMIT} 10,000`,
    },
    bytes: () =>
      h5([
        { name: 'xcoordinates', data: Float64Array.of(0), declare: [1e6] },
        { name: 'train_loss', data: Float64Array.of(0), declare: [1e6] },
      ]),
  },
  // ---- run configs: trajectory --config, schedule --config ----
  ...basicJsonDamage('config', 'run-config', 'a valid config', runText),
  {
    file: 'config-trailing-garbage.json',
    kind: 'run-config',
    corrupted: 'a valid config followed by stray text',
    expect: {
      error: `config-trailing-garbage\\.json': ${NOT_JSON} \\(Unexpected non-whitespace character after JSON`,
    },
    bytes: () => enc(runText + '\n}garbage'),
  },
  {
    file: 'config-flipped.json',
    kind: 'run-config',
    corrupted: 'eight seeded bytes of a valid config flipped',
    expect: {
      error: "config-flipped\\.json': not valid JSON \\(Expected ',' or '}' after property value",
    },
    bytes: () => flip(enc(runText), 0, runText.length, 8, SEED),
  },
  {
    file: 'config-utf16.json',
    kind: 'run-config',
    corrupted: 'a valid config saved as UTF-16LE with its byte-order mark',
    expect: {
      error:
        "config-utf16\\.json': not valid JSON \\(.*\\); the file looks like UTF-16: save it as UTF-8",
    },
    bytes: () => {
      const b = Buffer.from(BOM + runText, 'utf16le');
      return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    },
  },
  {
    file: 'config-deep.json',
    kind: 'run-config',
    corrupted: 'start nested 5,000 arrays deep',
    expect: {
      error: "config-deep\\.json':\\n  start(\\[0\\])+…?: nested more than 32 levels deep",
    },
    bytes: () => enc(runText.replace('[\n  -1.5,\n  2\n ]', deep(5000))),
  },
  {
    file: 'config-1e999.json',
    kind: 'run-config',
    corrupted: 'optimizer.lr = 1e999 (JSON.parse reads Infinity)',
    expect: { error: "config-1e999\\.json':\\n  optimizer\\.lr: must be finite" },
    bytes: () => enc(runText.replace('0.01', '1e999')),
  },
  {
    file: 'config-wrong-types.json',
    kind: 'run-config',
    corrupted: 'steps is the string "50", start has one number',
    expect: {
      error:
        "config-wrong-types\\.json':\\n  start: must be two finite numbers.*\\n  steps: must be an integer from 1 to 100000 \\(got '50'\\)",
    },
    bytes: () =>
      enc(runText.replace('"steps": 50', '"steps": "50"').replace('[\n  -1.5,\n  2\n ]', '[1]')),
  },
  {
    file: 'config-huge-steps.json',
    kind: 'run-config',
    corrupted: 'steps = 10¹²',
    expect: {
      error:
        "config-huge-steps\\.json':\\n  steps: must be an integer from 1 to 100000 \\(got 1000000000000\\)",
    },
    bytes: () => enc(runText.replace('"steps": 50', '"steps": 1e12')),
  },
  // ---- train --config ----
  ...basicJsonDamage('train-config', 'train-config', 'a valid train config', trainText),
  {
    file: 'train-config-trailing-garbage.json',
    kind: 'train-config',
    corrupted: 'a valid train config followed by a second object',
    expect: { error: `train-config-trailing-garbage\\.json': ${NOT_JSON}` },
    bytes: () => enc(trainText + trainText),
  },
  {
    file: 'train-config-deep.json',
    kind: 'train-config',
    corrupted: 'optimizer.lr nested 5,000 arrays deep',
    expect: {
      error:
        "train-config-deep\\.json':\\n  optimizer\\.lr(\\[0\\])+…?: nested more than 32 levels deep",
    },
    bytes: () => enc(trainText.replace('0.05', deep(5000))),
  },
  {
    file: 'train-config-wrong-type.json',
    kind: 'train-config',
    corrupted: 'optimizer.lr is the string "fast"',
    expect: {
      error:
        "train-config-wrong-type\\.json': invalid optimizer:\\n  optimizer\\.lr: must be a number \\(got 'fast'\\)",
    },
    bytes: () => enc(trainText.replace('0.05', '"fast"')),
  },
  {
    file: 'train-config-array.json',
    kind: 'train-config',
    corrupted: 'a JSON array instead of an object',
    expect: { error: "train-config-array\\.json': must hold a JSON object" },
    bytes: () => enc('[1, 2, 3]'),
  },
  // ---- weights manifests: landscape/sharpness --weights, interpolate --from/--to ----
  ...basicJsonDamage('weights', 'weights-manifest', "resnet-20's manifest", manifestText),
  {
    file: 'weights-deep.json',
    kind: 'weights-manifest',
    corrupted: 'resnet-20\'s manifest with a "training" entry nested 5,000 arrays deep',
    expect: {
      error: "weights-deep\\.json':\\n  training(\\[0\\])+…?: nested more than 32 levels deep",
    },
    bytes: () => enc(manifestText.replace('"training": {', `"training": ${deep(5000)}, "was": {`)),
  },
  {
    file: 'weights-wrong-dtype.json',
    kind: 'weights-manifest',
    corrupted: 'dtype "float16"',
    expect: {
      error:
        'weights-wrong-dtype\\.json: weights manifest: dtype "float16" is not supported \\(float32 only\\)',
    },
    bytes: () => enc(manifestText.replace('"dtype": "float32"', '"dtype": "float16"')),
  },
  {
    file: 'weights-string-shape.json',
    kind: 'weights-manifest',
    corrupted: "the first tensor's shape holds strings",
    expect: {
      error:
        'weights-string-shape\\.json: weights manifest: tensors\\[0\\] must be \\{name: string, shape: \\[non-negative integers\\]\\}',
    },
    bytes: () => manifestWith((m) => (m.tensors[0].shape = m.tensors[0].shape.map(String))),
  },
  {
    file: 'weights-wrong-shape.json',
    kind: 'weights-manifest',
    corrupted: "the first tensor's first dimension doubled (the .bin is then too short)",
    expect: {
      error:
        "weights-wrong-shape\\.json: weights file has 277704 bytes, but the manifest's 107 tensors need 277992",
    },
    bytes: () =>
      manifestWith((m) => (m.tensors[0].shape[0] = 2 * (m.tensors[0].shape[0] as number))),
  },
  {
    file: 'weights-huge-shape.json',
    kind: 'weights-manifest',
    corrupted: 'the first tensor declares 10⁹ × 10⁹ values',
    expect: {
      error:
        "weights-huge-shape\\.json: weights file has 277704 bytes, but the manifest's 107 tensors need 4",
    },
    bytes: () => manifestWith((m) => (m.tensors[0].shape = [1e9, 1e9])),
  },
];

mkdirSync(OUT, { recursive: true });
for (const f of readdirSync(OUT)) rmSync(path.join(OUT, f));
const records: FixtureRecord[] = [];
for (const { bytes, ...record } of FIXTURES) {
  writeFileSync(path.join(OUT, record.file), await bytes());
  records.push(record);
}
writeFileSync(path.join(OUT, 'fixtures.json'), JSON.stringify(records, null, 1) + '\n');

const outcome = (o: Outcome) => ('ok' in o ? 'read' : `refused: /${o.error}/`);
const cell = (s: string) => s.replace(/\|/g, '\\|');
const KINDS: Record<FixtureRecord['kind'], string> = {
  'surface-h5':
    "Surface `.h5` (readSurfaceH5, `landscape-lab merge`, the landscape page's Open .h5)",
  'run-config': 'Run configs (`landscape-lab trajectory --config`, `schedule --config`)',
  'train-config': '`landscape-lab train --config`',
  'weights-manifest':
    "Weights manifests (`landscape --weights`, `sharpness --weights`, `interpolate --from/--to`; resnet-20's `weights.bin` beside them)",
};
const sections = (Object.keys(KINDS) as FixtureRecord['kind'][]).map((kind) => {
  const rows = records
    .filter((r) => r.kind === kind)
    .map(
      (r) =>
        `| \`${r.file}\` | ${cell(r.corrupted)} | ${cell(outcome(r.expect))}${r.page ? `; page: ${cell(outcome(r.page))}` : ''} |`,
    );
  return `## ${KINDS[kind]}\n\n| file | what is corrupted | expected |\n| --- | --- | --- |\n${rows.join('\n')}\n`;
});
writeFileSync(
  path.join(OUT, 'README.md'),
  `# Corrupted files (issue 16)

Written by \`npx tsx scripts/make-corrupt-fixtures.ts\` (deterministic; do not edit by hand) from
\`test/fixtures/pytorch/sample_surface.h5\` and \`public/models/resnet-20/weights.json\`.
\`fixtures.json\` holds the same list for the tests (\`test/io/corruptFixtures.test.ts\`,
\`test/cli/corruptFixtures.test.ts\`, \`test/e2e/corruptH5.test.ts\`). "refused" messages are
regular expressions; every refusal is exit code 2 on the CLI, naming the file. "Declared huge"
files are a few kilobytes: their chunks were never written, and the readers refuse the shape
before reading any data.

${sections.join('\n')}`,
);
console.log(`wrote ${records.length} fixtures to ${OUT}`);
