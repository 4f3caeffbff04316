/** The corrupted-file fixtures of issue 16 (test/fixtures/corrupt/) and what each should give. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FixtureRecord, Outcome } from '../../scripts/make-corrupt-fixtures';
import { repoRoot } from '../referencePath';

export type { FixtureRecord, Outcome };

export const CORRUPT_DIR = path.join(repoRoot, 'test/fixtures/corrupt');

/** The fixtures (of one kind), as fixtures.json lists them. */
export function corruptFixtures(kind?: FixtureRecord['kind']): FixtureRecord[] {
  const all = JSON.parse(
    readFileSync(path.join(CORRUPT_DIR, 'fixtures.json'), 'utf8'),
  ) as FixtureRecord[];
  return kind ? all.filter((f) => f.kind === kind) : all;
}

export const corruptPath = (file: string) => path.join(CORRUPT_DIR, file);
export const corruptBytes = (file: string) => new Uint8Array(readFileSync(corruptPath(file)));

/** The outcome on the landscape page (its own where it differs), or the readers'. */
export function outcomeOf(f: FixtureRecord, where: 'reader' | 'page'): Outcome {
  return where === 'page' ? (f.page ?? f.expect) : f.expect;
}
