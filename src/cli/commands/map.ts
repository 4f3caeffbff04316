/**
 * `landscape-lab map`: a trainability map (core/map, Sohl-Dickstein 2024) from a preset or a spec
 * file, with flag overrides, computed by the batched tensor path (gpu/map/computeMap) on tfjs-wasm;
 * writes the grid as JSON and as a PNG coloured as the page colours it (core/map/mapColours).
 */
import { MAP_COLOUR_MODES, mapPixels, type MapColourMode } from '../../core/map/mapColours';
import { findMapPreset, MAP_PRESETS } from '../../core/map/mapPresets';
import { statusCounts, type MapResult } from '../../core/map/mapResult';
import {
  MAP_LIMITS,
  MAP_SURFACES,
  mapOptimizerIds,
  mapSpecToJson,
  parseMapSpec,
  type MapSpec,
} from '../../core/map/mapSpec';
import { axisValues } from '../../core/map/mapAxes';
import { initBackend } from '../../gpu/backend';
import { computeMap } from '../../gpu/map/computeMap';
import { CAPS, checkCaps, fmtCount, fmtDuration, SPEEDS, type Cost } from '../caps';
import { CliError } from '../cliError';
import type { Command } from '../command';
import { intFlag, parseFlags, shown } from '../flags';
import { fmtTime, readJsonConfig, writeOrFail, type CliIo } from '../io';
import { checkOutputs } from '../outputs';
import { encodePng, scaleNearest } from '../png';

export const MAP_FORMAT = 'landscape-lab-map/1';

export const MAP_FLAGS = {
  preset: { type: 'string' },
  spec: { type: 'string' },
  steps: { type: 'string' },
  tol: { type: 'string' },
  x: { type: 'string' },
  y: { type: 'string' },
  surface: { type: 'string' },
  optimizer: { type: 'string' },
  chunk: { type: 'string' },
  out: { type: 'string', short: 'o' },
  png: { type: 'string' },
  colour: { type: 'string' },
  scale: { type: 'string' },
  'no-cap': { type: 'boolean' },
} as const;

/** The largest PNG side: a 1024-cell axis at scale 8. */
const MAX_PNG_SIDE = 8192;
const MAX_SCALE = 64;
const MAX_CHUNK = MAP_LIMITS.maxCells * MAP_LIMITS.maxCells;

export interface MapOptions {
  spec: MapSpec;
  /** Where the spec came from, for the summary: "preset momentum-bowl" or "spec 'm.json'". */
  source: string;
  chunk: number | undefined;
  out: string | null;
  png: string | null;
  colour: MapColourMode;
  scale: number;
}

const AXIS_SYNTAX = 'KEY:MIN:MAX[:log]:N (e.g. lr:1e-3:1:log:128)';

/** `--x lr:1e-3:1:log:128` → the spec's axis object (its values checked by parseMapSpec). */
function axisFlag(flag: string, raw: string): Record<string, unknown> {
  const parts = raw.split(':');
  const bad = () => new CliError(`--${flag} must be ${AXIS_SYNTAX}, got ${shown(raw)}`);
  if (parts.length !== 4 && parts.length !== 5) throw bad();
  const scale = parts.length === 5 ? parts[3] : 'lin';
  if (scale !== 'log' && scale !== 'lin') throw bad();
  const num = (s: string) => (s.trim() === '' ? NaN : Number(s));
  const [min, max, n] = [num(parts[1]), num(parts[2]), num(parts[parts.length - 1])];
  if (![min, max].every(Number.isFinite))
    throw new CliError(`--${flag}: MIN and MAX must be finite numbers, got ${shown(raw)}`);
  if (!Number.isInteger(n))
    throw new CliError(
      `--${flag}: N (the cells along the axis) must be an integer, got ${shown(raw)}`,
    );
  return { key: parts[0], min, max, log: scale === 'log', n };
}

/** A tolerance flag: a finite number > 0. */
function tolFlag(raw: string): number {
  const x = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(x) || !(x > 0))
    throw new CliError(`--tol must be a finite number > 0, got ${shown(raw)}`);
  return x;
}

/** Which flag sets each top-level field of the spec, for naming the flag in a spec error. */
const FIELD_FLAG: Record<string, string> = {
  steps: 'steps',
  tol: 'tol',
  x: 'x',
  y: 'y',
  surface: 'surface',
  surface_params: 'surface',
  start: 'surface',
  optimizer: 'optimizer',
  hp: 'optimizer',
};

