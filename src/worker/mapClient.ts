/** The page's side of the map worker: start a map (superseding any earlier one), cancel it, hear only the newest (latestClient.ts). */
import { LatestClient, portOf, type WorkerPort } from './latestClient';
import type { MapComputeRequest, MapRequest, MapResponse } from './mapProtocol';

export type MapPort = WorkerPort<MapRequest, MapResponse>;

export function mapWorkerPort(): MapPort {
  return portOf(
    new Worker(new URL('./mapWorker.ts', import.meta.url), { type: 'module' }),
    (message) => ({ kind: 'error', seq: -1, message: `the map worker failed: ${message}` }),
  );
}

export class MapClient extends LatestClient<MapRequest, MapResponse> {
  constructor(port: MapPort) {
    super(port, (seq) => ({ kind: 'cancel', seq }));
  }

  /** Starts a map; returns its seq. */
  compute(body: Omit<MapComputeRequest, 'kind' | 'seq'>): number {
    return this.send((seq) => ({ ...body, kind: 'compute', seq }));
  }
}
