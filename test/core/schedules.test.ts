import { describe, expect, it } from 'vitest';
import { createScheduler, scheduleValues } from '../../src/core/schedules';
import type { ScheduleConfig } from '../../src/core/schedules';

const SGD = { lr: 1, momentum: 0.9, momentumKey: 'momentum' as const };
const lrs = (config: ScheduleConfig | null, steps: number, lr = 1) =>
  scheduleValues(config, { ...SGD, lr }, steps).lr;
const close = (actual: readonly number[], expected: readonly number[]) => {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, k) => expect(a, `step ${k}`).toBeCloseTo(expected[k], 12));
};

describe('constant lr', () => {
  it('keeps the optimizer lr for null and for {type: "constant"}, and cycles no momentum', () => {
    expect(scheduleValues(null, { lr: 0.3 }, 4)).toEqual({
      lr: [0.3, 0.3, 0.3, 0.3],
      momentum: null,
    });
    expect(lrs({ type: 'constant' }, 3, 0.3)).toEqual([0.3, 0.3, 0.3]);
  });
});

describe('MultiStepLR', () => {
  it('decays by gamma at each milestone: η₀·γ^(#milestones ≤ k)', () => {
    // milestones [3, 5], γ = 0.5: k 0..2 → 1, k 3..4 → 0.5, k ≥ 5 → 0.25
    close(
      lrs({ type: 'MultiStepLR', milestones: [3, 5], gamma: 0.5 }, 7),
      [1, 1, 1, 0.5, 0.5, 0.25, 0.25],
    );
  });
  it('decays twice at a repeated milestone and ignores order (torch keeps a Counter)', () => {
    // milestones [4, 2, 2]: k = 2 → γ², k = 4 → γ³
    close(
      lrs({ type: 'MultiStepLR', milestones: [4, 2, 2], gamma: 0.5 }, 5),
      [1, 1, 0.25, 0.25, 0.125],
    );
  });
});

describe('ExponentialLR', () => {
  it('multiplies by gamma every step: η₀·γ^k', () => {
    // 0.1·0.9^k: 0.1, 0.09, 0.081, 0.0729
    close(lrs({ type: 'ExponentialLR', gamma: 0.9 }, 4, 0.1), [0.1, 0.09, 0.081, 0.0729]);
  });
});

describe('StepLR', () => {
  it('uses the default gamma 0.1 every step_size steps', () => {
    close(lrs({ type: 'StepLR', step_size: 2 }, 5), [1, 1, 0.1, 0.1, 0.01]);
  });
});

describe('SequentialLR', () => {
  const warmupThenCosine = {
    type: 'SequentialLR',
    schedulers: [
      { type: 'LinearLR', start_factor: 0.1, total_iters: 4 },
      { type: 'CosineAnnealingLR', T_max: 10 },
    ],
    milestones: [4],
  };
  it('runs LinearLR warm-up, then CosineAnnealingLR from its own step 0 at the milestone', () => {
    // k < 4: 0.1·(0.1 + 0.9·k/4) = 0.01, 0.0325, 0.055, 0.0775
    // k ≥ 4: cosine at local step j = k − 4: 0.1·(1 + cos(πj/10))/2
    //   j = 0 → 0.1; j = 1 → 0.05·(1 + 0.951056516295) = 0.0975528258148; j = 2 → 0.0904508497187
    close(
      lrs(warmupThenCosine, 7, 0.1),
      [0.01, 0.0325, 0.055, 0.0775, 0.1, 0.0975528258148, 0.0904508497187],
    );
  });
  it('restarts a decayed schedule from the optimizer lr at the milestone', () => {
    // ExponentialLR(γ=0.5) for 2 steps, then StepLR(step_size=2): 1, 0.5 | 1, 1, 0.1
    const config = {
      type: 'SequentialLR',
      schedulers: [
        { type: 'ExponentialLR', gamma: 0.5 },
        { type: 'StepLR', step_size: 2 },
      ],
      milestones: [2],
    };
    close(lrs(config, 5), [1, 0.5, 1, 1, 0.1]);
  });
});

