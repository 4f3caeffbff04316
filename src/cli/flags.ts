import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cliError';

/** node:util parseArgs in strict mode, with its errors turned into CLI usage errors. */
export function parseFlags<O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
  command: string,
) {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    throw new CliError(
      `${(e as Error).message.replace(/\. To specify.*$/s, '')}\nRun 'landscape-lab ${command} --help' for usage.`,
    );
  }
}

/** An integer flag value in [min, max], or `dflt` when the flag is absent. */
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
    throw new CliError(`--${name} must be an integer, got '${raw}'`);
  if (x < min || x > max)
    throw new CliError(`--${name} must be between ${min} and ${max}, got ${x}`);
  return x;
}

/** Flags whose values may start with '-' (`--range -1:1`): glued to their flag before parsing. */
export function glueDashValues(args: string[], flags: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (flags.includes(args[i]) && i + 1 < args.length && args[i + 1].startsWith('-')) {
      out.push(`${args[i]}=${args[i + 1]}`);
      i++;
    } else out.push(args[i]);
  }
  return out;
}
