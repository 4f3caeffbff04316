/**
 * The host bridge's messages (docs/EMBED.md): a host page's `postMessage` data → one checked
 * command, and the plain objects the widget posts back. Pure: no DOM, no widget. A message comes
 * from another site, so nothing is trusted: unknown fields, wrong types, NaN, huge payloads and
 * keys such as `__proto__` are refused with an error that names the field.
 */
import { echo } from './queryParams';

export type EmbedCommand =
  | { type: 'play' | 'pause' | 'reset' }
  | { type: 'step'; n: number }
  | { type: 'seek'; step: number }
  | { type: 'set'; params: Record<string, string> }
  | { type: 'get'; keys?: string[] };

export type CommandType = EmbedCommand['type'];

/** A host's id for matching a reply to its command: what the reply echoes. */
export type MessageId = string | number | null;

export type ParsedCommand =
  { command: EmbedCommand; id: MessageId } | { error: string; id: MessageId; type?: CommandType };

export const COMMAND_TYPES: readonly CommandType[] = [
  'play',
  'pause',
  'step',
  'reset',
  'seek',
  'set',
  'get',
];

/** What the widget posts: events and replies (types the bridge never takes as commands). */
export const OUTGOING_TYPES = [
  'reply',
  'ready',
  'state',
  'step',
  'diverged',
  'done',
  'resize',
] as const;

/** Limits on one message, so a host cannot make the widget parse or echo megabytes. */
export const LIMITS = {
  maxSteps: 10_000,
  maxKeys: 64,
  maxKeyLength: 64,
  maxValueLength: 2000,
  maxIdLength: 64,
} as const;

/** The fields each command may carry beside `type` and `id`. */
const FIELDS: Record<CommandType, readonly string[]> = {
  play: [],
  pause: [],
  reset: [],
  step: ['n'],
  seek: ['step'],
  set: ['params'],
  get: ['keys'],
};

/** Link keys are letters, digits, `_`, `.` and `-` (`lr.adam-2`, `sched.T_max`). */
const LINK_KEY = /^[A-Za-z0-9_.-]+$/;
/** Names that would reach an object's prototype if a careless reader copied them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

class FieldError extends Error {}

const fail = (field: string, why: string): never => {
  throw new FieldError(`Invalid message field '${field}': ${why}`);
};

/** A value as an error quotes it: its type, or a short echo of a string or number. */
function shown(v: unknown): string {
  if (typeof v === 'string') return `"${echo(v)}"`;
  if (typeof v === 'number') return String(v);
  if (v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function integerIn(field: string, v: unknown, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
    fail(field, `must be an integer ${range} (got ${shown(v)})`);
  }
  return v as number;
}

function linkKey(field: string, k: unknown): string {
  if (typeof k !== 'string') return fail(field, `must be a link key (got ${shown(k)})`);
  if (k.length === 0 || k.length > LIMITS.maxKeyLength)
    fail(field, `must be 1 to ${LIMITS.maxKeyLength} characters (got ${k.length})`);
  if (FORBIDDEN_KEYS.has(k)) fail(field, `"${k}" is not a link key`);
  if (!LINK_KEY.test(k))
    fail(field, `a link key has only letters, digits, _ . - (got ${shown(k)})`);
  return k;
}

function params(v: unknown): Record<string, string> {
  if (!isRecord(v)) return fail('params', `must be an object of link keys (got ${shown(v)})`);
  const keys = Object.keys(v);
  if (keys.length === 0) fail('params', 'names no link key');
  if (keys.length > LIMITS.maxKeys)
    fail('params', `at most ${LIMITS.maxKeys} keys (got ${keys.length})`);
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const k of keys) {
    const field = `params.${echo(k)}`;
    linkKey(field, k);
    const value = v[k];
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) fail(field, `must be a finite number (got ${value})`);
      out[k] = String(value);
    } else if (typeof value === 'string') {
      if (value.length > LIMITS.maxValueLength)
        fail(field, `at most ${LIMITS.maxValueLength} characters (got ${value.length})`);
      out[k] = value;
    } else fail(field, `must be a string or a number (got ${shown(value)})`);
  }
  // A plain object again for the widget, built from checked own keys only.
  return { ...out };
}

function keyList(v: unknown): string[] {
  if (!Array.isArray(v)) return fail('keys', `must be an array of link keys (got ${shown(v)})`);
  if (v.length > LIMITS.maxKeys) fail('keys', `at most ${LIMITS.maxKeys} keys (got ${v.length})`);
  return v.map((k, i) => linkKey(`keys[${i}]`, k));
}

function messageId(v: unknown): MessageId {
  if (v === undefined) return null;
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.length <= LIMITS.maxIdLength) return v;
  return fail(
    'id',
    `must be a finite number or a string of at most ${LIMITS.maxIdLength} characters (got ${shown(v)})`,
  );
}

function commandOf(type: CommandType, m: Record<string, unknown>): EmbedCommand {
  switch (type) {
    case 'step':
      return { type, n: m.n === undefined ? 1 : integerIn('n', m.n, 1, LIMITS.maxSteps) };
    case 'seek':
      if (m.step === undefined) fail('step', 'missing: seek needs the step to show');
      return { type, step: integerIn('step', m.step, 0, Number.MAX_SAFE_INTEGER) };
    case 'set':
      return { type, params: params(m.params) };
    case 'get':
      return m.keys === undefined ? { type } : { type, keys: keyList(m.keys) };
    default:
      return { type };
  }
}

/**
 * One message's data → its command, or an error naming the first field at fault. The id is
 * read first, so that even a refused command's reply can carry it when it was valid.
 */
export function parseCommand(data: unknown): ParsedCommand {
  if (!isRecord(data))
    return {
      error: `Invalid message: must be an object with a 'type' (got ${shown(data)})`,
      id: null,
    };
  let id: MessageId;
  try {
    id = messageId(data.id);
  } catch (e) {
    if (e instanceof FieldError) return { error: e.message, id: null };
    throw e;
  }
  const type = data.type;
  if (typeof type !== 'string' || !(COMMAND_TYPES as readonly string[]).includes(type))
    return {
      error: `Invalid message field 'type': must be one of ${COMMAND_TYPES.join(', ')} (got ${shown(type)})`,
      id,
    };
  const t = type as CommandType;
  try {
    const stray = Object.keys(data).find(
      (k) => k !== 'type' && k !== 'id' && !FIELDS[t].includes(k),
    );
    if (stray !== undefined)
      fail(
        echo(stray),
        `'${t}' takes ${FIELDS[t].length ? FIELDS[t].join(', ') + ' and ' : ''}id only`,
      );
    return { command: commandOf(t, data), id };
  } catch (e) {
    if (e instanceof FieldError) return { error: e.message, id, type: t };
    throw e;
  }
}

/**
 * True for what only the widget posts (`step` is a command too), so that a host which echoes the
 * widget's messages back gets no error replies, and two bridges never answer each other for ever.
 */
export const isOutgoing = (data: unknown): boolean =>
  isRecord(data) &&
  (OUTGOING_TYPES as readonly unknown[]).includes(data.type) &&
  !(COMMAND_TYPES as readonly unknown[]).includes(data.type);

export interface Reply {
  type: 'reply';
  id: MessageId;
  command: CommandType | null;
  ok: boolean;
  result?: unknown;
  error?: string;
}

/** Link keys as a fresh plain object of strings (whatever the widget handed over). */
export function plainParams(p: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(p)) {
    const v = p[k];
    if (typeof v === 'string' && !FORBIDDEN_KEYS.has(k)) out[k] = v;
  }
  return out;
}
