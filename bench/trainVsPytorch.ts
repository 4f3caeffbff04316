/**
 * Network training against PyTorch-CPU on this machine, and against the wasm backend's own peak.
 *
 * The step is the zoo's ResNet-56 (width 8, 1×7×7 inputs, 10 classes) on a batch of 128:
 * forward with BN in train mode, mean cross-entropy, backward, SGD (lr 0.1, momentum 0.9,
 * weight decay 5e-4) — `trainStep`, exactly as `landscape-lab train` runs it. PyTorch runs the
 * same network, batch and data shape (bench/pytorch/resnet_train_step.py, Debian's
 * python3-torch) in a child process driven line by line, so the two are timed interleaved in one
 * run: ROUNDS rounds of STEPS of ours, STEPS of theirs and one block of the peak matMul (this
 * VM's speed drifts by 2× within seconds). Figures:
 *   train_vs_pytorch        median over rounds of (our s/step ÷ PyTorch's s/step); ≤ 1 is parity
 *   train_vs_backend_peak   our training GFLOP/s (3 × the forward's FLOPs per image × batch per
 *                           step: the backward costs twice the forward) ÷ the peak matMul's
 *   train_*_ms              the step, its forward alone (train mode) and the rest (backward and
 *                           the optimizer update: the step minus the forward)
 *   train_dispatch_share    kernels per step × the time of a trivial kernel (an add of two
 *                           8-vectors, timed in the same rounds) ÷ the step: the share of the
 *                           step that is tfjs's per-kernel cost, not arithmetic
 * Without /usr/bin/python3 + torch the PyTorch figures say why they are missing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { optimizerOf } from '../src/core/optimizers/registry';
import { initBackend } from '../src/gpu/backend';
import { buildModel, forwardFlops, modelPreset } from '../src/gpu/modelZoo';
import { initBuffers, initParams } from '../src/gpu/nets/params';
import { TensorOptimizer } from '../src/gpu/tensorOptimizer';
import { trainStep } from '../src/gpu/train/trainStep';
import { matmulKernel, timeBlock } from './landscapeThroughput';

const MODEL = 'resnet-56';
const BATCH = 128;
const ROUNDS = 6;
const STEPS = 3;
const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./pytorch/resnet_train_step.py', import.meta.url));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** The PyTorch side as a line-protocol child, or the reason there is none. */
async function pytorchWorker(
  init: string,
): Promise<{ steps(n: number): Promise<number>; threads: number; close(): void } | string> {
  const probe = spawnSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], {
    encoding: 'utf8',
  });
  if (probe.status !== 0) return `no PyTorch here (${PYTHON} -c 'import torch' failed)`;
  const child = spawn(PYTHON, [SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const ask = async (cmd: string) => {
    child.stdin.write(cmd + '\n');
    const { value, done } = await lines.next();
    if (done) throw new Error(`PyTorch bench process ended after '${cmd}'`);
    return value as string;
  };
  const ready = (await ask(init)).split(' ');
  return {
    threads: Number(ready[1]),
    steps: async (n) => Number(await ask(`steps ${n}`)),
    close: () => {
      child.stdin.end('quit\n');
    },
  };
}

export async function benchTrainVsPytorch(): Promise<Record<string, number | string>> {
  const backend = await initBackend(['wasm']);
  if (backend !== 'wasm') throw new Error(`train bench: wasm backend unavailable (got ${backend})`);
  const preset = modelPreset(MODEL);
  const net = buildModel(preset);
  const spec = optimizerOf({ type: 'SGD' })!;
  const vars = tf.tidy(() => initParams(net, { seed: 0 }).map((t) => tf.variable(t)));
  let buffers = initBuffers(net);
  const opt = new TensorOptimizer(spec, vars, { lr: 0.1, momentum: 0.9, weight_decay: 5e-4 });
  const N = 512;
  const size = preset.inputSize;
  const data = {
    x: tf.randomNormal([N, size, size, 1], 0, 1, 'float32', 1),
    y: tf.tensor1d(
      Array.from({ length: N }, (_, i) => (i * 7) % 10),
      'int32',
    ),
  };
  let seed = 1;
  const batch = () =>
    Int32Array.from({ length: BATCH }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % N);
  const ourStep = async () => {
    const out = trainStep(net, opt, buffers, data, batch(), {});
    await out.stats.data();
    out.stats.dispose();
    tf.dispose(buffers.filter((b) => !out.buffers.includes(b)));
    buffers = out.buffers;
  };
  const forwardOnly = async () => {
    const x = tf.tidy(() => tf.gather(data.x, batch()));
    const r = net.forward(vars, buffers, x, 'train');
    await r.logits.data();
    tf.dispose([x, r.logits, ...(r.buffers ?? []).filter((b) => !buffers.includes(b))]);
  };
  const timed = async (f: () => Promise<void>, n: number) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await f();
    return (performance.now() - t0) / 1000 / n;
  };
  const peak = matmulKernel(1024, 1);
  const tinyA = tf.ones([8]);
  const tinyOps = () => {
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) tf.tidy(() => tf.add(tinyA, tinyA)).dispose();
    return (performance.now() - t0) / 1000 / 200;
  };
  const torch = await pytorchWorker(
    `init ${preset.depth} 1 ${preset.width} ${preset.k} ${size} 1 ${BATCH} 0`,
  );
  try {
    // Warm-up: operators created, memory grown, both sides.
    await timed(ourStep, 2);
    if (typeof torch !== 'string') await torch.steps(2);
    timeBlock(peak);
    const ours: number[] = [];
    const theirs: number[] = [];
    const fwd: number[] = [];
    const tiny: number[] = [];
    let peakFlops = 0,
      peakWall = 0;
    for (let r = 0; r < ROUNDS; r++) {
      ours.push(await timed(ourStep, STEPS));
      if (typeof torch !== 'string') theirs.push(await torch.steps(STEPS));
      fwd.push(await timed(forwardOnly, STEPS));
      tiny.push(tinyOps());
      const t = timeBlock(peak);
      peakFlops += peak.flops * peak.reps;
      peakWall += t.wall;
    }
    const kernels = (await tf.profile(ourStep)).kernels.length;
    const step = median(ours);
    const trainFlops = 3 * forwardFlops(preset) * BATCH;
    const peakGflops = peakFlops / peakWall / 1e9;
    const figures: Record<string, number | string> = {
      train_model: `${MODEL} (width ${preset.width}, ${size}×${size}×1), batch ${BATCH}, SGD momentum, BN train mode`,
      train_step_ms: r3(step * 1000),
      train_forward_ms: r3(median(fwd) * 1000),
      train_backward_and_update_ms: r3((step - median(fwd)) * 1000),
      train_kernels_per_step: kernels,
      train_trivial_kernel_us: r3(median(tiny) * 1e6),
      train_dispatch_share: r3((kernels * median(tiny)) / step),
      train_gflops: r3(trainFlops / step / 1e9),
      train_backend_peak_gflops: r3(peakGflops),
      train_vs_backend_peak: r3(trainFlops / step / 1e9 / peakGflops),
    };
    if (typeof torch === 'string') {
      figures.train_vs_pytorch = torch;
    } else {
      figures.train_vs_pytorch = r3(median(ours.map((o, i) => o / theirs[i])));
      figures.train_pytorch_step_ms = r3(median(theirs) * 1000);
      figures.train_pytorch_threads = torch.threads;
    }
    return figures;
  } finally {
    if (typeof torch !== 'string') torch.close();
    opt.dispose();
    tf.dispose([...vars, ...buffers, data.x, data.y, tinyA, ...peak.inputs]);
  }
}
