import { spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../referencePath';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `landscape-lab ARGS` exactly as `npx landscape-lab` does (the package's bin script, a child process). */
export function cli(args: string[], stdin?: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/landscape-lab.mjs'), ...args], {
      cwd: repoRoot,
    });
    let stdout = '',
      stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}
