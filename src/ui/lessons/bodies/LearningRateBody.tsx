import { LessonFigureFrame } from '../LessonFigureFrame';
import { FigureFacts } from './FigureFacts';
import { Rule, SurfaceRule } from './Rule';

/** Lesson 1: the size of the learning rate. */
export default function LearningRateBody() {
  return (
    <>
      <p>
        Gradient descent moves against the gradient, and the learning rate η says how far. It is the
        one setting every optimizer has, and the one most worth getting right: the same model can
        crawl, train well, spike or end in NaN depending on it alone.
      </p>
      <h2>What to look at</h2>
      <p>
        Four copies of plain SGD (no momentum) start from the same point on the same bowl. Only
        their learning rates differ. Press play and watch each path on the contour map, then the
        loss curves below it.
      </p>
      <LessonFigureFrame id="lr-sizes" />
      <FigureFacts id="lr-sizes" />
      <ul>
        <li>
          <strong>Too small</strong> (0.001): every step points the right way, but is tiny; after
          300 steps it is still far from the bottom.
        </li>
        <li>
          <strong>Right</strong> (0.05): a few sideways wobbles, then straight to the bottom.
        </li>
        <li>
          <strong>Too large</strong> (0.085): each step jumps over the valley and lands higher on
          the far side, so the loss grows.
        </li>
        <li>
          <strong>NaN</strong> (0.5): the growth is so fast that the numbers overflow before the run
          ends; the race stops that run and marks the step.
        </li>
      </ul>
      <LessonFigureFrame id="lr-sizes-loss" />
      <h2>Why it happens</h2>
      <p>The bowl is a quadratic, 25 times steeper across (y) than along (x):</p>
      <SurfaceRule surface="quadratic" />
      <p>
        One SGD step multiplies the distance to the bottom along a direction of curvature h by (1 −
        η·h). Across the bowl h = 25. While η·h is below 2 that factor is smaller than 1 in size and
        the run closes in, zigzagging once η·h passes 1. Above η = 2/25 = 0.08 the factor is larger
        than 1 and every step throws the point further out: the loss grows geometrically until it is
        infinite. The steepest direction sets the limit for all of them, which is why a real
        network’s loss spikes when the lr is pushed too far.
      </p>
      <p>
        The rule of thumb from the lectures follows: use roughly the largest learning rate that
        still trains without spikes, found by trying a few for a short while (a range test does this
        systematically; see the schedules lesson).
      </p>
      <h2>The update rule</h2>
      <p>
        SGD as the race runs it (here with momentum μ = 0, so b<sub>t</sub> is just the gradient):
      </p>
      <Rule optimizer="sgd" />
    </>
  );
}
