/**
 * The shipped/precomputed landscape format the app loads instantly (`public/landscapes/<model>.json`)
 * and the CLI writes beside the `.h5` (`--json`). It holds what a viewer needs in one fetch:
 * the grid (same flat meshgrid order as the `.h5`: index ↔ (x[i % nx], y[⌊i / nx⌋])), how the
 * directions were made, and optionally the training trajectory projected into the same plane.
 */
export const LANDSCAPE_JSON_FORMAT = 'landscape-lab-landscape/1';

/** Which images a number was measured on. */
export type DataSplit = 'train' | 'test';

export interface LandscapeJson {
  format: typeof LANDSCAPE_JSON_FORMAT;
  /** Model preset name (`resnet-56-ns`) or a free label. */
  model: string;
  /** How the two directions were made. */
  directions: {
    kind: 'random' | 'pca' | 'hessian';
    /** Normalisation of random directions ('filter' with biasbn ignored is Li et al.'s default). */
    norm: 'filter' | 'layer' | 'none';
    ignore: 'biasbn' | 'none';
    orthogonal: boolean;
    seed: number | null;
  };
  /** Evaluation data: which split, how many samples. */
  data: { dataset: string; split: DataSplit; samples: number };
  xcoordinates: number[];
  ycoordinates: number[];
  /** Flat, meshgrid order, length nx·ny. */
  train_loss: number[];
  /** Percent, as upstream. */
  train_acc: number[];
  /**
   * Loss at the centre (the trained weights) on the slice's `data`, and their accuracy (percent).
   * `accSplit`: the split that accuracy was measured on, which need not be `data.split` (the
   * shipped slices' loss is on train images, their accuracy the test split's); absent (files
   * before the label): `data.split`, as such files were always read
   * (state/landscapeView's `centreAccSplit`).
   */
  centre: { loss: number; acc: number; accSplit?: DataSplit };
  /** The training trajectory projected onto the slice plane (PCA directions only). */
  trajectory?: {
    steps: number[];
    x: number[];
    y: number[];
    /** Distance of each checkpoint from the plane relative to its distance from the centre. */
    relativeResidual: number[];
    explainedVariance: [number, number];
  };
  /**
   * Roughness measures of this slice (core/view/roughness.ts; larger = more chaotic): tvLogLoss,
   * tvLogLossPerStep, localMinima, basinWidth, nonFinite, and (files made since #10)
   * nonConvexShare and meanNegRatio, the slice's own curvature; the page computes those two from
   * the grid where a file predates them.
   */
  roughness?: Record<string, number>;
  meta: { generatedBy: string; backend: string; seconds: number; createdAt?: string };
}

const isNumArray = (v: unknown, n?: number): v is number[] =>
  Array.isArray(v) &&
  (n === undefined || v.length === n) &&
  v.every((x) => typeof x === 'number' && Number.isFinite(x));

/** Validates untrusted JSON (a shipped file, a user's upload): the landscape, or errors naming each bad field. */
export function parseLandscapeJson(
  raw: unknown,
): { ok: true; value: LandscapeJson } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  if (typeof raw !== 'object' || raw === null)
    return { ok: false, errors: ['landscape: not a JSON object'] };
  const r = raw as Record<string, unknown>;
  if (r.format !== LANDSCAPE_JSON_FORMAT)
    errors.push(`format: expected '${LANDSCAPE_JSON_FORMAT}' (got ${JSON.stringify(r.format)})`);
  if (typeof r.model !== 'string') errors.push('model: must be a string');
  const nx = Array.isArray(r.xcoordinates) ? r.xcoordinates.length : 0;
  const ny = Array.isArray(r.ycoordinates) ? r.ycoordinates.length : 0;
  if (!isNumArray(r.xcoordinates) || nx < 2)
    errors.push('xcoordinates: must be ≥ 2 finite numbers');
  if (!isNumArray(r.ycoordinates) || ny < 2)
    errors.push('ycoordinates: must be ≥ 2 finite numbers');
  for (const key of ['train_loss', 'train_acc'] as const) {
    const v = r[key];
    // Losses may be huge but must be numbers; a diverged point is stored as a large finite value or rejected.
    if (!isNumArray(v, nx * ny))
      errors.push(`${key}: must be ${nx}×${ny} = ${nx * ny} finite numbers`);
  }
  if (typeof r.centre !== 'object' || r.centre === null) errors.push('centre: must be {loss, acc}');
  else {
    const split = (r.centre as Record<string, unknown>).accSplit;
    if (split !== undefined && split !== 'train' && split !== 'test')
      errors.push(
        `centre.accSplit: must be 'train' or 'test' (got ${JSON.stringify(split)?.slice(0, 40)})`,
      );
  }
  if (r.roughness !== undefined) {
    const rough = r.roughness;
    if (typeof rough !== 'object' || rough === null || Array.isArray(rough))
      errors.push('roughness: must be an object of numbers');
    else
      for (const [k, v] of Object.entries(rough))
        // null: a measure the slice has no value for (JSON's NaN, e.g. basinWidth off [−1, 1]²).
        if (v !== null && typeof v !== 'number')
          errors.push(`roughness.${k}: must be a number (got ${JSON.stringify(v).slice(0, 40)})`);
  }
  if (r.trajectory !== undefined) {
    const t = r.trajectory as Record<string, unknown>;
    const n = Array.isArray(t?.x) ? t.x.length : -1;
    for (const key of ['steps', 'x', 'y', 'relativeResidual'] as const)
      if (!isNumArray(t?.[key], n)) errors.push(`trajectory.${key}: must be ${n} finite numbers`);
    if (!isNumArray(t?.explainedVariance, 2))
      errors.push('trajectory.explainedVariance: must be two numbers');
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: raw as LandscapeJson };
}
