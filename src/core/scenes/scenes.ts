import { SURFACES } from '../surfaces/registry';
import type { Place, Scene } from './sceneSpec';

/*
 * The scenes, in lecture order. Each query sets everything its claims depend on: the start
 * (though it is the surface's own), and a racer's momentum too, since the race's SGD defaults
 * to 0.9. The numbers come from the decks where they give one (Distill's α = 0.02, β = 0.99;
 * Lion's lr 3–10× below AdamW's and its decay as much above; warm-up over ~10 % of the steps).
 * Each claim is checked on the real runs by test/state/scenes.test.ts, and the card words the
 * claims themselves.
 */

const ORIGIN: Place = { name: 'the origin', at: [0, 0] };
// The sharp_flat surface lists its sharp minimum first.
const [sharpAt, flatAt] = SURFACES.find((q) => q.id === 'sharp_flat')!.create({}).minima;
const SHARP: Place = { name: 'the sharp minimum', at: [sharpAt[0], sharpAt[1]] };
const FLAT: Place = { name: 'the flat minimum', at: [flatAt[0], flatAt[1]] };

/** A racer's link label, so that the legend and the card's sentences agree. */
const label = (key: string, text: string) =>
  `label.${key}=${encodeURIComponent(text).replace(/%20/g, '+')}`;
/** Plain SGD: the race's SGD defaults to momentum 0.9, so a scene says 0 where it means none. */
const sgd = (key: string, lr: number, more = '') =>
  `lr.${key}=${lr}&momentum.${key}=0${more ? `&${more}` : ''}`;

