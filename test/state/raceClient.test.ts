import { describe, expect, it } from 'vitest';
import { RaceClient, syncBackend, type RaceBackend } from '../../src/worker/raceClient';
import type { RaceRequest, WorkerResponse } from '../../src/worker/raceProtocol';
import { racerConfigs } from '../../src/state/racerConfigs';
import { defaultRaceState } from '../../src/state/raceState';

/** A backend that holds requests until the test answers them. */
function manualBackend() {
  const posted: RaceRequest[] = [];
  let cb: (r: WorkerResponse) => void = () => {};
  const backend: RaceBackend = {
    kind: 'worker',
    drawsTrajectories: false,
    post: (r) => posted.push(r as RaceRequest),
    onResponse: (f) => {
      cb = f;
    },
    terminate: () => {},
  };
  const answer = (req: RaceRequest) => cb({ kind: 'race', seq: req.seq, results: [], ms: 0 });
  const drawn = (seq: number) => cb({ kind: 'drawn', seq, fingerprint: 'f', paintedAt: 1 });
  return { backend, posted, answer, drawn };
}

describe('the race client', () => {
  it('passes "drawn" notices through without touching the request in flight', () => {
    const { backend, posted, answer, drawn } = manualBackend();
    const client = new RaceClient(backend);
    const seen: string[] = [];
    client.onRace((r) => seen.push(`race ${r.seq}`));
    client.onDrawn((d) => seen.push(`drawn ${d.seq}`));
    client.request('race', { racers: [] });
    client.request('race', { racers: [] });
    drawn(1); // the worker drew race 1 before answering it: race 2 must still wait
    expect(posted.map((r) => r.seq)).toEqual([1]);
    answer(posted[0]);
    expect(posted.map((r) => r.seq)).toEqual([1, 2]);
    answer(posted[1]);
    expect(seen).toEqual(['drawn 1', 'race 2']);
  });

  it('keeps one request in flight, replaces the waiting one, and drops stale answers', () => {
    const { backend, posted, answer } = manualBackend();
    const client = new RaceClient(backend);
    const seen: number[] = [];
    client.onRace((r) => seen.push(r.seq));
    client.request('race', { racers: [] });
    client.request('race', { racers: [] });
    client.request('race', { racers: [] });
    expect(posted.map((r) => r.seq)).toEqual([1]);
    answer(posted[0]); // stale: 3 is newer; 3 is sent now, 2 never
    expect(seen).toEqual([]);
    expect(posted.map((r) => r.seq)).toEqual([1, 3]);
    answer(posted[1]);
    expect(seen).toEqual([3]);
  });

  it('computes the same race without a worker', async () => {
    const client = new RaceClient(syncBackend());
    const racers = racerConfigs(defaultRaceState()).flatMap((c) =>
      c.ok ? [{ id: c.id, config: c.config }] : [],
    );
    const res = await new Promise<Parameters<Parameters<RaceClient['onRace']>[0]>[0]>((resolve) => {
      client.onRace(resolve);
      client.request('race', { racers });
    });
    expect(res.results.map((r) => r.id)).toEqual(['sgd', 'rmsprop', 'adam', 'adagrad']);
    expect(
      res.results.every((r) => r.steps === 300 && r.divergedAt === null && r.error === null),
    ).toBe(true);
  });
});
