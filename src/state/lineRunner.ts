/**
 * The "Along a line" panel's I/O (one-way: store → runner → store): computeLine() → a line run
 * in a worker of its own, its points streamed into line.runs[path]; cancelLine() → cancel.
 * The worker is created on the first run, so the panel costs the page nothing until it is used
 * and never waits behind (or cancels) a 2D recompute. The run's wiring is the shared one
 * (run/runRunner.ts); this file adds the line's request and its own messages.
 */
import type { LandscapeClient } from '../worker/landscapeClient';
import type { LandscapeResponse } from '../worker/landscapeProtocol';
import { useLandscapeStore, type LandscapeState, type LineRun } from './landscapeStore';
import type { RunnerIo } from './landscapeRunner';
import { modelLabel, modelName } from './landscapeUrl';
import { backendLabel } from './landscapeView';
import { emptyLineView, LINE_PATHS, withLinePoints } from './lineView';
import { startRunRunner } from './run/runRunner';

/** The line's own messages; the shared ones (status, backend, done, …) are the run's. */
function lineMessage(m: LandscapeResponse, run: LineRun): Partial<LineRun> | void {
  switch (m.kind) {
    case 'lineStart': {
      const { settings } = useLandscapeStore.getState();
      const on = run.backend ? backendLabel(run.backend) : 'your device';
      return {
        view: emptyLineView(m, modelLabel(settings), `${m.alphas.length} points computed on ${on}`),
        done: 0,
        total: m.alphas.length,
      };
    }
    case 'linePoints':
      if (run.view)
        return { view: withLinePoints(run.view, m.points), done: m.done, total: m.total };
      return;
    case 'cancelled':
      return { text: 'Cancelled: the points computed so far are kept.' };
    default:
      return; // 2D messages never come from this client
  }
}

export function startLineRunner(makeClient: () => LandscapeClient, io: RunnerIo): () => void {
  return startRunRunner(useLandscapeStore, {
    // The newest run's path (computeLine sets it with the new id).
    select: (s: LandscapeState) => s.line.runs[s.line.runPath],
    patch: ({ line }, p) => ({
      line: {
        ...line,
        runs: { ...line.runs, [line.runPath]: { ...line.runs[line.runPath], ...p } },
      },
    }),
    makeClient,
    start(client, { settings, line }) {
      const path = line.runPath;
      const p = LINE_PATHS[path];
      client.line({
        model: modelName(settings),
        path,
        num: p.num,
        range: p.range,
        samples: settings.samples,
        seed: settings.seed,
        baseUrl: io.baseUrl,
        backends: io.backends,
      });
    },
    message: lineMessage,
  });
}
