import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../../src/core/optimizers/registry';
import type { OptimizerSpec } from '../../src/core/optimizers/optimizerSpec';

/** The symbols a record names beside its sliders: its hyperparameters' and pair entries'. */
function symbolsOf(spec: OptimizerSpec): { key: string; symbol: string }[] {
  return spec.hyperparams.flatMap((h) => [
    ...(h.symbol ? [{ key: h.key, symbol: h.symbol }] : []),
    ...(h.entries ?? []).flatMap((e, k) =>
      e.symbol ? [{ key: `${h.key}[${k}]`, symbol: e.symbol }] : [],
    ),
  ]);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `symbol` as a whole TeX token of `tex`: not the start of a longer command or a subscripted
 * name (\eta is not in \beta, \eta_t or \eta_{\text{trust}}; \epsilon not in \epsilon_1).
 */
const hasToken = (tex: string, symbol: string) =>
  new RegExp(
    // A command (\lambda) starts a token wherever it stands; a letter (k) must stand apart.
    `${symbol.startsWith('\\') ? '' : '(?<![A-Za-z\\\\])'}${escape(symbol)}(?![A-Za-z_])`,
  ).test(tex);

describe('hyperparameter symbols', () => {
  it.each(OPTIMIZERS.map((o) => [o.id, o] as const))(
    '%s: every symbol beside a slider appears in its update rule',
    (_, spec) => {
      const missing = symbolsOf(spec).filter(({ symbol }) => !hasToken(spec.tex, symbol));
      expect(missing).toEqual([]);
    },
  );

  it('the common ones are named: η for lr, μ for SGD momentum, β₁/β₂, λ for AdamW weight decay, ε', () => {
    const sym = (id: string, key: string) =>
      symbolsOf(OPTIMIZERS.find((o) => o.id === id)!).find((s) => s.key === key)?.symbol;
    expect(sym('sgd', 'lr')).toBe('\\eta');
    expect(sym('sgd', 'momentum')).toBe('\\mu');
    expect(sym('adam', 'betas[0]')).toBe('\\beta_1');
    expect(sym('adam', 'betas[1]')).toBe('\\beta_2');
    expect(sym('adam', 'eps')).toBe('\\epsilon');
    expect(sym('adamw', 'weight_decay')).toBe('\\lambda');
    // Every racer's learning rate is named: each rule says what lr is.
    for (const o of OPTIMIZERS) expect(sym(o.id, 'lr'), o.id).toBeTruthy();
  });

  it('every rule and every symbol is TeX that KaTeX renders', () => {
    for (const o of OPTIMIZERS)
      for (const tex of [o.tex, ...symbolsOf(o).map((s) => s.symbol)])
        expect(
          () => katex.renderToString(tex, { throwOnError: true }),
          `${o.id}: ${tex}`,
        ).not.toThrow();
  });

  it('the token check is not fooled by longer names', () => {
    expect(hasToken('\\beta_1 m', '\\eta')).toBe(false);
    expect(hasToken('\\eta_{\\text{trust}}', '\\eta')).toBe(false);
    expect(hasToken('\\epsilon_1', '\\epsilon')).toBe(false);
    expect(hasToken('\\text{every } k \\text{ steps}', 'k')).toBe(true);
    expect(hasToken('\\odot', 'd')).toBe(false);
    expect(hasToken('(1-\\eta\\lambda)', '\\lambda')).toBe(true);
  });
});
