import type { ToyLive } from '../../../worker/toyProtocol';
import { ToyCurve } from './ToyCurve';
import { ToyDataMap } from './ToyDataMap';

/**
 * While the toy network trains (and after a cancel): the data over the decision map of the
 * weights now and the training curve so far, redrawn with each progress message (~10 a second),
 * as TensorFlow Playground shows its run. The slice comes with the finished run.
 */
export function ToyLiveFigures({
  live,
  steps,
  step,
}: {
  live: ToyLive;
  steps: number;
  step: number;
}) {
  return (
    <div className="ls-toy-results ls-toy-live" data-live-step={step}>
      <div className="ls-toy-figures">
        <figure className="ls-toy-figure">
          <h4>Data and decision, step {step}</h4>
          <ToyDataMap outcome={live} />
          <figcaption className="explain">
            The network&apos;s probability of blue now, redrawn as it trains; orange and blue points
            are the two classes (filled: training, hollow: test).
          </figcaption>
        </figure>
        <figure className="ls-toy-figure">
          <h4>Training curve so far</h4>
          <ToyCurve history={live.history} steps={steps} />
          <figcaption className="explain">
            The batch loss of each step so far, and the learning rate (right axis).
          </figcaption>
        </figure>
      </div>
    </div>
  );
}
