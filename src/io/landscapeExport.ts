/**
 * The landscape page's data as files: the 2-D slice shown as a `.h5` in upstream's layout
 * (tomgoldstein/loss-landscape, through `writeSurfaceH5`) or as CSV/JSON, and a 1-D line run as
 * CSV/JSON. Pure: the page hands in plain arrays and gets bytes or text.
 *
 * Missing and diverged points keep their meaning in every format. In the `.h5` a point never
 * computed is upstream's −1 (which the page and `plot_surface.py` read as "not computed") and a
 * diverged one +∞; in CSV they are an empty cell and `Infinity`; JSON has neither NaN nor ∞, so
 * both are null there and `diverged` lists the flat indices of the diverged ones.
 */
import { NOT_COMPUTED, writeSurfaceH5, type SurfaceGrid, type SurfaceValues } from './surfaceFile';

/** A 2-D slice as the page holds it: meshgrid flat order, NaN = not computed, +∞ = diverged. */
export interface SliceData {
  xs: Float64Array;
  ys: Float64Array;
  loss: Float64Array;
  /** Percent; NaN where not computed; null when the source has none. */
  acc: Float64Array | null;
}

/** A 1-D run as the "Along a line" panel holds it. */
export interface LineData {
  alphas: ArrayLike<number>;
  loss: ArrayLike<number>;
  acc: ArrayLike<number> | null;
  /** 1 where the point was computed (its loss may then be non-finite: a divergence). */
  computed: ArrayLike<number>;
}

/** How many of the slice's points hold a computed loss (finite or diverged). */
export function computedPoints(loss: ArrayLike<number>): number {
  let k = 0;
  for (let i = 0; i < loss.length; i++) if (loss[i] === loss[i]) k++;
  return k;
}

/** The slice in upstream's layout: not computed → −1, diverged stays +∞. */
export function sliceSurfaceGrid(s: SliceData): SurfaceGrid {
  const stored = (v: number) => (v === v ? v : NOT_COMPUTED);
  const values: SurfaceValues = { train_loss: Float64Array.from(s.loss, stored) };
  if (s.acc)
    values.train_acc = Float64Array.from(s.acc, (v) => (Number.isFinite(v) ? v : NOT_COMPUTED));
  return {
    xcoordinates: Float64Array.from(s.xs),
    ycoordinates: Float64Array.from(s.ys),
    values,
    meta: { dirFile: null, shardIndices: null },
  };
}

/** The bytes of the slice's `.h5` (xcoordinates, ycoordinates, train_loss[, train_acc]). */
export function sliceH5(s: SliceData): Promise<Uint8Array> {
  return writeSurfaceH5(sliceSurfaceGrid(s));
}

/**
 * A file name from what the slice is and its grid: `ResNet-56 with skip connections` and a
 * 51×51 grid → `resnet-56-with-skip-connections-51x51`. Only [a-z0-9-] survive, so no path or
 * odd character from a user's file name gets into the download's name.
 */
export function sliceFileBase(label: string, nx: number, ny: number | null): string {
  const slug =
    label
      .toLowerCase()
      .replace(/\.(h5|hdf5)$/, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'landscape';
  const grid = ny === null ? `${nx}` : `${nx}x${ny}`;
  // A file this page saved already ends with its grid: name it once.
  return slug.endsWith(`-${grid}`) ? slug : `${slug}-${grid}`;
}

/** A loss cell: empty when not computed, `Infinity` when diverged, else the full-precision number. */
const lossCell = (v: number): string => (v === v ? String(v) : '');
/** An accuracy cell: empty unless it is a number. */
const accCell = (v: number | undefined): string =>
  v !== undefined && Number.isFinite(v) ? String(v) : '';

const csv = (head: string, rows: string[]) => [head, ...rows].join('\r\n') + '\r\n';

/** One row per grid point in meshgrid order (x fastest): x, y, loss, acc. */
export function sliceCsv(s: SliceData): string {
  const nx = s.xs.length,
    rows: string[] = [];
  for (let j = 0; j < s.ys.length; j++)
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      rows.push(`${s.xs[i]},${s.ys[j]},${lossCell(s.loss[k])},${accCell(s.acc?.[k])}`);
    }
  return csv('x,y,loss,acc', rows);
}

/** JSON has no NaN or ∞. */
const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);
const column = (a: ArrayLike<number>) => Array.from(a, finiteOrNull);

/** What the slice is, said in its JSON and (as the caption) beside its figures. */
export interface ExportLabel {
  title: string;
  provenance: string;
}

/** The slice as JSON columns, with the layout's names and the flat indices that diverged. */
export function sliceJson(s: SliceData, label: ExportLabel): string {
  const diverged: number[] = [];
  s.loss.forEach((v, k) => v === Infinity && diverged.push(k));
  return JSON.stringify({
    format: 'loss-landscape-lab/slice',
    version: 1,
    title: label.title,
    provenance: label.provenance,
    order: 'meshgrid: value k is at (xcoordinates[k % nx], ycoordinates[floor(k / nx)])',
    xcoordinates: column(s.xs),
    ycoordinates: column(s.ys),
    train_loss: column(s.loss),
    train_acc: s.acc ? column(s.acc) : null,
    computed: computedPoints(s.loss),
    diverged,
  });
}

/** One row per point of the line, in increasing α: alpha, loss, acc (empty where not computed). */
export function lineCsv(l: LineData): string {
  const order = lineOrder(l);
  return csv(
    'alpha,loss,acc',
    order.map((i) =>
      l.computed[i]
        ? `${l.alphas[i]},${String(l.loss[i])},${accCell(l.acc?.[i])}`
        : `${l.alphas[i]},,`,
    ),
  );
}

/** The line as JSON columns in increasing α; `computed` says which points a run reached. */
export function lineJson(l: LineData, label: ExportLabel & { marks: unknown }): string {
  const order = lineOrder(l);
  const pick = (a: ArrayLike<number>) =>
    order.map((i) => (l.computed[i] ? finiteOrNull(a[i]) : null));
  return JSON.stringify({
    format: 'loss-landscape-lab/line',
    version: 1,
    title: label.title,
    provenance: label.provenance,
    marks: label.marks,
    alpha: order.map((i) => l.alphas[i]),
    loss: pick(l.loss),
    acc: l.acc ? pick(l.acc) : null,
    computed: order.map((i) => l.computed[i] !== 0),
    diverged: order
      .filter((i) => l.computed[i] && !Number.isFinite(l.loss[i]))
      .map((i) => l.alphas[i]),
  });
}

const lineOrder = (l: LineData): number[] =>
  Array.from({ length: l.alphas.length }, (_, i) => i).sort((a, b) => l.alphas[a] - l.alphas[b]);
