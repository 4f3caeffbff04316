/**
 * `models/<name>/sharpness.json`, written by `landscape-lab sharpness --json`: the top Hessian
 * eigenvalues of a shipped model's loss at its weights, with the check that says how well they
 * are defined (`residual`). The page reads only what it shows; other fields are ignored.
 */
import { isRecord, type ParseResult } from '../core/parse';

export interface ModelSharpness {
  model: string;
  /** λ1 ≥ λ2. */
  eigenvalues: [number, number];
  /** ‖Hv − (vᵀHv)v‖ / |vᵀHv| per eigenvector: 0 for an exact one. */
  residual: [number, number];
  samples: number;
  split: string;
  /** 'weights' (conv/linear weights) or 'all'. */
  restrict: string;
}

const pair = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number' && Number.isFinite(x));

export function parseSharpnessJson(raw: unknown): ParseResult<ModelSharpness> {
  if (!isRecord(raw)) return { ok: false, errors: ['not a JSON object'] };
  const errors: string[] = [];
  if (typeof raw.model !== 'string') errors.push('model: expected a string');
  if (!pair(raw.eigenvalues)) errors.push('eigenvalues: expected two finite numbers');
  if (!pair(raw.residual)) errors.push('residual: expected two finite numbers');
  if (!Number.isInteger(raw.samples) || (raw.samples as number) < 1)
    errors.push('samples: expected a positive integer');
  if (typeof raw.split !== 'string') errors.push('split: expected a string');
  if (typeof raw.restrict !== 'string') errors.push('restrict: expected a string');
  if (errors.length) return { ok: false, errors };
  const { model, eigenvalues, residual, samples, split, restrict } =
    raw as unknown as ModelSharpness;
  return { ok: true, value: { model, eigenvalues, residual, samples, split, restrict } };
}
