import { CURVATURE_TAU } from '../../../core/view/sliceCurvature';
import {
  CHAOTIC_MINIMA,
  CHAOTIC_TV,
  MOSTLY_NON_CONVEX,
  NEARLY_CONVEX,
  SMOOTH_TV,
} from '../../../core/view/sliceReading';
import { SHARED_LOSS_CEILING } from '../../../core/view/sharedScale';
import { Formula } from '../../formula/Formula';
import { LessonFigureFrame } from '../LessonFigureFrame';
import { TwinFacts } from './TwinFacts';

/** A BasicBlock as gpu/nets/resnet.ts computes it, and its "-NS" variant without the addition. */
const BLOCK = String.raw`\text{out} = \operatorname{ReLU}\big(F(x) + x\big),\quad F(x) = \operatorname{bn}_2\big(\operatorname{conv}_2(h)\big),\quad h = \operatorname{ReLU}\big(\operatorname{bn}_1(\operatorname{conv}_1(x))\big)`;
const PLAIN = String.raw`\text{out}_{\text{NS}} = \operatorname{ReLU}\big(F(x)\big)`;
const PATHWAY = String.raw`\dfrac{\partial\,(F(x) + x)}{\partial x} = \dfrac{\partial F}{\partial x} + I`;
/** The slice and its filter-normalised directions, as gpu/landscape/directions.ts makes them. */
const SLICE = String.raw`L(\alpha, \beta) = L(\theta^{*} + \alpha\,\delta + \beta\,\eta),\quad (\alpha, \beta) \in [-1, 1]^2`;
const FILTER_NORM = String.raw`\delta_{i} \leftarrow \dfrac{\delta_{i}}{\lVert \delta_{i} \rVert}\,\lVert \theta^{*}_{i} \rVert`;
/** core/view/roughness.ts's tvLogLoss and core/view/sliceCurvature.ts's ratio. */
const TV = String.raw`\mathrm{TV} = \operatorname*{mean}_{p \sim q} \dfrac{\lvert \ln L(p) - \ln L(q) \rvert}{\lVert p - q \rVert}`;
const RATIO = String.raw`r = \min\!\left(1, \left\lvert \dfrac{\lambda_{\min}}{\lambda_{\max}} \right\rvert\right) \text{ if } \lambda_{\min} < 0,\quad \lambda_{\min} < -${CURVATURE_TAU}\,\lvert \lambda_{\max} \rvert`;

const pct = (v: number) => `${Math.round(100 * v)} %`;

