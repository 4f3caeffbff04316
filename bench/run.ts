/**
 * `npm run bench`: every benchmark, each a ratio measured within this one run (so the numbers
 * compare like with like on whatever machine runs it), printed and written to bench/results.json.
 */
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchCoreVsFused } from './coreVsFused';
import { benchLandscape } from './landscapeThroughput';
import { benchRaceRedraw } from './raceRedraw';

const out = fileURLToPath(new URL('./results.json', import.meta.url));
const only = process.argv.slice(2);
const results: Record<string, unknown> = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : {};

const benches: [string, () => Promise<Record<string, unknown>> | Record<string, unknown>][] = [
  ['core', () => benchCoreVsFused()],
  ['landscape', () => benchLandscape()],
  // Chromium with CPU raster: this machine has no GPU, and raster through SwiftShader's software GL
  // would time the emulator, not the app. RACE_BENCH_ARGS='' measures the SwiftShader path instead.
  ['race', async () => ({ ...(await benchRaceRedraw({ chromiumArgs: (process.env.RACE_BENCH_ARGS ?? '--disable-gpu').split(' ').filter(Boolean) })) })],
];

for (const [name, fn] of benches) {
  if (only.length && !only.includes(name)) continue;
  process.stdout.write(`bench ${name} … `);
  const r = await fn();
  Object.assign(results, r);
  console.log(JSON.stringify(r));
}
results.measured_at = new Date().toISOString();
writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
console.log(`wrote ${out}`);
