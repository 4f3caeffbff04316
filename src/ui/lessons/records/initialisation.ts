import type { LessonRecord } from '../types';

/** The same deep ReLU net, seed and optimizer from both inits (test/gpu/toyInit.test.ts checks it). */
const NET =
  'toy=spiral&toy.act=relu&toy.layers=20&toy.opt=momentum&toy.lr=0.01&toy.momentum=0.9&toy.steps=600&toy.seed=1';

export const initialisation: LessonRecord = {
  id: 'initialisation',
  number: 12,
  title: 'Initialisation: Xavier vs Kaiming',
  promise: 'The same net from two starting points: loss curves and slices.',
  status: 'ready',
  figures: [
    {
      id: 'init-xavier',
      widget: 'toy',
      query: `${NET}&toy.init=xavier`,
      caption:
        'A 20-layer ReLU network on the spiral, initialised with Xavier’s rule: press Train and watch the loss curve.',
      height: 900,
    },
    {
      id: 'init-kaiming',
      widget: 'toy',
      query: `${NET}&toy.init=kaiming`,
      caption:
        'The same network, seed and optimizer, initialised with Kaiming’s rule: press Train and compare.',
      height: 900,
    },
  ],
  body: () => import('../bodies/InitialisationBody'),
};
