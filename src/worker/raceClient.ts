import { computeRace, computeSurface } from './computeRace';
import type { TrajectoryView } from '../draw/trajectoryScene';
import type {
  DrawnResponse,
  RaceRequest,
  RaceResponse,
  SurfaceRequest,
  SurfaceResponse,
  WorkerMessage,
  WorkerResponse,
} from './raceProtocol';

type Kind = 'race' | 'surface';
type Req<K extends Kind> = K extends 'race' ? RaceRequest : SurfaceRequest;
type Res<K extends Kind> = K extends 'race' ? RaceResponse : SurfaceResponse;
type Omit2<T> = T extends unknown ? Omit<T, 'seq' | 'kind'> : never;

/** Something that answers requests: a worker, or the same functions run in place. */
export interface RaceBackend {
  post(req: WorkerMessage, transfer?: Transferable[]): void;
  /** Whether it can draw the trajectories itself on an OffscreenCanvas. */
  readonly drawsTrajectories: boolean;
  onResponse(cb: (res: WorkerResponse) => void): void;
  readonly kind: 'worker' | 'sync';
  terminate(): void;
}

/**
 * Whether a canvas can be handed to a worker and drawn there in 2D (Chromium, Firefox ≥ 105,
 * Safari ≥ 16.4). Some earlier browsers have OffscreenCanvas without its 2D context: probed here.
 */
function canDrawOffscreen(): boolean {
  try {
    return (
      typeof HTMLCanvasElement !== 'undefined' &&
      'transferControlToOffscreen' in HTMLCanvasElement.prototype &&
      typeof OffscreenCanvas !== 'undefined' &&
      new OffscreenCanvas(1, 1).getContext('2d') !== null
    );
  } catch {
    return false;
  }
}

/** The worker backend (the default): Vite bundles raceWorker.ts as a module worker. */
export function workerBackend(): RaceBackend {
  const worker = new Worker(new URL('./raceWorker.ts', import.meta.url), { type: 'module' });
  return {
    kind: 'worker',
    drawsTrajectories: canDrawOffscreen(),
    post: (req, transfer = []) => worker.postMessage(req, transfer),
    onResponse: (cb) => {
      worker.onmessage = (e: MessageEvent<WorkerResponse>) => cb(e.data);
    },
    terminate: () => worker.terminate(),
  };
}

/** The fallback for environments without workers: the same computations, a microtask later. */
export function syncBackend(): RaceBackend {
  let listener: (res: WorkerResponse) => void = () => {};
  return {
    kind: 'sync',
    drawsTrajectories: false,
    post(req) {
      if (req.kind !== 'race' && req.kind !== 'surface') return; // the page draws the trajectories itself
      queueMicrotask(() => {
        try {
          listener(req.kind === 'race' ? computeRace(req) : computeSurface(req));
        } catch (e) {
          listener({
            kind: 'error',
            seq: req.seq,
            request: req.kind,
            message: (e as Error).message,
          });
        }
      });
    },
    onResponse: (cb) => {
      listener = cb;
    },
    terminate: () => {},
  };
}

/**
 * A typed RPC where the latest request wins. Per kind, at most one request is in flight; a
 * newer one waits in a single slot (replacing any older waiting one), so dragging a slider
 * never builds a queue, and a response for anything but the newest request is dropped.
 */
export class RaceClient {
  private seq = 0;
  private inFlight: Record<Kind, number | null> = { race: null, surface: null };
  private waiting: Record<Kind, Req<Kind> | null> = { race: null, surface: null };
  private latest: Record<Kind, number> = { race: 0, surface: 0 };
  private handlers: { [K in Kind]: (res: Res<K>) => void } = { race: () => {}, surface: () => {} };
  private errorHandler: (kind: Kind, message: string) => void = () => {};
  private drawnHandler: (res: DrawnResponse) => void = () => {};

  constructor(private backend: RaceBackend) {
    backend.onResponse((res) => this.receive(res));
  }

  get backendKind(): 'worker' | 'sync' {
    return this.backend.kind;
  }

  onRace(cb: (res: RaceResponse) => void): void {
    this.handlers.race = cb;
  }
  onSurface(cb: (res: SurfaceResponse) => void): void {
    this.handlers.surface = cb;
  }
  onError(cb: (kind: Kind, message: string) => void): void {
    this.errorHandler = cb;
  }
  onDrawn(cb: (res: DrawnResponse) => void): void {
    this.drawnHandler = cb;
  }

  /** True when the backend draws the trajectories (then hand it the canvas and view changes). */
  get drawsTrajectories(): boolean {
    return this.backend.drawsTrajectories;
  }
  attachTrajectoryCanvas(canvas: OffscreenCanvas): void {
    this.backend.post({ kind: 'attach-canvas', canvas }, [canvas]);
  }
  setTrajectoryView(view: Partial<TrajectoryView>): void {
    this.backend.post({ kind: 'trajectory-view', view });
  }

  /** Queues a request; returns its sequence number. */
  request<K extends Kind>(kind: K, body: Omit2<Req<K>>): number {
    const req = { ...body, kind, seq: ++this.seq } as unknown as Req<K>;
    this.latest[kind] = req.seq;
    if (this.inFlight[kind] === null) this.send(req);
    else this.waiting[kind] = req;
    return req.seq;
  }

  terminate(): void {
    this.backend.terminate();
  }

  private send(req: Req<Kind>): void {
    this.inFlight[req.kind] = req.seq;
    this.backend.post(req);
  }

  private receive(res: WorkerResponse): void {
    if (res.kind === 'drawn') {
      this.drawnHandler(res);
      return;
    }
    const kind: Kind = res.kind === 'error' ? res.request : res.kind;
    this.inFlight[kind] = null;
    const next = this.waiting[kind];
    this.waiting[kind] = null;
    if (next) this.send(next);
    if (res.seq !== this.latest[kind]) return; // stale: a newer request is on its way
    if (res.kind === 'error') this.errorHandler(kind, res.message);
    else if (res.kind === 'race') this.handlers.race(res);
    else this.handlers.surface(res);
  }
}

/** The worker if this environment has one, else the synchronous fallback. */
export function createRaceClient(): RaceClient {
  if (typeof Worker !== 'undefined') {
    try {
      return new RaceClient(workerBackend());
    } catch {
      /* fall through */
    }
  }
  return new RaceClient(syncBackend());
}