describe('CyclicLR', () => {
  const base = { type: 'CyclicLR', base_lr: 0.01, max_lr: 0.1, step_size_up: 2, step_size_down: 3 };
  it('triangular: up in step_size_up steps, down in step_size_down, momentum inversely', () => {
    // total 5, ratio 0.4; x = k/5 mod 1; h = x/0.4 going up, (x − 1)/(0.4 − 1) going down:
    // k: 0 → h 0, 1 → 0.5, 2 → 1, 3 → 2/3, 4 → 1/3, 5 → 0 (cycle 2)
    // lr = 0.01 + 0.09·h; momentum = 0.9 − 0.1·h (defaults base 0.8, max 0.9)
    const { lr, momentum } = scheduleValues(base, SGD, 6);
    close(lr, [0.01, 0.055, 0.1, 0.07, 0.04, 0.01]);
    close(momentum ?? [], [0.9, 0.85, 0.8, 0.9 - 0.1 * (2 / 3), 0.9 - 0.1 * (1 / 3), 0.9]);
  });
  it('triangular2: halves the amplitude each cycle', () => {
    // cycle 2 (k = 5..9) scale 1/2: k = 7 is the peak → 0.01 + 0.09·0.5 = 0.055; momentum 0.9 − 0.05
    const { lr, momentum } = scheduleValues({ ...base, mode: 'triangular2' }, SGD, 13);
    close([lr[2], lr[7], lr[12]], [0.1, 0.055, 0.0325]);
    close([momentum?.[7] ?? NaN, momentum?.[12] ?? NaN], [0.85, 0.875]);
  });
  it('exp_range: scales the amplitude by gamma^k (per iteration)', () => {
    // up = down = 2, γ = 0.5: k = 2 is a peak, h = 1, scale 0.25 → 0.01 + 0.09·0.25 = 0.0325;
    // k = 1: h = 0.5, scale 0.5 → 0.01 + 0.0225 = 0.0325; momentum k = 2: 0.9 − 0.1·0.25 = 0.875
    const config = { ...base, step_size_down: 2, mode: 'exp_range', gamma: 0.5 };
    const { lr, momentum } = scheduleValues(config, SGD, 5);
    close(lr, [0.01, 0.0325, 0.0325, 0.01 + 0.09 * 0.5 * 0.125, 0.01]);
    close(momentum ?? [], [0.9, 0.875, 0.875, 0.9 - 0.1 * 0.5 * 0.125, 0.9]);
  });
  it('step_size_down defaults to step_size_up', () => {
    close(
      lrs({ type: 'CyclicLR', base_lr: 0, max_lr: 1, step_size_up: 2, cycle_momentum: false }, 5),
      [0, 0.5, 1, 0.5, 0],
    );
  });
  it('cycles Adam beta1 the same way (momentumKey betas)', () => {
    const { momentum } = scheduleValues(base, { lr: 1, momentum: 0.9, momentumKey: 'betas' }, 3);
    close(momentum ?? [], [0.9, 0.85, 0.8]);
  });
  it('cycles no momentum with cycle_momentum: false', () => {
    expect(scheduleValues({ ...base, cycle_momentum: false }, SGD, 3).momentum).toBeNull();
  });
});

describe('OneCycleLR', () => {
  const oneCycle = {
    type: 'OneCycleLR',
    max_lr: 1,
    total_steps: 10,
    div_factor: 10,
    final_div_factor: 100,
  };
  it('linear: warms up from max_lr/div_factor, anneals to initial/final_div_factor', () => {
    // initial 0.1, min 0.001; pct_start 0.5 → warm-up ends at step 0.5·10 − 1 = 4, anneal ends at 9.
    // k ≤ 4: 0.1 + 0.9·k/4; k > 4: 1 + (0.001 − 1)·(k − 4)/5, e.g. k = 6 → 1 − 0.999·0.4 = 0.6004
    // momentum: 0.95 → 0.85 over the warm-up, back to 0.95 by k = 9
    const { lr, momentum } = scheduleValues(
      { ...oneCycle, pct_start: 0.5, anneal_strategy: 'linear' },
      SGD,
      10,
    );
    close(lr, [0.1, 0.325, 0.55, 0.775, 1, 0.8002, 0.6004, 0.4006, 0.2008, 0.001]);
    close(
      [momentum?.[0] ?? NaN, momentum?.[2] ?? NaN, momentum?.[4] ?? NaN, momentum?.[9] ?? NaN],
      [0.95, 0.9, 0.85, 0.95],
    );
  });
  it('three_phase cos: up to max_lr, mirror back to the initial lr, then down to the minimum', () => {
    // pct_start 0.3: phase ends at 0.3·10 − 1 = 2, 2·0.3·10 − 2 = 4, 9.
    // k = 1: cos half-way (0.1 + 1)/2 = 0.55; k = 2 → 1; k = 3 → 0.55; k = 4 → 0.1; k = 9 → 0.001.
    // momentum: 0.95, 0.9, 0.85, 0.9, 0.95, then stays 0.95 in phase 3.
    const { lr, momentum } = scheduleValues({ ...oneCycle, three_phase: true }, SGD, 10);
    close([lr[0], lr[1], lr[2], lr[3], lr[4], lr[9]], [0.1, 0.55, 1, 0.55, 0.1, 0.001]);
    close(momentum ?? [], [0.95, 0.9, 0.85, 0.9, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95]);
  });
  it('takes total_steps from epochs · steps_per_epoch', () => {
    const a = scheduleValues(
      { ...oneCycle, total_steps: null, epochs: 2, steps_per_epoch: 5 },
      SGD,
      10,
    );
    expect(a).toEqual(scheduleValues(oneCycle, SGD, 10));
  });
  it('ignores the optimizer lr (torch overwrites initial_lr)', () => {
    expect(lrs(oneCycle, 3, 123)).toEqual(lrs(oneCycle, 3, 1));
  });
  it('holds the final minimum lr and momentum past total_steps + 1 (torch would raise)', () => {
    const { lr, momentum } = scheduleValues({ ...oneCycle, anneal_strategy: 'linear' }, SGD, 14);
    close(lr.slice(11), [0.001, 0.001, 0.001]);
    close((momentum ?? []).slice(11), [0.95, 0.95, 0.95]);
  });
});

