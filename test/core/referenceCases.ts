import { loadReference, type ScheduleFile, type TrajectoryFile } from '../referencePath';

/** One PyTorch reference trajectory, mapped to our RunConfig JSON as reference/README.md describes. */
export interface ReferenceRun {
  id: string;
  config: Record<string, unknown>;
  params: [number, number][];
  loss: number[];
  finalLoss: number;
  lr: number;
  /** Absolute tolerance on params: max(1e-9, 100 × the run's float64 ulp-noise growth). */
  atol: number;
}

export const SURFACE_FILES = [
  'surface_rosenbrock.json',
  'surface_saddle.json',
  'surface_quadratic.json',
];

/** Every trajectory in the PyTorch reference (test/fixtures/pytorch), as configs a user could paste into the CLI. */
export function referenceRuns(): ReferenceRun[] {
  return SURFACE_FILES.flatMap((file) => {
    const data = loadReference<TrajectoryFile>(file);
    return data.runs.map((r): ReferenceRun => {
      const { foreach: _f, ...hyperparams } = r.optimizer.hyperparams;
      return {
        id: r.id,
        config: {
          surface: r.surface,
          start: r.start,
          steps: r.steps,
          optimizer: {
            type: String(r.optimizer.class).replace('torch.optim.', ''),
            ...hyperparams,
            foreach: r.optimizer.hyperparams.foreach,
          },
        },
        params: r.params,
        loss: r.loss,
        finalLoss: r.final_loss,
        lr: r.optimizer.hyperparams.lr,
        atol: Math.max(1e-9, 100 * (r.sensitivity?.float64_ulp_noise_max_abs_dev ?? 0)),
      };
    });
  });
}

/** One reference LR schedule with the SGD trajectory it drove on the quadratic bowl. */
export interface ReferenceSchedule {
  id: string;
  config: Record<string, unknown>;
  lr: number[];
  momentum: number[] | null;
  params: [number, number][];
  loss: number[];
}

/** Every schedule in schedules.json as a full run config (optimizer as constructed, scheduler kwargs). */
export function referenceSchedules(): ReferenceSchedule[] {
  return loadReference<ScheduleFile>('schedules.json').schedules.map((s): ReferenceSchedule => ({
    id: s.id,
    config: {
      surface: s.trajectory.surface,
      start: s.trajectory.start,
      steps: s.num_steps,
      optimizer: {
        type: String(s.optimizer.class).replace('torch.optim.', ''),
        ...s.optimizer.constructed_with,
      },
      scheduler: {
        type: String(s.class).replace('torch.optim.lr_scheduler.', ''),
        ...s.constructor,
      },
    },
    lr: s.lr,
    momentum: s.momentum ?? null,
    params: s.trajectory.params,
    loss: s.trajectory.loss,
  }));
}
