/// <reference lib="webworker" />
/**
 * Tunes the racers off the page's thread, one after the other, answering after each one so the
 * page shows progress. Cancel is the page terminating this worker: `tune()` is one synchronous
 * loop, and a fresh worker costs less than checking a flag in it.
 */
import { tune } from '../core/tune';
import type { TuneRequest, TuneResponse } from './tuneProtocol';

const post = (m: TuneResponse) => (self as DedicatedWorkerGlobalScope).postMessage(m);

self.onmessage = (e: MessageEvent<TuneRequest>) => {
  const { seq, racers, settings } = e.data;
  for (const { id, config } of racers) {
    try {
      post({ kind: 'racer', seq, id, result: tune(config, settings) });
    } catch (err) {
      post({ kind: 'error', seq, id, message: err instanceof Error ? err.message : String(err) });
    }
  }
  post({ kind: 'done', seq });
};
