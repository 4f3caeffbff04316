import { useMemo } from 'react';
import { modelLabel } from '../../state/landscapeUrl';
import { useLandscapeStore } from '../../state/landscapeStore';
import {
  centreAccSplit,
  centreAccuracyName,
  type LandscapeView,
  viewSummary,
} from '../../state/landscapeView';
import {
  convexitySentence,
  sliceSentence,
  twinConvexitySentence,
  twinSentence,
} from '../../core/view/sliceReading';
import { FAR_FROM_PLANE } from './TrajectoryOverlay';
import { NonConvexityKey } from './NonConvexityKey';

const sentenceCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const pct = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} %` : '—');
const num = (v: number) =>
  !Number.isFinite(v)
    ? '—'
    : Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0)
      ? v.toExponential(2)
      : Number(v.toPrecision(4)).toString();

/** The numbers beside the figures, each with a sentence saying what it means. */
export function LandscapeFacts({ view }: { view: LandscapeView }) {
  const settings = useLandscapeStore((s) => s.settings);
  const sharpness = useLandscapeStore((s) =>
    view.source === 'shipped' ? s.shipped.sharpness : null,
  );
  const { lo, hi, rough } = useMemo(() => viewSummary(view), [view]);
  const accSplit = centreAccSplit(view);
  const twin = useLandscapeStore((s) => (view.source === 'shipped' ? s.shipped.twin : null));
  // Every sentence that reads this slice is made from the numbers shown above it.
  const reading = useMemo(() => {
    if (!rough) return [];
    const random = view.directions?.kind === 'random';
    const own = sliceSentence(rough, random);
    const vsTwin = twin && random ? twinSentence(rough, twin) : null;
    const curves = convexitySentence(rough);
    const curvesVsTwin = twin && random && curves ? twinConvexitySentence(rough, twin) : null;
    return [own, vsTwin, curves, curvesVsTwin].filter((x): x is string => x !== null);
  }, [rough, twin, view.directions]);
  return (
    <section className="card ls-facts" aria-label="What the numbers mean">
      <h3>{view.title}</h3>
      <p className="explain">{view.provenance}.</p>
      <dl className="ls-numbers">
        {view.centre && (
          <div>
            <dt>{sentenceCase(centreAccuracyName(view))} at the centre</dt>
            <dd>
              {pct(view.centre.acc)}{' '}
              <span className="explain">
                {/* The shipped slices' accuracy is the test split's, their loss on train images. */}
                ({accSplit && accSplit !== view.data?.split ? `on the ${accSplit} split; ` : ''}
                loss {num(view.centre.loss)}
                {view.data ? ` on ${view.data.samples} ${view.data.split} images` : ''})
              </span>
            </dd>
          </div>
        )}
        <div>
          <dt>Loss on this slice</dt>
          <dd>
            {num(lo)} … {num(hi)}
          </dd>
        </div>
        {rough &&
          ROUGHNESS_SHOWN.filter((k) => rough[k] !== undefined).map((k) => (
            <div key={k} title={ROUGHNESS_HELP[k]}>
              <dt>{ROUGHNESS_NAMES[k]}</dt>
              <dd data-testid={`ls-rough-${k}`}>
                {k === 'basinWidth' || k === 'nonConvexShare' ? pct(100 * rough[k]) : num(rough[k])}
                {k === 'nonConvexShare' && rough.meanNegRatio !== undefined && (
                  <span className="explain"> (mean |λmin/λmax| {num(rough.meanNegRatio)})</span>
                )}
              </dd>
            </div>
          ))}
        {sharpness && (
          <div title={SHARPNESS_HELP} data-testid="ls-sharpness">
            <dt>
              Sharpness λ<sub>max</sub>
            </dt>
            <dd>
              {num(sharpness.eigenvalues[0])}{' '}
              <span className="explain">
                (λ₂ {num(sharpness.eigenvalues[1])}; {sharpness.samples} {sharpness.split} images)
              </span>
            </dd>
          </div>
        )}
      </dl>
      {rough?.nonConvexShare !== undefined && <NonConvexityKey />}
      {sharpness && (
        <p className="explain ls-sharpness-help">
          <strong>Sharpness</strong>: {SHARPNESS_HELP}{' '}
          {sharpness.residual[0] > SHARPNESS_UNDEFINED
            ? `Here the check's residual is ${sharpness.residual[0].toFixed(2)}: the top direction is not a clean eigenvector, so read λmax as an order of magnitude only.`
            : `Known to about ±${Math.max(5, Math.round(100 * sharpness.residual[0]))} % here (the residual of the eigenvector check; ReLU networks are not smooth).`}
        </p>
      )}
      {rough && (
        <ul className="explain ls-rough-help">
          {ROUGHNESS_SHOWN.filter((k) => rough[k] !== undefined).map((k) => (
            <li key={k}>
              <strong>{ROUGHNESS_NAMES[k]}</strong>: {ROUGHNESS_HELP[k]}
            </li>
          ))}
        </ul>
      )}
      <p className="explain">
        The centre (α = β = 0) is the trained network; every other point adds α and β times two
        directions in weight space.
        {rough
          ? ' The roughness numbers summarise how chaotic this slice is: larger means more bumps, local minima and sharp walls between the centre and the edges. '
          : ' '}
        {view.source === 'h5'
          ? ''
          : `Li et al. (2018, Fig. 5) found deep ResNets' slices nearly convex with skip connections and chaotic without them; ${settings.skip ? 'untick' : 'tick'} "skip connections" to compare with ${modelLabel({ ...settings, skip: !settings.skip })}. A higher accuracy with a wide, smooth basin is the paper's link between flat minima and generalisation.`}
      </p>
      {reading.length > 0 && <p className="explain ls-reading">{reading.join(' ')}</p>}
      {view.directions && (
        <p className="explain">
          Directions:{' '}
          {view.directions.kind === 'random'
            ? `filter-normalised random (seed ${view.directions.seed ?? '?'}), ${view.directions.ignore === 'biasbn' ? 'biases and BatchNorm parameters not perturbed' : 'all parameters perturbed'}, ${view.directions.orthogonal ? 'orthogonalised' : 'not orthogonalised'}`
            : view.directions.kind === 'pca'
              ? 'the top two principal components of the training trajectory'
              : 'top Hessian eigenvectors'}
          .
        </p>
      )}
      {view.trajectory && <PcaFacts trajectory={view.trajectory} />}
    </section>
  );
}

