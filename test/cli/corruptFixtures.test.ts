/**
 * Every corrupted fixture (test/fixtures/corrupt/, issue 16) fed to every CLI command that reads
 * its kind of file: a refusal is exit 2 with one message naming the file and the problem (no
 * "internal error", no stack trace) and leaves no output behind; an accepted file is read.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrainFlags } from '../../src/cli/commands/train';
import { loadModelWeights, netFor } from '../../src/cli/landscapeOptions';
import { main } from '../../src/cli/main';
import { initBackend } from '../../src/gpu/backend';
import { modelPreset } from '../../src/gpu/modelZoo';
import { repoRoot } from '../referencePath';
import { corruptFixtures, corruptPath, type FixtureRecord } from '../io/corruptFixtures';
import { cli } from './runCli';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'corrupt-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const out = (name: string) => path.join(tmp, name);

/** A command line for one fixture, and the outputs it would write. */
interface Invocation {
  command: string;
  argv: string[];
  outputs: string[];
}

/** A weights fixture as a manifest beside resnet-20's real .bin (same stem), as users keep them. */
function manifestWithBin(file: string): string {
  const manifest = out(file);
  copyFileSync(corruptPath(file), manifest);
  copyFileSync(
    path.join(repoRoot, 'public/models/resnet-20/weights.bin'),
    manifest.replace(/\.json$/, '.bin'),
  );
  return manifest;
}

function invocations(f: FixtureRecord): Invocation[] {
  const file = corruptPath(f.file);
  switch (f.kind) {
    case 'surface-h5':
      return [
        {
          command: 'merge',
          argv: ['merge', file, '--out', out('merged.h5'), '--json', out('merged.json')],
          outputs: [out('merged.h5'), out('merged.json')],
        },
      ];
    case 'run-config':
      return ['trajectory', 'schedule'].map((command) => ({
        command,
        argv: [command, '--config', file],
        outputs: [],
      }));
    case 'train-config':
      return [
        {
          command: 'train',
          argv: ['train', '--model', 'resnet-20', '--out', out('train'), '--config', file],
          outputs: [out('train')],
        },
      ];
    case 'weights-manifest': {
      const m = manifestWithBin(f.file);
      const small = ['--model', 'resnet-20', '--samples', '8', '--quiet'];
      return [
        {
          command: 'landscape',
          argv: ['landscape', ...small, '--weights', m, '--grid', '2', '--out', out('l.h5')],
          outputs: [out('l.h5')],
        },
        {
          command: 'sharpness',
          argv: ['sharpness', '--model', 'resnet-20', '--samples', '8', '--weights', m],
          outputs: [],
        },
        {
          command: 'interpolate',
          argv: ['interpolate', ...small, '--from', m, '--to', 'init', '--out', out('i.h5')],
          outputs: [out('i.h5')],
        },
      ];
    }
  }
}

async function run(argv: string[]) {
  let stdout = '',
    stderr = '';
  const code = await main(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: async () => '',
  });
  return { code, stdout, stderr };
}

/** A refusal as the issue asks: exit 2, one message naming the file and the problem, nothing written. */
function expectRefusal(
  r: { code: number; stdout: string; stderr: string },
  inv: Invocation,
  f: FixtureRecord & { expect: { error: string } },
) {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toMatch(new RegExp(`^landscape-lab ${inv.command}: `));
  expect(r.stderr).toContain(f.file);
  expect(r.stderr).toMatch(new RegExp(f.expect.error));
  expect(r.stderr).not.toMatch(/internal error|\n\s+at \S/);
  expect(r.stdout).toBe('');
  for (const o of inv.outputs) expect(existsSync(o), o).toBe(false);
}

const refused = corruptFixtures().filter(
  (f): f is FixtureRecord & { expect: { error: string } } => 'error' in f.expect,
);
const accepted = corruptFixtures().filter((f) => 'ok' in f.expect);

describe('corrupted files refused by every command that reads them', () => {
  beforeAll(() => initBackend(['wasm', 'cpu']));
  it.each(refused.map((f) => [f.file, f] as const))('%s', async (_, f) => {
    for (const inv of invocations(f)) expectRefusal(await run(inv.argv), inv, f);
  });
});

describe('odd but readable files are read', () => {
  it.each(accepted.map((f) => [f.file, f] as const))('%s', async (_, f) => {
    if (f.kind === 'surface-h5' || f.kind === 'run-config') {
      for (const inv of invocations(f)) {
        const r = await run(inv.argv);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).not.toMatch(/internal error/);
        for (const o of inv.outputs) {
          expect(existsSync(o), o).toBe(true);
          rmSync(o);
        }
      }
    } else if (f.kind === 'train-config') {
      // Parsed as a config, without training a network.
      const opts = await parseTrainFlags([
        '--model',
        'resnet-20',
        '--out',
        out('t'),
        '--config',
        corruptPath(f.file),
      ]);
      expect(opts).toMatchObject({ optimizer: { type: 'SGD', hp: { lr: 0.05 } }, scheduler: null });
    } else {
      await initBackend(['wasm', 'cpu']);
      const net = netFor(modelPreset('resnet-20'));
      const { params, buffers } = await loadModelWeights(net, manifestWithBin(f.file), 0);
      expect(params).toHaveLength(net.params.length);
      tf.dispose([...params, ...buffers]);
    }
  });
});

describe('through the installed bin, as a user runs it', () => {
  it('a declared-huge .h5 and a UTF-16 config: exit 2, one line each, no stack trace', async () => {
    const huge = await cli(['merge', corruptPath('huge-grid.h5'), '--out', out('bin.h5')]);
    expect(huge.code).toBe(2);
    expect(huge.stderr).toMatch(
      /^landscape-lab merge: .*huge-grid\.h5: surface file: the grid of 2000 x-coordinates × 2000 y-coordinates has 4,000,000 points, over the limit of 1,048,576\n$/,
    );
    expect(existsSync(out('bin.h5'))).toBe(false);
    const utf16 = await cli(['trajectory', '--config', corruptPath('config-utf16.json')]);
    expect(utf16.code).toBe(2);
    expect(utf16.stderr).toMatch(
      /^landscape-lab trajectory: config '.*config-utf16\.json': not valid JSON \(.*\); the file looks like UTF-16: save it as UTF-8\n$/,
    );
  });
});
