import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/cliError';
import { parseOptimizerFlag } from '../../src/cli/optimizerFlags';

describe('--optimizer for network training', () => {
  it('takes every optimizer of the registry, LARS and LAMB validated like the rest', () => {
    expect(parseOptimizerFlag({ type: 'LAMB', lr: 0.01 }, '--optimizer')).toMatchObject({
      type: 'LAMB',
      hp: { lr: 0.01, eps: 1e-6 },
    });
    expect(() => parseOptimizerFlag({ type: 'LARS', trust_coefficient: 0 }, '--optimizer')).toThrow(
      /trust_coefficient/,
    );
    expect(() => parseOptimizerFlag({ type: 'Rprop', etas: [2, 1.2] }, '--optimizer')).toThrow(
      /etas/,
    );
  });

  it('refuses Newton by name: networks have no exact Hessian here', () => {
    for (const type of ['Newton', 'SaddleFreeNewton']) {
      const call = () => parseOptimizerFlag({ type }, '--optimizer');
      expect(call).toThrow(CliError);
      expect(call).toThrow(
        new RegExp(`--optimizer.type: ${type} needs the exact Hessian.*not offered for networks`),
      );
    }
  });

  it('takes any of them inside Lookahead, and names the inner field it refuses', () => {
    const raw = { type: 'Lookahead', k: 5, alpha: 0.5, optimizer: { type: 'SGD', lr: 0.1 } };
    expect(parseOptimizerFlag(raw, '--optimizer')).toMatchObject({
      type: 'SGD',
      hp: { lr: 0.1 },
      lookahead: { k: 5, alpha: 0.5 },
    });
    expect(parseOptimizerFlag({ type: 'Ranger' }, '--optimizer')).not.toHaveProperty('lookahead');
    expect(() =>
      parseOptimizerFlag({ type: 'Lookahead', optimizer: { type: 'Newton' } }, '--optimizer'),
    ).toThrow(/^--optimizer\.optimizer\.type: Newton needs the exact Hessian/);
    expect(() => parseOptimizerFlag({ ...raw, alpha: 1.5 }, '--optimizer')).toThrow(
      /--optimizer\.alpha: must be a number with 0 < alpha ≤ 1 \(got 1\.5\)/,
    );
  });
});
