/**
 * The trainability map's link (page and `widget=map`), one table through the one link mechanism
 * (io/urlTable.ts):
 *
 *   ?preset=momentum-bowl&optimizer=adam&x=lr&x.min=0.001&x.max=1&x.log=1&x.n=128&steps=200&mode=loss&cell=40,17
 *
 * `preset` names where the settings start (MAP_PRESETS); every other key is written only where
 * it differs from what the preset gives: `kind` (surface or mlp), `surface`, `optimizer`, the
 * axes `x`/`y` (an axis key) with `x.min`, `x.max`, `x.log`, `x.n`, then `steps`, `tol`, the
 * colour `mode`, the selected `cell=i,j` and the look (`theme`, `large`). A zoom writes the
 * zoomed axes, so a link shows the region it was copied at.
 *
 * Reading: each key is checked alone (its codec), then the whole spec by `parseMapSpec`; a key it
 * refuses is named in the same words as every page's (`paramNote`) and its default used, until
 * the spec parses (at worst the preset's own). The order of the keys carries meaning, as the
 * page's menus do (state/mapEdits.ts): a new kind starts from its first preset, a new surface
 * drops the old start, a new optimizer its shared hyperparameters, a new axis key its range.
 */
import { AXIS_KEYS, type MapAxisKey } from '../core/map/mapAxes';
import { MAP_COLOUR_MODES, type MapColourMode } from '../core/map/mapColours';
import { findMapPreset, MAP_PRESETS } from '../core/map/mapPresets';
import {
  MAP_LIMITS,
  MAP_SURFACES,
  mapOptimizerIds,
  parseMapSpec,
  type MapSpec,
} from '../core/map/mapSpec';
import { ignoredNote } from '../io/queryParams';
import { defaultSiteLook, lookFields, type SiteLook } from '../io/siteLook';
import {
  paramNote,
  readUrlTable,
  tableParams,
  unknownNote,
  urlField,
  writeUrlTable,
  type UrlField,
  type UrlTable,
} from '../io/urlTable';
import {
  boolCodec,
  enumCodec,
  intCodec,
  listCodec,
  numberCodec,
  type Codec,
} from '../io/urlStateCodecs';
import {
  baseRaw,
  rawOf,
  withAxisKey,
  withKind,
  withOptimizer,
  withSurface,
  type MapRaw,
} from './mapEdits';
import { DEFAULT_PRESET, presetSpec, type MapCell } from './mapStore';

/** What a map link holds. */
export interface MapLink extends SiteLook {
  preset: string;
  spec: MapSpec;
  mode: MapColourMode;
  selected: MapCell | null;
}

/** The table's working state: the spec as raw JSON while the keys are read onto it. */
interface LinkState extends SiteLook {
  preset: string;
  raw: MapRaw;
  mode: MapColourMode;
  cell: number[] | null;
}

/**
 * The raw settings as reading them would leave them at each stage, with the link's own earlier
 * keys applied: each key's default is its value at the stage before it is read.
 */
function stages(s: LinkState) {
  const base = baseRaw(s.preset);
  const kind = withKind(base, s.preset, s.raw.kind);
  const surface = s.raw.kind === 'surface' ? withSurface(kind, s.raw.surface) : kind;
  const optimizer = s.raw.kind === 'surface' ? withOptimizer(surface, s.raw.optimizer) : surface;
  const x = withAxisKey(optimizer, 'x', s.raw.x.key);
  const y = withAxisKey(x, 'y', s.raw.y.key);
  return { base, kind, surface, optimizer, x, y };
}

type Stage = keyof ReturnType<typeof stages>;

/** A field of the raw spec at `path`, its default that path at stage `at`. */
function rawField<T>(
  key: string,
  path: readonly string[],
  codec: Codec<T>,
  at: Stage,
  edit?: (s: LinkState, v: T) => MapRaw,
): UrlField<LinkState> {
  const read = (r: MapRaw): T => path.reduce((o, k) => o?.[k], r) as T;
  return urlField<LinkState, T>({
    key,
    codec,
    get: (s) => read(s.raw),
    set(s, v) {
      if (edit) s.raw = edit(s, v);
      else {
        const parent = path.slice(0, -1).reduce((o, k) => o[k], s.raw);
        parent[path[path.length - 1]] = v;
      }
    },
    def: (s) => read(stages(s)[at]),
  });
}

