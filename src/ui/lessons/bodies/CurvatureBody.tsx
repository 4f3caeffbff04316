import { LessonFigureFrame } from '../LessonFigureFrame';
import { FigureFacts } from './FigureFacts';
import { Rule, SurfaceRule } from './Rule';

/** Lesson 7: curvature, Newton's method, saddle-free Newton and Sophia. */
export default function CurvatureBody() {
  return (
    <>
      <p>
        Gradient descent knows only the slope. How far to go in each direction is left to one
        learning rate, and the steepest direction decides it: past 2/λ<sub>max</sub>, where λ
        <sub>max</sub> is the largest curvature, the steps overshoot and grow. Every flatter
        direction then crawls. The Hessian H, the matrix of second derivatives, holds the curvature
        of every direction; dividing the gradient by it gives each direction the step it needs.
      </p>
      <SurfaceRule surface="rotated_quadratic" params={{ kappa: 100 }} />
      <h2>What to look at</h2>
      <p>
        The bowl above is 100 times steeper across its valley than along it, and turned by 45°, so
        neither x nor y is the steep direction. SGD has to keep its learning rate under 2/100; Adam
        rescales x and y, which does not help when the steep direction is diagonal. Newton uses the
        whole 2×2 Hessian.
      </p>
      <LessonFigureFrame id="newton-bowl" />
      <FigureFacts id="newton-bowl" />
      <h2>Why it happens</h2>
      <p>
        Near θ the loss looks like a quadratic, f(θ + d) ≈ f(θ) + gᵀd + ½dᵀHd, whose lowest point is
        at d = −H⁻¹g. Newton’s method jumps there. On a quadratic bowl the model is the loss itself,
        so at learning rate 1 the first step lands on the minimum; near the minimum of a smooth,
        strongly convex loss the error is squared at every step (quadratic convergence). The
        lectures start from the simplest case: if H were L times the identity, the best learning
        rate would be 1/L; Newton does the same with a different 1/L for every direction of H.
      </p>
      <Rule optimizer="newton" />
      <p>
        The δI added to H keeps the solve finite where a curvature is near zero. The catch is the
        size: for d weights, H has d² entries and solving with it costs about d³ operations, which
        is out of the question for a network with millions of weights. Here the race has each
        surface’s exact 2×2 Hessian; on networks the site refuses Newton by name.
      </p>
      <h2>Uphill at a saddle</h2>
      <p>
        −H⁻¹g points at the stationary point of the quadratic model, whether that point is a
        minimum, a maximum or a saddle. Along a direction of negative curvature, dividing by it
        flips the gradient’s sign: Newton climbs back towards the ridge instead of falling off it.
        The Sophia paper’s toy example says the same of plain Newton: it converges to a saddle.
      </p>
      <LessonFigureFrame id="newton-saddle" />
      <FigureFacts id="newton-saddle" />
      <p>
        Saddle-free Newton (Dauphin et al., 2014) divides by |H| instead: the same eigenvectors Q,
        the absolute values of the eigenvalues Λ. It keeps Newton’s scaling in every direction but
        always steps downhill, so on a negative curvature it speeds up the escape.
      </p>
      <Rule optimizer="sfnewton" />
      <h2>Sophia: a clipped, diagonal Newton step</h2>
      <p>
        Sophia (Liu et al., 2023) makes the idea cheap enough for language models. It keeps only the
        Hessian’s diagonal, estimated every k = 10 steps and averaged: either Hutchinson’s u ⊙ Hu
        for a random ±1 vector u (one Hessian-vector product), or the Gauss–Newton–Bartlett estimate
        B·ĝ ⊙ ĝ, the squared gradient of a batch loss on labels sampled from the model itself. The
        update is momentum divided by ρ times that curvature, like a Newton step per coordinate, and
        then clipped to at most 1 before the learning rate multiplies it.
      </p>
      <Rule optimizer="sophia" />
      <p>
        The clip is what makes it safe. Where the estimated curvature is negative, max(h, 0) floors
        it at 0, the ratio is huge, and the clip turns the step into the learning rate times the
        sign of the momentum: at a saddle Sophia walks downhill at a steady pace, neither climbing
        like Newton nor racing off like saddle-free Newton. Where the curvature is tiny the same cap
        stops a huge step. The lectures report Sophia reaching Adam’s validation loss on GPT-2 in
        half the steps. Gauss–Newton–Bartlett needs sampled labels, so the race offers it on
        networks only; on a surface Sophia uses Hutchinson or the exact diagonal.
      </p>
    </>
  );
}
