import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in <root>/test). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The PyTorch reference data the tests compare against, carried in the repository. */
export const referenceDir = path.resolve(repoRoot, 'test/fixtures/pytorch');

/** Absolute path of a file of the PyTorch reference (test/fixtures/pytorch/README.md says what each holds). */
export function referencePath(name: string): string {
  return path.resolve(referenceDir, name);
}

/** A JSON file of the reference, parsed (untyped: each test narrows what it reads). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function loadReference(name: string): any {
  return JSON.parse(readFileSync(referencePath(name), 'utf8'));
}