/** The spec's raw JSON: the preset's or the file's, with each flag's field replaced. */
async function baseSpec(
  v: ReturnType<typeof parseFlags<typeof MAP_FLAGS>>['values'],
  io: CliIo,
): Promise<{ raw: Record<string, unknown>; source: string; mode?: MapColourMode }> {
  if (v.preset !== undefined && v.spec !== undefined)
    throw new CliError('--preset and --spec: give one, not both');
  if (v.preset !== undefined) {
    const p = findMapPreset(v.preset);
    if (!p)
      throw new CliError(
        `--preset: unknown map ${shown(v.preset)} (known: ${MAP_PRESETS.map((m) => m.id).join(', ')})`,
      );
    return { raw: structuredClone(p.spec), source: `preset ${p.id}`, mode: p.mode };
  }
  if (v.spec === undefined)
    throw new CliError(
      `give --preset ID (${MAP_PRESETS.map((m) => m.id).join(', ')}) or --spec FILE.json\nRun 'landscape-lab map --help' for usage.`,
    );
  let raw: unknown;
  try {
    raw = await readJsonConfig(v.spec, io);
  } catch (e) {
    if (e instanceof CliError) throw new CliError(`--spec: ${e.message}`);
    throw e;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new CliError(`--spec: the map must be a JSON object (got ${shown(JSON.stringify(raw))})`);
  // A map's own --out file: its spec, so a map can be recomputed (and overridden) from it.
  const r = raw as Record<string, unknown>;
  const spec = r.format === MAP_FORMAT && typeof r.spec === 'object' && r.spec ? r.spec : r;
  return { raw: { ...(spec as Record<string, unknown>) }, source: `spec '${v.spec}'` };
}

export async function parseMapFlags(
  args: string[],
  io: CliIo,
  note: (line: string) => void = () => {},
): Promise<MapOptions | 'help'> {
  const { values: v, positionals } = parseFlags(args, MAP_FLAGS, 'map');
  if (v.help) return 'help';
  if (positionals.length)
    throw new CliError(
      `unexpected argument '${positionals[0]}'\nRun 'landscape-lab map --help' for usage.`,
    );
  // Flag values first (each names its flag), then the spec they edit.
  const steps =
    v.steps === undefined ? undefined : intFlag('steps', v.steps, 0, 1, MAP_LIMITS.maxSteps);
  const tol = v.tol === undefined ? undefined : tolFlag(v.tol);
  const x = v.x === undefined ? undefined : axisFlag('x', v.x);
  const y = v.y === undefined ? undefined : axisFlag('y', v.y);
  const chunk = v.chunk === undefined ? undefined : intFlag('chunk', v.chunk, 0, 1, MAX_CHUNK);
  const scale = intFlag('scale', v.scale, 1, 1, MAX_SCALE);
  if (v.colour !== undefined && !MAP_COLOUR_MODES.includes(v.colour as MapColourMode))
    throw new CliError(
      `--colour must be one of ${MAP_COLOUR_MODES.join(', ')}, got ${shown(v.colour)}`,
    );
  if (v.png === undefined && (v.colour !== undefined || v.scale !== undefined))
    throw new CliError(`--${v.colour !== undefined ? 'colour' : 'scale'}: only with --png`);

  const { raw, source, mode } = await baseSpec(v, io);
  // The preset's own colour mode unless told otherwise (a spec file: status).
  const colour = (v.colour ?? mode ?? 'status') as MapColourMode;
  const overridden = new Set<string>();
  const set = (field: string, value: unknown) => {
    if (value === undefined) return;
    raw[field] = value;
    overridden.add(FIELD_FLAG[field]);
  };
  if ((v.surface !== undefined || v.optimizer !== undefined) && raw.kind === 'mlp')
    throw new CliError(
      `--${v.surface !== undefined ? 'surface' : 'optimizer'}: only for a surface map (${source} is the MLP's)`,
    );
  if (v.surface !== undefined) {
    // The old surface's parameters and start do not carry over: the new one's defaults.
    delete raw.surface_params;
    delete raw.start;
    set('surface', v.surface);
  }
  if (v.optimizer !== undefined) {
    delete raw.hp; // hyperparameters belong to the optimizer they were set for
    set('optimizer', v.optimizer);
  }
  set('steps', steps);
  set('tol', tol);
  set('x', x);
  set('y', y);
  const parsed = parseMapSpec(raw);
  if (!parsed.ok) {
    const lines = parsed.errors.map((e) => {
      const flag = FIELD_FLAG[e.split(/[.:[]/)[0]];
      return overridden.has(flag) ? `--${flag}: ${e}` : e;
    });
    throw new CliError(`invalid map (${source}):\n  ${lines.join('\n  ')}`);
  }
  const spec = parsed.value;
  checkMapCost(spec, !!v['no-cap'], note);
  if (v.png !== undefined) {
    const side = Math.max(spec.x.n, spec.y.n) * scale;
    if (side > MAX_PNG_SIDE)
      throw new CliError(
        `--scale: the picture would be ${spec.x.n * scale}×${spec.y.n * scale} pixels; at most ${MAX_PNG_SIDE} a side`,
      );
  }
  return { spec, source, chunk, out: v.out ?? null, png: v.png ?? null, colour, scale };
}

/** Multiply-adds of one MLP run's step (forward W·x, backward dW, and the output layer). */
export const mlpRunStepMacs = (s: { width: number; inputs: number; examples: number }) =>
  s.width * s.examples * (2 * s.inputs + 3);

/** The map's work against its cap: surface run-steps, or the MLP's multiply-adds. */
export function mapCost(spec: MapSpec): Cost {
  const runSteps = spec.x.n * spec.y.n * spec.steps;
  const flags = '--x × --y × --steps';
  if (spec.kind === 'surface')
    return {
      flags,
      amount: runSteps,
      unit: 'run-steps',
      cap: CAPS.mapRunSteps,
      seconds: runSteps / SPEEDS.mapRunSteps,
      basis: `~${fmtCount(SPEEDS.mapRunSteps)} run-steps/s batched on tfjs-wasm, measured on a 2-core CPU`,
    };
  const macs = runSteps * mlpRunStepMacs(spec);
  return {
    flags: `${flags} × the MLP's size`,
    amount: macs,
    unit: 'multiply-adds',
    cap: CAPS.mapMlpMacs,
    seconds: macs / SPEEDS.mapMlpMacs,
    basis: `~${SPEEDS.mapMlpMacs / 1e9} G multiply-adds/s batched on tfjs-wasm, measured on a 2-core CPU`,
  };
}

export function checkMapCost(spec: MapSpec, noCap: boolean, note: (line: string) => void) {
  checkCaps([mapCost(spec)], noCap, note);
}

/** NaN (a diverged cell's loss) as null: JSON has no NaN. */
const jsonNumbers = (a: ArrayLike<number>) => Array.from(a, (x) => (Number.isFinite(x) ? x : null));

/** The file `--out` writes: the spec (as parseMapSpec reads it), how it ran, and the grids. */
export function mapJson(m: MapResult): Record<string, unknown> {
  return {
    format: MAP_FORMAT,
    format_note:
      'grids are row-major, cell (i, j) at j·nx + i with i along x and j along y (y_values[j]); ' +
      'final_loss is the loss above the minimum after the last step, null where the run diverged ' +
      '(JSON has no NaN); reached_at is the first step with loss ≤ tol, diverged_at the first ' +
      'step that diverged, −1 for never',
    spec: mapSpecToJson(m.spec),
    backend: m.backend,
    seconds: m.seconds,
    chunk: m.chunk,
    nx: m.spec.x.n,
    ny: m.spec.y.n,
    counts: statusCounts(m),
    x_values: Array.from(axisValues(m.spec.x)),
    y_values: Array.from(axisValues(m.spec.y)),
    final_loss: jsonNumbers(m.finalLoss),
    reached_at: Array.from(m.reachedAt),
    diverged_at: Array.from(m.divergedAt),
  };
}

/** The map as a PNG, one cell per `scale`×`scale` block, the top row the largest y. */
export function mapPng(m: MapResult, colour: MapColourMode, scale: number): Buffer {
  const { x, y, steps } = m.spec;
  const rgba = mapPixels(m, x.n, y.n, colour, steps);
  return encodePng(scaleNearest({ width: x.n, height: y.n, rgba }, scale));
}

const axisText = (a: MapSpec['x']) => `${a.key} ${a.min}…${a.max}${a.log ? ' (log)' : ''} × ${a.n}`;

export function mapSummary(o: MapOptions, m: MapResult): string {
  const c = statusCounts(m);
  const cells = m.spec.x.n * m.spec.y.n;
  const what =
    m.spec.kind === 'surface'
      ? `${m.spec.optimizer} on ${m.spec.surface}`
      : `MLP width ${m.spec.width} on ${m.spec.examples} examples`;
  return (
    `map (${o.source}): ${what}, x ${axisText(m.spec.x)}, y ${axisText(m.spec.y)}\n` +
    `  ${fmtCount(cells)} runs × ${fmtCount(m.spec.steps)} steps on ${m.backend} in ${fmtTime(m.seconds)} (chunk ${fmtCount(m.chunk)})\n` +
    `  converged ${fmtCount(c.converged)}, diverged ${fmtCount(c.diverged)}, neither ${fmtCount(c.bounded)} (tol ${m.spec.tol})\n`
  );
}

const CAP_HELP = `Cap (refused with an estimate unless --no-cap): ${fmtCount(CAPS.mapRunSteps)} run-steps (cells × steps)
for a surface map (~${fmtDuration(CAPS.mapRunSteps / SPEEDS.mapRunSteps)} on a 2-core CPU), ${CAPS.mapMlpMacs.toExponential(0)} multiply-adds for the MLP
(cells × steps × width × examples × (2·inputs + 3); ~${fmtDuration(CAPS.mapMlpMacs / SPEEDS.mapMlpMacs)}).
Always: each axis ≤ ${MAP_LIMITS.maxCells} cells, steps ≤ ${fmtCount(MAP_LIMITS.maxSteps)}.`;

export const mapCommand: Command = {
  name: 'map',
  summary: 'a trainability map: a grid of runs, each its own hyperparameters, as JSON and PNG',
  help: `Usage: landscape-lab map (--preset ID | --spec FILE.json) [options]

A trainability map (Sohl-Dickstein 2024): a grid of optimizer runs, one per cell, each with its
own pair of hyperparameter values, all computed at once as tensors (tfjs-wasm). Each cell's run
converged (its loss came within --tol of the minimum), diverged, or neither in the steps.

  --preset ID           ${MAP_PRESETS.map((p) => p.id).join(', ')}
  --spec FILE.json      a map spec (- for stdin): {"kind": "surface"|"mlp", "x": {"key", "min",
                        "max", "log", "n"}, "y": {…}, "steps", "tol", …}, or a file --out wrote
Overrides (each replaces its field of the preset or spec):
  --steps N             steps of every run, 1…${fmtCount(MAP_LIMITS.maxSteps)}
  --tol X               converged once the loss is within X of the minimum (> 0)
  --x ${AXIS_SYNTAX.split(' ')[0]}  the x axis; KEY one of the spec's legal keys
  --y ${AXIS_SYNTAX.split(' ')[0]}  the y axis (each axis 2…${MAP_LIMITS.maxCells} cells)
  --surface ID          ${MAP_SURFACES.join(', ')}
                        (with its default start and parameters)
  --optimizer ID        ${mapOptimizerIds().join(', ')} (its default hyperparameters)
  --chunk N             runs per batched pass (default: up to 65,536 on a surface, fewer for a
                        large MLP; any chunking gives the same map)
Outputs:
  --out FILE.json       the spec, backend, seconds, chunk, counts and the three grids
                        (final_loss, reached_at, diverged_at; row-major, NaN written as null)
  --png FILE.png        one pixel per cell, the largest y on top
  --colour MODE         ${MAP_COLOUR_MODES.join(', ')} (default: the preset's, else status: blue
                        converged, red diverged, deeper the faster; sand neither)
  --scale K             each cell K×K pixels, 1…${MAX_SCALE} (default 1; at most ${MAX_PNG_SIDE} pixels a side)
  --no-cap              run a map over the cap (the estimate is still printed)

${CAP_HELP}

Examples:
  landscape-lab map --preset momentum-bowl --out bowl.json --png bowl.png --scale 2
  landscape-lab map --preset momentum-bowl --x lr:1e-3:2:log:256 --y momentum:0:0.999:256 --steps 200

Exit codes: 0 ok, 2 bad flags or spec.`,
  async run(args, io) {
    const o = await parseMapFlags(args, io, (line) => io.stderr(`landscape-lab map: ${line}`));
    if (o === 'help') {
      io.stdout(this.help + '\n');
      return 0;
    }
    await checkOutputs([
      { flag: 'out', path: o.out, kind: 'file' },
      { flag: 'png', path: o.png, kind: 'file' },
    ]);
    await initBackend(['wasm', 'cpu']);
    let lastNote = performance.now();
    const m = await computeMap(o.spec, {
      chunk: o.chunk,
      yieldMs: 1000,
      onProgress: ({ done, total }) => {
        if (performance.now() - lastNote < 10_000) return;
        lastNote = performance.now();
        io.stderr(`landscape-lab map: ${Math.round((100 * done) / total)}% of the run-steps\n`);
      },
    });
    if (o.out) await writeOrFail(o.out, JSON.stringify(mapJson(m)) + '\n');
    if (o.png) await writeOrFail(o.png, mapPng(m, o.colour, o.scale));
    io.stdout(mapSummary(o, m));
    return 0;
  },
};
