import type { LessonRecord } from '../types';

export const weightDecay: LessonRecord = {
  id: 'weight-decay',
  number: 5,
  title: 'Weight decay: Adam + L2 vs AdamW',
  promise: 'The same decay coefficient does two different things.',
  status: 'ready',
  figures: [
    {
      id: 'adam-l2-vs-adamw',
      widget: 'contour',
      query: 'scene=adam-l2-vs-adamw&3d=0',
      caption: 'Adam with L2 and AdamW, both with λ = 0.1 and lr 0.05, on Rosenbrock’s valley.',
      height: 560,
    },
  ],
  body: () => import('../bodies/WeightDecayBody'),
};