const SHARPNESS_HELP =
  'the largest eigenvalue of the Hessian of the loss at the trained weights (conv and linear weights; computed by landscape-lab sharpness): how fast the loss curves upward along the steepest direction. Larger means a sharper minimum.';
/** A residual above this: λmax is an order of magnitude, not a number. */
const SHARPNESS_UNDEFINED = 0.5;

const ROUGHNESS_SHOWN = ['tvLogLoss', 'nonConvexShare', 'localMinima', 'basinWidth'] as const;
const ROUGHNESS_NAMES: Record<string, string> = {
  tvLogLoss: 'Roughness (TV of log loss)',
  nonConvexShare: 'Non-convexity (curves downward)',
  localMinima: 'Local minima',
  basinWidth: 'Basin width',
};
const ROUGHNESS_HELP: Record<string, string> = {
  tvLogLoss:
    'the mean slope of log L across the slice; ripples and cliffs raise it, a smooth bowl keeps it low',
  nonConvexShare:
    "share of the slice's interior points where its 2×2 Hessian has a downward direction (λmin < −0.01·|λmax|, from the grid itself): 0 for a convex bowl; Li et al.'s Fig. 7 colours the same ratio |λmin/λmax|",
  localMinima: 'strict local minima inside the slice: 1 for a convex bowl, many for a chaotic one',
  basinWidth:
    'share of the [−1, 1]² square where the loss stays below twice the centre loss: wider means a flatter minimum',
};

function PcaFacts({ trajectory: t }: { trajectory: NonNullable<LandscapeView['trajectory']> }) {
  const [a, b] = t.explainedVariance;
  const far = t.steps.filter((_, k) => t.relativeResidual[k] > FAR_FROM_PLANE);
  return (
    <div className="ls-pca">
      <p>
        <strong>PCA plane:</strong> the two directions explain {pct(100 * a)} and {pct(100 * b)} of
        the trajectory's variance ({pct(100 * (a + b))} together). The path shows the{' '}
        {t.steps.length} checkpoints projected onto the plane.
      </p>
      {far.length > 0 ? (
        <p className="ls-warning" role="note">
          {far.length === 1 ? 'The checkpoint at step ' : 'The checkpoints at steps '}
          {far.join(', ')} {far.length === 1 ? 'lies' : 'lie'} far from the plane (residual more
          than {FAR_FROM_PLANE * 100} % of the distance to the centre; ringed in red): the contour
          under {far.length === 1 ? 'this point' : 'these points'} is misleading.
        </p>
      ) : (
        <p className="explain">
          Every checkpoint lies close to the plane, so the contours under the path are the loss it
          actually saw.
        </p>
      )}
    </div>
  );
}