export const SCENES: readonly Scene[] = [
  {
    id: 'lr-sizes',
    title: 'Learning rate: too small, right, too large, NaN',
    deck: 'Advanced Training: the size of the learning rate',
    look: 'Plain SGD on a bowl whose steep side has curvature 25, so any lr above 2/25 = 0.08 overshoots further on every step. At 0.001 it barely moves, at 0.05 it converges, at 0.085 its loss grows without bound, and at 0.5 it overflows and the run stops.',
    query: [
      'surface=quadratic&start=-4,1&opt=sgd,sgd-2,sgd-3,sgd-4&steps=300',
      sgd('sgd', 0.001, label('sgd', 'lr 0.001 (too small)')),
      sgd('sgd-2', 0.05, label('sgd-2', 'lr 0.05 (right)')),
      sgd('sgd-3', 0.085, label('sgd-3', 'lr 0.085 (too large)')),
      sgd('sgd-4', 0.5, label('sgd-4', 'lr 0.5 (NaN)')),
    ].join('&'),
    claims: [
      { racer: 'sgd', finalLossAbove: 1 },
      { racer: 'sgd-2', finalLossBelow: 1e-9 },
      { racer: 'sgd-3', finalLossAbove: 1000 },
      { racer: 'sgd-4', diverges: true },
    ],
  },
  {
    id: 'momentum-distill',
    title: 'Momentum on an ill-conditioned bowl',
    deck: 'Optimized Deep Learning: why momentum works (Distill, α = 0.02, β = 0.99)',
    look: 'A bowl 100 times steeper across than along, and Distill’s step size 0.02, exactly 2/100: plain SGD bounces between the walls for ever. Momentum 0.9 damps the bounce and slides down the valley; Distill’s β = 0.99 overshoots again and again and is still ringing after 300 steps.',
    query: [
      'surface=quadratic&start=-4,1&surface.kappa=100&opt=sgd,sgd-2,sgd-3&steps=300',
      sgd('sgd', 0.02, label('sgd', 'No momentum')),
      `lr.sgd-2=0.02&momentum.sgd-2=0.9&${label('sgd-2', 'Momentum 0.9')}`,
      `lr.sgd-3=0.02&momentum.sgd-3=0.99&${label('sgd-3', 'Momentum 0.99 (Distill)')}`,
    ].join('&'),
    claims: [
      { racer: 'sgd', finalLossAbove: 10 },
      { racer: 'sgd-2', finalLossBelow: 1e-9 },
      { racer: 'sgd-3', monotone: false },
      { racer: 'sgd-3', finalLossAbove: 0.1 },
    ],
  },
  {
    id: 'nesterov',
    title: 'Nesterov vs classical momentum',
    deck: 'Gradient-descent optimizers: momentum and Nesterov',
    look: 'The same lr (0.02) and momentum (0.9) on a bowl of condition 25. Nesterov takes the gradient where momentum is about to carry it, so it brakes before it overshoots and reaches the bottom sooner.',
    query: [
      'surface=quadratic&start=-4,1&opt=sgd,sgd-2&steps=300',
      `lr.sgd=0.02&momentum.sgd=0.9&${label('sgd', 'Momentum 0.9')}`,
      `lr.sgd-2=0.02&momentum.sgd-2=0.9&nesterov.sgd-2=true&${label('sgd-2', 'Nesterov 0.9')}`,
    ].join('&'),
    claims: [
      { faster: ['sgd-2', 'sgd'], toLoss: 1e-6 },
      { racer: 'sgd', finalLossBelow: 1e-9 },
      { racer: 'sgd-2', finalLossBelow: 1e-9 },
    ],
  },
  {
    id: 'saddle-escape',
    title: 'Escaping a saddle',
    deck: 'Gradient-descent optimizers: saddle points',
    look: 'All start a hair off the ridge of x² − y² (y = 0.001), where the gradient across it is almost nothing. A loss of −1 means a racer has left the saddle: plain SGD grows its tiny y by (1 + 2·lr) a step and lingers; momentum compounds that growth, and RMSprop and Adam divide by the gradient’s own size and walk off at once.',
    query: [
      'surface=saddle&start=-1,0.001&opt=sgd,sgd-2,adam,rmsprop&steps=400',
      sgd('sgd', 0.01, label('sgd', 'SGD')),
      `lr.sgd-2=0.01&momentum.sgd-2=0.9&${label('sgd-2', 'SGD + momentum 0.9')}`,
      'lr.adam=0.01&lr.rmsprop=0.01',
    ].join('&'),
    claims: [
      { racer: 'rmsprop', reaches: -1, within: 25 },
      { racer: 'adam', reaches: -1, within: 100 },
      { racer: 'sgd-2', reaches: -1, within: 100 },
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
      'surface=rosenbrock&start=-1.5,2&opt=adagrad,rmsprop,adam&steps=1000&lr.adagrad=0.05&lr.rmsprop=0.05&lr.adam=0.05',
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
    look: 'The same λ = 0.1 in both. Adam + L2 adds λθ to the gradient, so it settles where loss + ½λ‖θ‖² is least; AdamW takes lr·λ·θ off after each step Adam has normalised (to about lr a coordinate), and here that leaves it nearer the origin and higher on the loss.',
    query:
      'surface=rosenbrock&start=-1.5,2&opt=adam,adamw&steps=1000&lr.adam=0.05&wd.adam=0.1&lr.adamw=0.05&wd.adamw=0.1',
    claims: [{ nearer: ['adamw', 'adam'], to: ORIGIN }, { settlesLower: ['adam', 'adamw'] }],
  },
  {
    id: 'lion-vs-adamw',
    title: 'Lion vs AdamW',
    deck: 'Lion: evolved sign momentum',
    look: 'Lion steps by the sign of its momentum, so every coordinate moves exactly lr: it runs with a 5× smaller lr and a 10× larger decay than AdamW, as the decks advise. It gets near the minimum first, then keeps hopping around it at full step size while AdamW settles.',
    query:
      'surface=rosenbrock&start=-1.5,2&opt=adamw,lion&steps=1000&lr.adamw=0.05&wd.adamw=0.01&lr.lion=0.01&wd.lion=0.1',
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
      'surface=rotated_quadratic&start=-4,-3&surface.kappa=100&opt=newton,sgd,adam&steps=300&lr.newton=1&lr.sgd=0.019&momentum.sgd=0&lr.adam=0.1',
    claims: [
      { racer: 'newton', reaches: 1e-6, within: 2 },
      { racer: 'sgd', reaches: 1e-3, notWithin: 200 },
      { racer: 'adam', finalLossAbove: 1e-3 },
    ],
  },
  {
    id: 'newton-saddle',
    title: 'Newton at a saddle: uphill, then saddle-free',
    deck: 'New optimizers: Newton, and Sophia’s clipping',
    look: 'On x² − y² the Hessian has one negative eigenvalue, so Newton’s step −H⁻¹g heads for the critical point whatever its kind and lands on the saddle in one step. Saddle-free Newton divides by |H| and doubles its distance from the ridge every step, while Sophia, whose curvature estimate is floored at 0 there, clips its step to lr and walks off at that constant speed.',
    query:
      'surface=saddle&start=-1,0.001&opt=newton,sfnewton,sophia&steps=30&lr.newton=1&lr.sfnewton=1&lr.sophia=0.1',
    claims: [
      { racer: 'newton', finalLossAbove: -1e-9 },
      { racer: 'newton', reaches: -1, notWithin: 30 },
      { racer: 'sfnewton', reaches: -1, within: 12 },
      { racer: 'sophia', reaches: -1, within: 15 },
      { faster: ['sfnewton', 'sophia'], toLoss: -10 },
    ],
  },
  {
    id: 'rotation-preconditioners',
    title: 'Full-matrix preconditioners: Shampoo, SOAP',
    deck: 'Optimizer and LR schedule: SOAP',
    look: 'The same rotated bowl. Adam rescales x and y separately and so cannot see the rotated axes; full-matrix AdaGrad, Shampoo and SOAP keep a 2×2 statistic that can, and go straight down the valley.',
    query:
      'surface=rotated_quadratic&start=-4,-3&surface.kappa=100&opt=adam,fmadagrad,shampoo,soap&steps=300&lr.adam=0.1&lr.fmadagrad=1&eps.fmadagrad=0.0001&lr.shampoo=1&eps.shampoo=0.0001&lr.soap=0.1',
    claims: [
      { racer: 'fmadagrad', reaches: 1e-6, within: 100 },
      { faster: ['fmadagrad', 'adam'], toLoss: 1e-3 },
      { faster: ['soap', 'adam'], toLoss: 1e-3 },
      { racer: 'shampoo', finalLossBelow: 1e-5 },
      { racer: 'adam', finalLossAbove: 1e-3 },
    ],
  },
  {
    id: 'sharp-flat-lr',
    title: 'Sharp vs flat minimum: the learning rate',
    deck: 'Optimized Deep Learning: flat and sharp minima',
    look: 'Two minima of exactly the same loss, one with curvature ≈ 11 and one ≈ 1. From the same start, lr 0.1 settles in the nearby sharp one; lr 1 is unstable there (above 2/11) and is thrown out to the flat one, where it is stable.',
    query: [
      'surface=sharp_flat&start=-3.5,1&opt=sgd,sgd-2&steps=500',
      sgd('sgd', 0.1, label('sgd', 'lr 0.1')),
      sgd('sgd-2', 1, label('sgd-2', 'lr 1')),
    ].join('&'),
    claims: [
      { racer: 'sgd', endsNearer: SHARP, than: FLAT },
      { racer: 'sgd-2', endsNearer: FLAT, than: SHARP },
    ],
  },
  {
    id: 'sharp-flat-batch',
    title: 'Sharp vs flat minimum: the batch size',
    deck: 'Optimized Deep Learning: large batches and sharp minima',
    look: 'The same lr 0.1 for all, with minibatch noise on a sum of 256 samples. The full batch and a batch of 16 stay in the sharp minimum; a batch of 4 is noisy enough to be kicked out of it and ends in the wide, flat one.',
    query: [
      'surface=sharp_flat&start=-3.5,1&opt=sgd,sgd-2,sgd-3&steps=1000&noise=5',
      sgd('sgd', 0.1, label('sgd', 'Full batch')),
      sgd('sgd-2', 0.1, `batch.sgd-2=16&${label('sgd-2', 'Batch 16')}`),
      sgd('sgd-3', 0.1, `batch.sgd-3=4&${label('sgd-3', 'Batch 4')}`),
    ].join('&'),
    claims: [
      { racer: 'sgd', endsNearer: SHARP, than: FLAT },
      { racer: 'sgd-2', endsNearer: SHARP, than: FLAT },
      { racer: 'sgd-3', endsNearer: FLAT, than: SHARP },
    ],
  },
  {
    id: 'trust-ratio-scale',
    title: 'LARS and LAMB: a step sized by ‖θ‖, not by the gradient',
    deck: 'Optimized Deep Learning: large-batch optimizers, LARS and LAMB',
    look: 'A bowl 100 times steeper across than along: plain SGD at lr 0.05 is above 2/100 and blows up. LARS and LAMB divide by the gradient’s norm and multiply by the weights’ (the trust ratio), so each step is a fixed fraction of ‖θ‖ however steep the wall, and both reach the minimum.',
    query: [
      'surface=quadratic&start=-4,1&surface.kappa=100&opt=sgd,lars,lamb&steps=300',
      sgd('sgd', 0.05),
      'lr.lars=1&momentum.lars=0.9&trust_coefficient.lars=0.01&lr.lamb=0.1',
    ].join('&'),
    claims: [
      { racer: 'sgd', diverges: true },
      { racer: 'lars', finalLossBelow: 1e-6 },
      { racer: 'lamb', finalLossBelow: 1e-6 },
    ],
  },
  {
    id: 'trust-ratio-origin',
    title: 'The trust ratio on a surface: ‖θ‖ is the distance from the origin',
    deck: 'Optimized Deep Learning: large-batch optimizers, LARS and LAMB',
    look: 'On Rosenbrock the minimum is at (1, 1), not at the origin. LAMB’s step is lr·‖θ‖, so when its path passes near (0, 0) its steps shrink with ‖θ‖ and it stalls there; LARS’s steps stay in proportion to ‖θ‖ ≈ √2 at the minimum, so it keeps hopping about it; Adam, blind to ‖θ‖, gets there.',
    query:
      'surface=rosenbrock&start=-1.5,2&opt=lars,lamb,adam&steps=1000&lr.lars=1&momentum.lars=0.9&trust_coefficient.lars=0.01&lr.lamb=0.02&lr.adam=0.05',
    claims: [
      { racer: 'lamb', finalLossAbove: 0.5 },
      { nearer: ['lamb', 'adam'], to: ORIGIN },
      { racer: 'lars', monotone: false },
      { racer: 'adam', finalLossBelow: 1e-3 },
      { settlesLower: ['adam', 'lars'] },
    ],
  },
  {
    id: 'batch-noise',
    title: 'Minibatch noise as the batch shrinks',
    deck: 'Gradient-descent optimizers: learning rate vs batch size',
    look: 'SGD at lr 0.05 on a bowl whose gradient is a sum over 256 samples. The full batch slides exactly to the minimum; each smaller batch adds more noise to the gradient and settles on a higher floor, where the noise balances the pull to the bottom.',
    query: [
      'surface=quadratic&start=-4,1&opt=sgd,sgd-2,sgd-3,sgd-4&steps=300&noise=3',
      sgd('sgd', 0.05, label('sgd', 'Full batch (256)')),
      sgd('sgd-2', 0.05, `batch.sgd-2=64&${label('sgd-2', 'Batch 64')}`),
      sgd('sgd-3', 0.05, `batch.sgd-3=16&${label('sgd-3', 'Batch 16')}`),
      sgd('sgd-4', 0.05, `batch.sgd-4=4&${label('sgd-4', 'Batch 4')}`),
    ].join('&'),
    claims: [
      { racer: 'sgd', finalLossBelow: 1e-9 },
      { settlesLower: ['sgd', 'sgd-2'] },
      { settlesLower: ['sgd-2', 'sgd-3'] },
      { settlesLower: ['sgd-3', 'sgd-4'] },
    ],
  },
  {
    id: 'warmup',
    title: 'Warm-up',
    deck: 'Optimizer and LR schedule: warm-up',
    look: 'SGD with momentum 0.9 at lr 0.003 on Rosenbrock: on the steep wall where it starts, full-size steps blow up within ten steps. The same lr reached by a linear warm-up from 1 % over the first 50 steps (10 % of the run, as the decks advise) first finds the valley, then converges.',
    query: [
      'surface=rosenbrock&start=-1.5,2&opt=sgd,sgd-2&steps=500',
      `lr.sgd=0.003&momentum.sgd=0.9&${label('sgd', 'No warm-up')}`,
      'lr.sgd-2=0.003&momentum.sgd-2=0.9',
      'sched.sgd-2=linear&sched.sgd-2.start_factor=0.01&sched.sgd-2.total_iters=50',
      label('sgd-2', 'Warm-up over 50 steps'),
    ].join('&'),
    claims: [
      { racer: 'sgd', diverges: true },
      { racer: 'sgd-2', finalLossBelow: 1e-6 },
    ],
  },
  {
    id: 'schedules',
    title: 'Step vs cosine vs one-cycle',
    deck: 'Optimizer and LR schedule: step, cosine, one-cycle',
    look: 'Noisy SGD (batches of 4 of 256) at lr 0.05: at a constant lr the noise holds it on a floor, while step decay (halving every 100 steps) and cosine (down to zero) settle lower. One-cycle warms up for its first 30 % and cycles momentum between 0.85 and 0.95, and on this small bowl ends above cosine.',
    query: [
      'surface=quadratic&start=-4,1&opt=sgd,sgd-2,sgd-3,sgd-4&steps=300&batch=4&noise=3',
      sgd('sgd', 0.05, label('sgd', 'Constant')),
      sgd('sgd-2', 0.05, `sched.sgd-2=step&${label('sgd-2', 'Step (halves every 100)')}`),
      sgd('sgd-3', 0.05, `sched.sgd-3=cosine&${label('sgd-3', 'Cosine')}`),
      sgd('sgd-4', 0.05, `sched.sgd-4=onecycle&${label('sgd-4', 'One-cycle')}`),
    ].join('&'),
    claims: [
      { settlesLower: ['sgd-2', 'sgd'] },
      { settlesLower: ['sgd-3', 'sgd-2'] },
      { settlesLower: ['sgd-3', 'sgd-4'] },
    ],
  },
  {
    id: 'plateau',
    title: 'Reduce on plateau: patience against noise',
    deck: 'Optimizer and LR schedule: reduce on plateau',
    look: 'The same noisy SGD as in the schedules scene, with ReduceLROnPlateau halving the lr after `patience` steps without a new best loss. With patience 5 the minibatch noise alone looks like a plateau, so it halves the lr again and again while still far from the bottom and freezes there; patience 20 waits until the loss really stops falling and ends lowest of the three.',
    query: [
      'surface=quadratic&start=-4,1&opt=sgd,sgd-2,sgd-3&steps=300&batch=4&noise=3',
      sgd('sgd', 0.05, label('sgd', 'Constant')),
      sgd(
        'sgd-2',
        0.05,
        `sched.sgd-2=plateau&sched.sgd-2.patience=5&${label('sgd-2', 'Plateau, patience 5')}`,
      ),
      sgd(
        'sgd-3',
        0.05,
        `sched.sgd-3=plateau&sched.sgd-3.patience=20&${label('sgd-3', 'Plateau, patience 20')}`,
      ),
    ].join('&'),
    claims: [{ settlesLower: ['sgd-3', 'sgd'] }, { settlesLower: ['sgd-3', 'sgd-2'] }],
  },
];

/** The scene with this id, if any. */
export const sceneById = (id: string): Scene | undefined => SCENES.find((s) => s.id === id);
