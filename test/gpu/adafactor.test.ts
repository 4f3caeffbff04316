/**
 * Adafactor on float32 tensors: the factored second moment of parameters with ≥ 2 axes (and the
 * unfactored one of vectors) against the port of torch ≥ 2.5's algorithm
 * (test/fixtures/ports/adafactor.py, run in float64 by torch 1.13), and ε₁ = 0 (torch's None)
 * as float32's eps, 2⁻²³, as torch gives for float32 parameters; the float64 core uses 2⁻⁵²
 * (test/core/adafactor.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { numberAlgebra } from '../../src/core/algebra';
import { adafactor, dtypeEps } from '../../src/core/optimizers/adafactor';
import { vectorAlgebra } from '../../src/core/vectorAlgebra';
import { tensorAlgebra } from '../../src/gpu/tensorAlgebra';
import { TensorOptimizer } from '../../src/gpu/tensorOptimizer';
import { numTensors, useTestBackend } from './setup';

/**
 * Five steps of Adafactor(lr = 0.1, weight_decay = 0.05, other defaults) on W (2×3), K (2×2×2)
 * and b (3), with gradients W∘S_W + C_W, K∘S_K − 0.3 and 3b + 0.1 at the current point: the
 * flat W, K, b after each step, printed by /usr/bin/python3 with torch 1.13 and
 * test/fixtures/ports/adafactor.py in float64 (W and K factored, b not), as in the script:
 *
 *   opt = Adafactor([W, K, b], lr=0.1, weight_decay=0.05)
 *   for k in range(5):
 *       W.grad = SW * W + CW; K.grad = SK * K - 0.3; b.grad = 3 * b + 0.1; opt.step()
 */
const W0 = [0.5, -1.0, 2.0, 1.5, 0.25, -0.75];
const SW = [1, 2, 3, 4, 5, 6];
const CW = [0.1, -0.2, 0.3, -0.4, 0.5, -0.6];
const K0 = [0.3, -0.6, 0.9, 0.2, -1.1, 0.4, 0.7, -0.5];
const SK = [1, 3, 2, 5, 4, 1, 6, 2];
const B0 = [0.2, -0.4, 0.6];
const PORT: number[][][] = [
  [
    [
      0.4785108074779727, -0.8555038360022043, 1.8514585587737755, 1.3397494451035883,
      0.15311493545245794, -0.6495895416405648,
    ],
    [
      0.2985, -0.5210246967414973, 0.7938996507427674, 0.16687114852785487, -1.030202058370339,
      0.3915919016680468, 0.6354878114524929, -0.40223676965760635,
    ],
    [0.15579506201061427, -0.3547950620106143, 0.5537950620106142],
  ],
  [
    [
      0.4587281383294202, -0.7312851461968223, 1.7216354449452653, 1.201040303360807,
      0.08200701224287713, -0.5643174655414195,
    ],
    [
      0.29708844125936995, -0.45096659860444993, 0.6994426185941027, 0.14084475317805914,
      -0.9662979212640869, 0.3836799470714896, 0.5775164760115066, -0.31596189478095593,
    ],
    [0.11971844706042277, -0.31628083055664774, 0.5132945213768283],
  ],
  [
    [
      0.44038484995504357, -0.6242984514984287, 1.6070567966793334, 1.0800360251599321,
      0.03018410641026247, -0.49123796459371355,
    ],
    [
      0.295756786902001, -0.3908414535484412, 0.6184094487117133, 0.12123514608599267,
      -0.9094637688470696, 0.3764192100797376, 0.5270245702462608, -0.242708549319761,
    ],
    [0.09020680898007992, -0.2831676302371802, 0.4774434700940776],
  ],
  [
    [
      0.4232759965669431, -0.5320489332579899, 1.505101377331157, 0.9738275198944831,
      -0.007300773598187912, -0.42813434598747985,
    ],
    [
      0.2944989087356317, -0.33876720034686175, 0.548545683234301, 0.10636158370227024,
      -0.8584259076308125, 0.36971451875202505, 0.48262705902906533, -0.1802364064152722,
    ],
    [0.066071736271026, -0.2544916013331004, 0.445445626805447],
  ],
  [
    [
      0.4072395247974149, -0.4524256764820036, 1.4137377884465536, 0.8801403648257274,
      -0.03422002795232788, -0.3732928564897989,
    ],
    [
      0.29331033962401387, -0.29331296362044956, 0.4881370368080369, 0.09502763563171501,
      -0.8122028200770924, 0.363493694296518, 0.44327346858087774, -0.12684490049461009,
    ],
    [0.046374574784140705, -0.2295117293546443, 0.4166851432038988],
  ],
];

beforeAll(useTestBackend);

describe('Adafactor on tensors', () => {
  it('factors the second moment of matrices and stacks of matrices as torch does', () => {
    const W = tf.variable(tf.tensor2d(W0, [2, 3]));
    const K = tf.variable(tf.tensor3d(K0, [2, 2, 2]));
    const b = tf.variable(tf.tensor1d(B0));
    const opt = new TensorOptimizer(adafactor, [W, K, b], { lr: 0.1, weight_decay: 0.05 });
    expect(opt.state(0).row).toBeInstanceOf(tf.Tensor);
    expect((opt.state(0).row as tf.Tensor).shape).toEqual([2, 1]);
    expect((opt.state(0).col as tf.Tensor).shape).toEqual([1, 3]);
    expect((opt.state(1).row as tf.Tensor).shape).toEqual([2, 2, 1]);
    expect((opt.state(1).col as tf.Tensor).shape).toEqual([2, 1, 2]);
    expect((opt.state(2).v as tf.Tensor).shape).toEqual([3]);
    const before = numTensors();
    for (const want of PORT) {
      const grads = tf.tidy(() => [
        W.mul(tf.tensor2d(SW, [2, 3])).add(tf.tensor2d(CW, [2, 3])),
        K.mul(tf.tensor3d(SK, [2, 2, 2])).sub(0.3),
        b.mul(3).add(0.1),
      ]);
      opt.step(grads);
      tf.dispose(grads);
      const got = [W, K, b].map((v) => Array.from(v.dataSync()));
      for (let i = 0; i < 3; i++)
        for (let j = 0; j < want[i].length; j++)
          expect(Math.abs(got[i][j] - want[i][j]), `${i}/${j}`).toBeLessThan(2e-6);
    }
    expect(numTensors()).toBe(before);
    opt.dispose();
    tf.dispose([W, K, b]);
  });

  it('has row and column means only where values have two axes', () => {
    const m = tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3]);
    expect(Array.from(tf.tidy(() => tensorAlgebra.rowMean(m)).dataSync())).toEqual([2, 5]);
    expect(Array.from(tf.tidy(() => tensorAlgebra.colMean(m)).dataSync())).toEqual([2.5, 3.5, 4.5]);
    expect(tensorAlgebra.rank(m)).toBe(2);
    m.dispose();
    expect(numberAlgebra.rank(1)).toBe(0);
    expect(vectorAlgebra.rank(Float64Array.of(1, 2))).toBe(1);
    expect(() => vectorAlgebra.rowMean(Float64Array.of(1, 2))).toThrow(/rank ≥ 2/);
    expect(() => numberAlgebra.colMean(1)).toThrow(/rank ≥ 2/);
  });

  it('reads ε₁ = 0 as float32 eps', () => {
    const eps = tf.tidy(() => dtypeEps(tensorAlgebra, tf.scalar(3)).dataSync()[0]);
    expect(eps).toBe(2 ** -23);
  });
});
