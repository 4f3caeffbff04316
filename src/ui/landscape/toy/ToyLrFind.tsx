import { useId } from 'react';
import { formatValue } from '../../../core/view/sliderScale';
import { useLandscapeStore } from '../../../state/landscapeStore';
import { runBusy } from '../../../state/run/runRecord';
import { toyFindKey, TOY_FIND_SETTINGS, useToyFindStore } from '../../../state/toyFindStore';
import { useToyStore } from '../../../state/toyStore';
import { TOY_OPTIMIZER_LABELS } from '../../../state/toySpec';
import { useWidth } from '../../hooks/useWidth';
import { RangeTestFigure } from '../../panels/RangeTestFigure';
import { RunStatus, type DataHooks } from '../../run/RunStatus';

/** The curve's colour: Okabe–Ito blue, legible on both themes (an SVG attribute cannot take var()). */
const TOY_FIND_COLOR = '#0072b2';

/**
 * "Find the learning rate" for the toy MLP: the LR range test with the panel's data, net,
 * optimizer and batch in a worker, its curve with the race panel's figure, and "Use as OneCycle
 * max_lr", which makes the toy training's schedule OneCycle peaking there.
 */
export function ToyLrFind() {
  const f = useToyFindStore((st) => st.find);
  const { start, cancel, apply } = useToyFindStore.getState();
  const large = useLandscapeStore((s) => s.look.large);
  const { ref: box, width: W } = useWidth<HTMLElement>(320);
  const id = useId();
  const busy = runBusy(f);
  // A curve belongs to the data, net, optimizer and batch it was run with: a change hides it.
  const current = useToyStore((st) => toyFindKey(st.settings));
  const fresh = f.tested !== null && toyFindKey(f.tested) === current;
  const { startLr, endLr, steps } = TOY_FIND_SETTINGS;
  const hooks: DataHooks = {
    'data-find-status': f.status,
    'data-find': f.runId,
    'data-num-tensors': f.numTensors ?? undefined,
  };
  return (
    <section ref={box} className="ls-toy-lrfind lr-find" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>Find the learning rate</h4>
      <p className="explain">
        The LR range test on this network: up to {steps} minibatch steps with the lr growing from{' '}
        {formatValue(startLr)} to {formatValue(endLr)}, stopped when the smoothed loss blows up.
      </p>
      <div className="row ls-buttons">
        <button type="button" onClick={start} disabled={busy}>
          Run range test
        </button>
        <button type="button" onClick={cancel} disabled={f.status !== 'running'}>
          Cancel range test
        </button>
      </div>
      {/* The backend goes unnamed, as before: the training's note names it (same TOY_BACKENDS). */}
      <RunStatus
        run={{ ...f, backend: null }}
        verbs={['Testing', 'Tested']}
        backendKey="data-find-backend"
        progress={
          busy ? { label: 'Range test progress', done: f.step, total: Math.max(1, f.steps) } : null
        }
        // The status line is the child below, there in every state but idle (its hooks tell "done").
        text=""
        error={
          <p className="ls-error" role="alert" {...hooks}>
            Range test failed: {f.error}
          </p>
        }
      >
        {f.status !== 'error' && (
          <p className="explain" {...hooks}>
            {findStatusText(f.status, f.step)}
          </p>
        )}
      </RunStatus>
      {f.status === 'done' && f.result && f.tested && !fresh && (
        <p className="explain">The settings changed since the last test: run it again.</p>
      )}
      {f.status === 'done' && f.result && f.tested && fresh && (
        <>
          <RangeTestFigure
            result={f.result}
            width={W}
            large={large}
            color={TOY_FIND_COLOR}
            name={`${TOY_OPTIMIZER_LABELS[f.tested.toyOpt]} on the toy network`}
          />
          {f.result.suggestions.maxLr && (
            <button type="button" onClick={apply}>
              Use as OneCycle max_lr
            </button>
          )}
          <p className="explain" role="status">
            {f.applied !== null
              ? `The training now runs OneCycle with max_lr ${formatValue(f.applied)}: press Train.`
              : ''}
          </p>
        </>
      )}
    </section>
  );
}

function findStatusText(status: string, step: number): string {
  if (status === 'running') return `Range test: step ${step}…`;
  if (status === 'cancelling') return 'Cancelling the range test…';
  if (status === 'cancelled') return 'Range test cancelled.';
  return '';
}
