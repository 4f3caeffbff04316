/**
 * A fresh clone has no ../shared folder beside it (CI happens to have one), so nothing the project
 * runs or builds may read it: the reference data lives in test/fixtures/pytorch.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, referenceDir } from '../referencePath';

const SCANNED = ['src', 'test', 'scripts', 'bench', '.ci', 'bin'];
const ROOT_FILES = [
  'package.json',
  'vite.config.ts',
  'tsconfig.json',
  'index.html',
  'landscape.html',
];
const TEXT = /\.(ts|tsx|mts|mjs|js|cjs|json|py|sh|html|md|css)$|^run$/;
// '../shared', '..\shared', path.join(…, '..', 'shared'), or any 'shared/reference'.
const SHARED = /\.\.[/\\]shared\b|['"]\.\.['"]\s*,\s*['"]shared['"]|shared[/\\]reference/;
const self = path.relative(repoRoot, import.meta.filename);

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(full).isDirectory() ? files(full) : TEXT.test(name) ? [full] : [];
  });
}

describe('the repository stands on its own', () => {
  it('no source, test, script, bench or CI file reads ../shared', () => {
    const scanned = [
      ...SCANNED.flatMap((d) => files(path.join(repoRoot, d))),
      ...ROOT_FILES.map((f) => path.join(repoRoot, f)),
    ];
    expect(scanned.length).toBeGreaterThan(100);
    const offenders = scanned
      .map((f) => path.relative(repoRoot, f))
      .filter((rel) => rel !== self)
      .flatMap((rel) =>
        readFileSync(path.join(repoRoot, rel), 'utf8')
          .split('\n')
          .map((line, i) => (SHARED.test(line) ? `${rel}:${i + 1}: ${line.trim()}` : null))
          .filter((x): x is string => x !== null),
      );
    expect(offenders).toEqual([]);
  });

  it('the pattern catches the ways a path to ../shared gets written', () => {
    for (const line of [
      "readFileSync('../shared/reference/x.json')",
      "path.resolve(root, '..', 'shared')",
      'see shared/reference/README.md',
    ])
      expect(SHARED.test(line), line).toBe(true);
    expect(SHARED.test("import { shared } from './sharedState'")).toBe(false);
  });

  it('carries the PyTorch reference files the tests read, with their README', () => {
    for (const name of [
      'README.md',
      'surface_rosenbrock.json',
      'surface_saddle.json',
      'surface_quadratic.json',
      'schedules.json',
      'filter_norm.json',
      'sample_surface.h5',
      'sample_directions.h5',
    ])
      expect(existsSync(path.join(referenceDir, name)), name).toBe(true);
  });
});
