import { useMemo } from 'react';
import type { ToyOutcome } from '../../../gpu/toy/toyExperiment';
import { backendLabel } from '../../../state/landscapeView';
import type { ToySettings } from '../../../state/toySpec';
import { toyFacts, toyLandscapeView, toyWarning } from '../../../state/toyView';
import { Landscape3D } from '../Landscape3D';
import { LandscapeContour } from '../LandscapeContour';
import { ThreeDGate } from '../../panels/ThreeDGate';
import { ToyCurve } from './ToyCurve';
import { ToyDataMap } from './ToyDataMap';

/** A finished run: the data over the decision map, the training curve, the loss slice with the trajectory, the facts. */
export function ToyResults({
  outcome,
  trained,
  backend,
}: {
  outcome: ToyOutcome;
  trained: ToySettings;
  backend: string | null;
}) {
  const view = useMemo(
    () => toyLandscapeView(outcome, trained, backend && backendLabel(backend)),
    [outcome, trained, backend],
  );
  const warning = toyWarning(outcome);
  const facts = useMemo(() => toyFacts(outcome, trained), [outcome, trained]);
  return (
    <div className="ls-toy-results">
      {warning && (
        <p className="ls-warning ls-toy-warning" role="alert">
          {warning}
        </p>
      )}
      <div className="ls-toy-figures">
        <figure className="ls-toy-figure">
          <h4>Data and decision</h4>
          <ToyDataMap outcome={outcome} />
          <figcaption className="explain">
            Orange and blue are the two classes (filled: training points, hollow: test points)
            {outcome.map
              ? "; the background is the network's probability of blue, pale where it is unsure. The boundary it learnt is where orange turns blue."
              : '. No decision map: training did not end with finite weights.'}
          </figcaption>
        </figure>
        <figure className="ls-toy-figure">
          <h4>Training curve</h4>
          <ToyCurve history={outcome.history} steps={outcome.steps} />
          <figcaption className="explain">
            <span className="ls-line-key">
              <span className="ls-swatch loss" /> batch loss
            </span>
            <span className="ls-line-key">
              <span className="ls-swatch acc" /> learning rate (right axis)
            </span>
            The loss of each minibatch as it was drawn, so it is noisy for small batches; the
            learning rate follows{' '}
            {trained.toySched === 'onecycle'
              ? 'OneCycle: up from max_lr / 25 to max_lr, then down far below it.'
              : 'a cosine to 0.'}
          </figcaption>
        </figure>
        <figure className="ls-toy-figure ls-toy-contour">
          <h4>Loss landscape</h4>
          {view ? (
            <LandscapeContour shown={{ view, loss: view.loss, pendingFromY: null }} />
          ) : (
            <div className="ls-placeholder" role="img" aria-label="Toy landscape">
              <p>No slice: training diverged, so there are no trained weights to slice around.</p>
            </div>
          )}
          <figcaption className="explain">
            {trained.toyDir === 'pca' && outcome.pca
              ? "The training loss on the plane of the trajectory's two main directions (PCA), centred on the trained weights; the orange path is the training run projected onto it."
              : 'The training loss on a plane through the trained weights (centre) along two filter-normalised random directions.'}{' '}
            Contour levels are geometric in the loss.
          </figcaption>
        </figure>
        {view && (
          <figure className="ls-toy-figure ls-toy-3d">
            <h4>Loss landscape in 3D</h4>
            <ThreeDGate name="Toy landscape 3D">
              <Landscape3D
                shown={{ view, loss: view.loss, pendingFromY: null }}
                ariaLabel="Toy landscape 3D"
              />
            </ThreeDGate>
          </figure>
        )}
      </div>
      <dl className="ls-numbers ls-toy-facts">
        {facts.map((f) => (
          <div key={f.id} data-testid={`toy-${f.id}`}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