const PRESET_IDS = MAP_PRESETS.map((p) => p.id);

function axisFields(which: 'x' | 'y'): UrlField<LinkState>[] {
  const keyStage = which === 'x' ? 'optimizer' : 'x';
  return [
    rawField<MapAxisKey>(which, [which, 'key'], enumCodec(AXIS_KEYS), keyStage, (s, v) =>
      withAxisKey(s.raw, which, v),
    ),
    rawField(`${which}.min`, [which, 'min'], numberCodec(), which),
    rawField(`${which}.max`, [which, 'max'], numberCodec(), which),
    rawField(`${which}.log`, [which, 'log'], boolCodec, which),
    rawField(`${which}.n`, [which, 'n'], intCodec(2, MAP_LIMITS.maxCells), which),
  ];
}

const MAP_URL_TABLE: UrlTable<LinkState> = [
  () => [
    urlField<LinkState, string>({
      key: 'preset',
      codec: enumCodec(PRESET_IDS),
      get: (s) => s.preset,
      set(s, v) {
        s.preset = v;
        s.raw = baseRaw(v);
        s.mode = findMapPreset(v)!.mode;
      },
      def: () => DEFAULT_PRESET,
      // A link always says where its settings start.
      always: true,
    }),
    rawField('kind', ['kind'], enumCodec(['surface', 'mlp'] as const), 'base', (s, v) =>
      withKind(s.raw, s.preset, v),
    ),
  ],
  (s) =>
    s.raw.kind === 'surface'
      ? [
          rawField('surface', ['surface'], enumCodec(MAP_SURFACES), 'kind', (st, v) =>
            withSurface(st.raw, v),
          ),
          rawField('optimizer', ['optimizer'], enumCodec(mapOptimizerIds()), 'surface', (st, v) =>
            withOptimizer(st.raw, v),
          ),
        ]
      : [],
  () => [
    ...axisFields('x'),
    ...axisFields('y'),
    rawField('steps', ['steps'], intCodec(1, MAP_LIMITS.maxSteps), 'y'),
    rawField(
      'tol',
      ['tol'],
      numberCodec((v) => (v > 0 ? null : 'must be > 0')),
      'y',
    ),
    urlField<LinkState, MapColourMode>({
      key: 'mode',
      codec: enumCodec(MAP_COLOUR_MODES),
      get: (s) => s.mode,
      set: (s, v) => {
        s.mode = v;
      },
      // Each preset names the mode that shows it best.
      def: (s) => findMapPreset(s.preset)!.mode,
    }),
    urlField<LinkState, number[] | null>({
      key: 'cell',
      codec: listCodec(intCodec(0, MAP_LIMITS.maxCells - 1), { length: 2 }),
      get: (s) => s.cell,
      set: (s, v) => {
        s.cell = v;
      },
      def: () => null,
      skip: (s) => s.cell === null,
    }),
    ...lookFields<LinkState>(),
  ],
];

/** The link key a `parseMapSpec` error names ('x.key: …' → x), and the raw paths to reset. */
function keyOfError(error: string): { key: string; why: string; paths: string[][] } {
  const colon = error.indexOf(': ');
  const field = colon < 0 ? '' : error.slice(0, colon);
  const why = colon < 0 ? error : error.slice(colon + 2);
  const [head, tail] = field.split('.');
  if ((head === 'x' || head === 'y') && (tail === undefined || tail === 'key'))
    return tail === 'key'
      ? { key: head, why, paths: [[head]] }
      : {
          key: `${head}.min`,
          why,
          paths: [
            [head, 'min'],
            [head, 'max'],
          ],
        };
  if (head === 'x' || head === 'y') return { key: field, why, paths: [[head, tail]] };
  if (head === 'surface_params' || head === 'start')
    return { key: 'surface', why, paths: [['surface'], ['surface_params'], ['start']] };
  if (head === 'hp' || head === 'batch')
    return { key: 'optimizer', why, paths: [['optimizer'], ['hp'], ['batch']] };
  return { key: head, why, paths: [[head]] };
}

