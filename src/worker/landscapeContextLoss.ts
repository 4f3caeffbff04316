/**
 * A lost WebGL context during a landscape worker's run. tfjs does not notice one: its next
 * readback polls a fence that never signals, so the run would wait for ever with its last
 * progress line shown. The worker races each run against the loss and reports it at once; the
 * page then replaces the worker (landscapePort.ts), which also stops tfjs's polling.
 */
import { onContextLost, webglContextLost } from '../gpu/backend';

export class ContextLostError extends Error {
  constructor(what: string) {
    super(
      `The GPU context was lost during the ${what} (the browser or the graphics driver reset WebGL), so it stopped.`,
    );
    this.name = 'ContextLostError';
  }
}

/** How a run learns of a lost context (backend.ts; a test passes its own). */
export interface ContextWatch {
  /** Calls `lost` once when the context is lost (at once if it is); returns the unsubscribe. */
  onLost(lost: () => void): () => void;
  /** Whether it is lost now. */
  isLost(): boolean;
}

const tfjsWatch: ContextWatch = { onLost: onContextLost, isLost: webglContextLost };

/**
 * Runs `job` until it ends or the context is lost, whichever is first; a loss rejects with a
 * ContextLostError naming `what`, as does a job that throws once the context is lost (tfjs's
 * own errors then, such as a shader that no longer compiles). The job calls `arm()` once its
 * backend is active (the watch reads the backend in use); again after a change of backend.
 */
export async function untilContextLost(
  what: string,
  job: (arm: () => void) => Promise<void>,
  watch: ContextWatch = tfjsWatch,
): Promise<void> {
  let stop = () => {};
  let fail: (e: Error) => void = () => {};
  const lost = new Promise<never>((_, reject) => (fail = reject));
  const arm = () => {
    stop();
    stop = watch.onLost(() => fail(new ContextLostError(what)));
  };
  try {
    await Promise.race([
      job(arm).catch((e: unknown) => {
        throw watch.isLost() ? new ContextLostError(what) : e;
      }),
      lost,
    ]);
  } finally {
    stop();
  }
}
