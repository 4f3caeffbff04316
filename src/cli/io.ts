import { readFile, writeFile } from 'node:fs/promises';
import { CliError } from './cliError';
import { parseJsonText } from './jsonText';

/** Where a command reads and writes; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
}

export const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

/**
 * Reads a JSON config from a file path, or from stdin for `-`; errors name the file and the
 * problem, or the field (a byte-order mark is fine; 1e999 and too-deep nesting are not).
 */
export async function readJsonConfig(source: string | undefined, io: CliIo): Promise<unknown> {
  if (!source) throw new CliError('missing --config FILE (use - to read the config from stdin)');
  let text: string;
  try {
    text = source === '-' ? await io.readStdin() : await readFile(source, 'utf8');
  } catch (e) {
    throw new CliError(
      `cannot read config '${source}': ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    );
  }
  return parseJsonText(text, `config '${source}'`);
}

/** Writes a result file; a failure is a CLI error naming the file. */
export async function writeOrFail(file: string, data: Uint8Array | string): Promise<void> {
  try {
    await writeFile(file, data);
  } catch (e) {
    throw new CliError(`cannot write '${file}': ${(e as Error).message}`);
  }
}

/** A duration for people: tenths under 10 s (a toy slice takes 0.1 s, not "0s"), whole seconds to 90 s, then minutes. */
export const fmtTime = (s: number) =>
  s < 10
    ? `${s.toFixed(1)}s`
    : s < 90
      ? `${s.toFixed(0)}s`
      : `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;

/** A number to 4 significant digits, in exponent form when very large or very small (λ, curvatures). */
export const fmtNumber = (v: number) =>
  Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : v.toPrecision(4);
