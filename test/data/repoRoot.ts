import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in <root>/test/data). */
export const repoRootFromTest = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
