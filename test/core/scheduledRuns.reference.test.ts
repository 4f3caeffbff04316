import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '../../src/core/config';
import { run } from '../../src/core/trajectory';
import { referenceSchedules } from './referenceCases';

const close = (a: number, ref: number, rel: number, abs: number) =>
  Math.abs(a - ref) <= abs + rel * Math.abs(ref);

describe('run() with a scheduler reproduces the PyTorch scheduled SGD trajectories', () => {
  for (const ref of referenceSchedules()) {
    it(`${ref.id}: lr (and cycled momentum) fed to SGD on every step`, () => {
      const parsed = parseRunConfig(ref.config);
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      const r = run(parsed.value);
      expect(r.steps).toBe(ref.params.length);
      ref.lr.forEach((v, k) => expect(close(r.lr[k], v, 1e-9, 0), `lr[${k}]`).toBe(true));
      if (ref.momentum)
        ref.momentum.forEach((v, k) =>
          expect(close(r.momentum![k], v, 1e-9, 0), `momentum[${k}]`).toBe(true),
        );
      else expect(r.momentum).toBeNull();
      ref.params
        .flat()
        .forEach((v, i) => expect(close(r.params[i], v, 1e-9, 1e-9), `param ${i}`).toBe(true));
      ref.loss.forEach((v, k) => expect(close(r.loss[k], v, 1e-9, 1e-9), `loss[${k}]`).toBe(true));
    });
  }
});
