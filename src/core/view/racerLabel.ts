import type { LookaheadHp } from '../optimizers/lookahead';
import type { HpValue } from '../optimizers/optimizerSpec';
import { findOptimizer } from '../optimizers/registry';
import { scheduleById } from '../schedules';
import { formatValue } from './sliderScale';

/** What a default label reads from a racer (the race state's `Racer`, structurally). */
export interface LabelledRacer {
  key: string;
  optimizer: string;
  hp: Readonly<Record<string, HpValue>>;
  lookahead: LookaheadHp | null;
  schedule: { id: string } | null;
  batch: number | null;
}

/** Short names where torch's keyword is long. */
const SHORT: Record<string, string> = { weight_decay: 'wd' };
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const show = (v: unknown): string =>
  typeof v === 'number'
    ? formatValue(v)
    : Array.isArray(v)
      ? v.map(show).join(', ')
      : String(v ?? 'none');

/**
 * A racer's default label: its optimizer's name ("Lookahead " in front when wrapped), then what
 * sets it apart from the other racers of the same optimizer — "SGD, lr 0.1", "SGD + momentum
 * 0.9" (where another SGD has none), "SGD, Nesterov" — so three SGDs with three learning rates
 * read as such. Identical twins get their key's number ("SGD #2").
 */
export function racerLabel(racer: LabelledRacer, racers: readonly LabelledRacer[]): string {
  const spec = findOptimizer(racer.optimizer);
  const name = `${racer.lookahead ? 'Lookahead ' : ''}${spec?.type ?? racer.optimizer}`;
  const peers = racers.filter((r) => r.key !== racer.key && r.optimizer === racer.optimizer);
  if (!spec || peers.length === 0) return name;
  const differs = (get: (r: LabelledRacer) => unknown) =>
    peers.some((p) => !same(get(p), get(racer)));
  const plus: string[] = [];
  const parts: string[] = [];
  for (const h of spec.hyperparams) {
    const v = racer.hp[h.key];
    if (!differs((r) => r.hp[h.key])) continue;
    if (h.kind === 'boolean') {
      if (v === true) parts.push(h.label);
    } else if (h.key === 'momentum' && (v as number) > 0 && peers.some((p) => p.hp.momentum === 0))
      plus.push(`momentum ${show(v)}`);
    else if (!(h.key === 'momentum' && v === 0)) parts.push(`${SHORT[h.key] ?? h.key} ${show(v)}`);
  }
  // Lookahead or not is in the name; its k and α only where another racer's Lookahead differs.
  if (racer.lookahead && peers.some((p) => p.lookahead && !same(p.lookahead, racer.lookahead)))
    parts.push(`k ${racer.lookahead.k}, α ${show(racer.lookahead.alpha)}`);
  if (racer.schedule && differs((r) => r.schedule?.id ?? null))
    parts.push(scheduleById(racer.schedule.id)?.type ?? racer.schedule.id);
  if (racer.batch !== null && differs((r) => r.batch)) parts.push(`batch ${racer.batch}`);
  let label = [name, ...plus].join(' + ') + (parts.length ? `, ${parts.join(', ')}` : '');
  const twin = peers.some(
    (p) =>
      same(p.hp, racer.hp) &&
      same(p.lookahead, racer.lookahead) &&
      same(p.schedule?.id ?? null, racer.schedule?.id ?? null) &&
      p.batch === racer.batch,
  );
  if (twin) label += ` #${/-(\d+)$/.exec(racer.key)?.[1] ?? '1'}`;
  return label;
}
