/**
 * Runs a tune of every racer (state/tuneState.ts) in its own worker, never on the page's thread;
 * Cancel terminates that worker. Where there is no Worker (the unit tests) it runs inline.
 */
import { scaledLr } from '../core/batchScaling';
import { tune } from '../core/tune';
import type { TuneRequest, TuneResponse } from '../worker/tuneProtocol';
import { ruleOn } from './batchRule';
import { racerBatchSize, racerConfigs } from './racerConfigs';
import { raceSnapshot, useRaceStore } from './raceStore';
import { tuneChoiceError, tuneFingerprint, tuneSettingsOf, type TuneChoice } from './tuneState';
import { useTuneStore } from './tuneStore';

let worker: Worker | null = null;
let seq = 0;

function onMessage(m: TuneResponse) {
  if (m.seq !== seq) return;
  const s = useTuneStore.getState();
  if (m.kind === 'racer')
    useTuneStore.setState({
      results: [...s.results, { id: m.id, result: m.result }],
      progress: { ...s.progress, done: s.progress.done + 1 },
    });
  else if (m.kind === 'error')
    useTuneStore.setState({
      errors: [...s.errors, { id: m.id, message: m.message }],
      progress: { ...s.progress, done: s.progress.done + 1 },
    });
  else useTuneStore.setState({ state: 'done' });
}

/** Starts tuning every racer the core accepts with `choice`; returns the error that stops it. */
export function startTune(choice: TuneChoice): string | null {
  const err = tuneChoiceError(choice);
  if (err) return err;
  cancelTune();
  const race = raceSnapshot();
  const racers = racerConfigs(race).flatMap((c) => (c.ok ? [{ id: c.id, config: c.config }] : []));
  const req: TuneRequest = { seq: ++seq, racers, settings: tuneSettingsOf(choice) };
  useTuneStore.setState({
    draft: choice,
    ran: choice,
    state: 'running',
    progress: { done: 0, total: racers.length },
    results: [],
    errors: [],
    fingerprint: tuneFingerprint(race),
  });
  if (typeof Worker === 'undefined') {
    for (const { id, config } of racers)
      onMessage({ kind: 'racer', seq: req.seq, id, result: tune(config, req.settings) });
    onMessage({ kind: 'done', seq: req.seq });
    return null;
  }
  worker = new Worker(new URL('../worker/tuneWorker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (e: MessageEvent<TuneResponse>) => onMessage(e.data);
  worker.onerror = (e) => {
    onMessage({
      kind: 'error',
      seq: req.seq,
      id: '',
      message: e.message || 'the tune worker failed',
    });
    onMessage({ kind: 'done', seq: req.seq });
  };
  worker.postMessage(req);
  return null;
}

/** Stops a running tune; what finished stays shown, marked cancelled. */
export function cancelTune(): void {
  worker?.terminate();
  worker = null;
  seq++;
  if (useTuneStore.getState().state === 'running') useTuneStore.setState({ state: 'cancelled' });
}

/**
 * Sets each tuned racer's lr slider to its tuned lr. The tuner searched the lr the run starts
 * from; under a batch-size rule the slider shows it scaled to the racer's B (batchRule.ts).
 */
export function applyTunedLrs(): void {
  const { results } = useTuneStore.getState();
  const race = useRaceStore.getState();
  const { setHp } = race;
  const scaling = race.batch.scaling;
  for (const { id, result } of results) {
    const r = race.racers.find((q) => q.key === id);
    if (!r) continue;
    const lr = ruleOn(scaling)
      ? scaledLr(result.best.lr, scaling.baseSize, racerBatchSize(race, r), scaling.rule)
      : result.best.lr;
    setHp(id, 'lr', Number(lr.toPrecision(6)));
  }
}

/** The tune the link carries: the one shown, while it runs or once done, if the race is still the one it tuned. */
export function linkedTune(): TuneChoice | null {
  const t = useTuneStore.getState();
  if (!t.ran || (t.state !== 'running' && t.state !== 'done')) return null;
  return t.fingerprint === tuneFingerprint(raceSnapshot()) ? t.ran : null;
}

/** A link's tune: shown in the panel and run again (deterministic, so the same result). */
export function loadTune(choice: TuneChoice | null | undefined): void {
  if (choice) startTune(choice);
  else {
    cancelTune();
    useTuneStore.setState({ ran: null, state: 'idle', results: [], errors: [], fingerprint: null });
  }
}
