import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cliError';

/** node:util parseArgs in strict mode, with its errors turned into CLI usage errors. */
export function parseFlags<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, command: string) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
  } catch (e) {
    throw new CliError(`${(e as Error).message.replace(/\. To specify.*$/s, '')}\nRun 'landscape-lab ${command} --help' for usage.`);
  }
}
