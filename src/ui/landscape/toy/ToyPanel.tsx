import { runBusy } from '../../../state/run/runRecord';
import { RunButtons } from '../../run/RunButtons';
import { RunStatus } from '../../run/RunStatus';
import { toyBusy, useToyStore, type ToyRun } from '../../../state/toyStore';
import { toyProgressText } from '../../../state/toyView';
import { ToyControls } from './ToyControls';
import { ToyResults } from './ToyResults';
import { ToyLiveFigures } from './ToyLiveFigures';
import { ToyLrFind } from './ToyLrFind';

/**
 * "Train a small network": the small MLP (2-16-16-2, tanh) trained live on a seeded 2-D toy set
 * in a worker of its own, then its decision map, training curve and loss slice. Closed, it is a
 * sentence and a button.
 */
export function ToyPanel() {
  const s = useToyStore((st) => st.settings);
  const run = useToyStore((st) => st.run);
  const { set, train, cancel } = useToyStore.getState();
  if (s.toy === 'off') {
    return (
      <section className="panel ls-line ls-toy" aria-label="Train a small network">
        <div className="ls-line-head">
          <h3>Train a small network</h3>
          <button type="button" aria-expanded={false} onClick={() => set({ toy: 'spiral' })}>
            Train a small network
          </button>
        </div>
        <p className="explain">
          Train a small neural network on 2-D toy data in your browser, as in TensorFlow Playground,
          and see its loss landscape.
        </p>
      </section>
    );
  }
  return (
    <section className="panel ls-line ls-toy" aria-label="Train a small network">
      <div className="ls-line-head">
        <h3>Train a small network</h3>
        <button type="button" aria-expanded={true} onClick={() => set({ toy: 'off' })}>
          Hide
        </button>
      </div>
      <p className="explain">
        A network with two hidden layers of 16 tanh units classifies 500 points (half for training,
        half held out for testing) of a 2-D data set. Choose the data and the optimizer, press
        Train: it trains in a worker, then slices its training loss.
      </p>
      <ToyControls s={s} />
      <ToyLrFind />
      <RunButtons
        label="Train"
        onStart={train}
        busy={toyBusy(run)}
        onCancel={cancel}
        status={run.status}
      />
      <ToyStatus run={run} />
      {run.outcome && run.trained && run.status !== 'running' && run.status !== 'cancelling' ? (
        <ToyResults outcome={run.outcome} trained={run.trained} backend={run.backend} />
      ) : run.live && run.status !== 'idle' ? (
        <ToyLiveFigures live={run.live} steps={run.steps} step={run.step} />
      ) : (
        run.status === 'idle' && (
          <div className="ls-placeholder ls-line-placeholder" role="img" aria-label="Toy results">
            <p>
              Press Train: it runs in a worker on WebAssembly; the default 1000 steps take about 10
              s on a modest CPU, then the slice a few more.
            </p>
          </div>
        )
      )}
    </section>
  );
}

function ToyStatus({ run }: { run: ToyRun }) {
  const text = toyProgressText(run);
  const hooks = {
    'data-toy-status': run.status,
    'data-run': run.runId,
    'data-num-tensors': run.numTensors ?? undefined,
  };
  // The status line is toyView's sentence; a failure is that sentence as the alert.
  return (
    <RunStatus
      run={run}
      verbs={['Training', 'Trained']}
      backendKey="data-toy-backend"
      progress={
        !runBusy(run)
          ? null
          : run.sliceTotal > 0
            ? { label: 'Slice progress', done: run.sliceDone, total: run.sliceTotal }
            : { label: 'Training progress', done: run.step, total: run.steps }
      }
      text={run.status === 'error' ? '' : text}
      textHooks={hooks}
      error={
        <p className="ls-error" role="alert" {...hooks}>
          {text}
        </p>
      }
    />
  );
}
