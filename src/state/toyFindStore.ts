/**
 * "Find the learning rate" in the toy panel: the LR range test on the toy MLP with the panel's
 * data, net, optimizer and batch, as the page sees it: a run (state/run/), its I/O toyFindRunner.ts.
 */
import { create } from 'zustand';
import {
  RANGE_TEST_DEFAULTS,
  type RangeTestResult,
  type RangeTestSettings,
} from '../core/lrRangeTest';
import { idleRun, type Run } from './run/runRecord';
import { cancellingRun, startedRun } from './run/runTransitions';
import { useToyStore } from './toyStore';
import { hasMomentum, toyData, TOY_TRAIN_POINTS, type ToySettings } from './toySpec';

/**
 * What a test depends on: the data, net, optimizer and batch, not the lr, schedule or steps
 * (the test replaces them), so that applying its suggestion keeps its curve.
 */
export function toyFindKey(s: ToySettings): string {
  return JSON.stringify([
    toyData(s),
    s.toyNoise,
    s.toySeed,
    s.toyOpt,
    hasMomentum(s.toyOpt) ? s.toyMomentum : null,
    Math.min(s.toyBatch, TOY_TRAIN_POINTS),
  ]);
}

/** The range test is a run (one run abstraction: run/runRecord.ts) with its curve as it goes. */
export type ToyFind = Run<{
  /** Steps done of at most `steps`, and the lr and smoothed loss of the last one. */
  step: number;
  steps: number;
  lr: number | null;
  smoothed: number | null;
  result: RangeTestResult | null;
  /** The settings it was run with. */
  tested: ToySettings | null;
  /** The max_lr "Use as OneCycle max_lr" last set, or null. */
  applied: number | null;
}>;

export const idleToyFind = (): ToyFind => ({
  ...idleRun(),
  step: 0,
  steps: 0,
  lr: null,
  smoothed: null,
  result: null,
  tested: null,
  applied: null,
});

/**
 * fastai's defaults (100 steps from 1e-7, β 0.98, stop at 4× the best) but up to lr 100, not 10:
 * the tanh MLP saturates, so its loss often never blows up by 10 (9 of 16 data × optimizer
 * pairs ran to the end, measured), and a test that ends without blow-up suggests less.
 */
export const TOY_FIND_SETTINGS: Readonly<RangeTestSettings> = {
  ...RANGE_TEST_DEFAULTS,
  endLr: 100,
};

export interface ToyFindState {
  find: ToyFind;
  start(): void;
  cancel(): void;
  /** "Use as OneCycle max_lr": the toy training's schedule becomes OneCycle peaking at the suggestion. */
  apply(): number | null;
}

export const useToyFindStore = create<ToyFindState>()((set, get) => ({
  find: idleToyFind(),
  start() {
    set({
      find: startedRun(idleToyFind(), get().find, {
        steps: TOY_FIND_SETTINGS.steps,
        tested: useToyStore.getState().settings,
      }),
    });
  },
  cancel() {
    set({ find: cancellingRun(get().find) });
  },
  apply() {
    const f = get().find;
    const s = f.result?.suggestions.maxLr;
    if (!s) return null;
    // 3 significant digits, as the sentence writes it.
    const maxLr = Number(s.lr.toPrecision(3));
    useToyStore.getState().set({ toySched: 'onecycle', toyLr: maxLr });
    set({ find: { ...f, applied: maxLr } });
    return maxLr;
  },
}));
