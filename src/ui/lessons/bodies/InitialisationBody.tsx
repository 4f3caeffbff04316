import { Formula } from '../../formula/Formula';
import { LessonFigureFrame } from '../LessonFigureFrame';

/** The two variance rules as `gpu/nets/params.ts` (initStd) draws the weights. */
const XAVIER = String.raw`W \sim \mathcal{N}\!\left(0,\ \frac{2}{n_\text{in} + n_\text{out}}\right)`;
const KAIMING = String.raw`W \sim \mathcal{N}\!\left(0,\ \frac{2}{n_\text{in}}\right)`;

/** Lesson 12: where the weights start. */
export default function InitialisationBody() {
  return (
    <>
      <p>
        Before the first step, every weight needs a value. Zeros make every unit in a layer the same
        for ever; values that are too small or too large make the signal fade or blow up on its way
        through many layers. The two rules that fix this, Xavier’s (Glorot and Bengio, 2010) and
        Kaiming’s (He et al., 2015), pick the spread of the random weights from the size of the
        layer so that the signal keeps its scale.
      </p>
      <h2>What to look at</h2>
      <p>
        Below are two copies of the same network: 20 hidden layers of 16 ReLU units, trained on the
        spiral with SGD and momentum 0.9 at a learning rate of 0.01, from the same seed. Only the
        rule that drew the starting weights differs. Press Train in each and compare the loss
        curves.
      </p>
      <LessonFigureFrame id="init-xavier" />
      <LessonFigureFrame id="init-kaiming" />
      <ul>
        <li>
          <strong>Xavier</strong>: the loss starts at ln 2 ≈ 0.693, the loss of a coin flip between
          the two classes, and stays there for all 600 steps. The network learns nothing: its
          decision map stays pale (unsure everywhere) and it gets about half the test points right,
          as a coin would.
        </li>
        <li>
          <strong>Kaiming</strong>: the loss leaves ln 2 within the first hundred steps, wobbles
          (these are minibatch losses) and ends far below it; the decision map follows the spiral
          and over 90 % of the test points are classified right.
        </li>
      </ul>
      <h2>Why it happens</h2>
      <p>The two rules differ by a factor of about two in the variance of the weights:</p>
      <Formula tex={XAVIER} label="Xavier (Glorot) initialisation" />
      <Formula tex={KAIMING} label="Kaiming (He) initialisation" />
      <p>
        Xavier’s rule keeps the variance of a layer’s output equal to its input’s when the
        activation is symmetric and roughly linear near zero, as tanh is. A ReLU sets half of its
        inputs to zero, which halves the variance at every layer. Over 20 layers that is a factor of
        2²⁰ in variance, about 1,000 in scale: the last layer sees almost nothing, its output is
        close to zero for every point, so the prediction is 50/50 and the gradients that flow back
        are tiny. Kaiming’s rule doubles the variance to make up for the half that ReLU discards, so
        the signal reaches the end at the scale it started with.
      </p>
      <p>
        For a shallow network the difference is small (open either figure in the playground and try
        2 layers, or tanh): every rule that keeps the scale roughly right trains. Modern frameworks
        pick a sensible rule for each kind of layer by default, and normalisation layers and skip
        connections make deep networks much less sensitive to it, which is why the lectures say that
        tuning the initialisation is rarely needed today. It matters again as soon as you build a
        deep stack without them.
      </p>
    </>
  );
}
