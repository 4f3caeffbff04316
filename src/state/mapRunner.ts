/**
 * The map's I/O (one-way: store → runner → worker → store): each new run of the map store → a
 * `compute` of the shown spec in the map worker; its progress and map written back. The wiring
 * is the shared one (run/runRunner.ts); this file adds the map's request and its own messages.
 */
import type { BackendName } from '../gpu/backend';
import type { MapClient } from '../worker/mapClient';
import type { MapResponse } from '../worker/mapProtocol';
import { shownSpec, useMapStore, type MapRun } from './mapStore';
import { startRunRunner } from './run/runRunner';

/** WebGPU, then WebGL (a hardware one), then WebAssembly, then the CPU (gpu/backend.ts). */
export const MAP_BACKENDS: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

function mapMessage(m: MapResponse): Partial<MapRun> | void {
  if (m.kind === 'progress') return { done: m.done, total: m.total };
  if (m.kind === 'done') {
    const total = m.result.finalLoss.length * (m.result.spec.steps + 1);
    return { result: m.result, done: total, total };
  }
}

export function startMapRunner(
  makeClient: () => MapClient,
  backends: BackendName[] = MAP_BACKENDS,
): () => void {
  return startRunRunner(useMapStore, {
    select: (s) => s.run,
    patch: (s, p) => ({ run: { ...s.run, ...p } }),
    makeClient,
    start: (client, s) => client.compute({ spec: shownSpec(s), backends }),
    message: mapMessage,
  });
}
