import { describe, expect, it } from 'vitest';
import { latestWins } from '../../src/worker/latestWins';

/** A compute that logs its start and end, and waits for its signal or `release`. */
function harness() {
  const log: string[] = [];
  const releases = new Map<number, () => void>();
  const runs = latestWins<{ seq: number; fail?: boolean }>(
    (req, signal) =>
      new Promise<void>((resolve, reject) => {
        log.push(`start ${req.seq}`);
        if (req.fail) {
          reject(new Error('boom'));
          return;
        }
        releases.set(req.seq, () => {
          log.push(`end ${req.seq}`);
          resolve();
        });
        signal.addEventListener('abort', () => {
          log.push(`cleanup ${req.seq}`);
          reject(signal.reason);
        });
      }),
    {
      cancelled: (req) => log.push(`cancelled ${req.seq}`),
      failed: (req, e) => log.push(`failed ${req.seq}: ${(e as Error).message}`),
    },
  );
  return { log, releases, runs };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe("latestWins (the workers' run discipline)", () => {
  it('a new request aborts the running one and starts only after it has cleaned up', async () => {
    const { log, releases, runs } = harness();
    runs.start({ seq: 1 });
    await settle();
    runs.start({ seq: 2 });
    await settle();
    expect(log).toEqual(['start 1', 'cleanup 1', 'cancelled 1', 'start 2']);
    releases.get(2)!();
    await settle();
    expect(log.at(-1)).toBe('end 2');
  });

  it('cancel aborts only the run with that seq', async () => {
    const { log, runs } = harness();
    runs.start({ seq: 5 });
    await settle();
    runs.cancel(4);
    await settle();
    expect(log).toEqual(['start 5']);
    runs.cancel(5);
    await settle();
    expect(log).toEqual(['start 5', 'cleanup 5', 'cancelled 5']);
  });

  it('reports any other failure as failed, and the next request still runs', async () => {
    const { log, runs } = harness();
    runs.start({ seq: 1, fail: true });
    await settle();
    runs.start({ seq: 2 });
    await settle();
    expect(log).toEqual(['start 1', 'failed 1: boom', 'start 2']);
  });
});
