import { LessonFigureFrame } from '../LessonFigureFrame';
import { FigureFacts } from './FigureFacts';
import { Rule } from './Rule';

/** Lesson 4: AdaGrad → RMSprop → Adam, bias correction, and ε. */
export default function AdaptiveBody() {
  return (
    <>
      <p>
        One learning rate for every weight is a compromise: the steep directions want it small, the
        flat ones large. The adaptive optimizers give each coordinate its own step size by dividing
        its gradient by a measure of how large that coordinate’s gradients have been. Three ideas,
        each fixing the one before.
      </p>
      <h2>What to look at</h2>
      <p>
        All three race at the same learning rate, 0.05, through Rosenbrock’s long curved valley.
        Watch how the steps change size as each one goes on.
      </p>
      <LessonFigureFrame id="adaptive-rosenbrock" />
      <FigureFacts id="adaptive-rosenbrock" />
      <LessonFigureFrame id="adaptive-rosenbrock-loss" />
      <h2>Why it happens</h2>
      <p>
        <strong>AdaGrad</strong> adds up every squared gradient it has seen, s<sub>t</sub>. The sum
        only grows, so the step η/√s<sub>t</sub> only shrinks: good for rare features, but on a long
        run it slows to a halt before reaching the minimum.
      </p>
      <Rule optimizer="adagrad" />
      <p>
        <strong>RMSprop</strong> replaces the sum by a moving average (α = 0.99 by default), so old
        gradients are forgotten and the step size follows the recent slope. With no momentum it
        still rattles from wall to wall of the valley.
      </p>
      <Rule optimizer="rmsprop" />
      <p>
        <strong>Adam</strong> keeps RMSprop’s average of squares, v, and adds a moving average of
        the gradients themselves, m: momentum, scaled per coordinate.
      </p>
      <Rule optimizer="adam" />
      <h2>Bias correction</h2>
      <p>
        Both averages start at zero. After one step, with β₁ = 0.9 and β₂ = 0.999, m holds only a
        tenth of the gradient and v a thousandth of its square, so the raw ratio m/√v would be about
        three times too large, and wrong for many steps after. Dividing m by 1 − β₁<sup>t</sup> and
        v by 1 − β₂<sup>t</sup> (the factors in the rule above) scales both back to the gradient’s
        own size from the first step; as t grows the factors tend to 1 and the correction fades
        away.
      </p>
      <h2>What ε does</h2>
      <p>
        ε keeps the division safe when √v̂ is zero, but it also sets a scale: where the gradient is
        much larger than ε, Adam takes steps of about η whatever the gradient’s size; where it is
        much smaller, the update is about η·m̂/ε, plain momentum SGD with learning rate η/ε. The
        default 10⁻⁸ is far below any gradient here. Raise it, and Adam turns back into slow
        gradient descent near the minimum, where the gradient is small.
      </p>
      <LessonFigureFrame id="adam-epsilon" />
      <FigureFacts id="adam-epsilon" />
    </>
  );
}
