import { Formula } from '../../formula/Formula';
import { LessonFigureFrame } from '../LessonFigureFrame';
import { FigureFacts } from './FigureFacts';

/** lr(B) = lr₀·(B/B₀)^p, as core/batchScaling computes it (p = 1 linear, ½ square root). */
const SCALING_TEX = String.raw`\eta(B) = \eta_0 \left(\frac{B}{B_0}\right)^{p},\quad p = 1 \text{ (linear) or } \tfrac12 \text{ (square root)}`;
/** The gradient noise scale, as core/sampling/noiseScale computes it. */
const NOISE_SCALE_TEX = String.raw`B_{\text{noise}} = \frac{\operatorname{tr}\Sigma}{\lVert \nabla f(\theta) \rVert^2}`;

/** Lesson 9: batch size, noise, learning-rate scaling, batch-size schedules, sharp vs flat. */
export default function BatchSizeBody() {
  return (
    <>
      <p>
        A minibatch gradient is the average of B per-sample gradients: an estimate of the true
        gradient whose variance falls like 1/B. The batch size therefore sets how noisy each step
        is, and how many samples each step costs; the learning rate has to be chosen with it.
      </p>
      <h2>Noise as the batch shrinks</h2>
      <p>
        Every surface in the race is a sum of 256 samples, each with its own tilt, so a batch of B
        sees a noisy gradient and the full batch the exact one. Watch where each run settles.
      </p>
      <LessonFigureFrame id="batch-noise" />
      <FigureFacts id="batch-noise" />
      <p>
        Near the minimum the true gradient fades but the noise does not, so each run ends up
        hovering where the pull to the bottom balances the kicks. The kicks grow with the learning
        rate and shrink with the batch: it is roughly their ratio, lr/B, that sets the floor.
      </p>
      <h2>Linear or square-root scaling</h2>
      <p>
        Data-parallel training makes batches large, since every process adds its own. To keep
        learning at the same pace, the rate must grow with the batch. Goyal et al. (2017) multiply
        it by k when the batch is multiplied by k, with a warm-up, since the scaled rate is too
        large for the first steps; that keeps the distance travelled per epoch. Hoffer et al. (2017)
        multiply it by √k, which keeps the variance of each update. McCandlish et al. (OpenAI, 2018)
        found linear growth right for small batches and square-root growth beyond; the lectures’
        rule of thumb for doubling the batch is ×√2.
      </p>
      <Formula tex={SCALING_TEX} label="Learning-rate scaling with the batch size" />
      <p>
        In the figure below the square-root rule is on, with lr 0.05 at B₀ = 16: move the batch
        slider and the rate follows. At the full batch of 256 the rule asks for 0.2, beyond this
        bowl’s stability limit 2/25 = 0.08, and the run blows up: no scaling rule lifts the cap that
        the curvature sets.
      </p>
      <LessonFigureFrame id="batch-scaling-rule" />
      <h2>The critical batch size</h2>
      <p>
        Beyond some batch size, averaging more samples hardly improves the step. McCandlish et al.
        estimate that size by the gradient noise scale: the total variance of one sample’s gradient
        over the squared norm of the true gradient. Below it, doubling the batch nearly halves the
        steps needed; above it, it buys little. On these surfaces Σ is known, so the race computes
        it exactly, at the start and at each racer’s point (it is in the same controls, beside the
        rule). It grows as the runs approach the minimum, where the true gradient shrinks: late in
        training large batches pay off.
      </p>
      <Formula tex={NOISE_SCALE_TEX} label="The gradient noise scale" />
      <h2>Increase the batch instead of decaying the rate</h2>
      <p>
        Since the floor depends on lr/B, multiplying B by 4 lowers it like dividing the rate by 4,
        with four times fewer steps per epoch (Smith et al., 2018: “Don’t decay the learning rate,
        increase the batch size”). BLOOM’s training ramped its batch from 16 to 2,048 sequences over
        its first 20 billion tokens, beside a warm-up and a cosine decay of the rate. In the figure
        the batch grows from 4 to 16 to 64 at steps 100 and 200; under “At each milestone”, choose
        “Divide the lr instead” to compare with the step decay it replaces: both end far below a
        constant rate at batch 4.
      </p>
      <LessonFigureFrame id="batch-schedule" />
      <h2>Sharp and flat minima</h2>
      <p>
        Keskar et al. (2017) saw large batches converge to sharp, narrow minima that generalise
        worse, and small batches to flat, wide ones; the lectures warn that batches above about 512
        tend to do worse. This surface has two minima of exactly the same loss, one with curvature
        about 11, one about 1.
      </p>
      <LessonFigureFrame id="sharp-flat-batch" />
      <FigureFacts id="sharp-flat-batch" />
      <LessonFigureFrame id="sharp-flat-lr" />
      <FigureFacts id="sharp-flat-lr" />
      <p>
        A well of curvature λ holds gradient descent only for lr &lt; 2/λ: below 0.18 in the sharp
        well, below 1.9 in the flat one. A large rate, or the kicks of a small batch, throws a run
        out of the sharp well but not out of the flat one, so noise selects flat minima. The
        lectures sum it up: small batches, SGD and weight decay lean to flat minima; large batches,
        Adam and no decay to sharp ones.
      </p>
    </>
  );
}
