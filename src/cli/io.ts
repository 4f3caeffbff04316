import { readFile } from 'node:fs/promises';
import { CliError } from './cliError';

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

/** Reads a JSON config from a file path, or from stdin for `-`; errors name the file and the problem. */
export async function readJsonConfig(source: string | undefined, io: CliIo): Promise<unknown> {
  if (!source) throw new CliError('missing --config FILE (use - to read the config from stdin)');
  let text: string;
  try {
    text = source === '-' ? await io.readStdin() : await readFile(source, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read config '${source}': ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(`config '${source}' is not valid JSON: ${(e as Error).message}`);
  }
}
