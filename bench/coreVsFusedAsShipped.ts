import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { benchCoreVsFused } from './coreVsFused';

/**
 * `core_vs_fused` on the core as it ships: bench/coreVsFused.ts bundled into one scope-hoisted
 * module, as Vite bundles the race worker, and run in a fresh Node process. Under tsx every
 * imported function is reached through a getter on its module's exports, which the app never
 * pays (measured on a loaded 2-core VM: ~0.30 under tsx where the bundle gives ~0.48); a fresh
 * process keeps the other benchmarks' JIT state and heap out of the timing.
 */
export async function benchCoreVsFusedAsShipped(): Promise<
  ReturnType<typeof benchCoreVsFused> & { core_measured_as: string }
> {
  const dir = mkdtempSync(join(tmpdir(), 'core-vs-fused-'));
  try {
    const outfile = join(dir, 'coreVsFused.mjs');
    await build({
      stdin: {
        contents:
          "import { benchCoreVsFused } from './coreVsFused';\nconsole.log(JSON.stringify(benchCoreVsFused()));",
        resolveDir: import.meta.dirname,
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile,
      logLevel: 'error',
    });
    const out = execFileSync(process.execPath, [outfile], { encoding: 'utf8' });
    return { ...JSON.parse(out), core_measured_as: 'esbuild bundle, fresh node process' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
