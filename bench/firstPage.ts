/**
 * `first_page_gzip_kb`: what a visitor's browser downloads before the home page (index.html) can
 * run, gzipped, against the 700 KB bound; the race page's beside it for comparison.
 * The site is built as shipped (all its pages, so chunks split as they do in production), and
 * each page's files are found the way the browser finds them: the scripts, module preloads and
 * stylesheets its HTML names, then every static `import … from` / `import "…"` / `export … from`
 * of those scripts, transitively. Dynamic `import()` chunks load only when used (a lesson's body,
 * three.js behind the 3D gate, tfjs in the workers) and are not counted; neither are images.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { ARTIFACTS, ROOT } from '../test/e2e/harness';

export const FIRST_PAGE_BOUND_KB = 700;

/** Strings each heavy library's code carries, to check a page's files are free of them. */
export const HEAVY_MARKERS: Record<string, string> = {
  tfjs: 'CHECK_COMPUTATION_FOR_ERRORS',
  'three.js': 'WebGLRenderer',
  h5wasm: 'h5wasm',
  KaTeX: 'KaTeX parse error',
};

const HTML_REFS = /<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+\.(?:js|css))"/g;
// Static imports in bundled ES modules: `import{a}from"./x.js"`, `import"./x.js"`,
// `export{a}from"./x.js"`; `import("./x.js")` (dynamic) has a parenthesis and does not match.
const JS_IMPORTS =
  /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+\.js)["']/g;

/** The JS and CSS files a built page loads before it runs, as absolute paths, in discovery order. */
export function pageAssets(dist: string, html: string): string[] {
  const htmlFile = resolve(dist, html);
  const text = readFileSync(htmlFile, 'utf8');
  const seen = new Set<string>();
  const queue = [...text.matchAll(HTML_REFS)].map((m) => resolve(dirname(htmlFile), m[1]));
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(JS_IMPORTS)) queue.push(resolve(dirname(file), m[1]));
  }
  return [...seen];
}

const gzipBytes = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

export interface PageWeight {
  gzipKb: number;
  files: string[];
  /** Heavy libraries whose marker a file of the page holds (should be none on the home page). */
  heavy: string[];
}

/** A built page's gzipped weight: its HTML and every JS/CSS file it loads up front. */
export function pageWeight(dist: string, html: string): PageWeight {
  const assets = pageAssets(dist, html);
  const bytes = [resolve(dist, html), ...assets].reduce((sum, f) => sum + gzipBytes(f), 0);
  const code = assets.map((f) => readFileSync(f, 'utf8'));
  const heavy = Object.entries(HEAVY_MARKERS)
    .filter(([, marker]) => code.some((c) => c.includes(marker)))
    .map(([lib]) => lib);
  return {
    gzipKb: Math.round((bytes / 1024) * 10) / 10,
    files: assets.map((f) => relative(dist, f)),
    heavy,
  };
}

export async function benchFirstPage(): Promise<Record<string, unknown>> {
  const dist = resolve(ARTIFACTS, 'bench-first-page-dist');
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  const home = pageWeight(dist, 'index.html');
  const race = pageWeight(dist, 'race.html');
  return {
    first_page_gzip_kb: home.gzipKb,
    first_page_bound_kb: FIRST_PAGE_BOUND_KB,
    first_page_within_bound: home.gzipKb <= FIRST_PAGE_BOUND_KB,
    first_page_files: home.files.length,
    first_page_heavy_libraries: home.heavy,
    race_page_gzip_kb: race.gzipKb,
    race_page_files: race.files.length,
    first_page_setup:
      'production build of the whole site; index.html plus the JS/CSS its HTML and static imports load, gzip -9; images and dynamic imports not counted',
  };
}
