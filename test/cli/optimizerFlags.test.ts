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
});
