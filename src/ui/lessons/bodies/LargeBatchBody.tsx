import { LessonFigureFrame } from '../LessonFigureFrame';
import { FigureFacts } from './FigureFacts';
import { Rule } from './Rule';

/** Lesson 11: LARS and LAMB, and what a 2-D surface can show of their trust ratios. */
export default function LargeBatchBody() {
  return (
    <>
      <p>
        Scaling the learning rate with a large batch works until it does not: some layers then take
        steps as large as their weights and training diverges, whatever the warm-up. You et al.
        noticed that the ratio of a layer’s weight norm to its gradient norm differs from layer to
        layer by orders of magnitude, so one global rate is too large for some layers and too small
        for others. LARS (2017) and LAMB (2019) give each layer its own rate through a{' '}
        <em>trust ratio</em>: the layer’s weight norm over the norm of its update.
      </p>
      <h2>The rules</h2>
      <p>
        LARS is SGD with momentum whose step for each layer is scaled by η<sub>trust</sub>·‖w‖/‖g‖
        (with weight decay in the denominator). LAMB does the same to Adam: it takes Adam’s
        normalised step r<sub>t</sub>, adds decoupled weight decay, and rescales it to ‖w‖/‖r‖.
        Either way, the length of a layer’s step is set by the size of its weights, not by the size
        of its gradient: a small ratio means little trust and a careful step, a large one a bold
        step.
      </p>
      <Rule optimizer="lars" />
      <Rule optimizer="lamb" />
      <p>
        In practice LARS wraps a momentum SGD (apex’s LARC) and LAMB is apex’s FusedLamb, with
        Adam’s betas (0.9, 0.999); both are meant for batches in the thousands, with a warm-up and a
        decaying schedule, as in BERT’s and ResNet-50’s large-batch records.
      </p>
      <h2>What to look at</h2>
      <p>
        A bowl 100 times steeper across than along. Plain SGD at 0.05 is past 2/100 on the steep
        side, and its steps grow until they overflow. LARS and LAMB step by a fixed fraction of ‖θ‖
        along their update’s direction, however steep the wall, so they cannot blow up; as they near
        the minimum at the origin their steps shrink with ‖θ‖.
      </p>
      <LessonFigureFrame id="trust-ratio-scale" />
      <FigureFacts id="trust-ratio-scale" />
      <h2>What a 2-D surface cannot show</h2>
      <p>
        On a surface the point (x, y) is the whole model, one “layer”, so there is exactly one trust
        ratio. The reason LARS and LAMB exist, layers whose ratios differ by orders of magnitude
        each getting a rate of its own, needs many layers; here it can only be described. What the
        race does show faithfully is the rule for one layer: the step length follows ‖θ‖, not the
        gradient.
      </p>
      <p>
        And there is a trap in that. A layer’s weight norm is a meaningful scale; a point’s distance
        from (0, 0) is not, since the origin of a test surface is arbitrary. On Rosenbrock, whose
        minimum is at (1, 1), the trust ratio misbehaves in ways a network would not show.
      </p>
      <LessonFigureFrame id="trust-ratio-origin" />
      <FigureFacts id="trust-ratio-origin" />
      <p>
        The implementations know the origin is special for them too: when ‖w‖ or ‖g‖ is zero the
        ratio is set to 1, and biases and normalisation weights, whose norms mean little, are
        usually left out of the adaptation.
      </p>
    </>
  );
}
