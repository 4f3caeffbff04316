import { startLandscapeRunner } from '../../src/state/landscapeRunner';
import type { BackendName } from '../../src/gpu/backend';
import { LandscapeClient } from '../../src/worker/landscapeClient';
import type {
  LandscapeComputeRequest,
  LandscapeRequest,
  LandscapeResponse,
} from '../../src/worker/landscapeProtocol';

/** The landscape runner against a fake worker port: what it was sent, and a way to answer. */
export function fakeLandscapeRunner(backends: BackendName[] = ['webgl', 'wasm', 'cpu']) {
  const sent: LandscapeRequest[] = [];
  let answer: (m: LandscapeResponse) => void = () => {};
  const client = new LandscapeClient({
    post: (req) => sent.push(req),
    onMessage: (cb) => (answer = cb),
    terminate: () => {},
  });
  const stop = startLandscapeRunner(client, {
    fetchJson: async () => null,
    baseUrl: 'http://x/',
    backends,
  });
  const computes = () => sent.filter((r): r is LandscapeComputeRequest => r.kind === 'compute');
  return {
    computes,
    /** The seq of the last request sent. */
    seq: () => sent.at(-1)!.seq,
    answer: (m: LandscapeResponse) => answer(m),
    stop,
  };
}
