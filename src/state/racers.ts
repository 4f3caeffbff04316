import type { LookaheadHp } from '../core/optimizers/lookahead';
import type { Hyperparams } from '../core/optimizers/optimizerSpec';
import { OPTIMIZERS } from '../core/optimizers/registry';

/** One racer: an optimizer with its own settings, colour and label. The race keeps them in legend order. */
export interface Racer {
  /** `<optimizer id>` for the first racer of an optimizer, then `<id>-2`, `-3`, …; never changes. */
  key: string;
  /** Registry id of its optimizer. */
  optimizer: string;
  hp: Hyperparams;
  /** Raced inside Lookahead with these k and α; null = without. */
  lookahead: LookaheadHp | null;
  /** Colour slot 0–15 (`racerStyle`): kept when other racers come, go or move. */
  color: number;
  /** What the user named it; null = the derived default (`racerLabel`). */
  label: string | null;
  /** Its own LR schedule; null = the race's shared one. */
  schedule: { id: string; params: Record<string, unknown> } | null;
  /** Its own batch size; null = the race's shared one. */
  batch: number | null;
}

/** At least 8 are needed for the lessons; 12 keeps the legend and the link readable. */
export const MAX_RACERS = 12;
/** Eight colours, then the same eight dashed. */
export const COLOR_SLOTS = 16;
export const MAX_LABEL = 40;

const KEY = /^([a-z0-9_]+)(?:-([1-9][0-9]*))?$/;

/** The optimizer a racer key names (`sgd-3` → `sgd`), or null when it is not a racer key. */
export function optimizerOfKey(key: string): string | null {
  const m = KEY.exec(key);
  if (!m || m[2] === '1') return null;
  return OPTIMIZERS.some((o) => o.id === m[1]) ? m[1] : null;
}

/** The key a new racer of `optimizer` gets: its id when free, else `<id>-n` with the smallest free n ≥ 2. */
export function nextRacerKey(optimizer: string, racers: readonly Pick<Racer, 'key'>[]): string {
  const taken = new Set(racers.map((r) => r.key));
  if (!taken.has(optimizer)) return optimizer;
  let n = 2;
  while (taken.has(`${optimizer}-${n}`)) n++;
  return `${optimizer}-${n}`;
}

/** The lowest colour slot no racer uses (all used: they repeat in order). */
export function lowestFreeSlot(racers: readonly Pick<Racer, 'color'>[]): number {
  const used = new Set(racers.map((r) => r.color));
  for (let s = 0; s < COLOR_SLOTS; s++) if (!used.has(s)) return s;
  return racers.length % COLOR_SLOTS;
}

/** The slots racers get by taking the lowest free one in list order: what a link leaves unsaid. */
export const defaultSlot = (index: number): number => index % COLOR_SLOTS;

/** The next slot after `color` that no other racer uses (the card's colour button). */
export function nextFreeSlot(color: number, racers: readonly Pick<Racer, 'color'>[]): number {
  const used = new Set(racers.map((r) => r.color));
  for (let d = 1; d < COLOR_SLOTS; d++) {
    const s = (color + d) % COLOR_SLOTS;
    if (!used.has(s)) return s;
  }
  return color;
}

/** A label as the link and the card take it: trimmed, at most MAX_LABEL characters, '' → null. */
export function cleanLabel(text: string): string | null {
  const t = text.trim().slice(0, MAX_LABEL);
  return t === '' ? null : t;
}
