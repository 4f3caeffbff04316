import { spawn } from 'node:child_process';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { repoRoot } from '../referencePath';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node NODE_ARGS` in the repository root as a child process, stdin given and closed. */
export function runNode(nodeArgs: string[], stdin?: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs, { cwd: repoRoot });
    let stdout = '',
      stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

/** Runs `landscape-lab ARGS` exactly as `npx landscape-lab` does (the package's bin script, a child process). */
export function cli(args: string[], stdin?: string): Promise<CliRun> {
  return runNode([path.join(repoRoot, 'bin/landscape-lab.mjs'), ...args], stdin);
}

/**
 * Runs `landscape-lab ARGS` until its stderr matches `until` (then kills it: for jobs that are
 * meant to start but not to finish in a test) or it exits by itself; `killed` says which.
 */
export function cliUntil(
  args: string[],
  until: RegExp,
  timeoutMs = 60_000,
): Promise<CliRun & { killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/landscape-lab.mjs'), ...args], {
      cwd: repoRoot,
    });
    let stdout = '',
      stderr = '',
      killed = false;
    const stop = () => {
      if (!killed && child.exitCode === null) {
        killed = true;
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(stop, timeoutMs);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      if (until.test(stderr)) stop();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, killed });
    });
    child.stdin.end('');
  });
}

/** main() in this process with captured output (the bin's code path without its start-up). */
export async function inProcess(args: string[], stdin = ''): Promise<CliRun> {
  let stdout = '',
    stderr = '';
  const code = await main(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => stdin,
  });
  return { code, stdout, stderr };
}
