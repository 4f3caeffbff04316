import { LessonFigureFrame } from '../LessonFigureFrame';
import { FigureFacts } from './FigureFacts';
import { Rule, SurfaceRule } from './Rule';

/** Lesson 3: saddle points. */
export default function SaddlePointsBody() {
  return (
    <>
      <p>
        A saddle point is flat like a minimum, but only in some directions is it a bottom; in others
        it is a top. In a network with millions of weights, points where the gradient nearly
        vanishes are far more often saddles than minima, and an optimizer that lingers there wastes
        its steps.
      </p>
      <SurfaceRule surface="saddle" />
      <h2>What to look at</h2>
      <p>
        Four optimizers start on the ridge of this saddle, only 0.001 off it. Along x the surface
        pulls them to the middle; along y it falls away on both sides, but the push is proportional
        to y, so at y = 0.001 it is almost nothing. Watch which ones turn off the ridge and how
        soon. The loss keeps falling once they have left, so “reaching −1” is a fair finishing line.
      </p>
      <LessonFigureFrame id="saddle-escape" />
      <FigureFacts id="saddle-escape" />
      <LessonFigureFrame id="saddle-escape-loss" />
      <h2>Why it happens</h2>
      <p>
        Plain SGD multiplies its small y by (1 + 2η) each step, here 1.02: it does leave, but only
        after a few hundred steps. Momentum adds up those growing pushes, so y grows faster. RMSprop
        and Adam divide each coordinate’s gradient by its own recent size; the tiny y-gradient is
        scaled up to a full step at once, and they walk off the ridge almost immediately. This is
        the picture the lectures show: the adaptive methods head down the open side while SGD and
        momentum struggle to break the symmetry.
      </p>
      <h2>The update rules</h2>
      <Rule optimizer="sgd" />
      <Rule optimizer="rmsprop" />
      <Rule optimizer="adam" />
    </>
  );
}
