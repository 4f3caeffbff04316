/**
 * The landscape page's comparison view as data: which shipped random-direction slices go in which
 * row and column (Li et al. 2018, Fig. 5 as small multiples). Rows are depths, columns are with
 * and without skip connections, and each network family and width (ResNet; Wide-ResNet by k) is a
 * group of rows of its own. Built from the shipped index's entries, never from a list of models,
 * so a new entry gets its panel when the index gains it.
 */

/** What the grid reads of one entry of `landscapes/index.json` (io/shippedIndex.ts). */
export interface CompareEntry {
  model: string;
  directions: string;
  file: string;
  testAccuracy?: number;
  /** Explicit fields win over what the model's name says. */
  depth?: number;
  width?: number;
  skip?: boolean;
}

/**
 * A network as the grid places it. `width` is the Wide-ResNet k (1 for a plain ResNet);
 * `inputSize` is there only when the name gives one (`-14px`), the zoo's own 7×7 otherwise.
 */
export interface ModelKey {
  family: 'resnet' | 'wrn';
  depth: number;
  width: number;
  skip: boolean;
  inputSize?: number;
}

/**
 * The zoo's names: `resnet-56`, `resnet-56-ns` (no skip connections), `wrn-56-k2`, `wrn-56-k2-ns`
 * (Wide-ResNet, k = 2), `resnet-56-ns-14px` (14×14 inputs). An entry's own depth / width / skip
 * fields override the name's.
 */
export function modelKeyOf(
  e: Pick<CompareEntry, 'model' | 'depth' | 'width' | 'skip'>,
): ModelKey | null {
  const m = /^(resnet|wrn)-(\d+)(?:-k(\d+))?(-ns)?(?:-(\d+)px)?$/.exec(e.model);
  if (!m) return null;
  const family = m[1] as ModelKey['family'];
  if ((family === 'wrn') !== (m[3] !== undefined)) return null;
  const key: ModelKey = {
    family,
    depth: e.depth ?? Number(m[2]),
    width: e.width ?? (m[3] ? Number(m[3]) : 1),
    skip: e.skip ?? !m[4],
    ...(m[5] ? { inputSize: Number(m[5]) } : {}),
  };
  return Number.isInteger(key.depth) &&
    key.depth > 0 &&
    Number.isInteger(key.width) &&
    key.width > 0 &&
    (key.inputSize === undefined || key.inputSize > 0)
    ? key
    : null;
}

/** "ResNet-56", "WRN-56-2" (the Wide-ResNet papers' depth-k), "ResNet-56 (14×14)". */
export function networkName(k: Pick<ModelKey, 'family' | 'depth' | 'width' | 'inputSize'>): string {
  const name = k.family === 'wrn' ? `WRN-${k.depth}-${k.width}` : `ResNet-${k.depth}`;
  return k.inputSize === undefined ? name : `${name} (${k.inputSize}×${k.inputSize})`;
}

/** "ResNet-56 without skip connections". */
export const panelLabel = (k: ModelKey): string =>
  `${networkName(k)} ${k.skip ? 'with' : 'without'} skip connections`;

export interface CompareCell {
  model: string;
  file: string;
  key: ModelKey;
  label: string;
  testAccuracy?: number;
}

export interface CompareRow {
  depth: number;
  /** "ResNet-56". */
  label: string;
  /** [with skips, without]; null where the index has no such slice. */
  cells: [CompareCell | null, CompareCell | null];
}

export interface CompareGroup {
  /** `resnet`, `wrn-k2`, `resnet-14px`. */
  id: string;
  /** "ResNet", "Wide-ResNet, k = 2", "ResNet, 14×14 inputs". */
  label: string;
  rows: CompareRow[];
}

export interface CompareGrid {
  groups: CompareGroup[];
  /** Every placed cell in reading order (group, row, then with / without skips). */
  cells: CompareCell[];
  /** Random-direction entries whose model the grid cannot place (named, not dropped silently). */
  unplaced: string[];
}

export const COLUMN_LABELS = ['with skip connections', 'without skip connections'] as const;

/**
 * The grid of `entries`' random-direction slices: ResNets first, then Wide-ResNets by k, each
 * group's rows by depth. Other directions (the PCA plane) are not comparable across models (their
 * axes differ per model) and are left out; a model listed twice keeps its first entry.
 */
export function compareGrid(entries: readonly CompareEntry[]): CompareGrid {
  const groups = new Map<string, { key: ModelKey; rows: Map<number, CompareRow> }>();
  const unplaced: string[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    if (e.directions !== 'random' || seen.has(e.model)) continue;
    seen.add(e.model);
    const key = modelKeyOf(e);
    if (!key) {
      unplaced.push(e.model);
      continue;
    }
    const id =
      (key.family === 'wrn' ? `wrn-k${key.width}` : 'resnet') +
      (key.inputSize === undefined ? '' : `-${key.inputSize}px`);
    const g = groups.get(id) ?? { key, rows: new Map<number, CompareRow>() };
    groups.set(id, g);
    const row = g.rows.get(key.depth) ?? {
      depth: key.depth,
      label: networkName(key),
      cells: [null, null] as CompareRow['cells'],
    };
    g.rows.set(key.depth, row);
    const col = key.skip ? 0 : 1;
    if (row.cells[col]) continue;
    row.cells[col] = {
      model: e.model,
      file: e.file,
      key,
      label: panelLabel(key),
      ...(e.testAccuracy !== undefined ? { testAccuracy: e.testAccuracy } : {}),
    };
  }
  // The zoo's own input size first (ResNets, then Wide-ResNets by k), then larger inputs.
  const order = (k: ModelKey) => (k.inputSize ?? 0) * 1000 + (k.family === 'resnet' ? 0 : k.width);
  const out = [...groups.entries()]
    .sort(([, a], [, b]) => order(a.key) - order(b.key))
    .map(([id, g]) => ({
      id,
      label:
        (g.key.family === 'wrn' ? `Wide-ResNet, k = ${g.key.width}` : 'ResNet') +
        (g.key.inputSize === undefined ? '' : `, ${g.key.inputSize}×${g.key.inputSize} inputs`),
      rows: [...g.rows.values()].sort((a, b) => a.depth - b.depth),
    }));
  const cells = out.flatMap((g) =>
    g.rows.flatMap((r) => r.cells.filter((c): c is CompareCell => c !== null)),
  );
  return { groups: out, cells, unplaced };
}
