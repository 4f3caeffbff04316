import type { HpSpec, HpValue, Hyperparams, OptimizerSpec } from './optimizerSpec';
import { IGNORED_TORCH_KWARGS } from './optimizerSpec';
import { OPTIMIZERS, findOptimizer } from './registry';
import { LOOKAHEAD_DEFAULTS, lookaheadErrors, type LookaheadHp } from './lookahead';
import { isRecord, quoteValue as fmt, type ParseResult } from '../parse';

export interface OptimizerConfig {
  type: string;
  hp: Hyperparams;
  /** Set when the optimizer runs inside Lookahead (`optimizerOf` wraps it); absent otherwise. */
  lookahead?: LookaheadHp;
}

const LOOKAHEAD_KEYS = ['type', 'k', 'alpha', 'optimizer'];

/**
 * `{"type": "Lookahead", "k": 5, "alpha": 0.5, "optimizer": {...}}`, torch-style: the inner
 * optimizer's config, with the wrapper's k and α (the paper's defaults where left out). The
 * inner's errors name their path (`optimizer.optimizer.lr`); Lookahead does not nest.
 */
function parseLookahead(raw: Record<string, unknown>, field: string): ParseResult<OptimizerConfig> {
  const errors: string[] = [];
  for (const key of Object.keys(raw))
    if (!LOOKAHEAD_KEYS.includes(key))
      errors.push(`${field}.${key}: Lookahead has no field '${key}' (it has: k, alpha, optimizer)`);
  const la = { k: raw.k ?? LOOKAHEAD_DEFAULTS.k, alpha: raw.alpha ?? LOOKAHEAD_DEFAULTS.alpha };
  for (const e of lookaheadErrors(la)) {
    const key = e.slice(0, e.indexOf(':'));
    errors.push(`${field}.${e} (got ${fmt(la[key as keyof typeof la])})`);
  }
  const innerRaw = raw.optimizer;
  if (isRecord(innerRaw) && innerRaw.type === 'Lookahead')
    errors.push(`${field}.optimizer.type: Lookahead cannot wrap another Lookahead`);
  else {
    const inner = parseOptimizerConfig(innerRaw, `${field}.optimizer`);
    if (!inner.ok) errors.push(...inner.errors);
    else if (!errors.length)
      return { ok: true, value: { ...inner.value, lookahead: la as LookaheadHp } };
  }
  return { ok: false, errors };
}

/** Checks a number against a hyperparameter's bounds; returns the complaint or null. */
function boundError(spec: HpSpec, x: number): string | null {
  if (!Number.isFinite(x)) return 'must be a finite number';
  const lo = spec.min,
    hi = spec.max;
  if (lo !== undefined && (spec.minExclusive ? x <= lo : x < lo))
    return `must be ${spec.minExclusive ? '>' : '≥'} ${lo}`;
  if (hi !== undefined && (spec.maxExclusive ? x >= hi : x > hi))
    return `must be ${spec.maxExclusive ? '<' : '≤'} ${hi}`;
  return null;
}

/** Validates one hyperparameter value from untrusted input. */
function parseHp(spec: HpSpec, raw: unknown, path: string, errors: string[]): HpValue | undefined {
  const bad = (why: string) => {
    errors.push(`${path}: ${why} (got ${fmt(raw)})`);
    return undefined;
  };
  if (spec.kind === 'boolean') return typeof raw === 'boolean' ? raw : bad('must be true or false');
  if (spec.kind === 'choice') {
    const values = spec.choices ?? [];
    return typeof raw === 'string' && values.includes(raw)
      ? raw
      : bad(`must be one of ${values.map((v) => `'${v}'`).join(', ')}`);
  }
  if (spec.kind === 'number') {
    if (typeof raw !== 'number') return bad('must be a number');
    const why = boundError(spec, raw);
    return why ? bad(why) : raw;
  }
  if (!Array.isArray(raw) || raw.length !== 2 || raw.some((x) => typeof x !== 'number'))
    return bad('must be a pair of numbers [β₁, β₂]');
  for (const x of raw as number[]) {
    const why = boundError(spec, x);
    if (why) return bad(`each entry ${why}`);
  }
  return [raw[0], raw[1]] as const;
}

/**
 * Untrusted `{type, ...torch kwargs}` → a typed optimizer config with torch's defaults filled in,
 * or errors naming each bad field. torch-only kwargs that do not change the math are accepted.
 */
export function parseOptimizerConfig(
  raw: unknown,
  field = 'optimizer',
): ParseResult<OptimizerConfig> {
  if (!isRecord(raw))
    return { ok: false, errors: [`${field}: must be an object like {"type": "Adam", "lr": 0.01}`] };
  if (raw.type === 'Lookahead') return parseLookahead(raw, field);
  const spec: OptimizerSpec | undefined =
    typeof raw.type === 'string' ? findOptimizer(raw.type) : undefined;
  if (!spec) {
    const known = [...OPTIMIZERS.map((o) => o.type), 'Lookahead (a wrapper)'].join(', ');
    return {
      ok: false,
      errors: [`${field}.type: unknown optimizer ${fmt(raw.type)} (known: ${known})`],
    };
  }
  const errors: string[] = [];
  const hp: Hyperparams = { ...spec.defaults };
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'type' || (IGNORED_TORCH_KWARGS as readonly string[]).includes(key)) continue;
    const hpSpec = spec.hyperparams.find((h) => h.key === key);
    if (!hpSpec) {
      errors.push(
        `${field}.${key}: ${spec.type} has no hyperparameter '${key}' (it has: ${spec.hyperparams.map((h) => h.key).join(', ')})`,
      );
      continue;
    }
    const parsed = parseHp(hpSpec, value, `${field}.${key}`, errors);
    if (parsed !== undefined) hp[key] = parsed;
  }
  if (errors.length === 0) for (const e of spec.validate?.(hp) ?? []) errors.push(`${field}.${e}`);
  return errors.length ? { ok: false, errors } : { ok: true, value: { type: spec.type, hp } };
}
