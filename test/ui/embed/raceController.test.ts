import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { usePlaybackStore } from '../../../src/state/playbackStore';
import { useRaceStore } from '../../../src/state/raceStore';
import { useResultsStore } from '../../../src/state/resultsStore';
import { loadUrlState } from '../../../src/state/urlSync';
import type { WidgetEvent } from '../../../src/ui/embed/controller';
import { mergeBase, raceController, STATE_DEBOUNCE_MS } from '../../../src/ui/embed/raceController';
import type { RacerResult } from '../../../src/worker/raceProtocol';

describe('the race widget controller', () => {
  let stop: () => void;
  let events: WidgetEvent[];
  const start = (query: string) => {
    loadUrlState(query);
    const made = raceController('contour');
    stop = made.stop;
    events = [];
    made.controller.subscribe((e) => events.push(e));
    return made.controller;
  };
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  it('answers get in the link vocabulary, all or the keys named', () => {
    const c = start('opt=sgd,adam&lr.sgd=0.02&steps=100');
    expect(c.get()).toMatchObject({ opt: 'sgd,adam', 'lr.sgd': '0.02', steps: '100' });
    expect(c.get(['lr.sgd', 'step', 'nope'])).toEqual({ 'lr.sgd': '0.02', step: '100' });
  });

  it('set merges keys into the state, names what it refuses and emits one state event', () => {
    const c = start('opt=sgd,adam&lr.sgd=0.02&steps=100');
    expect(c.set({ 'lr.adam': '0.05' })).toEqual([]);
    expect(useRaceStore.getState().racers.map((r) => r.hp.lr)).toEqual([0.02, 0.05]);
    const errors = c.set({ 'lr.sgd': '-1', bogus: '1' });
    expect(errors.join('\n')).toContain("'lr.sgd'");
    expect(errors.join('\n')).toContain("'bogus'");
    vi.advanceTimersByTime(STATE_DEBOUNCE_MS + 10);
    const states = events.filter((e) => e.type === 'state');
    expect(states).toHaveLength(1);
    expect(states[0]).toMatchObject({ params: { 'lr.adam': '0.05' } });
  });

  it('set keeps a playing race playing where it was', () => {
    const c = start('opt=sgd&steps=100');
    c.seek!(40);
    c.play!();
    c.set({ 'lr.sgd': '0.03' });
    expect(usePlaybackStore.getState()).toMatchObject({ step: 40, playing: true });
  });

  it('a new opt drops the settings of the racers it leaves out', () => {
    const base = mergeBase(
      [
        ['opt', 'sgd,adam'],
        ['lr.sgd', '0.1'],
        ['lr.adam', '0.01'],
        ['theme', 'dark'],
      ],
      { opt: 'sgd' },
    );
    expect(base).toEqual([
      ['opt', 'sgd,adam'],
      ['lr.sgd', '0.1'],
      ['theme', 'dark'],
    ]);
    expect(
      mergeBase(
        [
          ['lr.sgd', '0.1'],
          ['theme', 'dark'],
        ],
        { surface: 'beale' },
      ),
    ).toEqual([['theme', 'dark']]);
  });

  it('emits step (throttled), done at the last step, and diverged once per race', () => {
    const c = start('opt=sgd&steps=100');
    c.seek!(0);
    for (let k = 1; k <= 100; k++) c.seek!(k);
    const steps = events.filter((e) => e.type === 'step');
    expect(steps.length).toBeLessThan(5);
    vi.advanceTimersByTime(200);
    expect(events.filter((e) => e.type === 'step').at(-1)).toEqual({
      type: 'step',
      step: 100,
      steps: 100,
    });
    expect(events.filter((e) => e.type === 'done')).toHaveLength(1);
    const diverged = { id: 'sgd', divergedAt: 7 } as RacerResult;
    useResultsStore.setState({ racers: [diverged], raceSeq: 1 });
    useResultsStore.setState({ racers: [diverged], raceSeq: 1, computeError: null });
    useResultsStore.setState({ racers: [diverged], raceSeq: 2 });
    expect(events.filter((e) => e.type === 'diverged')).toEqual([
      { type: 'diverged', racer: 'sgd', step: 7 },
      { type: 'diverged', racer: 'sgd', step: 7 },
    ]);
  });
});
