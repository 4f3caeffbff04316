import type { WorkerPort } from '../../../worker/latestClient';

/**
 * A worker port whose Worker is made on the first message: a widget that never recomputes (no
 * controls, or compact ones) never starts the landscape worker and its tfjs.
 */
export function lazyPort<Req, Res>(make: () => WorkerPort<Req, Res>): WorkerPort<Req, Res> {
  let port: WorkerPort<Req, Res> | null = null;
  let listener: (res: Res) => void = () => {};
  return {
    post(req) {
      if (!port) {
        port = make();
        port.onMessage((m) => listener(m));
      }
      port.post(req);
    },
    onMessage(cb) {
      listener = cb;
    },
    terminate() {
      port?.terminate();
      port = null;
    },
  };
}
