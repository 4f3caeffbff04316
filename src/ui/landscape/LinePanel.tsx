import { lineBusy, useLandscapeStore, type LineRun } from '../../state/landscapeStore';
import { modelLabel } from '../../state/landscapeUrl';
import { RunButtons } from '../run/RunButtons';
import { RunStatus } from '../run/RunStatus';
import { interpolationSentence, LINE_PATHS, type LineView } from '../../state/lineView';
import type { LinePath } from '../../worker/landscapeProtocol';
import { LineChart } from './LineChart';

const PATHS = Object.keys(LINE_PATHS) as LinePath[];

/**
 * "Along a line": the loss along a 1D path through weight space (init → trained, or a random
 * direction), computed in a worker when asked, or a 1-D .h5 file. Closed, it is one line and a button.
 */
export function LinePanel() {
  const open = useLandscapeStore((s) => s.settings.line);
  const line = useLandscapeStore((s) => s.line);
  const settings = useLandscapeStore((s) => s.settings);
  const { setLine, showLineFile, computeLine, cancelLine } = useLandscapeStore.getState();
  if (open === 'off') {
    return (
      <section className="panel ls-line" aria-label="Along a line">
        <div className="ls-line-head">
          <h3>Along a line</h3>
          <button type="button" aria-expanded={false} onClick={() => setLine('interpolation')}>
            Show the 1D slices
          </button>
        </div>
        <p className="explain">
          The loss along one line through weight space: from the initialisation to the trained
          weights (Goodfellow et al. 2015), or along a random direction.
        </p>
      </section>
    );
  }
  const showFile = line.showingFile && line.file !== null;
  const run = line.runs[open];
  const view: LineView | null = showFile ? line.file : run.view;
  const sentence = view && interpolationSentence(view);
  const busy = lineBusy(line);
  const p = LINE_PATHS[open];
  return (
    <section className="panel ls-line" aria-label="Along a line">
      <div className="ls-line-head">
        <h3>Along a line</h3>
        <button type="button" aria-expanded={true} onClick={() => setLine('off')}>
          Hide
        </button>
      </div>
      <div className="chips" role="group" aria-label="Path">
        {PATHS.map((k) => (
          <button
            key={k}
            type="button"
            className="chip"
            aria-pressed={!showFile && open === k}
            onClick={() => setLine(k)}
          >
            {LINE_PATHS[k].label}
          </button>
        ))}
        {line.file && (
          <button
            type="button"
            className="chip"
            aria-pressed={showFile}
            onClick={() => showLineFile(true)}
          >
            Your .h5
          </button>
        )}
      </div>
      {view ? (
        <>
          <h4 className="ls-line-title">{view.title}</h4>
          <p className="explain ls-line-caption">{view.caption}</p>
          <LineChart view={view} />
          {sentence && <p className="ls-line-summary">{sentence}</p>}
          <p className="explain">
            {view.bn ?? 'BatchNorm: as the file was computed.'}
            {view.samples !== null && ` Each point: ${view.samples} test images.`}{' '}
            <span className="ls-provenance">{view.provenance}.</span>
          </p>
        </>
      ) : (
        <div
          className="ls-placeholder ls-line-placeholder"
          role="img"
          aria-label="Loss along the line"
        >
          <p>
            {run.status === 'idle'
              ? `Press Compute to evaluate ${p.num} points of this line (α from ${p.range[0]} to ${p.range[1]}) for ${modelLabel(settings)} on ${settings.samples} test images, in a worker; a few seconds on a CPU for ResNet-20.`
              : run.status === 'error'
                ? 'The computation failed (see below).'
                : run.text || 'Starting…'}
          </p>
        </div>
      )}
      {!showFile && (
        <>
          <RunButtons
            label="Compute"
            onStart={computeLine}
            busy={busy}
            onCancel={cancelLine}
            status={line.runs[line.runPath].status}
          />
          <LineRunStatus run={run} />
          {busy && run.status === 'idle' && (
            <p className="explain">The other path is being computed; one line at a time.</p>
          )}
        </>
      )}
    </section>
  );
}

function LineRunStatus({ run }: { run: LineRun }) {
  return (
    <RunStatus
      run={run}
      verbs={['Computing', 'Computed']}
      backendKey="data-line-backend"
      progress={
        run.total > 0
          ? {
              label: 'Line progress',
              done: run.done,
              total: run.total,
              caption: `${run.done}/${run.total} points`,
            }
          : null
      }
      textHooks={{
        'data-line-status': run.status,
        'data-num-tensors': run.numTensors ?? undefined,
      }}
    />
  );
}
