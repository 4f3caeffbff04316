import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * Runs `fn()` of a bench module as the app ships its code: bundled by esbuild into one
 * scope-hoisted module (as Vite bundles a worker) and run in a fresh Node process, so tsx's
 * per-import getters and the other benchmarks' JIT state and heap stay out of the timing. The
 * function's result (JSON) comes back. Packages stay external and the bundle sits under
 * node_modules/.cache, so tfjs finds its .wasm files as it does in the repository.
 */
export async function runAsShipped<T>(module: string, fn: string): Promise<T> {
  const cache = fileURLToPath(new URL('../node_modules/.cache/', import.meta.url));
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'bench-as-shipped-'));
  try {
    const outfile = join(dir, 'bench.mjs');
    await build({
      stdin: {
        contents: `import { ${fn} } from './${module}';\nconsole.log(JSON.stringify(await ${fn}()));`,
        resolveDir: import.meta.dirname,
        loader: 'ts',
      },
      bundle: true,
      packages: 'external',
      format: 'esm',
      platform: 'node',
      outfile,
      logLevel: 'error',
    });
    const out = execFileSync(process.execPath, [outfile], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 26,
    });
    // The last line is the result (tfjs may print notices before it).
    return JSON.parse(out.trim().split('\n').at(-1)!) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
