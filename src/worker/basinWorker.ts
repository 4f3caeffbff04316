/// <reference lib="webworker" />
/** Runs the sharp-vs-flat map (core/basinMap) off the page's thread; Cancel terminates it. */
import { basinMap, type BasinMapSettings } from '../core/basinMap';
import type { RunConfig } from '../core/config';

self.onmessage = (e: MessageEvent<{ config: RunConfig; settings: BasinMapSettings }>) => {
  const post = (m: unknown) => (self as DedicatedWorkerGlobalScope).postMessage(m);
  try {
    post({ ok: true, map: basinMap(e.data.config, e.data.settings) });
  } catch (err) {
    post({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};
