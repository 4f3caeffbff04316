// The Wide-ResNet-56 presets (wrn-56-k2, wrn-56-k4, ±skips) through every path that takes a
// model: train → weights → landscape (.h5), the page's worker, and the page's model picker,
// which must offer only what public/landscapes/index.json ships.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { MODEL_NAMES, modelPreset } from '../../src/gpu/modelZoo';
import { DEPTHS, modelName } from '../../src/state/landscapeUrl';
import {
  computeLandscape,
  LandscapeCache,
  NoWeightsError,
} from '../../src/worker/landscapeCompute';
import type {
  LandscapeComputeRequest,
  LandscapeResponse,
} from '../../src/worker/landscapeProtocol';
import { useTestBackend } from '../gpu/setup';
import { repoRoot } from '../referencePath';
import { cli } from './runCli';

beforeAll(useTestBackend);

const tmp = mkdtempSync(path.join(tmpdir(), 'landscape-lab-wrn-'));
const WRN = ['wrn-56-k2', 'wrn-56-k2-ns', 'wrn-56-k4', 'wrn-56-k4-ns'];

describe('Wide-ResNet presets', () => {
  test('train one step of wrn-56-k2-ns, then slice it from its weights into an .h5', async () => {
    const dir = path.join(tmp, 'w2ns');
    const t = await cli([
      'train',
      '--model',
      'wrn-56-k2-ns',
      '--steps',
      '1',
      '--batch',
      '8',
      '--quiet',
      '--out',
      dir,
    ]);
    expect(t.stderr).toBe('');
    expect(t.code).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'weights.json'), 'utf8'));
    expect(manifest).toMatchObject({ model: 'wrn-56-k2-ns', netId: 'resnet56-ns-w8-k2' });
    const h5 = path.join(tmp, 'w2ns.h5');
    const slice = (model: string) =>
      cli([
        'landscape',
        '--model',
        model,
        '--weights',
        dir,
        '--grid',
        '3',
        '--samples',
        '8',
        '--out',
        h5,
      ]);
    const l = await slice('wrn-56-k2-ns');
    expect(l.code).toBe(0);
    expect(existsSync(h5)).toBe(true);
    // Weights of the other width are refused by name.
    const wrong = await slice('wrn-56-k4-ns');
    expect(wrong.stderr).toMatch(
      /conv1\.weight has shape \[16,1,3,3\] in the file, resnet56-ns-w8-k4 needs \[32,1,3,3\]; wrong --model\?/,
    );
    expect(wrong.code).toBe(2);
  }, 120_000);

  test('the landscape worker slices a Wide-ResNet, and says plainly when its weights are not shipped', async () => {
    const PUBLIC = path.join(repoRoot, 'public');
    const cache = new LandscapeCache({
      readBytes: async (p) =>
        p.startsWith('models/')
          ? null
          : readFile(path.join(PUBLIC, p)).then(
              (b) => new Uint8Array(b),
              () => null,
            ),
    });
    const req: LandscapeComputeRequest = {
      kind: 'compute',
      seq: 1,
      model: 'wrn-56-k4',
      res: 3,
      coarse: 0,
      samples: 8,
      seed: 1,
      orthogonal: false,
      range: [-1, 1],
      init: true,
      baseUrl: '',
      backends: ['wasm', 'cpu'],
    };
    const out: LandscapeResponse[] = [];
    await computeLandscape(req, cache, (m) => out.push(m), new AbortController().signal);
    expect(out.filter((m) => m.kind === 'row')).toHaveLength(3);
    const err = await computeLandscape(
      { ...req, init: false },
      cache,
      () => {},
      new AbortController().signal,
    ).catch((e) => e);
    expect(err).toBeInstanceOf(NoWeightsError);
    expect(err.message).toMatch(/models\/wrn-56-k4\/weights\.json is missing/);
  }, 120_000);

  test('the page offers only shipped models: every depth chip × skip is in index.json, no preset beyond it', () => {
    const index = JSON.parse(
      readFileSync(path.join(repoRoot, 'public/landscapes/index.json'), 'utf8'),
    );
    const shipped = new Set((index.landscapes as { model: string }[]).map((l) => l.model));
    const offered = DEPTHS.flatMap((depth) =>
      [true, false].map((skip) => modelName({ depth, skip })),
    );
    for (const m of offered) expect(shipped, m).toContain(m);
    // The Wide-ResNets are presets (CLI, worker) but not chips until they ship: the comparison
    // view reads them from index.json.
    expect(MODEL_NAMES).toEqual(expect.arrayContaining(WRN));
    for (const m of WRN) expect(offered).not.toContain(m);
    for (const m of shipped) expect(() => modelPreset(m)).not.toThrow();
  });
});
