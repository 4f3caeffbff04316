import { LessonFigureFrame } from '../LessonFigureFrame';
import { FigureFacts } from './FigureFacts';
import { Rule } from './Rule';

/** Lesson 6: sign-based updates, signSGD and Lion. */
export default function SignUpdatesBody() {
  return (
    <>
      <p>
        A sign-based optimizer throws away the size of the gradient and keeps only its direction,
        coordinate by coordinate: each weight moves by exactly ±η. That is an extreme form of
        per-coordinate scaling, cheap to compute and to store.
      </p>
      <h2>signSGD: what to look at</h2>
      <p>
        Plain SGD and signSGD at the same learning rate on a bowl 25 times steeper across than
        along. SGD’s step follows the slope, so it races down the steep side and then crawls along
        the flat one. signSGD moves both coordinates by the same 0.01, walks diagonally, and then,
        at the bottom, can only hop back and forth by a full step.
      </p>
      <LessonFigureFrame id="sign-sgd-bowl" />
      <FigureFacts id="sign-sgd-bowl" />
      <Rule optimizer="signsgd" />
      <p>Signum does the same with the sign of a momentum average instead of the raw gradient:</p>
      <Rule optimizer="signum" />
      <h2>Lion</h2>
      <p>
        Lion was found by an automated search over programs (Chen et al., 2023). It takes the sign
        of a blend of momentum and the current gradient (β₁ = 0.9), then updates the momentum with a
        slower average (β₂ = 0.99), and applies decoupled weight decay as AdamW does. It keeps one
        buffer per weight instead of Adam’s two, which halves the optimizer’s memory.
      </p>
      <Rule optimizer="lion" />
      <p>
        Since every coordinate moves by a full η, Lion’s steps are larger than AdamW’s; the usual
        advice is a learning rate 3 to 10 times smaller and a weight decay as much larger. The race
        below uses 5× and 10×. The lectures also note that Lion does worse than AdamW with small
        batches (below about 64).
      </p>
      <LessonFigureFrame id="lion-vs-adamw" />
      <FigureFacts id="lion-vs-adamw" />
      <LessonFigureFrame id="lion-vs-adamw-loss" />
    </>
  );
}
