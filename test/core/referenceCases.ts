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
  // Written later by scripts/pytorch-reference (--suffix more): the torch 1.13 optimizers and
  // variants the first files lack (Adadelta, Adamax, NAdam, RAdam, Rprop, ASGD, …).
  'surface_rosenbrock_more.json',
  'surface_saddle_more.json',
  'surface_quadratic_more.json',
  // rotated_quadratic: torch's SGD, Adagrad, RMSprop and Adam check the surface itself; the
  // ports of full-matrix AdaGrad, Shampoo and SOAP race on it.
  'surface_rotated_quadratic_more.json',
];

/**
 * A port's class name → our config: the port of Sophia names its exact-diagonal variant
 * `SophiaExact`, which is our Sophia with `estimator: 'exact'`.
 */
function portConfig(cls: string): Record<string, unknown> {
  return cls === 'SophiaExact' ? { type: 'Sophia', estimator: 'exact' } : { type: cls };
}

/** Every trajectory in the PyTorch reference (test/fixtures/pytorch), as configs a user could paste into the CLI. */
export function referenceRuns(): ReferenceRun[] {
  return SURFACE_FILES.flatMap((file) => {
    const data = loadReference<TrajectoryFile>(file);
    return data.runs.map((r): ReferenceRun => {
      const { foreach, ...hyperparams } = r.optimizer.hyperparams;
      // Lookahead's runs record {k, alpha, optimizer: {type, lr, …}}: the config form as is.
      const inner = hyperparams.optimizer as { lr: number } | undefined;
      return {
        id: r.id,
        config: {
          surface: r.surface,
          start: r.start,
          steps: r.steps,
          optimizer: {
            ...portConfig(String(r.optimizer.class).replace('torch.optim.', '')),
            ...hyperparams,
            ...(foreach === undefined ? {} : { foreach }),
          },
        },
        params: r.params,
        loss: r.loss,
        finalLoss: r.final_loss,
        lr: inner?.lr ?? r.optimizer.hyperparams.lr,
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

export const SCHEDULE_FILES = ['schedules.json', 'schedules_more.json'];

/**
 * torch 1.13 schedulers we do not offer (yet): their reference cases exist, and this list says
 * which are left out, so that adding one fails a test until its reference check is on.
 */
export const SCHEDULERS_NOT_OFFERED = [
  'ConstantLR',
  'LambdaLR',
  'MultiplicativeLR',
  'PolynomialLR',
  'ChainedScheduler',
];

type TorchScheduler = { class: string; constructor: Record<string, unknown> };

/** A scheduler as the reference writes it, as our config: nested schedulers too (SequentialLR). */
export function schedulerConfig(s: TorchScheduler): Record<string, unknown> {
  const { schedulers, ...rest } = s.constructor;
  return {
    type: s.class.replace('torch.optim.lr_scheduler.', ''),
    ...rest,
    ...(Array.isArray(schedulers)
      ? { schedulers: (schedulers as TorchScheduler[]).map(schedulerConfig) }
      : {}),
  };
}

/** Every reference schedule, from every schedule file, whether we offer its class or not. */
export function allReferenceScheduleCases(): ScheduleFile['schedules'] {
  return SCHEDULE_FILES.flatMap((f) => loadReference<ScheduleFile>(f).schedules);
}

/** Every reference schedule of a class we offer, as a full run config (optimizer as constructed, scheduler kwargs). */
export function referenceSchedules(): ReferenceSchedule[] {
  return allReferenceScheduleCases()
    .filter((s) => !SCHEDULERS_NOT_OFFERED.includes(s.class.split('.').pop()!))
    .map((s): ReferenceSchedule => ({
      id: s.id,
      config: {
        surface: s.trajectory.surface,
        start: s.trajectory.start,
        steps: s.num_steps,
        optimizer: {
          type: String(s.optimizer.class).replace('torch.optim.', ''),
          ...s.optimizer.constructed_with,
        },
        scheduler: schedulerConfig(s),
      },
      lr: s.lr,
      momentum: s.momentum ?? null,
      params: s.trajectory.params,
      loss: s.trajectory.loss,
    }));
}
