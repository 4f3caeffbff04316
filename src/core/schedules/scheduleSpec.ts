import type { HpSpec } from '../optimizers/optimizerSpec';

/** What a schedule needs from the optimizer it drives. */
export interface ScheduleBase {
  /** The optimizer's constructed lr (torch's `initial_lr`, the `base_lrs` of most schedules). */
  lr: number;
  /** SGD/RMSprop `momentum` or Adam-family beta1, if the optimizer has one. */
  momentum?: number;
  /**
   * Which optimizer field a momentum-cycling schedule overwrites: torch checks
   * `'betas' in optimizer.defaults` first (beta1), then `'momentum'`. Undefined: neither.
   */
  momentumKey?: 'momentum' | 'betas';
}

/** A running schedule, stepped like torch's `sched.step()` once after each optimizer step. */
export interface Scheduler {
  /** lr to use for the current step (step k, 0-based, before `advance`). */
  readonly lr: number;
  /** Cycled momentum/beta1 for the current step, or undefined when this schedule does not cycle it. */
  readonly momentum: number | undefined;
  /** torch's sched.step(): move to the next step; ReduceLROnPlateau uses `loss` (others ignore it). */
  advance(loss?: number): void;
}

/** A parsed schedule config: torch's class name as `type`, then its keyword arguments. */
export type ScheduleConfig = { type: string; [k: string]: unknown };

/**
 * How one schedule keyword is described and validated. Numbers and booleans are plain
 * `HpSpec`s (the optimizer controls render them); schedules also need integers, string
 * choices, integer lists and the nested scheduler list of SequentialLR.
 */
export interface ScheduleHpSpec extends Omit<HpSpec, 'kind'> {
  kind: HpSpec['kind'] | 'integer' | 'choice' | 'integers' | 'schedulers';
  /** Allowed strings for `kind: 'choice'`. */
  choices?: readonly string[];
  /** A value the caller must give (torch's positional arguments): no default. */
  required?: boolean;
  /** `null` is a legal value (torch's `None`, e.g. OneCycleLR's `total_steps`). */
  nullable?: boolean;
}

/** A schedule as the UI, the URL codec and the CLI see it. */
export interface ScheduleSpec {
  /** torch class name, the config "type" ("OneCycleLR"); "constant" for no scheduler. */
  type: string;
  /** URL / CLI id ("onecycle"). */
  id: string;
  /** One line for the UI. */
  summary: string;
  /** The formula as TeX, shown beside the controls. */
  tex?: string;
  /** torch's defaults for every optional keyword. */
  defaults: Record<string, unknown>;
  hyperparams: readonly ScheduleHpSpec[];
}

/** Parse result shared by every parser in this folder. */
export type { ParseResult } from '../parse';

/**
 * Builds a nested schedule (SequentialLR's children). Passed in rather than imported so that
 * no schedule file imports the registry (no import cycles).
 */
export type CreateNested = (config: ScheduleConfig, base: ScheduleBase) => Scheduler;

/** A registered schedule: its spec plus the checks and the factory behind it. */
export interface ScheduleDef extends ScheduleSpec {
  /** Cross-field checks torch makes; `config` has every key filled. Messages start with `field`. */
  validate?(config: ScheduleConfig, field: string): string[];
  /** Whether this config overwrites the optimizer's momentum/beta1 (needs `base.momentumKey`). */
  cyclesMomentum?(config: ScheduleConfig): boolean;
  /** Builds the running schedule at step 0; `config` is parsed (defaults filled). */
  create(config: ScheduleConfig, base: ScheduleBase, createNested: CreateNested): Scheduler;
}
