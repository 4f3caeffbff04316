/// <reference lib="webworker" />
import { TrajectoryScene, type TrajectoryRun } from '../draw/trajectoryScene';
import { computeRace, computeSurface, transferables } from './computeRace';
import type { RaceResponse, WorkerMessage, WorkerResponse } from './raceProtocol';

/**
 * The race worker: one request in, one response out, in order (the client drops stale ones).
 * Once the page hands it the trajectory canvas, it also draws each race as soon as it is
 * computed, and repaints on view changes (size, theme, shown step).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let scene: TrajectoryScene | null = null;
let drawnSeq = 0;
let lastRace: { seq: number; runs: TrajectoryRun[] } | null = null;

/** Paints, and when the picture is of new runs or geometry, reports it once the task has ended (the frame is committed). */
function paint(geometryChanged: boolean): void {
  if (!scene || !lastRace) return;
  scene.paint();
  if (!geometryChanged && drawnSeq === lastRace.seq) return;
  drawnSeq = lastRace.seq;
  const done = { seq: lastRace.seq, fingerprint: scene.fingerprint };
  setTimeout(
    () =>
      scope.postMessage({
        kind: 'drawn',
        ...done,
        paintedAt: performance.timeOrigin + performance.now(),
      } satisfies WorkerResponse),
    0,
  );
}

function respond(res: WorkerResponse, transfer: Transferable[] = []): void {
  scope.postMessage(res, transfer);
}

scope.onmessage = (e: MessageEvent<WorkerMessage>) => {
  const msg = e.data;
  if (msg.kind === 'attach-canvas') {
    scene = new TrajectoryScene(msg.canvas);
    if (lastRace) scene.setRuns(lastRace.runs); // the first race is usually computed before the page mounts
    drawnSeq = 0;
    return;
  }
  if (msg.kind === 'trajectory-view') {
    const geometry = scene?.setView(msg.view) ?? false;
    paint(geometry);
    return;
  }
  try {
    if (msg.kind === 'race') {
      const res: RaceResponse = computeRace(msg);
      // Copies for the scene: the response's arrays are transferred to the page.
      lastRace = {
        seq: msg.seq,
        runs: res.results.map((r) => ({
          ...r,
          params: r.params.slice(),
          shadow: r.shadow?.slice() ?? null,
          lr: r.lr.slice(),
          grad: r.grad.slice(),
          moment: r.moment?.slice() ?? null,
        })),
      };
      scene?.setRuns(lastRace.runs);
      paint(true);
      respond(res, transferables(res));
    } else {
      const res = computeSurface(msg);
      respond(res, transferables(res));
    }
  } catch (err) {
    respond({ kind: 'error', seq: msg.seq, request: msg.kind, message: (err as Error).message });
  }
};
