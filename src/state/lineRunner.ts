/**
 * The "Along a line" panel's I/O (one-way: store → runner → store): computeLine() → a line run
 * in a worker of its own, its points streamed into line.runs[path]; cancelLine() → cancel.
 * The worker is created on the first run, so the panel costs the page nothing until it is used
 * and never waits behind (or cancels) a 2D recompute.
 */
import type { LandscapeClient } from '../worker/landscapeClient';
import type { LandscapeResponse, LinePath } from '../worker/landscapeProtocol';
import { lineBusy, useLandscapeStore, type LineRun } from './landscapeStore';
import type { RunnerIo } from './landscapeRunner';
import { modelLabel, modelName } from './landscapeUrl';
import { backendLabel } from './landscapeView';
import { emptyLineView, LINE_PATHS, withLinePoints } from './lineView';

export function startLineRunner(makeClient: () => LandscapeClient, io: RunnerIo): () => void {
  const store = useLandscapeStore;
  let client: LandscapeClient | null = null;
  /** The path of the newest run (its messages go there). */
  let path: LinePath = 'interpolation';

  const patch = (p: Partial<LineRun>) =>
    store.setState((s) => ({
      line: { ...s.line, runs: { ...s.line.runs, [path]: { ...s.line.runs[path], ...p } } },
    }));

  const onMessage = (m: LandscapeResponse) => {
    const run = store.getState().line.runs[path];
    if (run.status === 'idle') return; // reset (another network) while its messages were in flight
    switch (m.kind) {
      case 'status':
        patch({ text: m.text });
        break;
      case 'backend':
        patch({
          backend: m.backend,
          wanted: m.wanted,
          softwareWebgl: m.softwareWebgl,
          reason: m.reason,
        });
        break;
      case 'lineStart': {
        const { settings } = store.getState();
        const on = run.backend ? backendLabel(run.backend) : 'your device';
        patch({
          view: emptyLineView(
            m,
            modelLabel(settings),
            `${m.alphas.length} points computed on ${on}`,
          ),
          done: 0,
          total: m.alphas.length,
        });
        break;
      }
      case 'linePoints':
        if (run.view)
          patch({ view: withLinePoints(run.view, m.points), done: m.done, total: m.total });
        break;
      case 'done':
        patch({
          status: 'done',
          seconds: m.seconds,
          numTensors: m.numTensors,
          text: `Done in ${m.seconds.toFixed(1)} s.`,
        });
        break;
      case 'cancelled':
        patch({
          status: 'cancelled',
          numTensors: m.numTensors,
          text: 'Cancelled: the points computed so far are kept.',
        });
        break;
      case 'error':
        patch({ status: 'error', error: m.message, text: '' });
        break;
      default:
        break; // 2D messages never come from this client
    }
  };

  const start = () => {
    const { settings, line } = store.getState();
    path = line.runPath;
    if (!client) {
      client = makeClient();
      client.onMessage(onMessage);
    }
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
  };

  const unsub = store.subscribe((s, prev) => {
    if (s.line.runId !== prev.line.runId) start();
    const r = s.line.runs[path],
      was = prev.line.runs[path];
    if (r.status === 'cancelling' && was.status !== 'cancelling') client?.cancel();
    // The runs were reset (another network) while one was under way: stop it.
    if (lineBusy(prev.line) && !lineBusy(s.line) && r.status === 'idle') client?.cancel();
  });
  return () => {
    unsub();
    client?.terminate();
  };
}
