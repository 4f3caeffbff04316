/**
 * The page's side of the landscape worker: start a run (which supersedes any earlier one),
 * cancel it, and receive only the newest run's messages (latestClient.ts).
 */
import { LatestClient, portOf, type WorkerPort } from './latestClient';
import { replaceablePort } from './landscapePort';
import type {
  LandscapeComputeRequest,
  LandscapeLineRequest,
  LandscapeRequest,
  LandscapeResponse,
} from './landscapeProtocol';

type Body = Omit<LandscapeComputeRequest, 'kind' | 'seq'>;
type LineBody = Omit<LandscapeLineRequest, 'kind' | 'seq'>;

export type LandscapePort = WorkerPort<LandscapeRequest, LandscapeResponse>;

/** The landscape worker, made on the first run and replaced when it is stuck or its GPU context is lost (landscapePort.ts). */
export function workerPort(): LandscapePort {
  return replaceablePort(() =>
    portOf(
      new Worker(new URL('./landscapeWorker.ts', import.meta.url), { type: 'module' }),
      (message) => ({
        kind: 'error',
        seq: -1,
        code: 'error',
        message: `the compute worker failed: ${message}`,
      }),
    ),
  );
}

export class LandscapeClient extends LatestClient<LandscapeRequest, LandscapeResponse> {
  constructor(port: LandscapePort) {
    super(port, (seq) => ({ kind: 'cancel', seq }));
  }

  /** Starts a 2D run; returns its seq. */
  compute(body: Body): number {
    return this.send((seq) => ({ ...body, kind: 'compute', seq }));
  }

  /** Starts a 1D line run (supersedes any earlier run of this client); returns its seq. */
  line(body: LineBody): number {
    return this.send((seq) => ({ ...body, kind: 'line', seq }));
  }
}
