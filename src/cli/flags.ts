/**
 * The one flag parser of every subcommand: node:util parseArgs in strict mode, and the checks of
 * numeric values (integers, numbers, MIN:MAX ranges), each a CliError naming its flag, the valid
 * range and the value given. No flag value can reach the computation unchecked: NaN, ±Infinity,
 * 1e999, '', non-numbers and values out of range all stop here with exit code 2.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cliError';

/** A value as an error message quotes it, clipped so that a pasted megabyte stays one line. */
export function shown(raw: string, max = 60): string {
  return `'${raw.length > max ? `${raw.slice(0, max)}…' (${raw.length} characters)` : `${raw}'`}`;
}

/** `-1`, `-.5`, `-1e3`, `-Infinity`, `-1:1`: a negative number (or range) rather than a flag. */
const NEGATIVE_NUMBER = /^-(\d|\.\d|inf|nan)/i;

/**
 * node:util parseArgs in strict mode, with its errors turned into CLI usage errors. A value that
 * starts with '-' and reads as a negative number (`--seed -1`, `--range -1:1`) is taken as the
 * flag's value, as users mean it, so that the range check names the flag rather than parseArgs
 * calling it ambiguous.
 */
export function parseFlags<O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
  command: string,
) {
  const valued = Object.entries(options)
    .filter(([, o]) => o.type === 'string')
    .flatMap(([name, o]) => [`--${name}`, ...(o.short ? [`-${o.short}`] : [])]);
  try {
    return parseArgs({
      args: glueDashValues(args, valued, NEGATIVE_NUMBER),
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    throw new CliError(
      `${(e as Error).message.replace(/\.?\s*To specify.*$/s, '')}\nRun 'landscape-lab ${command} --help' for usage.`,
    );
  }
}

/** The largest --seed of every command (seeds are 32-bit in the RNGs; 2³¹ − 1 keeps them positive). */
export const SEED_MAX = 2 ** 31 - 1;

/** "between 1 and 201", or "≥ 1" without an upper bound. */
const bounds = (min: number, max: number) =>
  max === Infinity ? `≥ ${min}` : `between ${min} and ${max}`;

/**
 * An integer flag value in [min, max], or `dflt` when the flag is absent. `max` may be Infinity
 * for counts whose size the caps judge (with an estimate) before a hard limit does.
 */
export function intFlag(
  name: string,
  raw: string | undefined,
  dflt: number,
  min: number,
  max: number,
): number {
  if (raw === undefined) return dflt;
  const x = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(x))
    throw new CliError(`--${name} must be an integer ${bounds(min, max)}, got ${shown(raw)}`);
  if (x < min || x > max) throw new CliError(`--${name} must be ${bounds(min, max)}, got ${x}`);
  return x;
}

/** A finite number flag value in [min, max], or `dflt` when the flag is absent. */
export function numberFlag(
  name: string,
  raw: string | undefined,
  dflt: number,
  min: number,
  max: number,
): number {
  if (raw === undefined) return dflt;
  const x = raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(x))
    throw new CliError(
      `--${name} must be a finite number between ${min} and ${max}, got ${shown(raw)}`,
    );
  if (x < min || x > max)
    throw new CliError(`--${name} must be between ${min} and ${max}, got ${x}`);
  return x;
}

/**
 * The largest |MIN| or |MAX| of a --range: α·d with α = 1e9 already scales a weight-sized
 * direction a billion times, and beyond ~1e307 MAX − MIN overflows to Infinity.
 */
export const RANGE_LIMIT = 1e9;
/**
 * The narrowest --range, relative to max(1, |MIN|, |MAX|): 201 points on a narrower one would
 * repeat coordinates in float64, and surface files need strictly increasing ones.
 */
export const RANGE_MIN_WIDTH = 1e-9;

/** What `rangeFlag` accepts, for --help. */
export const RANGE_HELP = `|MIN|, |MAX| ≤ 1e9, MAX − MIN ≥ 1e-9·max(1, |MIN|, |MAX|)`;

/** `MIN:MAX` with finite MIN < MAX, |MIN|, |MAX| ≤ RANGE_LIMIT and a width of at least RANGE_MIN_WIDTH. */
export function rangeFlag(name: string, raw: string): [number, number] {
  const parts = raw.split(':');
  const [a, b] = parts.map((s) => (s.trim() === '' ? NaN : Number(s)));
  if (parts.length !== 2 || !Number.isFinite(a) || !Number.isFinite(b) || !(a < b))
    throw new CliError(
      `--${name} must be MIN:MAX with MIN < MAX (e.g. -1:1), both finite, got ${shown(raw)}`,
    );
  if (Math.abs(a) > RANGE_LIMIT || Math.abs(b) > RANGE_LIMIT)
    throw new CliError(
      `--${name} must be MIN:MAX within ±${RANGE_LIMIT.toExponential(0)}, got ${shown(raw)}`,
    );
  if (b - a < RANGE_MIN_WIDTH * Math.max(1, Math.abs(a), Math.abs(b)))
    throw new CliError(
      `--${name} must be at least ${RANGE_MIN_WIDTH.toExponential(0)} wide (× max(1, |MIN|, |MAX|)), got ${shown(raw)}`,
    );
  return [a, b];
}

/**
 * Flags whose values may start with '-' (`--range -1:1`): glued to their flag before parsing;
 * with `when`, only values that match it.
 */
function glueDashValues(args: string[], flags: readonly string[], when?: RegExp): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const next = args[i + 1];
    if (
      flags.includes(args[i]) &&
      next !== undefined &&
      next.startsWith('-') &&
      (!when || when.test(next))
    ) {
      out.push(`${args[i]}=${next}`);
      i++;
    } else out.push(args[i]);
  }
  return out;
}
