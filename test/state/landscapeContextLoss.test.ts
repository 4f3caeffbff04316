import { describe, expect, it } from 'vitest';
import { initBackend, onContextLost, webglContextLost } from '../../src/gpu/backend';
import {
  ContextLostError,
  untilContextLost,
  type ContextWatch,
} from '../../src/worker/landscapeContextLoss';

/** A context that the test loses by hand; counts its listeners. */
function fakeContext() {
  let lost = false;
  const listeners = new Set<() => void>();
  const watch: ContextWatch = {
    onLost(cb) {
      if (lost) {
        cb();
        return () => {};
      }
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    isLost: () => lost,
  };
  const lose = () => {
    lost = true;
    for (const cb of [...listeners]) cb();
  };
  return { watch, lose, listeners };
}

/** A job that never ends, as a tfjs readback on a lost context. */
const forever = () => new Promise<void>(() => {});

describe('untilContextLost: a run that waits on a lost GPU context ends at once', () => {
  it('rejects a job stuck on a lost context with the message the page shows', async () => {
    const ctx = fakeContext();
    const run = untilContextLost(
      'recompute',
      (arm) => {
        arm();
        return forever();
      },
      ctx.watch,
    );
    expect(ctx.listeners.size).toBe(1);
    ctx.lose();
    await expect(run).rejects.toBeInstanceOf(ContextLostError);
    await expect(run).rejects.toThrow(/^The GPU context was lost during the recompute/);
    expect(ctx.listeners.size).toBe(0);
  });

  it('a context already lost when the job arms ends it too', async () => {
    const ctx = fakeContext();
    ctx.lose();
    await expect(
      untilContextLost(
        'line run',
        (arm) => {
          arm();
          return forever();
        },
        ctx.watch,
      ),
    ).rejects.toThrow('The GPU context was lost during the line run');
  });

  it("names tfjs's own error after a loss as the loss, and lets other errors through", async () => {
    const ctx = fakeContext();
    const failing = async () => {
      throw new Error('Unable to create fragment WebGLShader');
    };
    await expect(untilContextLost('recompute', failing, ctx.watch)).rejects.toThrow(
      'Unable to create fragment WebGLShader',
    );
    ctx.lose();
    await expect(untilContextLost('recompute', failing, ctx.watch)).rejects.toBeInstanceOf(
      ContextLostError,
    );
  });

  it('a job that ends normally resolves and stops watching; re-arming keeps one watch', async () => {
    const ctx = fakeContext();
    await untilContextLost(
      'recompute',
      async (arm) => {
        arm();
        arm();
        expect(ctx.listeners.size).toBe(1);
      },
      ctx.watch,
    );
    expect(ctx.listeners.size).toBe(0);
    ctx.lose(); // after the end: nothing to reject, no unhandled rejection
  });

  it('on a backend without WebGL (wasm, in Node) there is nothing to watch', async () => {
    expect(await initBackend(['wasm', 'cpu'])).toBe('wasm');
    expect(webglContextLost()).toBe(false);
    let called = false;
    onContextLost(() => (called = true))();
    expect(called).toBe(false);
  });
});
