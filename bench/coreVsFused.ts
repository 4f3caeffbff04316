import { parseRunConfig } from '../src/core/config';
import { run } from '../src/core/trajectory';

/**
 * The physical limit of the 2D path: Adam on Rosenbrock written as one hand-fused loop
 * (gradient and update inlined, same outputs recorded as run() records them).
 */
function fusedAdamRosenbrock(
  steps: number,
  lr: number,
  start: readonly [number, number],
): Float64Array {
  const b1 = 0.9,
    b2 = 0.999,
    eps = 1e-8;
  const params = new Float64Array(2 * steps),
    loss = new Float64Array(steps),
    lrs = new Float64Array(steps);
  let x = start[0],
    y = start[1],
    mx = 0,
    my = 0,
    vx = 0,
    vy = 0;
  for (let k = 0; k < steps; k++) {
    const t = k + 1,
      r = y - x * x;
    loss[k] = (1 - x) * (1 - x) + 100 * r * r;
    const gx = -2 * (1 - x) - 400 * x * r,
      gy = 200 * r;
    mx = mx * b1 + (1 - b1) * gx;
    my = my * b1 + (1 - b1) * gy;
    vx = vx * b2 + (1 - b2) * gx * gx;
    vy = vy * b2 + (1 - b2) * gy * gy;
    const stepSize = lr / (1 - Math.pow(b1, t)),
      bc2 = Math.sqrt(1 - Math.pow(b2, t));
    x -= (stepSize * mx) / (Math.sqrt(vx) / bc2 + eps);
    y -= (stepSize * my) / (Math.sqrt(vy) / bc2 + eps);
    params[2 * k] = x;
    params[2 * k + 1] = y;
    lrs[k] = lr;
  }
  return params;
}

/**
 * Best steps/second of each function over `reps` rounds, the two timed alternately so that
 * load from other processes hits both alike (the ratio is what we report).
 */
function stepsPerSecond(fns: (() => unknown)[], steps: number, reps: number): number[] {
  for (let i = 0; i < 3; i++) fns.forEach((fn) => fn()); // warm up the JIT
  const best = fns.map(() => Infinity);
  for (let i = 0; i < reps; i++) {
    fns.forEach((fn, j) => {
      const t0 = performance.now();
      fn();
      best[j] = Math.min(best[j], performance.now() - t0);
    });
  }
  return best.map((ms) => (steps / ms) * 1000);
}

/** Core optimizer steps per second vs the fused loop, measured in one run (Adam on Rosenbrock). */
export function benchCoreVsFused(steps = 100_000, reps = 30) {
  const start = [-1.5, 2] as const,
    lr = 1e-3;
  const parsed = parseRunConfig({
    surface: 'rosenbrock',
    start,
    steps,
    optimizer: { type: 'Adam', lr },
  });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  // Same arithmetic, so the end points must agree: the comparison is fair only if both do the same work.
  const a = run(parsed.value).params,
    b = fusedAdamRosenbrock(steps, lr, start);
  const dev = Math.abs(a[a.length - 1] - b[b.length - 1]);
  if (!(dev < 1e-6)) throw new Error(`core and fused Adam disagree by ${dev}`);
  const [core, fused] = stepsPerSecond(
    [() => run(parsed.value), () => fusedAdamRosenbrock(steps, lr, start)],
    steps,
    reps,
  );
  return {
    core_steps_per_s: Math.round(core),
    fused_steps_per_s: Math.round(fused),
    core_vs_fused: core / fused,
  };
}
