// The shipped models and landscapes (public/models, public/landscapes; made by
// scripts/make-shipped-landscapes.ts, see docs/SHIPPED.md) are what they claim to be.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { roughness } from '../../src/core/view/roughness';
import { loadFashionSubset } from '../../src/data/fashionMnist';
import { evaluate, toBatches } from '../../src/gpu/landscape/evaluate';
import { buildModel, loadWeights, modelPreset } from '../../src/gpu/modelZoo';
import { fashionTensorData } from '../../src/gpu/train/tensorData';
import { type LandscapeJson, parseLandscapeJson } from '../../src/io/landscapeJson';
import { fromLandscapeJson, viewSummary } from '../../src/state/landscapeView';
import { repoRoot } from '../referencePath';
import { useTestBackend } from './setup';

beforeAll(useTestBackend);

const pub = (...p: string[]) => path.join(repoRoot, 'public', ...p);
const index = JSON.parse(readFileSync(pub('landscapes', 'index.json'), 'utf8')) as {
  landscapes: {
    file: string;
    model: string;
    directions: string;
    roughness: Record<string, number> | null;
  }[];
};
const landscape = (file: string): LandscapeJson => {
  const parsed = parseLandscapeJson(JSON.parse(readFileSync(pub(file), 'utf8')));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.errors.join('; ')}`);
  return parsed.value;
};
const randomSlice = (model: string) => landscape(`landscapes/${model}.json`);
const shippedModels = [...new Set(index.landscapes.map((e) => e.model))];

describe('shipped landscapes', () => {
  test('ResNet-20 and ResNet-56, with and without shortcuts, are shipped with both slices', () => {
    for (const m of ['resnet-20', 'resnet-20-ns', 'resnet-56', 'resnet-56-ns']) {
      expect(shippedModels).toContain(m);
      expect(existsSync(pub('landscapes', `${m}-pca.json`))).toBe(true);
      expect(existsSync(pub('models', m, 'weights.bin'))).toBe(true);
    }
  });

  test.each(index.landscapes.map((e) => [e.file, e] as const))(
    '%s parses, and its roughness is what roughness.ts computes from its grid',
    (file, entry) => {
      const j = landscape(file);
      expect(j.model).toBe(entry.model);
      expect(j.directions.kind).toBe(entry.directions);
      const nx = j.xcoordinates.length,
        c = (nx - 1) / 2;
      // The middle of the grid is the centre (linspace over a symmetric range: 0 up to rounding).
      expect(Math.abs(j.xcoordinates[c])).toBeLessThan(1e-12 * j.xcoordinates.at(-1)!);
      expect(Math.abs(j.ycoordinates[c])).toBeLessThan(1e-12 * j.ycoordinates.at(-1)!);
      expect(j.train_loss[c * nx + c]).toBe(j.centre.loss);
      const r = roughness({
        xcoordinates: j.xcoordinates,
        ycoordinates: j.ycoordinates,
        loss: j.train_loss,
      });
      expect(j.roughness!.tvLogLoss).toBeCloseTo(r.tvLogLoss, 3);
      expect(j.roughness!.localMinima).toBe(r.localMinima);
      // The index's non-convexity is what the page computes from the same file.
      const shown = viewSummary(fromLandscapeJson(j, file)).rough!;
      expect(entry.roughness!.nonConvexShare).toBeCloseTo(shown.nonConvexShare, 4);
      expect(entry.roughness!.meanNegRatio).toBeCloseTo(shown.meanNegRatio, 4);
      expect(entry.roughness!.tvLogLoss).toBe(j.roughness!.tvLogLoss);
      if (j.directions.kind === 'random') {
        expect(j.directions).toMatchObject({ norm: 'filter', ignore: 'biasbn' });
        expect([
          j.xcoordinates[0],
          j.xcoordinates.at(-1),
          j.ycoordinates[0],
          j.ycoordinates.at(-1),
        ]).toEqual([-1, 1, -1, 1]);
        expect(j.roughness!.basinWidth).toBeCloseTo(r.basinWidth, 4);
      } else {
        // The trajectory ends at the centre (the final weights), and the plane explains most of it.
        const t = j.trajectory!;
        expect(t.x.at(-1)).toBeCloseTo(0, 4);
        expect(t.y.at(-1)).toBeCloseTo(0, 4);
        expect(t.explainedVariance[0] + t.explainedVariance[1]).toBeLessThanOrEqual(1 + 1e-6);
        expect(t.explainedVariance[0]).toBeGreaterThan(0.3);
      }
    },
  );

  // The skip-connection effect (Li et al. 2018, Fig. 5) as the retrained nets measure it (30
  // epochs, the depth-56 pair 120; 41×41; docs/SHIPPED.md): recomputed here from the stored grids, not read from the
  // files' own numbers.
  const measured = (m: string) => {
    const j = randomSlice(m);
    return roughness({
      xcoordinates: j.xcoordinates,
      ycoordinates: j.ycoordinates,
      loss: j.train_loss,
    });
  };
  test.each([20, 56, 110])(
    'depth %i: the slice without skip connections curves downward at more of its points',
    (depth) => {
      const skip = measured(`resnet-${depth}`);
      const plain = measured(`resnet-${depth}-ns`);
      expect(plain.nonConvexShare).toBeGreaterThan(1.5 * skip.nonConvexShare);
    },
  );

  test('depth 56: without skips the slice has more local minima; depth 110: its log-loss varies ≥ 1.3× faster', () => {
    expect(measured('resnet-56-ns').localMinima).toBeGreaterThan(measured('resnet-56').localMinima);
    expect(measured('resnet-110-ns').tvLogLoss).toBeGreaterThan(
      1.3 * measured('resnet-110').tvLogLoss,
    );
  });

  const testAccuracy = (m: string): number =>
    JSON.parse(readFileSync(pub('models', m, 'weights.json'), 'utf8')).training.testAccuracy;
  test.each([
    ['resnet-20', 'resnet-20-ns'],
    ['resnet-56', 'resnet-56-ns'],
    ['resnet-56-14px', 'resnet-56-ns-14px'],
  ])('%s: the plain net (%s) is trained, within 15 accuracy points of its twin', (twin, plain) => {
    expect(testAccuracy(twin) - testAccuracy(plain)).toBeLessThan(0.15);
  });

  test.each([
    ['wrn-56-k2', 'wrn-56-k2-ns'],
    ['wrn-56-k4', 'wrn-56-k4-ns'],
    ['resnet-56-14px', 'resnet-56-ns-14px'],
  ])(
    '%s: without skips (%s) the slice curves downward at more of its points and has more local minima',
    (twin, plain) => {
      expect(measured(plain).nonConvexShare).toBeGreaterThan(1.5 * measured(twin).nonConvexShare);
      expect(measured(plain).localMinima).toBeGreaterThan(measured(twin).localMinima);
    },
  );

  test('Wide-ResNet-56 without skips, same recipe: the share curving downward falls as k grows 2 → 4', () => {
    expect(measured('wrn-56-k4-ns').nonConvexShare).toBeLessThan(
      measured('wrn-56-k2-ns').nonConvexShare,
    );
  });

  test.each(shippedModels)(
    '%s: the shipped weights load into the zoo net and reproduce the slice centre',
    async (model) => {
      const j = randomSlice(model);
      const preset = modelPreset(model);
      const net = buildModel(preset);
      const manifest = JSON.parse(readFileSync(pub('models', model, 'weights.json'), 'utf8'));
      const w = loadWeights(net, manifest, readFileSync(pub('models', model, 'weights.bin')));
      const dir = pub('data', preset.dataset);
      const split = await loadFashionSubset(
        (f) => Promise.resolve(readFileSync(path.join(dir, f))),
        j.data.split,
        { normalization: preset.normalization, verifyHash: false },
      );
      const data = fashionTensorData(split, j.data.samples);
      const batches = toBatches(data.x, data.y, 500);
      const at = await evaluate(net, w.params, w.buffers, batches);
      expect(Math.abs(at.loss - j.centre.loss) / j.centre.loss).toBeLessThan(1e-3);
      // The PCA slice is centred on the same weights.
      expect(
        Math.abs(landscape(`landscapes/${model}-pca.json`).centre.loss - j.centre.loss) /
          j.centre.loss,
      ).toBeLessThan(1e-5);
      // Both slices' loss is on train images; their centre accuracy is the weights' test
      // accuracy, and says so (the page reads the label).
      for (const s of [j, landscape(`landscapes/${model}-pca.json`)]) {
        expect(s.data.split).toBe('train');
        expect(s.centre.accSplit).toBe('test');
        expect(s.centre.acc).toBeCloseTo(100 * manifest.training.testAccuracy, 3);
      }
      tf.dispose([
        ...w.params,
        ...w.buffers,
        data.x,
        data.y,
        ...batches.flatMap((b) => [b.x, b.y]),
      ]);
    },
    30_000,
  );
});
