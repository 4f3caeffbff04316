import type { LessonRecord } from '../types';

export const largeBatch: LessonRecord = {
  id: 'large-batch',
  number: 11,
  title: 'Large-batch optimizers: LARS and LAMB',
  promise: 'Trust ratios: a step size per layer from the weights and the gradient.',
  status: 'ready',
  figures: [
    {
      id: 'trust-ratio-scale',
      widget: 'race',
      query: 'scene=trust-ratio-scale&3d=0',
      caption:
        'SGD at lr 0.05, LARS and LAMB on a bowl 100 times steeper across than along: SGD blows up.',
      height: 640,
    },
    {
      id: 'trust-ratio-origin',
      widget: 'race',
      query: 'scene=trust-ratio-origin&3d=0',
      caption: 'LARS, LAMB and Adam on Rosenbrock, whose minimum (1, 1) is away from the origin.',
      height: 640,
    },
  ],
  body: () => import('../bodies/LargeBatchBody'),
};
