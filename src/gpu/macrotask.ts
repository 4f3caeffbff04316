/**
 * Resolves after one turn of the event loop's task queue (a MessageChannel message, which,
 * unlike setTimeout, is not clamped to 4 ms when nested).
 *
 * Why: on the WebAssembly and CPU backends `tensor.data()` resolves as a microtask, so a loop
 * that only awaits it never lets its worker read a message, and a Cancel posted by the page
 * waits for the whole run (issue 16: the toy panel's Cancel was ignored on WASM).
 */
export function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
