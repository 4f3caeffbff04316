import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ROW_FLUSH_MS } from '../../src/state/landscapeRunner';
import { initialLandscapeState, useLandscapeStore } from '../../src/state/landscapeStore';
import { fakeLandscapeRunner } from './fakeLandscapeRunner';

const runner = () => fakeLandscapeRunner(['wasm', 'cpu']);

const row = (seq: number, r: number, nx = 3) => ({
  kind: 'row' as const,
  seq,
  phase: 'fine' as const,
  row: r,
  points: Array.from({ length: nx }, (_, i) => ({
    index: r * nx + i,
    alpha: i,
    beta: r,
    loss: 1 + r,
    acc: 50,
  })),
  done: (r + 1) * nx,
  total: nx * nx,
});

describe('streamed rows reach the store at most every ROW_FLUSH_MS', () => {
  let stop = () => {};
  beforeEach(() => {
    vi.useFakeTimers();
    useLandscapeStore.setState(initialLandscapeState());
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('holds rows back, draws them together, and draws the held rows at once on a cancel', () => {
    const r = runner();
    stop = r.stop;
    useLandscapeStore.getState().recompute();
    const seq = r.seq();
    r.answer({ kind: 'phase', seq, phase: 'fine', xs: [0, 1, 2], ys: [0, 1, 2] });
    r.answer(row(seq, 0));
    r.answer(row(seq, 1));
    const loss = () => Array.from(useLandscapeStore.getState().gpu.fine!.loss);
    // Held back: the page is not redrawn per row.
    expect(loss().every(Number.isNaN)).toBe(true);
    vi.advanceTimersByTime(ROW_FLUSH_MS);
    expect(loss().slice(0, 6)).toEqual([1, 1, 1, 2, 2, 2]);
    expect(useLandscapeStore.getState().gpu.done).toBe(6);
    // A row then a cancel: the row is in the store when the run is said to be cancelled.
    r.answer(row(seq, 2));
    r.answer({ kind: 'cancelled', seq, numTensors: 0 });
    expect(useLandscapeStore.getState().gpu.status).toBe('cancelled');
    expect(loss().slice(6)).toEqual([3, 3, 3]);
  });
});
