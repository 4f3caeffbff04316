import { useEffect } from 'react';
import type { SliderScale } from '../../../core/view/sliderScale';
import { toyBusy, useToyStore } from '../../../state/toyStore';
import { toyProgressText } from '../../../state/toyView';
import { Slider } from '../../controls/Slider';
import { ToyLiveFigures } from '../../landscape/toy/ToyLiveFigures';
import { ToyPanel } from '../../landscape/toy/ToyPanel';
import { ToyResults } from '../../landscape/toy/ToyResults';
import type { EmbedOptions } from '../controller';
import { WidgetFrame } from './WidgetFrame';

/** The toy panel's learning-rate slider range (its full controls use the same). */
const LR_SCALE: SliderScale = { kind: 'log', min: 1e-4, max: 10 };

/**
 * `toy`: the small MLP trained on 2-D toy data (the link's `toy` set, `spiral` when off), its
 * decision map and curve while it trains, then its slice. Play is Train and pause is Cancel
 * (the controller's and the compact buttons alike); full controls are the page's own panel.
 */
export function ToyWidget({ options }: { options: EmbedOptions }) {
  const data = useToyStore((s) => s.settings.toy);
  // The panel's "Hide" closes it on the page; a widget is the panel, so it stays open.
  useEffect(() => {
    if (data === 'off') useToyStore.getState().set({ toy: 'spiral' });
  }, [data]);
  if (options.controls === 'full')
    return (
      <div className="lw-figure">
        <ToyPanel />
      </div>
    );
  return (
    <WidgetFrame controls={options.controls} panel={<ToyCompactControls hide={options.hidden} />}>
      <ToyFigure play={options.controls === 'none' ? 'play' : 'Train'} />
    </WidgetFrame>
  );
}

/** What the run has to show: the finished figures, the live ones, or what to press. */
function ToyFigure({ play }: { play: string }) {
  const run = useToyStore((s) => s.run);
  const text = toyProgressText(run);
  return (
    <section className="panel lw-panel ls-toy" aria-label="Train a small network">
      {run.outcome && run.trained && !toyBusy(run) ? (
        <ToyResults outcome={run.outcome} trained={run.trained} backend={run.backend} />
      ) : run.live && run.status !== 'idle' ? (
        <ToyLiveFigures live={run.live} steps={run.steps} step={run.step} />
      ) : (
        <div className="ls-placeholder ls-line-placeholder" role="img" aria-label="Toy results">
          <p>
            {run.status === 'idle'
              ? `A small network trains here on ${play}, in a worker on WebAssembly.`
              : text}
          </p>
        </div>
      )}
      {text && (
        <p
          className={run.status === 'error' ? 'ls-error' : 'lw-facts'}
          aria-live="polite"
          data-toy-status={run.status}
          data-run={run.runId}
        >
          {text}
        </p>
      )}
    </section>
  );
}

function ToyCompactControls({ hide }: { hide: ReadonlySet<string> }) {
  const lr = useToyStore((s) => s.settings.toyLr);
  const sched = useToyStore((s) => s.settings.toySched);
  const run = useToyStore((s) => s.run);
  const { set, train, cancel } = useToyStore.getState();
  return (
    <div className="lw-chips">
      {!hide.has('train') && (
        <div className="row ls-buttons">
          <button type="button" className="primary" onClick={train} disabled={toyBusy(run)}>
            Train
          </button>
          <button type="button" onClick={cancel} disabled={run.status !== 'running'}>
            Cancel
          </button>
        </div>
      )}
      {!hide.has('lr') && (
        <Slider
          label={sched === 'onecycle' ? 'Max learning rate' : 'Learning rate'}
          value={lr}
          scale={LR_SCALE}
          onChange={(v) => set({ toyLr: v })}
        />
      )}
    </div>
  );
}
