import type { ToyPort } from '../../src/worker/toyClient';
import type { ToyRequest, ToyResponse } from '../../src/worker/toyProtocol';

/** A toy worker double: records requests, answers when told. */
export function fakeToyPort() {
  const sent: ToyRequest[] = [];
  let cb: (r: ToyResponse) => void = () => {};
  const port: ToyPort = {
    post: (r) => sent.push(r),
    onMessage: (c) => {
      cb = c;
    },
    terminate: () => {},
  };
  return { port, sent, answer: (r: ToyResponse) => cb(r) };
}
