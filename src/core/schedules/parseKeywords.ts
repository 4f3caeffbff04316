import { quoteValue } from '../parse';
import type { ParseResult, ScheduleConfig, ScheduleDef, ScheduleHpSpec } from './scheduleSpec';

/** Parses a nested schedule config (passed in so that this file does not import the registry). */
export type ParseNested = (raw: unknown, field: string) => ParseResult<ScheduleConfig>;

/** torch keyword arguments that do not change the schedule; accepted and dropped. */
const IGNORED = ['verbose'];
/**
 * torch keyword arguments that take a Python callable, which JSON cannot carry: their default
 * `null` (None) is accepted, as torch's own signature writes it; anything else is named.
 */
const CALLABLE_ONLY_NULL = ['scale_fn'];

/** "in [0, 1)", "> 0", "<= 1" or "" from a spec's bounds. */
function rangeText(hp: ScheduleHpSpec): string {
  const { min, max, minExclusive, maxExclusive } = hp;
  if (min !== undefined && max !== undefined) {
    return `in ${minExclusive ? '(' : '['}${min}, ${max}${maxExclusive ? ')' : ']'}`;
  }
  if (min !== undefined) return `${minExclusive ? '>' : '>='} ${min}`;
  if (max !== undefined) return `${maxExclusive ? '<' : '<='} ${max}`;
  return '';
}

function inRange(hp: ScheduleHpSpec, v: number): boolean {
  if (hp.min !== undefined && (hp.minExclusive ? v <= hp.min : v < hp.min)) return false;
  if (hp.max !== undefined && (hp.maxExclusive ? v >= hp.max : v > hp.max)) return false;
  return true;
}

/** What an integer must be, e.g. "a positive integer" or "an integer >= 0". */
function integerText(hp: ScheduleHpSpec): string {
  if (hp.min === 1 && hp.max === undefined) return 'a positive integer';
  const range = rangeText(hp);
  return range ? `an integer ${range}` : 'an integer';
}

const isInteger = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Checks one present, non-null value; returns the value to keep or the error text. */
function parseValue(
  hp: ScheduleHpSpec,
  v: unknown,
  path: string,
  parseNested: ParseNested,
): { value: unknown; errors: string[] } {
  // Quoted only on failure: quoting a deeply nested value that parses fine would cost a walk of it.
  const fail = (what: string) => ({
    value: v,
    errors: [`${path}: must be ${what}, got ${quoteValue(v)}`],
  });
  switch (hp.kind) {
    case 'boolean':
      return typeof v === 'boolean' ? { value: v, errors: [] } : fail('true or false');
    case 'choice':
      return typeof v === 'string' && hp.choices?.includes(v)
        ? { value: v, errors: [] }
        : fail(`one of ${(hp.choices ?? []).map((c) => `'${c}'`).join(', ')}`);
    case 'integer':
      return isInteger(v) && inRange(hp, v) ? { value: v, errors: [] } : fail(integerText(hp));
    case 'number': {
      const range = rangeText(hp);
      const ok = typeof v === 'number' && Number.isFinite(v) && inRange(hp, v);
      return ok ? { value: v, errors: [] } : fail(range ? `a number ${range}` : 'a finite number');
    }
    case 'integers': {
      if (!Array.isArray(v)) return fail(`a list of ${integerText(hp).replace(/^an? /, '')}s`);
      const errors = v.flatMap((x, i) =>
        isInteger(x) && inRange(hp, x)
          ? []
          : [`${path}[${i}]: must be ${integerText(hp)}, got ${quoteValue(x)}`],
      );
      return { value: [...v], errors };
    }
    case 'schedulers': {
      if (!Array.isArray(v)) return fail('a list of scheduler configs');
      const value: ScheduleConfig[] = [];
      const errors: string[] = [];
      v.forEach((child, i) => {
        const r = parseNested(child, `${path}[${i}]`);
        if (r.ok) value.push(r.value);
        else errors.push(...r.errors);
      });
      return { value, errors };
    }
    case 'pair':
      return fail('a pair (unsupported for schedules)');
  }
}

/**
 * Parses a schedule's keyword arguments against its `hyperparams` table: required keys,
 * defaults for the rest, types and bounds, unknown keys. Messages name `field.key`.
 */
export function parseKeywords(
  raw: Record<string, unknown>,
  def: ScheduleDef,
  field: string,
  parseNested: ParseNested,
): { value: ScheduleConfig; errors: string[] } {
  const value: ScheduleConfig = { type: def.type };
  const errors: string[] = [];
  for (const hp of def.hyperparams) {
    const path = `${field}.${hp.key}`;
    const v = raw[hp.key];
    if (v === undefined) {
      if (hp.required) errors.push(`${path}: required for ${def.type}`);
      else value[hp.key] = def.defaults[hp.key];
    } else if (v === null) {
      if (hp.nullable) value[hp.key] = null;
      else errors.push(`${path}: must not be null`);
    } else {
      const r = parseValue(hp, v, path, parseNested);
      value[hp.key] = r.value;
      errors.push(...r.errors);
    }
  }
  const known = new Set(['type', ...def.hyperparams.map((hp) => hp.key)]);
  for (const key of Object.keys(raw)) {
    if (known.has(key) || IGNORED.includes(key)) continue;
    if (CALLABLE_ONLY_NULL.includes(key) && def.type === 'CyclicLR') {
      if (raw[key] !== null)
        errors.push(`${field}.${key}: a Python callable cannot be given here; use mode instead`);
      continue;
    }
    if (key === 'last_epoch') {
      // -1 is torch's "start from the beginning"; other values resume a run we do not have.
      if (raw[key] !== -1)
        errors.push(
          `${field}.last_epoch: only -1 (start from step 0) is supported, got ${quoteValue(raw[key])}`,
        );
      continue;
    }
    const names = def.hyperparams.map((hp) => hp.key).join(', ') || 'none';
    errors.push(`${field}.${key}: unknown keyword for ${def.type} (known: ${names})`);
  }
  return { value, errors };
}
