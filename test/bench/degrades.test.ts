/**
 * `npm run bench` on a machine without a browser: the browser figure is skipped with one line
 * that says why and how to install Chromium, its section records the reason, and the run exits 0.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../referencePath';

const run = promisify(execFile);

describe('npm run bench without a browser', () => {
  it('skips the race figure with a reason, writes it, and exits 0', async () => {
    const results = path.join(mkdtempSync(path.join(tmpdir(), 'bench-')), 'results.json');
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'bench/run.ts', 'race'],
      {
        cwd: repoRoot,
        env: { ...process.env, CHROME_PATH: '/nonexistent/chrome', BENCH_RESULTS: results },
      },
    );
    const skipLines = stdout.split('\n').filter((l) => l.includes('skipped'));
    expect(skipLines).toEqual([
      expect.stringMatching(
        /^bench race … skipped: no Chromium found \(looked for \/nonexistent\/chrome.*apt-get install chromium/,
      ),
    ]);
    expect(stdout + stderr).not.toMatch(/\n\s+at /); // no stack trace
    const written = JSON.parse(readFileSync(results, 'utf8'));
    expect(written.race.skipped).toMatch(/no Chromium found/);
    expect(Object.keys(written)).toEqual(['race']);
  });

  it('names an unknown benchmark and exits 2', async () => {
    const err = await run(process.execPath, ['--import', 'tsx', 'bench/run.ts', 'rcae'], {
      cwd: repoRoot,
    }).catch((e) => e);
    expect(err.code).toBe(2);
    expect(err.stderr).toMatch(
      /unknown benchmark rcae \(known: core, landscape, train, landscape-pytorch, map, map-gpu, race, first-page\)/,
    );
  });
});
