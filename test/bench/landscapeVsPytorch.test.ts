/**
 * landscape_vs_pytorch compares two computations only if they are the same one: our BN-folded
 * slice (`computeSlice`, tfjs-wasm) and bench/pytorch/resnet_slice.py must give the same losses
 * for the same net, weights, directions and data, in every evaluation mode torch may be timed
 * in. A depth-8 ResNet on 6×6×1 inputs (its last stage on 2×2 maps, where our forward runs the
 * convs as dense products) with random BN statistics, so the folding is not the identity;
 * 3 grid points. Needs /usr/bin/python3 with torch; skipped with the reason where it is absent.
 * No timing here: the figures live in `npm run bench landscape-pytorch`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  AGREE,
  checkAgreement,
  disposeInputs,
  MODES,
  type SliceInputs,
  sliceSpec,
  startTorch,
  type Torch,
  torchMissing,
  writeCase,
} from '../../bench/landscapeVsPytorch';
import { randomDirections } from '../../src/gpu/landscape/directions';
import { computeSlice } from '../../src/gpu/landscape/slice';
import { buildModel, type ModelPreset, modelPreset } from '../../src/gpu/modelZoo';
import { initParams } from '../../src/gpu/nets/params';
import { numTensors, useTestBackend } from '../gpu/setup';

const missing = torchMissing();
if (missing) console.warn(`landscapeVsPytorch agreement test skipped: ${missing}`);

test('a disagreement aborts the figure, naming the point and both losses', () => {
  const pts: [number, number][] = [
    [0, 0],
    [1, -1],
  ];
  expect(checkAgreement('case', pts, [2, 3], [2, 3 * (1 + AGREE / 2)])).toBeLessThan(AGREE);
  expect(() => checkAgreement('case', pts, [2, 3], [2, 3.01])).toThrow(
    /case: ours and PyTorch disagree at \(α, β\) = \(1, -1\): loss 3 vs 3\.01 .*no speed figure/,
  );
  expect(() => checkAgreement('case', pts, [2, NaN], [2, 3])).toThrow(/loss NaN vs 3/);
});

describe.skipIf(missing !== null)('our slice and PyTorch’s, same net and directions', () => {
  const preset: ModelPreset = {
    ...modelPreset('resnet-20'),
    name: 'resnet-8-test',
    depth: 8,
    width: 2,
    inputSize: 6,
  };
  let torch: Torch;
  let dir: string;
  let inputs: SliceInputs;
  beforeAll(async () => {
    await useTestBackend();
    torch = startTorch() as Torch;
    dir = mkdtempSync(path.join(tmpdir(), 'slice-agree-'));
    const net = buildModel(preset);
    const params = tf.tidy(() =>
      initParams(net, { seed: 3 }).map((p, i) =>
        // BN γ and β away from 1 and 0, so that folding them changes the convs.
        net.params[i].role.startsWith('bn-')
          ? tf.add(p, tf.randomUniform(p.shape, 0.2, 0.8, 'float32', i))
          : p,
      ),
    );
    const buffers = net.buffers.map((b, i) =>
      b.name.endsWith('running_var')
        ? tf.randomUniform([...b.shape], 0.5, 2, 'float32', 100 + i)
        : tf.randomNormal([...b.shape], 0, 0.3, 'float32', 100 + i),
    );
    const dirs = randomDirections(params, { seed: 1 });
    inputs = {
      preset,
      params,
      buffers,
      dx: dirs.x,
      dy: dirs.y,
      batch: {
        x: tf.randomNormal([40, 6, 6, 1], 0, 1, 'float32', 5),
        y: tf.tensor1d(
          Array.from({ length: 40 }, (_, i) => (i * 3) % 10),
          'int32',
        ),
      },
    };
    await torch.load(writeCase(dir, inputs, 1));
  });
  afterAll(() => {
    torch?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (inputs) disposeInputs(inputs);
  });

  test.each(MODES)('torch %s gives our losses at 3 grid points', async (mode) => {
    const before = numTensors();
    const ours = await computeSlice(sliceSpec(inputs, 3, 1));
    expect(numTensors()).toBe(before);
    const pts = ours.xcoordinates.map((a): [number, number] => [a, ours.ycoordinates![0]]);
    const theirs = await torch.points(mode, pts);
    expect(theirs.losses).toHaveLength(3);
    // Far enough from the centre to move the loss: the points differ from one another.
    expect(Math.abs(ours.loss[0] - ours.loss[2])).toBeGreaterThan(1e-3);
    expect(checkAgreement(mode, pts, [...ours.loss], theirs.losses)).toBeLessThan(AGREE);
  });
});
