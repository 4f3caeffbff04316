// scripts/label-shipped-acc-split.ts (#10): adds centre.accSplit 'test' to a shipped slice and
// nothing else, only where centre.acc is its weights' test accuracy; run as a child process on a
// copy of one shipped slice with the label taken out again.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseLandscapeJson } from '../../src/io/landscapeJson';
import { repoRoot } from '../referencePath';
import { runNode } from './runCli';

const LABEL = ',"accSplit":"test"';
const shipped = readFileSync(path.join(repoRoot, 'public/landscapes/resnet-20.json'), 'utf8');

/** A root with resnet-20's slice (unlabelled) and a weights.json of the given test accuracy. */
function fixture(testAccuracy: number) {
  const root = mkdtempSync(path.join(tmpdir(), 'landscape-lab-acc-split-'));
  mkdirSync(path.join(root, 'landscapes'));
  mkdirSync(path.join(root, 'models/resnet-20'), { recursive: true });
  const unlabelled = shipped.replace(LABEL, '');
  const file = path.join(root, 'landscapes/resnet-20.json');
  writeFileSync(file, unlabelled);
  writeFileSync(
    path.join(root, 'models/resnet-20/weights.json'),
    JSON.stringify({ training: { testAccuracy } }),
  );
  const run = () =>
    runNode(['--import', 'tsx', 'scripts/label-shipped-acc-split.ts', '--root', root]);
  return { file, unlabelled, run };
}

describe('label-shipped-acc-split', () => {
  test('the shipped slices carry the label, and centre.acc is their weights’ test accuracy', () => {
    expect(shipped).toContain(`"centre":{"loss":0.02816239,"acc":83.2${LABEL}}`);
    const weights = JSON.parse(
      readFileSync(path.join(repoRoot, 'public/models/resnet-20/weights.json'), 'utf8'),
    );
    expect(83.2).toBeCloseTo(100 * weights.training.testAccuracy, 5);
  });

  test('adds only the label, once; the file read before and after', async () => {
    const f = fixture(0.832);
    const before = parseLandscapeJson(JSON.parse(f.unlabelled));
    expect(before.ok && before.value.centre.accSplit).toBeUndefined();
    const r = await f.run();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/resnet-20\.json: centre\.accSplit = 'test'/);
    const after = readFileSync(f.file, 'utf8');
    expect(after).toBe(shipped);
    expect(after.replace(LABEL, '')).toBe(f.unlabelled);
    const again = await f.run();
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already labelled/);
    expect(readFileSync(f.file, 'utf8')).toBe(shipped);
  }, 60_000);

  test('refuses a slice whose accuracy is not its weights’ test accuracy, and leaves it', async () => {
    const f = fixture(0.9);
    const r = await f.run();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/resnet-20\.json: centre\.acc 83\.2 is not .*test accuracy \(0\.9\)/);
    expect(readFileSync(f.file, 'utf8')).toBe(f.unlabelled);
  }, 60_000);
});
