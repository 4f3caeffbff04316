/**
 * Ready-made trainability maps: each a spec (as parseMapSpec reads it), the colour mode that
 * shows it best, and a sentence or two on what to look for. Sized for a browser on WASM (a few
 * seconds to a few tens of seconds); the CLI and a zoom recompute them at any size.
 * test/core/map/mapPresets.test.ts parses every one and checks what its blurb claims.
 */
import type { MapColourMode } from './mapColours';

export interface MapPreset {
  id: string;
  title: string;
  blurb: string;
  mode: MapColourMode;
  /** Raw JSON for parseMapSpec. */
  spec: Record<string, unknown>;
}

export const MAP_PRESETS: readonly MapPreset[] = [
  {
    id: 'momentum-bowl',
    title: 'Learning rate × momentum on the ill-conditioned bowl',
    blurb:
      'SGD with heavy-ball momentum on ½(x² + 25y²). Gradient descent is stable only below lr = 2(1 + μ)/κ, so the red wall leans right as μ grows; the deepest blue, the fastest runs, sits just left of it, and at high μ the runs ring for longer.',
    mode: 'status',
    spec: {
      surface: 'quadratic',
      optimizer: 'sgd',
      steps: 200,
      tol: 1e-4,
      x: { key: 'lr', min: 1e-3, max: 1, log: true, n: 128 },
      y: { key: 'momentum', min: 0, max: 0.999, n: 128 },
    },
  },
  {
    id: 'adam-betas',
    title: 'Adam: learning rate × β₁ on Rosenbrock',
    blurb:
      'Adam divides each step by a running RMS of the gradient, so a large learning rate rarely blows up as it does for SGD; what β₁ changes is how well the runs follow the curved valley. Coloured by final loss: the pocket that reaches the minimum within 400 steps is small and ragged.',
    mode: 'loss',
    spec: {
      surface: 'rosenbrock',
      optimizer: 'adam',
      steps: 400,
      tol: 1e-2,
      x: { key: 'lr', min: 1e-3, max: 3, log: true, n: 128 },
      y: { key: 'beta1', min: 0, max: 0.999, n: 128 },
    },
  },
  {
    id: 'batch-noise',
    title: 'Learning rate × batch size with minibatch noise',
    blurb:
      'SGD on the bowl as a finite sum of 256 noisy terms. The stability wall does not move with the batch size, but a minibatch run ends bouncing in a noise floor that grows with lr/B: as the batch shrinks (down the map), the fastest runs, just left of the wall, are the first to stay above the tolerance.',
    mode: 'status',
    spec: {
      surface: 'quadratic',
      optimizer: 'sgd',
      steps: 200,
      tol: 1e-3,
      batch: { samples: 256, noise: 4, seed: 0 },
      x: { key: 'lr', min: 1e-3, max: 1, log: true, n: 128 },
      y: { key: 'batch', min: 1, max: 256, log: true, n: 64 },
    },
  },
  {
    id: 'starts',
    title: 'Where you start: Himmelblau from every point',
    blurb:
      'SGD (lr 0.02, momentum 0.5) from each start in the square. Most starts reach one of the four minima; near the edge the walls are steep enough to throw the run out, and the boundary between the two is ragged, with islands of divergence inside.',
    mode: 'status',
    spec: {
      surface: 'himmelblau',
      optimizer: 'sgd',
      hp: { lr: 0.02, momentum: 0.5 },
      steps: 200,
      tol: 1e-4,
      x: { key: 'x0', min: -6, max: 6, n: 128 },
      y: { key: 'y0', min: -6, max: 6, n: 128 },
    },
  },
  {
    id: 'mlp-fractal',
    title: 'A small network: one learning rate per layer (Sohl-Dickstein 2024)',
    blurb:
      'A one-hidden-layer tanh network (16 units, 16 examples) trained full-batch, with its own learning rate for each layer. Above the boundary training blows up; below it, it converges. Zoom into the boundary and it stays ragged at every scale: the paper found it fractal over more than ten decades.',
    mode: 'status',
    spec: {
      kind: 'mlp',
      width: 16,
      inputs: 16,
      examples: 16,
      seed: 0,
      steps: 200,
      tol: 1e-3,
      x: { key: 'lr1', min: 0.1, max: 1000, log: true, n: 64 },
      y: { key: 'lr2', min: 0.1, max: 1000, log: true, n: 64 },
    },
  },
];

export const findMapPreset = (id: string): MapPreset | undefined =>
  MAP_PRESETS.find((p) => p.id === id);
