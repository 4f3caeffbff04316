/**
 * Output paths checked before any work starts, so that an hour of training or slicing is not
 * lost to a typo, a read-only folder or a file where a folder should be. Each problem is a
 * CliError naming the flag. The check writes nothing that stays: an existing file is opened for
 * writing without being truncated; a new one is created and removed at once.
 */
import { constants } from 'node:fs';
import { open, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { CliError } from './cliError';

/** One output: a file the command writes, or a folder it creates and fills (`train --out`). */
export interface OutputPath {
  flag: string;
  path: string | null | undefined;
  kind: 'file' | 'folder';
}

const why = (e: unknown): string => {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'ENAMETOOLONG') return 'the name is too long';
  if (code === 'ENOENT') return 'files cannot be created there';
  return (e as Error).message;
};

async function statOrNull(p: string) {
  try {
    return await stat(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ENOTDIR') return 'notdir' as const;
    throw e;
  }
}

/** Creates `file` (which must not exist) and removes it again: can this folder take new files? */
async function probeCreate(flag: string, shownPath: string, file: string): Promise<void> {
  try {
    await (await open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL)).close();
  } catch (e) {
    throw new CliError(`--${flag}: cannot write '${shownPath}': ${why(e)}`);
  }
  await unlink(file).catch(() => {});
}

/** The nearest folder at or above `p` that exists; a file on the way is a CliError. */
async function nearestFolder(flag: string, shownPath: string, p: string): Promise<string> {
  for (let dir = p; ; dir = path.dirname(dir)) {
    const s = await statOrNull(dir);
    if (s && s !== 'notdir' && !s.isDirectory())
      throw new CliError(
        `--${flag}: cannot create '${shownPath}': '${dir}' is a file, not a folder`,
      );
    if (s && s !== 'notdir') return dir;
    if (path.dirname(dir) === dir) return dir;
  }
}

async function checkFile(flag: string, p: string): Promise<void> {
  const abs = path.resolve(p);
  const s = await statOrNull(abs);
  if (s === 'notdir')
    throw new CliError(`--${flag}: cannot write '${p}': a folder on its path is a file`);
  if (s?.isDirectory())
    throw new CliError(
      `--${flag}: '${p}' is a folder; give a file name (e.g. ${path.join(p, 'out.h5')})`,
    );
  if (s) {
    try {
      await (await open(abs, constants.O_WRONLY)).close();
    } catch (e) {
      throw new CliError(`--${flag}: cannot write '${p}': ${why(e)}`);
    }
    return;
  }
  const dir = path.dirname(abs);
  const d = await statOrNull(dir);
  if (d === null)
    throw new CliError(
      `--${flag}: cannot write '${p}': the folder '${path.dirname(p)}' does not exist`,
    );
  if (d === 'notdir' || !d.isDirectory())
    throw new CliError(`--${flag}: cannot write '${p}': '${path.dirname(p)}' is not a folder`);
  await probeCreate(flag, p, abs);
}

async function checkFolder(flag: string, p: string): Promise<void> {
  const abs = path.resolve(p);
  const s = await statOrNull(abs);
  if (s && s !== 'notdir' && !s.isDirectory())
    throw new CliError(`--${flag}: '${p}' is a file; this command writes a folder there`);
  const dir = await nearestFolder(flag, p, abs);
  await probeCreate(flag, p, path.join(dir, `.landscape-lab-write-test-${process.pid}`));
}

/**
 * Checks every given output (absent ones are skipped): a file must be writable where it is or
 * creatable in an existing folder; a folder must exist as a writable folder or be creatable
 * under its nearest existing one. Two outputs may not be the same path.
 */
export async function checkOutputs(outputs: readonly OutputPath[]): Promise<void> {
  const seen = new Map<string, string>();
  for (const o of outputs) {
    if (o.path === undefined || o.path === null) continue;
    if (o.path.trim() === '') throw new CliError(`--${o.flag}: empty path`);
    const key = path.resolve(o.path);
    const other = seen.get(key);
    if (other) throw new CliError(`--${o.flag}: same path as --${other} ('${o.path}')`);
    seen.set(key, o.flag);
    if (o.kind === 'file') await checkFile(o.flag, o.path);
    else await checkFolder(o.flag, o.path);
  }
}
