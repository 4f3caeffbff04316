import { runAsShipped } from './asShipped';
import type { benchCoreVsFused } from './coreVsFused';

/**
 * `core_vs_fused` on the core as it ships: bench/coreVsFused.ts bundled into one scope-hoisted
 * module, as Vite bundles the race worker, and run in a fresh Node process (bench/asShipped.ts).
 * Under tsx every imported function is reached through a getter on its module's exports, which
 * the app never pays (measured on a loaded 2-core VM: ~0.30 under tsx where the bundle gives
 * ~0.48); a fresh process keeps the other benchmarks' JIT state and heap out of the timing.
 */
export async function benchCoreVsFusedAsShipped(): Promise<
  ReturnType<typeof benchCoreVsFused> & { core_measured_as: string }
> {
  const r = await runAsShipped<ReturnType<typeof benchCoreVsFused>>(
    'coreVsFused',
    'benchCoreVsFused',
  );
  return { ...r, core_measured_as: 'esbuild bundle, fresh node process' };
}
