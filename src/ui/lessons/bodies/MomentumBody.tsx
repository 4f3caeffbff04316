import { LessonFigureFrame } from '../LessonFigureFrame';
import { FigureFacts } from './FigureFacts';
import { Rule } from './Rule';

/** Lesson 2: momentum and Nesterov. */
export default function MomentumBody() {
  return (
    <>
      <p>
        Momentum keeps a running sum of past gradients and steps along it, like a heavy ball that
        keeps rolling. Directions where the gradient keeps its sign build up speed; directions where
        it flips from step to step cancel out.
      </p>
      <h2>What to look at</h2>
      <p>
        The bowl below is 100 times steeper across than along, and all three runs use the step size
        of Distill’s “Why momentum really works”, α = 0.02. Look at the path across the narrow
        valley and at how fast each one moves along it.
      </p>
      <LessonFigureFrame id="momentum-bowl" />
      <FigureFacts id="momentum-bowl" />
      <LessonFigureFrame id="momentum-bowl-loss" />
      <h2>Why it happens</h2>
      <p>
        Without momentum, 0.02 is exactly 2 divided by the steep curvature 100, the edge of
        stability: the step across the valley multiplies the distance by −1, so the run bounces
        between the same two walls for ever while it creeps along the floor. With momentum the
        alternating gradients across the valley cancel in the buffer, while the small, steady
        gradient along it accumulates, so the ball speeds up where it should.
      </p>
      <p>
        Too much momentum overshoots. At β = 0.99 (Distill’s setting) the buffer remembers about 100
        steps, so the ball sails past the bottom, comes back, and rings like a spring long after a β
        of 0.9 has settled. Momentum widens the range of usable step sizes, but brings oscillations
        of its own.
      </p>
      <h2>Nesterov: look before you leap</h2>
      <p>
        Nesterov’s variant takes the gradient at the point momentum is about to carry it to, rather
        than where it stands. Near the bottom that gradient already points back, so it brakes before
        it overshoots.
      </p>
      <LessonFigureFrame id="momentum-nesterov" />
      <FigureFacts id="momentum-nesterov" />
      <h2>The update rule</h2>
      <p>
        PyTorch’s SGD, which the race runs: μ is the momentum, τ the dampening (0 here), and the
        Nesterov case adds μ·b<sub>t</sub> to the gradient instead of stepping along b<sub>t</sub>{' '}
        alone.
      </p>
      <Rule optimizer="sgd" />
    </>
  );
}
