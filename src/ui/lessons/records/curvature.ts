import type { LessonRecord } from '../types';

export const curvature: LessonRecord = {
  id: 'curvature',
  number: 7,
  title: 'Curvature: Newton and Sophia',
  promise: 'Using the Hessian: one step to the bottom of a bowl, and uphill at a saddle.',
  status: 'ready',
  figures: [
    {
      id: 'newton-bowl',
      widget: 'race',
      query: 'scene=newton-curvature&3d=0',
      caption:
        'Newton, SGD and Adam on a bowl 100 times steeper one way than the other, turned 45°.',
      height: 640,
    },
    {
      id: 'newton-saddle',
      widget: 'race',
      query: 'scene=newton-saddle&3d=0',
      caption:
        'Newton, saddle-free Newton and Sophia started a hair off the ridge of the saddle x² − y².',
      height: 640,
    },
  ],
  body: () => import('../bodies/CurvatureBody'),
};
