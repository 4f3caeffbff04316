import type { Place, Scene } from './sceneSpec';

/*
 * The scenes, in lecture order. Each query sets everything its claims depend on (a racer's
 * momentum too, since the race's SGD defaults to 0.9); the numbers come from the decks where
 * they give one (Distill's α = 0.02, β = 0.99; Lion's lr 3–10× below AdamW's and its decay as
 * much above; warm-up over ~10 % of the steps). Each claim is checked on the real runs by
 * test/state/scenes.test.ts, and the card words the claims themselves.
 */

const ORIGIN: Place = { name: 'the origin', at: [0, 0] };

export const SCENES: readonly Scene[] = [
  {
    id: 'saddle-escape',
    title: 'Escaping a saddle',
    deck: 'Gradient-descent optimizers: saddle points',
    look: 'All start a hair off the ridge of x² − y² (y = 0.001), where the gradient across it is almost nothing. A loss of −1 means a racer has left the saddle: plain SGD grows its tiny y by (1 + 2·lr) a step and lingers, while RMSprop and Adam divide by the gradient’s own size and walk off at once.',
    query:
      'surface=saddle&opt=sgd,adam,rmsprop&steps=400&lr.sgd=0.01&momentum.sgd=0&lr.adam=0.01&lr.rmsprop=0.01',
    claims: [
      { racer: 'rmsprop', reaches: -1, within: 25 },
      { racer: 'adam', reaches: -1, within: 100 },
      { racer: 'sgd', reaches: -1, notWithin: 300 },
      { faster: ['rmsprop', 'adam'], toLoss: -1 },
    ],
  },
  {
    id: 'adagrad-rmsprop-adam',
    title: 'AdaGrad → RMSprop → Adam',
    deck: 'Adaptive optimizers: AdaGrad, RMSprop, Adam',
    look: 'One learning rate (0.05) for all three on Rosenbrock’s valley. AdaGrad sums every squared gradient, so its steps shrink until it stalls; RMSprop forgets old gradients but, with no momentum, rattles across the valley floor; Adam adds momentum and reaches the minimum.',
    query:
      'surface=rosenbrock&opt=adagrad,rmsprop,adam&steps=1000&lr.adagrad=0.05&lr.rmsprop=0.05&lr.adam=0.05',
    claims: [
      { racer: 'adagrad', finalLossAbove: 1 },
      { racer: 'adagrad', monotone: true },
      { racer: 'rmsprop', monotone: false },
      { settlesLower: ['rmsprop', 'adagrad'] },
      { racer: 'adam', finalLossBelow: 1e-3 },
      { settlesLower: ['adam', 'rmsprop'] },
    ],
  },
  {
    id: 'adam-l2-vs-adamw',
    title: 'Adam + L2 vs AdamW',
    deck: 'Adam and AdamW: weight decay, decoupled',
    look: 'The same λ = 0.1 in both. Adam adds λθ to gradients that are far larger here and then divides by √v, so the decay barely counts; AdamW shrinks θ by lr·λ every step, whatever the gradient, so it settles nearer the origin and higher on the loss.',
    query:
      'surface=rosenbrock&opt=adam,adamw&steps=1000&lr.adam=0.05&wd.adam=0.1&lr.adamw=0.05&wd.adamw=0.1',
    claims: [{ nearer: ['adamw', 'adam'], to: ORIGIN }, { settlesLower: ['adam', 'adamw'] }],
  },
  {
    id: 'lion-vs-adamw',
    title: 'Lion vs AdamW',
    deck: 'Lion: evolved sign momentum',
    look: 'Lion steps by the sign of its momentum, so every coordinate moves exactly lr: it runs with a 5× smaller lr and a 10× larger decay than AdamW, as the decks advise. It gets near the minimum first, then keeps hopping around it at full step size while AdamW settles.',
    query:
      'surface=rosenbrock&opt=adamw,lion&steps=1000&lr.adamw=0.05&wd.adamw=0.01&lr.lion=0.01&wd.lion=0.1',
    claims: [
      { faster: ['lion', 'adamw'], toLoss: 1e-2 },
      { racer: 'lion', monotone: false },
      { racer: 'lion', finalLossAbove: 1e-2 },
      { settlesLower: ['adamw', 'lion'] },
    ],
  },
  {
    id: 'newton-curvature',
    title: 'Newton on an ill-conditioned bowl',
    deck: 'New optimizers: Newton and the Hessian',
    look: 'A bowl 100 times steeper one way than the other, turned 45°. SGD’s lr must stay under 2/100 for the steep direction, so it crawls along the shallow one; Adam’s per-coordinate scaling cannot undo the rotation; Newton divides by the Hessian and lands in one step.',
    query:
      'surface=rotated_quadratic&surface.kappa=100&opt=newton,sgd,adam&steps=300&lr.newton=1&lr.sgd=0.019&momentum.sgd=0&lr.adam=0.1',
    claims: [
      { racer: 'newton', reaches: 1e-6, within: 2 },
      { racer: 'sgd', reaches: 1e-3, notWithin: 200 },
      { racer: 'adam', finalLossAbove: 1e-3 },
    ],
  },
  {
    id: 'rotation-preconditioners',
    title: 'Full-matrix preconditioners: Shampoo, SOAP',
    deck: 'Optimizer and LR schedule: SOAP',
    look: 'The same rotated bowl. Adam rescales x and y separately and so cannot see the rotated axes; full-matrix AdaGrad, Shampoo and SOAP keep a 2×2 statistic that can, and go straight down the valley.',
    query:
      'surface=rotated_quadratic&surface.kappa=100&opt=adam,fmadagrad,shampoo,soap&steps=300&lr.adam=0.1&lr.fmadagrad=1&eps.fmadagrad=0.0001&lr.shampoo=1&eps.shampoo=0.0001&lr.soap=0.1',
    claims: [
      { racer: 'fmadagrad', reaches: 1e-6, within: 100 },
      { faster: ['fmadagrad', 'adam'], toLoss: 1e-3 },
      { faster: ['soap', 'adam'], toLoss: 1e-3 },
      { racer: 'shampoo', finalLossBelow: 1e-5 },
      { racer: 'adam', finalLossAbove: 1e-3 },
    ],
  },
];

/** The scene with this id, if any. */
export const sceneById = (id: string): Scene | undefined => SCENES.find((s) => s.id === id);
