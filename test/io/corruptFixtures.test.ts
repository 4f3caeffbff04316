/**
 * The corrupted `.h5` fixtures (test/fixtures/corrupt/, issue 16) against the readers in Node:
 * each gives the outcome fixtures.json records (read, or an H5FormatError naming the dataset or
 * the problem), nothing else escapes the parsers, and the landscape page's store keeps a good
 * file shown when a bad one fails. The committed files are what the generator writes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIRECTION_MAX_VALUES, readDirectionsH5 } from '../../src/io/h5Directions';
import { H5FormatError, h5ToBytes } from '../../src/io/h5wasmLoader';
import { readSurfaceExtras, readSurfaceH5 } from '../../src/io/surfaceFile';
import { openH5 } from '../../src/state/landscapeRunner';
import { useLandscapeStore } from '../../src/state/landscapeStore';
import { referencePath, repoRoot } from '../referencePath';
import { CORRUPT_DIR, corruptBytes, corruptFixtures, outcomeOf } from './corruptFixtures';

const surfaces = corruptFixtures('surface-h5');

/** The error `fn` rejects with, or null when it resolves. */
async function failure(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
    return null;
  } catch (e) {
    return e;
  }
}

describe('corrupted surface files against the readers', () => {
  it.each(surfaces.map((f) => [f.file, f] as const))('%s', async (_, f) => {
    const bytes = corruptBytes(f.file);
    const err = await failure(() => readSurfaceH5(bytes));
    if ('ok' in f.expect) {
      expect(err).toBeNull();
    } else {
      expect(err).toBeInstanceOf(H5FormatError);
      expect((err as Error).message).toMatch(/^surface file: /);
      expect((err as Error).message).toMatch(new RegExp(f.expect.error));
    }
    // The other readers of the same bytes fail just as cleanly (or read).
    for (const read of [() => readSurfaceExtras(bytes), () => readDirectionsH5(bytes)]) {
      const other = await failure(read);
      if (other !== null) expect(other).toBeInstanceOf(H5FormatError);
    }
  });
});

describe('direction files declaring more than a direction may hold', () => {
  it('refuses the dataset that goes over 2²⁶ values in all, by its declared shape', async () => {
    // Parameter 0 is written (1,000 values); parameter 1 declares the rest and one more, unwritten.
    const over = DIRECTION_MAX_VALUES - 1000 + 1;
    const bytes = await h5ToBytes('test', (f) => {
      const g = f.create_group('xdirection');
      g.create_dataset({ name: '0', data: new Float64Array(1000), shape: [1000], dtype: '<d' });
      const big = g.create_dataset({
        name: '1',
        data: new Float64Array(1),
        shape: [1],
        maxshape: [null],
        chunks: [1024],
        dtype: '<d',
      });
      big.resize([over]);
    });
    await expect(readDirectionsH5(bytes)).rejects.toThrow(
      `direction file: dataset '/xdirection/1' declares shape [${over}] = ${over.toLocaleString('en-US')} values, over the limit of ${(DIRECTION_MAX_VALUES - 1000).toLocaleString('en-US')} (not read)`,
    );
  });
});

describe("the landscape page's store: a good file stays shown after each bad one", () => {
  it('opens sample_surface.h5, then every fixture the page refuses, naming each', async () => {
    const good = new Uint8Array(readFileSync(referencePath('sample_surface.h5')));
    await openH5('sample_surface.h5', good);
    const view = useLandscapeStore.getState().h5.view;
    expect(view).not.toBeNull();
    const refused = surfaces.filter((f) => 'error' in outcomeOf(f, 'page'));
    expect(refused.length).toBeGreaterThan(20);
    for (const f of refused) {
      await openH5(f.file, corruptBytes(f.file));
      const { h5, showing } = useLandscapeStore.getState();
      expect(h5, f.file).toMatchObject({
        status: 'error',
        attempt: f.file,
        fileName: 'sample_surface.h5',
      });
      expect(h5.error, f.file).toMatch(
        new RegExp((outcomeOf(f, 'page') as { error: string }).error),
      );
      expect(h5.view).toBe(view);
      expect(showing).toBe('h5');
    }
    for (const f of surfaces.filter((s) => 'ok' in outcomeOf(s, 'page'))) {
      await openH5(f.file, corruptBytes(f.file));
      expect(useLandscapeStore.getState().h5, f.file).toMatchObject({
        status: 'ready',
        fileName: f.file,
        error: null,
      });
    }
  });
});

describe('the fixture set', () => {
  it('lists every file in the folder once, with a line in the README', () => {
    const listed = corruptFixtures().map((f) => f.file);
    const present = readdirSync(CORRUPT_DIR).filter(
      (n) => n !== 'README.md' && n !== 'fixtures.json',
    );
    expect([...listed].sort()).toEqual(present.sort());
    const readme = readFileSync(path.join(CORRUPT_DIR, 'README.md'), 'utf8');
    for (const file of listed) expect(readme).toContain(`| \`${file}\` |`);
  });

  it('is what scripts/make-corrupt-fixtures.ts writes, byte for byte', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'corrupt-'));
    try {
      execFileSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/make-corrupt-fixtures.ts', '--out', out],
        { cwd: repoRoot, stdio: 'pipe' },
      );
      for (const name of readdirSync(CORRUPT_DIR)) {
        const committed = readFileSync(path.join(CORRUPT_DIR, name));
        expect(readFileSync(path.join(out, name)).equals(committed), name).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
