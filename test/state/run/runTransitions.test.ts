import { describe, expect, it } from 'vitest';
import { idleRun, runBusy, type Run } from '../../../src/state/run/runRecord';
import { cancellingRun, startedRun } from '../../../src/state/run/runTransitions';

type Grid = Run<{ grid: number[] | null; lr: number }>;
const idle = (): Grid => ({ ...idleRun(), grid: null, lr: 0 });

describe('run transitions', () => {
  it('a start is a new id, running, Starting…, the run’s own idle fields, and the last numTensors', () => {
    const ended: Grid = {
      ...idle(),
      runId: 4,
      status: 'error',
      error: 'boom',
      text: '',
      backend: 'webgl',
      done: 7,
      total: 9,
      grid: [1, 2],
      numTensors: 12,
    };
    const next = startedRun(idle(), ended, { lr: 0.1 });
    expect(next).toEqual({
      ...idle(),
      runId: 5,
      status: 'running',
      text: 'Starting…',
      numTensors: 12,
      lr: 0.1,
    });
    expect(runBusy(next)).toBe(true);
  });

  it('only a running run can be cancelled; the same record comes back otherwise', () => {
    const running = startedRun(idle(), idle());
    expect(cancellingRun(running)).toMatchObject({ status: 'cancelling', text: 'Cancelling…' });
    expect(runBusy(cancellingRun(running))).toBe(true);
    for (const status of ['idle', 'cancelling', 'done', 'cancelled', 'error'] as const) {
      const r = { ...running, status };
      expect(cancellingRun(r)).toBe(r);
    }
    expect(runBusy({ status: 'done' })).toBe(false);
    expect(runBusy({ status: 'idle' })).toBe(false);
  });
});
