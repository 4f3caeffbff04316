/**
 * One map run in the worker (or under Node in a test): the backend (chosen once per list of
 * backends and reported with its reason), then `computeMap` with throttled progress and the
 * run's abort signal. A cancelled map rethrows as the signal's AbortError, which latestWins
 * reports as 'cancelled'.
 */
import { type BackendChoice, chooseBackend } from '../gpu/backend';
import { computeMap, MapCancelled } from '../gpu/map/computeMap';
import type { MapComputeRequest, MapResponse } from './mapProtocol';

/** At most one progress message per this many ms (a postMessage per step would flood the page). */
export const PROGRESS_MS = 100;

let backend: { key: string; choice: Promise<BackendChoice> } | null = null;

function useBackend(backends: MapComputeRequest['backends']): Promise<BackendChoice> {
  const key = backends.join(',');
  if (!backend || backend.key !== key) {
    const choice = chooseBackend(backends);
    backend = { key, choice };
    // A failed choice is tried again by the next run.
    choice.catch(() => {
      if (backend?.choice === choice) backend = null;
    });
  }
  return backend.choice;
}

export async function computeMapRun(
  req: MapComputeRequest,
  emit: (m: MapResponse) => void,
  signal: AbortSignal,
  numTensors: () => number,
): Promise<void> {
  const { seq, spec } = req;
  emit({ kind: 'status', seq, text: 'Starting the compute backend…' });
  const choice = await useBackend(req.backends);
  emit({
    kind: 'backend',
    seq,
    backend: choice.backend,
    wanted: req.backends[0],
    softwareWebgl: choice.softwareWebgl,
    reason: choice.reason,
  });
  signal.throwIfAborted();
  const cells = spec.x.n * spec.y.n;
  emit({
    kind: 'status',
    seq,
    text: `Training ${cells.toLocaleString('en')} runs of ${spec.steps} steps at once…`,
  });
  let last = -Infinity;
  try {
    const result = await computeMap(spec, {
      signal,
      onProgress: ({ done, total }) => {
        const now = performance.now();
        if (done < total && now - last < PROGRESS_MS) return;
        last = now;
        emit({ kind: 'progress', seq, done, total });
      },
    });
    emit({ kind: 'done', seq, result, seconds: result.seconds, numTensors: numTensors() });
  } catch (e) {
    if (e instanceof MapCancelled) signal.throwIfAborted();
    throw e;
  }
}
