import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in <root>/test). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Absolute path of a file in the shared PyTorch reference folder (../shared/reference). */
export function referencePath(name: string): string {
  return path.resolve(repoRoot, '../shared/reference', name);
}

/** A JSON file of the shared reference, parsed (untyped: each test narrows what it reads). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function loadReference(name: string): any {
  return JSON.parse(readFileSync(referencePath(name), 'utf8'));
}
