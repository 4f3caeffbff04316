import type { LessonRecord } from '../types';

export const learningRate: LessonRecord = {
  id: 'learning-rate',
  number: 1,
  title: 'The learning rate',
  promise: 'Too small, just right, too large, NaN: one number decides whether a run converges.',
  status: 'ready',
  figures: [
    {
      id: 'lr-sizes',
      widget: 'contour',
      query: 'scene=lr-sizes&3d=0',
      caption: 'Plain SGD on the same bowl at four learning rates: 0.001, 0.05, 0.085 and 0.5.',
      height: 560,
    },
    {
      id: 'lr-sizes-loss',
      widget: 'loss-curves',
      query: 'scene=lr-sizes&3d=0',
      caption:
        'The same four runs as loss by step: a slow fall, a fast one, growth, and a cut-off.',
      height: 420,
    },
  ],
  body: () => import('../bodies/LearningRateBody'),
};