describe('CosineAnnealingWarmRestarts', () => {
  it('T_0 = 2, T_mult = 2: restarts at steps 2 and 6 with cycles of 2, 4, 8', () => {
    // (T_cur, T_i): k0 (0,2) k1 (1,2) k2 (0,4) k3 (1,4) k4 (2,4) k5 (3,4) k6 (0,8) k7 (1,8)
    // lr = (1 + cos(π·T_cur/T_i))/2: 1, 0.5, 1, 0.853553390593, 0.5, 0.146446609407, 1, 0.961939766256
    const config = { type: 'CosineAnnealingWarmRestarts', T_0: 2, T_mult: 2 };
    close(lrs(config, 8), [1, 0.5, 1, 0.853553390593, 0.5, 0.146446609407, 1, 0.961939766256]);
  });
  it('T_mult = 1 with eta_min: period T_0 between lr and (never quite) eta_min', () => {
    // T_0 = 2, eta_min 0.2: k even → 1, k odd → 0.2 + 0.8·(1 + cos(π/2))/2 = 0.6
    close(lrs({ type: 'CosineAnnealingWarmRestarts', T_0: 2, eta_min: 0.2 }, 4), [1, 0.6, 1, 0.6]);
  });
});

describe('ReduceLROnPlateau', () => {
  const plateau = (over: Record<string, unknown>, losses: number[]) =>
    scheduleValues(
      { type: 'ReduceLROnPlateau', factor: 0.5, patience: 2, ...over },
      { lr: 1 },
      losses.length + 1,
      losses,
    ).lr;
  const flat = Array(10).fill(1);

  it('reduces after more than patience steps without improvement', () => {
    // advance 1 sets best = 1; advances 2, 3, 4 are bad (1 ≮ 1·(1 − 1e-4)); bad 3 > 2 → halve after advance 4,
    // then again after 3 more bad advances (7) and (10).
    close(plateau({}, flat), [1, 1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.125]);
  });
  it('cooldown: bad steps right after a reduction are not counted', () => {
    // cooldown 1: advance 5 is in cooldown (count reset), so the next reduction comes after advance 8.
    close(plateau({ cooldown: 1 }, flat), [1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25]);
  });
  it('threshold rel: an improvement smaller than threshold·best is a bad step', () => {
    // losses fall 2% a step (0.98^j), threshold 0.1: best = 1 after advance 1; advances 2–4 do not beat
    // 0.9 → halve after advance 4; advances 5, 6 are bad (0.922, 0.904); advance 7 (0.886) beats 0.9 →
    // best 0.886; advances 8–10 (0.868, 0.851, 0.834) do not beat 0.886·0.9 = 0.797 → halve after 10.
    const falling = flat.map((_, j) => 0.98 ** j);
    close(plateau({ threshold: 0.1 }, falling), [1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.25]);
    // with the default threshold 1e-4 every step improves: no reduction
    expect(plateau({}, falling)).toEqual(Array(11).fill(1));
  });
  it('threshold abs and mode max', () => {
    const rising = flat.map((_, k) => 0.05 * k);
    // abs threshold 0.01 in mode max: +0.05 a step always improves
    expect(plateau({ mode: 'max', threshold_mode: 'abs', threshold: 0.01 }, rising)).toEqual(
      Array(11).fill(1),
    );
    // abs threshold 0.1 in mode min: a rising loss never improves on best − 0.1
    close(
      plateau({ threshold_mode: 'abs', threshold: 0.1 }, rising).slice(0, 5),
      [1, 1, 1, 1, 0.5],
    );
  });
  it('never goes below min_lr and skips reductions smaller than eps', () => {
    // 1 → max(0.5, 0.4) = 0.5 → max(0.25, 0.4) = 0.4 → 0.4 − 0.4 = 0 ≤ eps: stays
    close(plateau({ min_lr: 0.4 }, flat), [1, 1, 1, 1, 0.5, 0.5, 0.5, 0.4, 0.4, 0.4, 0.4]);
    // eps 0.6: the first reduction 1 → 0.5 changes lr by 0.5 ≤ 0.6: skipped
    expect(plateau({ eps: 0.6 }, flat)).toEqual(Array(11).fill(1));
  });
  it('needs the loss to advance', () => {
    const s = createScheduler({ type: 'ReduceLROnPlateau' }, { lr: 1 });
    expect(() => s.advance()).toThrow(/loss/);
  });
});
