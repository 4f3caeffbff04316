import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in <root>/test). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The PyTorch reference data the tests compare against, carried in the repository. */
export const referenceDir = path.resolve(repoRoot, 'test/fixtures/pytorch');

/** Absolute path of a file of the PyTorch reference (test/fixtures/pytorch/README.md says what each holds). */
export function referencePath(name: string): string {
  return path.resolve(referenceDir, name);
}

/** A JSON file of the reference, parsed, as the schema the caller names (the files' README gives them). */
export function loadReference<T>(name: string): T {
  return JSON.parse(readFileSync(referencePath(name), 'utf8')) as T;
}

type XY = [number, number];

/** surface_<name>.json: the surface's own checks and the optimizer runs on it. */
export interface TrajectoryFile {
  surface: {
    name: string;
    view_box: { xmin: number; xmax: number; ymin: number; ymax: number };
    known_minima: XY[];
    minimum_value: number | null;
    starts: Record<string, XY>;
    checks: { label: string; point: XY; value: number; grad: XY }[];
  };
  runs: {
    id: string;
    surface: string;
    start: XY;
    steps: number;
    optimizer: {
      id: string;
      class: string;
      hyperparams: { lr: number; foreach?: unknown } & Record<string, unknown>;
    };
    sensitivity: {
      float64_ulp_noise_max_abs_dev: number;
      float32_torch_max_abs_dev: number;
      float32_torch_max_abs_dev_first_50_steps: number;
    };
    params: XY[];
    loss: number[];
    final_loss: number;
  }[];
}

/** schedules.json: each schedule's lr per step and the SGD trajectory it drove. */
export interface ScheduleFile {
  schedules: {
    id: string;
    class: string;
    constructor: Record<string, unknown>;
    optimizer: { class: string; constructed_with: { lr: number; momentum: number } };
    num_steps: number;
    lr: number[];
    momentum?: number[];
    lr_after_final_scheduler_step: number;
    momentum_after_final_scheduler_step?: number;
    trajectory: { surface: string; start: XY; params: XY[]; loss: number[]; final_loss: number };
  }[];
}
