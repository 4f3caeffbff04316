/**
 * The landscape worker as a port that outlives its Worker. Two things replace the Worker with a
 * fresh one:
 * - a run that ends with a lost GPU context: the old worker's tfjs would poll the dead context
 *   for ever, and a fresh worker gets a fresh context;
 * - a run asked to stop (a cancel, or a newer run) that the worker has not ended within
 *   CANCEL_GRACE_MS: stuck in a way nobody detected, so Cancel still ends it (reported as
 *   cancelled with `numTensors` null).
 * The newest run not yet ended is sent again to the new worker. Each Worker is made as soon as the
 * last one is gone (and the first with the port), so its start-up (tfjs) is not on a run's clock.
 */
import type { WorkerPort } from './latestClient';
import type { LandscapeRequest, LandscapeResponse } from './landscapeProtocol';

type Port = WorkerPort<LandscapeRequest, LandscapeResponse>;
type RunRequest = Exclude<LandscapeRequest, { kind: 'cancel' }>;

/**
 * How long a worker has to end a run asked to stop. A run reads a cancel between rows, and a row
 * of a large slice on wasm can take longer: replacing the worker then costs the next run only
 * its start-up (tfjs, weights and data loaded again).
 */
export const CANCEL_GRACE_MS = 5000;

const ends = (m: LandscapeResponse) =>
  m.kind === 'done' || m.kind === 'cancelled' || m.kind === 'error';

export function replaceablePort(make: () => Port, graceMs = CANCEL_GRACE_MS): Port {
  let port: Port | null = null;
  let listener: (m: LandscapeResponse) => void = () => {};
  /** Runs sent to the current worker and not ended, oldest first. */
  let open: RunRequest[] = [];
  /** Seqs of open runs asked to stop; the watchdog runs while there are any. */
  const stopping = new Set<number>();
  let watchdog: ReturnType<typeof setTimeout> | null = null;

  const disarm = () => {
    if (watchdog !== null) clearTimeout(watchdog);
    watchdog = null;
  };
  const arm = () => {
    if (watchdog === null && stopping.size > 0) watchdog = setTimeout(giveUp, graceMs);
  };

  const current = (): Port => {
    if (port) return port;
    const p = make();
    // A replaced worker's last messages are dropped.
    p.onMessage((m) => {
      if (p === port) receive(m);
    });
    port = p;
    return p;
  };

  const send = (req: RunRequest) => {
    for (const r of open) stopping.add(r.seq);
    open.push(req);
    current().post(req);
    arm();
  };

  /** Terminates the worker and starts a fresh one; the newest open run goes to it. */
  const replace = () => {
    disarm();
    port?.terminate();
    port = null;
    const newest = open.at(-1);
    open = [];
    stopping.clear();
    if (newest) send(newest);
    else current();
  };

  const receive = (m: LandscapeResponse) => {
    if (ends(m)) {
      open = open.filter((r) => r.seq !== m.seq);
      stopping.delete(m.seq);
      if (stopping.size === 0) disarm();
    }
    listener(m);
    if (m.kind === 'error' && m.code === 'context-lost') replace();
  };

  function giveUp() {
    watchdog = null;
    const stuck = [...stopping];
    open = open.filter((r) => !stopping.has(r.seq));
    replace();
    for (const seq of stuck) listener({ kind: 'cancelled', seq, numTensors: null });
  }

  current();
  return {
    post(req) {
      if (req.kind !== 'cancel') return send(req);
      if (!port || !open.some((r) => r.seq === req.seq)) return;
      stopping.add(req.seq);
      port.post(req);
      arm();
    },
    onMessage(cb) {
      listener = cb;
    },
    terminate() {
      disarm();
      port?.terminate();
      port = null;
      open = [];
      stopping.clear();
    },
  };
}
