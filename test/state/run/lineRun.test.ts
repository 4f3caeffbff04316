import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  idleLine,
  initialLandscapeState,
  useLandscapeStore,
} from '../../../src/state/landscapeStore';
import { startLineRunner } from '../../../src/state/lineRunner';
import { LandscapeClient } from '../../../src/worker/landscapeClient';
import type {
  LandscapeRequest,
  LandscapeResponse,
  LinePath,
} from '../../../src/worker/landscapeProtocol';

const lineStart = (seq: number, path: LinePath): LandscapeResponse => ({
  kind: 'lineStart',
  seq,
  path,
  alphas: [0, 0.5, 1],
  samples: 16,
  bn: 'train',
  initSeed: 1,
  dirSeed: null,
  params: 10,
  dataset: 'cifar10',
});

/** The line runner on the shared run wiring: one run at a time, over both paths. */
describe('the line runner (store → worker → line.runs[path])', () => {
  let sent: LandscapeRequest[];
  let answer: (m: LandscapeResponse) => void;
  let made: number;
  let stop: () => void;
  const runs = () => useLandscapeStore.getState().line.runs;

  beforeEach(() => {
    sent = [];
    made = 0;
    useLandscapeStore.setState(initialLandscapeState());
    useLandscapeStore.getState().setLine('interpolation');
    stop = startLineRunner(
      () => {
        made++;
        return new LandscapeClient({
          post: (req) => sent.push(req),
          onMessage: (cb) => (answer = cb),
          terminate: () => {},
        });
      },
      { fetchJson: async () => null, baseUrl: 'http://x/', backends: ['wasm'] },
    );
  });
  afterEach(() => stop());

  it('makes its worker on the first Compute, streams the points, and ends with the time', () => {
    expect(made).toBe(0);
    useLandscapeStore.getState().computeLine();
    expect(made).toBe(1);
    expect(sent).toMatchObject([{ kind: 'line', seq: 1, path: 'interpolation' }]);
    answer({
      kind: 'backend',
      seq: 1,
      backend: 'wasm',
      wanted: 'wasm',
      softwareWebgl: null,
      skippedSoftwareWebgl: false,
      reason: null,
    });
    answer(lineStart(1, 'interpolation'));
    answer({
      kind: 'linePoints',
      seq: 1,
      points: [{ index: 1, alpha: 0.5, loss: 2, acc: 30 }],
      done: 1,
      total: 3,
    });
    expect(runs().interpolation).toMatchObject({
      status: 'running',
      backend: 'wasm',
      done: 1,
      total: 3,
    });
    expect(runs().interpolation.view!.loss[1]).toBe(2);
    answer({ kind: 'done', seq: 1, seconds: 0.5, numTensors: 7 });
    expect(runs().interpolation).toMatchObject({
      status: 'done',
      text: 'Done in 0.5 s.',
      numTensors: 7,
    });
  });

  it('the other path is a new run; Cancel names it and keeps its points', () => {
    const s = useLandscapeStore.getState();
    s.computeLine();
    answer({ kind: 'done', seq: 1, seconds: 1, numTensors: 7 });
    s.setLine('random');
    s.computeLine();
    expect(sent.at(-1)).toMatchObject({ kind: 'line', seq: 2, path: 'random' });
    expect(runs().random).toMatchObject({ status: 'running', numTensors: null });
    s.cancelLine();
    expect(sent.at(-1)).toEqual({ kind: 'cancel', seq: 2 });
    answer({ kind: 'cancelled', seq: 2, numTensors: 7 });
    expect(runs().random).toMatchObject({
      status: 'cancelled',
      text: 'Cancelled: the points computed so far are kept.',
    });
    expect(runs().interpolation.status).toBe('done');
  });

  it('another network resets the runs: the one under way is cancelled and its late messages dropped', () => {
    const s = useLandscapeStore.getState();
    s.computeLine();
    s.set({ depth: s.settings.depth === 20 ? 56 : 20 });
    expect(sent.at(-1)).toEqual({ kind: 'cancel', seq: 1 });
    answer(lineStart(1, 'interpolation'));
    answer({ kind: 'cancelled', seq: 1, numTensors: 0 });
    expect(runs()).toEqual(idleLine().runs);
  });
});