const valueAt = (r: MapRaw, path: string[]) => path.reduce((o, k) => o?.[k], r);

/** The spec the link's keys make, refusing (by key) what `parseMapSpec` refuses. */
function specOf(s: LinkState, errors: string[]): MapSpec {
  for (let tries = 0; tries < 8; tries++) {
    const r = parseMapSpec(s.raw);
    if (r.ok) return r.value;
    const fallback = stages(s).y;
    for (const e of r.errors) {
      const { key, why, paths } = keyOfError(e);
      errors.push(paramNote(key, `${why}; using the default`));
      for (const p of paths) {
        const parent = p.slice(0, -1).reduce((o, k) => o[k], s.raw);
        const v = valueAt(fallback, p);
        if (v === undefined) delete parent[p[p.length - 1]];
        else parent[p[p.length - 1]] = JSON.parse(JSON.stringify(v));
      }
      // A default the same as the refused value would loop: start from the preset instead.
      if (
        paths.every(
          (p) => JSON.stringify(valueAt(fallback, p)) === JSON.stringify(valueAt(s.raw, p)),
        )
      )
        s.raw = baseRaw(s.preset);
    }
  }
  return presetSpec(s.preset);
}

/**
 * A link's map settings (the query with or without '?'). Never throws: a bad, repeated or
 * unknown key is named and its default kept; a selected cell outside the grid is dropped.
 */
export function parseMapUrl(query: string): MapLink & { errors: string[] } {
  const s: LinkState = {
    ...defaultSiteLook(),
    preset: DEFAULT_PRESET,
    raw: baseRaw(DEFAULT_PRESET),
    mode: findMapPreset(DEFAULT_PRESET)!.mode,
    cell: null,
  };
  const { errors, params, used } = readUrlTable(MAP_URL_TABLE, query, s);
  for (const key of params.keys())
    if (!used.has(key))
      errors.push(
        unknownNote(key, ignoredNote(key) ?? `unknown parameter (known: ${[...used].join(', ')})`),
      );
  const spec = specOf(s, errors);
  let selected: MapCell | null = null;
  if (s.cell) {
    const [i, j] = s.cell;
    if (i < spec.x.n && j < spec.y.n) selected = { i, j };
    else
      errors.push(
        paramNote(
          'cell',
          `must be a cell of the map: i below ${spec.x.n} and j below ${spec.y.n} (got ${i},${j}); ignored`,
        ),
      );
  }
  return {
    preset: s.preset,
    spec,
    mode: s.mode,
    selected,
    theme: s.theme,
    large: s.large,
    errors: [...new Set(errors)],
  };
}

const stateOf = (l: MapLink): LinkState => ({
  preset: l.preset,
  raw: rawOf(l.spec),
  mode: l.mode,
  cell: l.selected ? [l.selected.i, l.selected.j] : null,
  theme: l.theme,
  large: l.large,
});

/** The link's query (without '?'): the preset, then what differs from it. */
export const serializeMapUrl = (l: MapLink): string => writeUrlTable(MAP_URL_TABLE, stateOf(l));

/** The same as `[key, value]` pairs (what the widget's `get` answers). */
export const mapUrlParams = (l: MapLink): [string, string][] =>
  tableParams(MAP_URL_TABLE, stateOf(l));

/** Every key the link can hold for this state, defaults included (the widget's `get` of named keys). */
export function mapUrlValues(l: MapLink): Record<string, string> {
  const s = stateOf(l);
  const out: Record<string, string> = {};
  for (const group of MAP_URL_TABLE)
    for (const f of group(s)) {
      const v = f.get(s);
      if (v !== undefined && v !== null && !f.skip?.(s)) out[f.key] = f.codec.format(v);
    }
  return out;
}
