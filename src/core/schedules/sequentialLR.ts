import { bisectRight } from './multiStepLR';
import type { ScheduleConfig, ScheduleDef, Scheduler } from './scheduleSpec';

export interface SequentialLRConfig extends ScheduleConfig {
  type: 'SequentialLR';
  schedulers: ScheduleConfig[];
  milestones: number[];
}

/**
 * Children torch cannot run inside SequentialLR, or runs in a way that depends on construction
 * order rather than on the config: ReduceLROnPlateau (torch raises), OneCycleLR and CyclicLR
 * (they rewrite the optimizer's lr/initial_lr/momentum when constructed, before SequentialLR
 * resets lr), SequentialLR (torch raises NotImplementedError at a milestone, or miscounts
 * its own milestones by one when first).
 */
const NOT_NESTABLE: Record<string, string> = {
  ReduceLROnPlateau: 'torch raises: it needs the loss passed to step()',
  OneCycleLR: 'it rewrites the optimizer lr and momentum at construction',
  CyclicLR: 'it rewrites the optimizer lr and momentum at construction',
  SequentialLR: 'torch does not support nesting SequentialLR',
};

/**
 * SequentialLR: schedulers[i] runs from milestones[i−1] (inclusive) to milestones[i]; at a
 * milestone m the next scheduler starts from its own step 0 (torch's `_update_lr(0)`), so
 * step k uses schedulers[i] at its step k − m. Every child starts from the optimizer's lr.
 */
export const sequentialLR: ScheduleDef = {
  type: 'SequentialLR',
  id: 'sequential',
  summary:
    'Run schedulers one after another, switching at the milestones (e.g. warm-up then cosine).',
  tex: '\\eta_k = \\text{sched}_i(k - m_{i-1}),\\quad m_{i-1} \\le k < m_i',
  defaults: {},
  hyperparams: [
    { key: 'schedulers', kind: 'schedulers', label: 'Schedulers', required: true },
    { key: 'milestones', kind: 'integers', label: 'Milestones (steps)', min: 1, required: true },
  ],
  validate(config, field) {
    const { schedulers, milestones } = config as SequentialLRConfig;
    const errors: string[] = [];
    if (schedulers.length < 1) errors.push(`${field}.schedulers: must list at least one scheduler`);
    schedulers.forEach((child, i) => {
      const why = NOT_NESTABLE[child.type];
      if (why)
        errors.push(
          `${field}.schedulers[${i}].type: ${child.type} cannot run inside SequentialLR (${why})`,
        );
    });
    if (schedulers.length >= 1 && milestones.length !== schedulers.length - 1) {
      errors.push(
        `${field}.milestones: must have one entry fewer than schedulers (${schedulers.length - 1}), got ${milestones.length}`,
      );
    }
    for (let i = 1; i < milestones.length; i += 1) {
      if (milestones[i] <= milestones[i - 1]) {
        errors.push(
          `${field}.milestones[${i}]: must be greater than milestones[${i - 1}] (${milestones[i - 1]})`,
        );
      }
    }
    return errors;
  },
  create(config, base, createNested): Scheduler {
    const { schedulers, milestones } = config as SequentialLRConfig;
    const children = schedulers.map((child) => createNested(child, base));
    let k = 0;
    let active = 0;
    return {
      get lr() {
        return children[active].lr;
      },
      get momentum() {
        return children[active].momentum;
      },
      advance(loss?: number) {
        k += 1;
        const next = bisectRight(milestones, k);
        // A newly active child has never been advanced: it is at its own step 0.
        if (next === active) children[active].advance(loss);
        active = next;
      },
    };
  },
};
