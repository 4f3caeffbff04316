import { LessonFigureFrame } from '../LessonFigureFrame';
import { FigureFacts } from './FigureFacts';
import { Rule } from './Rule';

/** Lesson 5: weight decay, Adam + L2 vs AdamW. */
export default function WeightDecayBody() {
  return (
    <>
      <p>
        Weight decay pulls every weight a little towards zero at each step, which keeps a network
        from relying on a few huge weights. There are two ways to write it, and for SGD they are the
        same thing: adding the penalty ½λ‖θ‖² to the loss adds λθ to the gradient, and one SGD step
        then shrinks θ by the factor (1 − ηλ). For Adam they are not.
      </p>
      <h2>What to look at</h2>
      <p>
        Adam with an L2 penalty and AdamW, with the same λ = 0.1 and the same learning rate, in
        Rosenbrock’s valley, whose minimum is at (1, 1), away from the origin the decay pulls
        towards. Compare where each one comes to rest.
      </p>
      <LessonFigureFrame id="adam-l2-vs-adamw" />
      <FigureFacts id="adam-l2-vs-adamw" />
      <h2>Why it happens</h2>
      <p>
        <strong>Adam + L2</strong> (PyTorch’s <code>Adam(weight_decay=λ)</code>) adds λθ to the
        gradient g<sub>t</sub> before the moments see it. The decay is then divided by √v̂ like the
        rest of the gradient: coordinates with large gradients are hardly decayed at all, those with
        small ones strongly. It ends at the minimum of loss + ½λ‖θ‖², a compromise point.
      </p>
      <p>
        <strong>AdamW</strong> (Loshchilov and Hutter) decouples the two: Adam’s normalised step
        uses the loss’s gradient only, and separately θ is multiplied by (1 − ηλ). Every weight
        shrinks by the same fraction, as with SGD, whatever its gradient history. The lectures’
        advice: prefer AdamW; λ usually lies between 0 and 0.1, smaller for larger data sets (about
        10⁻³ below ten thousand samples down to 10⁻⁵ above a million).
      </p>
      <h2>The update rules</h2>
      <p>
        Adam (with L2, g<sub>t</sub> already includes λθ):
      </p>
      <Rule optimizer="adam" />
      <p>AdamW (the decay is its own step):</p>
      <Rule optimizer="adamw" />
    </>
  );
}
