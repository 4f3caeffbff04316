/**
 * The batch-size schedule as a small chart (issue #14): B at each step, as `run()` uses it
 * (`batchSizeAt`), on a log₂ axis (each milestone multiplies B), drawn as steps.
 */
import { batchSizeAt, type BatchSchedule } from '../batchScaling';

export interface BatchCurve {
  /** SVG path of B against the step, in the chart's units. */
  path: string;
  /** Where B changes: the first step (0-based) with each size, the start included. */
  changes: { step: number; size: number }[];
  /** Value ticks: each distinct B with its y. */
  yTicks: { value: number; y: number }[];
  /** The plot area [left, right] × [top, bottom]. */
  box: { l: number; r: number; t: number; b: number };
}

/** B of each step of a race of `steps` steps, as change points (B is piecewise constant). */
export function batchChanges(
  steps: number,
  size: number,
  samples: number,
  schedule: BatchSchedule | null,
): { step: number; size: number }[] {
  const out = [{ step: 0, size: batchSizeAt(0, size, samples, schedule) }];
  for (const m of schedule?.change === 'batch' ? schedule.milestones : []) {
    if (m >= steps) break;
    const b = batchSizeAt(m, size, samples, schedule);
    if (b !== out[out.length - 1].size) out.push({ step: m, size: b });
  }
  return out;
}

const round = (v: number) => Math.round(v * 10) / 10;

export function batchCurve(
  steps: number,
  size: number,
  samples: number,
  schedule: BatchSchedule | null,
  w: number,
  h: number,
  margin = { l: 44, r: 8, t: 8, b: 22 },
): BatchCurve {
  const changes = batchChanges(steps, size, samples, schedule);
  const box = { l: margin.l, r: w - margin.r, t: margin.t, b: h - margin.b };
  const lo = Math.log2(changes[0].size);
  const hi = Math.log2(changes[changes.length - 1].size);
  // One size: a flat line in the middle.
  const y = (b: number) =>
    hi > lo ? box.b - ((Math.log2(b) - lo) / (hi - lo)) * (box.b - box.t) : (box.t + box.b) / 2;
  const x = (k: number) => box.l + (k / Math.max(steps, 1)) * (box.r - box.l);
  let path = `M${round(x(0))},${round(y(changes[0].size))}`;
  for (let i = 1; i < changes.length; i++)
    path += `H${round(x(changes[i].step))}V${round(y(changes[i].size))}`;
  path += `H${round(x(steps))}`;
  // Past four sizes the labels would collide: the first and the last.
  const ticks = changes.length > 4 ? [changes[0], changes[changes.length - 1]] : changes;
  return { path, changes, yTicks: ticks.map((c) => ({ value: c.size, y: y(c.size) })), box };
}
