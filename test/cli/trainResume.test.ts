// `landscape-lab train --save-state / --resume`: a run stopped and resumed writes what one
// straight run writes, byte for byte; a state file of another run, or a damaged one, is refused.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { repoRoot } from '../referencePath';
import { cli, type CliRun } from './runCli';

const tmp = mkdtempSync(path.join(tmpdir(), 'landscape-lab-resume-'));
const recipe = ['--model', 'resnet-20', '--steps', '6', '--batch', '64', '--seed', '2'];
const flags = [...recipe, '--checkpoint-every', '2', '--quiet'];
const train = (...more: string[]) => cli(['train', ...flags, ...more]);
/** The run's flags without --quiet (its progress lines are read), saving its state to `file`. */
const loud = (out: string, file: string) => [
  'train',
  ...recipe,
  '--checkpoint-every',
  '2',
  '--out',
  out,
  '--save-state',
  file,
];
const read = (dir: string, f: string) => readFileSync(path.join(dir, f));
const history = (dir: string) => JSON.parse(read(dir, 'train.json').toString()).history;

/** Straight run's files against a resumed run's: weights, checkpoints and records the same. */
function expectSameFiles(a: string, b: string) {
  for (const f of ['weights.bin', 'checkpoints.bin', 'checkpoints.json'])
    expect(read(b, f).equals(read(a, f)), f).toBe(true);
  expect(history(b)).toEqual(history(a));
}

/** Starts a run and sends it SIGINT once its first line is out (training has begun). */
function interrupted(args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/landscape-lab.mjs'), ...args], {
      cwd: repoRoot,
    });
    let stdout = '',
      stderr = '',
      sent = false;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      if (!sent && /^train resnet-20/m.test(stderr)) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end('');
  });
}

describe('landscape-lab train: stop and resume', () => {
  const straight = path.join(tmp, 'straight');
  const state = path.join(tmp, 'run.state');

  beforeAll(async () => {
    expect((await train('--out', straight)).code).toBe(0);
  }, 60_000);

  test('6 steps straight = 2 steps, --stop-at, then --resume to 6: the same bytes', async () => {
    const out = path.join(tmp, 'resumed');
    const first = await cli([...loud(out, state), '--stop-at', '2']);
    expect(first.stderr).toMatch(
      /stopped at step 2 of 6; the state is in .*run\.state\. Go on with the same flags and --resume/,
    );
    expect(first.code).toBe(3);
    expect(existsSync(path.join(out, 'weights.bin'))).toBe(false);
    const second = await train('--out', out, '--resume', state, '--save-every', '1');
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expectSameFiles(straight, out);
    expect(JSON.parse(read(out, 'train.json').toString()).resumedFrom).toBe(2);
    // Saved atomically: no temporary file is left beside the state.
    expect(readdirSync(tmp).filter((f) => f.includes('.tmp-'))).toEqual([]);
  }, 120_000);

  test('SIGINT stops between steps with the state saved; --resume finishes the same run', async () => {
    const out = path.join(tmp, 'sigint');
    const file = path.join(tmp, 'sigint.state');
    // Not --quiet: the first line says training has begun.
    const first = await interrupted(loud(out, file));
    expect(first.stderr).toMatch(/SIGINT: stopping after this step; saving/);
    expect(first.stderr).toMatch(/stopped at step [0-5] of 6/);
    expect(first.code).toBe(3);
    const second = await train('--out', out, '--resume', file);
    expect(second.code).toBe(0);
    expectSameFiles(straight, out);
  }, 120_000);

  test('a state file of another recipe, another model or a damaged one is refused by name', async () => {
    const out = path.join(tmp, 'refused');
    const refuse = async (args: string[], message: RegExp) => {
      const r = await cli(['train', ...args, '--quiet', '--out', out, '--resume', state]);
      expect(r.stderr).toMatch(message);
      expect(r.code).toBe(2);
    };
    const swap = (flag: string, value: string) =>
      recipe.map((v, i) => (recipe[i - 1] === flag ? value : v));
    await refuse(
      [...swap('--batch', '32'), '--checkpoint-every', '2'],
      /--resume '.*run\.state': the saved run differs in 'batch' \(--batch\): the state file has 64, these flags give 32/,
    );
    await refuse(
      [...swap('--model', 'resnet-20-ns'), '--checkpoint-every', '2'],
      /differs in 'model' \(--model\): the state file has "resnet-20", these flags give "resnet-20-ns"/,
    );
    await refuse(recipe, /differs in 'checkpointEvery' \(--checkpoint-every\)/);
    await refuse(
      [...recipe, '--checkpoint-every', '2', '--optimizer', '{"type": "SGD", "lr": 0.05}'],
      /differs in 'optimizer' \(--optimizer\)/,
    );
    const bytes = readFileSync(state);
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 5] ^= 0x40;
    writeFileSync(state, damaged);
    await refuse([...recipe, '--checkpoint-every', '2'], /checksum mismatch \(corrupt\)/);
    writeFileSync(state, bytes.subarray(0, bytes.length - 100));
    await refuse([...recipe, '--checkpoint-every', '2'], /truncated or padded/);
    writeFileSync(state, bytes);
    const missing = await train('--out', out, '--resume', path.join(tmp, 'nope.state'));
    expect(missing.stderr).toMatch(/--resume: cannot read '.*nope\.state': no such file/);
    expect(missing.code).toBe(2);
  }, 120_000);

  test('flag checks: --stop-at needs a state file; --save-state and --resume exclude each other', async () => {
    const a = await train('--out', tmp, '--stop-at', '2');
    expect(a.stderr).toMatch(/--stop-at: only with --save-state FILE or --resume FILE/);
    const c = await train('--out', tmp, '--save-state', state);
    expect(c.stderr).toMatch(
      /--save-state: '.*run\.state' exists \(a run's state\); go on with --resume/,
    );
    expect(c.code).toBe(2);
    const b = await train('--out', tmp, '--save-state', state, '--resume', state);
    expect(b.stderr).toMatch(/--save-state and --resume: give one/);
    expect([a.code, b.code]).toEqual([2, 2]);
  }, 60_000);
});
