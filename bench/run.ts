/**
 * `npm run bench [name …]`: every benchmark, each a ratio measured within this one run (so the
 * numbers compare like with like on whatever machine runs it), printed and written to
 * bench/results.json, one section per benchmark with its own measured_at.
 *
 * It degrades, never crashes: a benchmark that needs a browser where there is none, or one that
 * fails, prints one line saying why, its section records that reason instead of figures, and the
 * others still run. A failure exits 1 (a bug to look at); a missing browser exits 0.
 */
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, NO_BROWSER } from '../test/e2e/browser';
import { benchCoreVsFusedAsShipped } from './coreVsFusedAsShipped';
import { benchFirstPage } from './firstPage';
import { benchLandscape } from './landscapeThroughput';
import { benchLandscapeVsPytorch } from './landscapeVsPytorch';
import { runAsShipped } from './asShipped';
import { benchMapGpu } from './mapGpu';
import { benchRaceRedraw } from './raceRedraw';
import { benchTrainVsPytorch } from './trainVsPytorch';

interface Bench {
  name: string;
  needsBrowser?: boolean;
  run: () => Promise<Record<string, unknown>> | Record<string, unknown>;
}

const BENCHES: Bench[] = [
  { name: 'core', run: () => benchCoreVsFusedAsShipped() },
  { name: 'landscape', run: () => benchLandscape() },
  { name: 'train', run: () => benchTrainVsPytorch() },
  { name: 'landscape-pytorch', run: () => benchLandscapeVsPytorch() },
  // The batched map against the core's scalar runs, as both ship (bundled, fresh process).
  { name: 'map', run: () => runAsShipped('mapVsScalar', 'benchMapVsScalar') },
  // The same on WebGL / WebGPU in Chromium: timed only where the page sees a real GPU.
  { name: 'map-gpu', needsBrowser: true, run: () => benchMapGpu() },
  {
    name: 'race',
    needsBrowser: true,
    // Chromium with CPU raster: this machine has no GPU, and raster through SwiftShader's software GL
    // would time the emulator, not the app. RACE_BENCH_ARGS='' measures the SwiftShader path instead.
    run: async () => ({
      ...(await benchRaceRedraw({
        chromiumArgs: (process.env.RACE_BENCH_ARGS ?? '--disable-gpu').split(' ').filter(Boolean),
      })),
    }),
  },
  { name: 'first-page', run: () => benchFirstPage() },
];

/**
 * One line of an error: its message only. The stack of an error thrown inside tfjs-wasm's
 * Emscripten module would print that module's source (30 KB on one line).
 */
const firstLine = (e: unknown) =>
  (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 300);

// BENCH_RESULTS writes elsewhere (the tests use it so as not to touch the committed figures).
const out = process.env.BENCH_RESULTS ?? fileURLToPath(new URL('./results.json', import.meta.url));
const only = process.argv.slice(2);
const unknown = only.filter((n) => !BENCHES.some((b) => b.name === n));
if (unknown.length) {
  console.error(
    `npm run bench: unknown benchmark ${unknown.join(', ')} (known: ${BENCHES.map((b) => b.name).join(', ')})`,
  );
  process.exit(2);
}

const previous = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : {};
// Sections of benchmarks not run this time stay as they were, each with its own measured_at.
const results: Record<string, unknown> = Object.fromEntries(
  BENCHES.filter((b) => typeof previous[b.name] === 'object').map((b) => [
    b.name,
    previous[b.name],
  ]),
);

let failed = 0;
for (const bench of BENCHES) {
  if (only.length && !only.includes(bench.name)) continue;
  const measured_at = () => new Date().toISOString();
  if (bench.needsBrowser && !CHROMIUM) {
    console.log(`bench ${bench.name} … skipped: ${NO_BROWSER}`);
    results[bench.name] = { skipped: NO_BROWSER, measured_at: measured_at() };
    continue;
  }
  process.stdout.write(`bench ${bench.name} … `);
  try {
    const figures = await bench.run();
    results[bench.name] = { ...figures, measured_at: measured_at() };
    console.log(JSON.stringify(figures));
  } catch (e) {
    failed++;
    console.log(`FAILED: ${firstLine(e)}`);
    results[bench.name] = { failed: firstLine(e), measured_at: measured_at() };
  }
}
writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
console.log(`wrote ${out}`);
process.exitCode = failed ? 1 : 0;
