/**
 * `npm run bench`: every benchmark, each a ratio measured within this one run (so the numbers
 * compare like with like on whatever machine runs it), printed and written to bench/results.json.
 */
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchCoreVsFused } from './coreVsFused';
import { benchLandscape } from './landscapeThroughput';

const out = fileURLToPath(new URL('./results.json', import.meta.url));
const only = process.argv.slice(2);
const results: Record<string, unknown> = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : {};

const benches: [string, () => Promise<Record<string, unknown>> | Record<string, unknown>][] = [
  ['core', () => benchCoreVsFused()],
  ['landscape', () => benchLandscape()],
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
