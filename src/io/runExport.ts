import { batchPlan } from '../core/batchScaling';
import type { RunConfig } from '../core/config';
import type { RunResult } from '../core/trajectory';

/**
 * The race's runs as files a spreadsheet or a script can read: CSV (one row per step per racer)
 * and JSON (the same numbers per racer, with its settings, its validated run config and the
 * page's link, so the race can be made again). Pure: the page hands in the runs and gets text.
 *
 * Row t of a racer is its state after step t (t = 0 is the start): (x, y) = θₜ, `loss` = f(θₜ),
 * `lr` the learning rate step t used (none for the start), `batch` the batch size step t drew.
 */
export interface RunRecord extends Pick<
  RunResult,
  'params' | 'loss' | 'lr' | 'steps' | 'divergedAt'
> {
  /** Racer key (`sgd-2`): what the link and results are keyed by. */
  key: string;
  label: string;
  /** Optimizer registry id, as the link writes it. */
  optimizer: string;
  start: readonly [number, number];
  /** f at the last point, which the run does not record (it records the loss before a step). */
  finalLoss: number;
  /** Batch size of each step, where the race samples minibatches; null for exact gradients. */
  batch: ArrayLike<number> | null;
  /** The racer's settings as the page keeps them (state/racers Racer) and its run config. */
  settings?: unknown;
  config?: RunConfig | null;
}

/** What the JSON carries besides the runs: where the race is and how to reopen it. */
export interface RaceRecord {
  surface: string;
  surfaceParams: Record<string, number>;
  start: readonly [number, number];
  steps: number;
  /** The link that reproduces this race, relative to the site (`race.html?surface=…&opt=…`). */
  link: string;
}

/** Each step's batch size from a validated config (scaled or scheduled, else the fixed size). */
export function batchSizes(config: RunConfig | null | undefined, steps: number): Int32Array | null {
  const b = config?.batch;
  if (!b) return null;
  const plan = batchPlan(b);
  const out = new Int32Array(steps);
  for (let k = 0; k < steps; k++) out[k] = plan ? plan.size(k) : b.size;
  return out;
}

interface Row {
  step: number;
  x: number;
  y: number;
  loss: number;
  /** NaN for the start, which no step reached. */
  lr: number;
  batch: number;
}

function rowOf(r: RunRecord, t: number): Row {
  const [x, y] = t === 0 ? r.start : [r.params[2 * t - 2], r.params[2 * t - 1]];
  return {
    step: t,
    x,
    y,
    loss: t < r.steps ? r.loss[t] : r.finalLoss,
    lr: t === 0 ? NaN : r.lr[t - 1],
    batch: t === 0 || !r.batch ? NaN : r.batch[t - 1],
  };
}

/** Whether any racer's batch size differs from step to step or from another racer's. */
function batchVaries(runs: readonly RunRecord[]): boolean {
  const seen = new Set<number>();
  for (const r of runs) for (let k = 0; k < r.steps && r.batch; k++) seen.add(r.batch[k]);
  return seen.size > 1 || (seen.size === 1 && runs.some((r) => !r.batch && r.steps > 0));
}

/** A number as full-precision text (JS's shortest round-trip form); NaN and ±∞ as named. */
const num = (v: number): string => String(v);

/**
 * A text field per RFC 4180 (quoted when it holds a comma, quote or line break), with a leading
 * `'` on text a spreadsheet would run as a formula (=, +, -, @): labels are what users typed.
 */
export function csvText(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * One row per step per racer (the start is step 0): racer, label, optimizer, step, x, y, loss,
 * lr, and batch where the batch size varies. Empty lr (and batch) for the start; CRLF lines.
 */
export function runsCsv(runs: readonly RunRecord[]): string {
  const withBatch = batchVaries(runs);
  const head = ['racer', 'label', 'optimizer', 'step', 'x', 'y', 'loss', 'lr'];
  const lines = [(withBatch ? [...head, 'batch'] : head).join(',')];
  for (const r of runs) {
    const who = `${csvText(r.key)},${csvText(r.label)},${csvText(r.optimizer)}`;
    for (let t = 0; t <= r.steps; t++) {
      const row = rowOf(r, t);
      const lr = t === 0 ? '' : num(row.lr);
      const cells = [who, row.step, num(row.x), num(row.y), num(row.loss), lr];
      if (withBatch) cells.push(t === 0 || Number.isNaN(row.batch) ? '' : num(row.batch));
      lines.push(cells.join(','));
    }
  }
  return lines.join('\r\n') + '\r\n';
}

/** JSON has no NaN or ∞: they are written null (the racer's `diverged_at` says where it ended). */
const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** The JSON document of `runsJson`, as parsed back. */
export interface RunsDocument {
  format: 'loss-landscape-lab/race-runs';
  version: 1;
  link: string;
  surface: { id: string; params: Record<string, number> };
  start: [number, number];
  steps: number;
  racers: {
    key: string;
    label: string;
    optimizer: string;
    settings: unknown;
    config: unknown;
    /** 1-based step at which the run became non-finite and stopped; null if it did not. */
    diverged_at: number | null;
    /** Per row t = 0 … steps (as the CSV): null for a non-finite value or the start's lr. */
    step: number[];
    x: (number | null)[];
    y: (number | null)[];
    loss: (number | null)[];
    lr: (number | null)[];
    batch?: (number | null)[];
  }[];
}

/** The race and every racer's rows as columns; numbers at full precision, non-finite as null. */
export function runsJson(race: RaceRecord, runs: readonly RunRecord[]): string {
  const doc: RunsDocument = {
    format: 'loss-landscape-lab/race-runs',
    version: 1,
    link: race.link,
    surface: { id: race.surface, params: { ...race.surfaceParams } },
    start: [race.start[0], race.start[1]],
    steps: race.steps,
    racers: runs.map((r) => {
      const rows = Array.from({ length: r.steps + 1 }, (_, t) => rowOf(r, t));
      return {
        key: r.key,
        label: r.label,
        optimizer: r.optimizer,
        settings: r.settings ?? null,
        config: r.config ?? null,
        diverged_at: r.divergedAt,
        step: rows.map((w) => w.step),
        x: rows.map((w) => finite(w.x)),
        y: rows.map((w) => finite(w.y)),
        loss: rows.map((w) => finite(w.loss)),
        lr: rows.map((w) => finite(w.lr)),
        ...(r.batch ? { batch: rows.map((w) => finite(w.batch)) } : {}),
      };
    }),
  };
  return JSON.stringify(doc);
}