/** Lesson 10: skip connections and width, on the shipped slices (Li et al. 2018, Fig. 5). */
export default function SkipConnectionsBody() {
  return (
    <>
      <p>
        Before 2015, stacking more layers made a network worse, not only slower: a 56-layer plain
        net trained to a higher error than a 20-layer one. He et al.’s residual networks fixed it
        with one addition per block, the skip connection (or shortcut). Three years later Li et al.
        showed what the addition does to the loss surface the optimizer has to walk on, and their
        picture is the one every lecture on loss landscapes shows: a smooth bowl with skips, a
        jagged landscape without them.
      </p>
      <h2>What a residual block computes</h2>
      <p>
        A block of the CIFAR ResNets has two 3×3 convolutions, each followed by batch normalisation.
        With a skip connection the block’s input is added back before the last ReLU, so the
        convolutions only learn a correction F(x) to the identity:
      </p>
      <Formula tex={BLOCK} label="A residual block: out = ReLU(F(x) + x)" />
      <p>
        The “-NS” (no shortcut) networks are the same networks with the addition removed, so every
        block must pass its whole signal through its convolutions:
      </p>
      <Formula tex={PLAIN} label="The same block without the skip connection: out = ReLU(F(x))" />
      <p>
        Where a stage halves the map and doubles the channels, x no longer has F(x)’s shape; there
        the shortcut is a 1×1 strided convolution with batch normalisation, as in the models the
        paper’s code uses. Everywhere else it is the identity, and the identity is what matters for
        training: the gradient through a block always has a term that does not depend on the block’s
        weights,
      </p>
      <Formula
        tex={PATHWAY}
        label="The gradient through a residual block: dF/dx plus the identity"
      />
      <p>
        so the signal reaching the first layers of a deep net is not a product of dozens of small
        Jacobians. Without it, every extra block multiplies in another one.
      </p>

      <h2>What to look at</h2>
      <p>
        Below is ResNet-56, trained, and its twin without skip connections, trained with the same
        recipe. Each panel is a slice of the loss around the trained weights (how it is made is
        further down); both share one colour scale, so a colour means the same loss in either.
      </p>
      <LessonFigureFrame id="skip-pair-56" />
      <p>
        Look at how far from the centre the colours climb, whether the contours stay round and
        nested or break into islands, and the facts line under each map. The lines below compare
        every shipped pair at each depth, worded from their numbers as this page loads them.
      </p>
      <TwinFacts />

      <h2>Depth without skips</h2>
      <p>
        In Li et al.’s experiments on CIFAR-10, with skip connections the error falls as the net
        gets deeper (ResNet-20: 7.37 %, ResNet-56: 5.89 %, ResNet-110: 5.79 %); without them it
        rises (8.18 %, 13.31 %, 16.44 %). Their slices say why: at 20 layers both nets sit in a
        smooth basin, but the plain nets’ surfaces turn chaotic as depth grows, full of ridges and
        local minima that trap an optimizer, while the ResNets’ stay nearly convex at every depth.
      </p>
      <p>
        Width helps too. On Wide-ResNet-56, whose every layer is k times wider, the no-skip error
        falls from 13.31 % at k = 1 to 10.26 %, 9.69 % and 8.70 % at k = 2, 4 and 8 (with skips:
        5.89 %, 5.07 %, 4.34 %, 3.93 %), and the no-skip slices grow smoother with k. Below is every
        slice shipped with this site on one colour scale: rows by depth and, where the site ships
        Wide-ResNets, by width, then the depth-56 pair trained on larger (14×14) images. Click a
        panel to open it large with its numbers.
      </p>
      <LessonFigureFrame id="skip-grid" />

      <h2>How the slice is made</h2>
      <p>
        A network has hundreds of thousands of weights, so a picture can only show a plane through
        them: the trained weights θ* plus two random directions δ and η, each scaled by a coordinate
        from −1 to 1.
      </p>
      <Formula tex={SLICE} label="The slice: L(alpha, beta) = L(theta* + alpha delta + beta eta)" />
      <p>
        A random direction alone would mislead. Batch normalisation makes a filter’s output blind to
        the filter’s scale, so a step of 0.1 is a large change to a filter of small weights and a
        negligible one to a filter of large weights, and nets with different weight scales would
        look sharper or flatter for no real reason. Filter normalisation gives each filter of the
        direction the norm of the same filter i in θ* (biases and batch-norm parameters are left at
        zero):
      </p>
      <Formula
        tex={FILTER_NORM}
        label="Filter normalisation: each filter of the direction gets the trained filter's norm"
      />
      <p>
        With it, one unit along α or β means a change as large as the weights themselves in every
        filter, and slices of different nets can be compared on the same square.
      </p>

      <h2>How to read a slice</h2>
      <ul>
        <li>
          <strong>Contours and colour.</strong> The contour levels are spaced geometrically in the
          loss, so each band is the same factor higher than the last; side by side, every panel uses
          one colour scale, topped at a loss of {SHARED_LOSS_CEILING} so that one untrained net’s
          enormous walls do not flatten every other panel (the comparison view also offers the
          paper’s linear levels).
        </li>
        <li>
          <strong>Roughness.</strong> The total variation of the log-loss: how much ln L changes, on
          average, per unit step between neighbouring grid points. Working in the logarithm makes it
          blind to the loss’s overall scale.
          <Formula tex={TV} label="Roughness: the mean absolute change of log loss per unit step" />
          Below {SMOOTH_TV} a random slice reads as smooth, unless it is also mostly non-convex (
          {pct(MOSTLY_NON_CONVEX)} or more of it curving downward) with {CHAOTIC_MINIMA} or more
          local minima: slow to vary but irregular everywhere, it reads as chaotic. At {CHAOTIC_TV}{' '}
          or more, or at {SMOOTH_TV} or more with {CHAOTIC_MINIMA} or more local minima, it reads as
          chaotic; between, as steep-walled.
        </li>
        <li>
          <strong>Local minima.</strong> Interior grid points lower than all eight neighbours. A
          convex bowl has one.
        </li>
        <li>
          <strong>Non-convexity.</strong> Li et al. colour each point by the ratio of the Hessian’s
          most negative to its most positive eigenvalue. This site does the same with the 2×2
          Hessian of the slice itself, from finite differences on the grid:
          <Formula
            tex={RATIO}
            label={`The non-convexity ratio r = min(1, |lambda min / lambda max|) where lambda min is negative; a point counts when lambda min < −${CURVATURE_TAU}·|lambda max|`}
          />
          A point counts as non-convex when its downward curvature exceeds {CURVATURE_TAU} times its
          upward one (so round-off on a flat direction does not count), and the facts give the share
          of such points: under {pct(NEARLY_CONVEX)} reads as nearly convex,{' '}
          {pct(MOSTLY_NON_CONVEX)} or more as mostly non-convex.
        </li>
      </ul>
      <p>
        The same slice in 3D makes the walls easy to see; the height is the log of the loss, since a
        slice can span many decades.
      </p>
      <LessonFigureFrame id="skip-slice-3d" />
      <p>
        And here is where it curves downward. Switch the skip connections on in the figure’s
        controls to compare with the ResNet’s map.
      </p>
      <LessonFigureFrame id="skip-curvature" />

      <h2>What our scale can and cannot show</h2>
      <p>
        The paper’s nets are 16 channels wide at their first stage, fully trained on 32×32 colour
        CIFAR-10 images, and sliced on a 51×51 grid. The nets shipped here have the same
        architecture at half the width, run on 7×7 grayscale Fashion-MNIST images so that a browser
        can evaluate them, and are trained for far fewer steps; their slices are coarser. Compare
        the direction of each effect with the paper’s, not its size, and read the numbers under each
        figure, each net’s test accuracy included: a net that has not learned has a slice that says
        little about training. For a finer slice, open a figure in the playground and recompute it
        on your own GPU.
      </p>
    </>
  );
}
