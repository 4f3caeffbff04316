import type { LessonRecord } from '../types';

export const saddlePoints: LessonRecord = {
  id: 'saddle-points',
  number: 3,
  title: 'Saddle points',
  promise: 'Which optimizers leave a saddle, and how fast.',
  status: 'ready',
  figures: [
    {
      id: 'saddle-escape',
      widget: 'contour',
      query: 'scene=saddle-escape&3d=0',
      caption:
        'SGD, SGD with momentum, RMSprop and Adam, all at lr 0.01, starting a hair off the ridge of x² − y².',
      height: 560,
    },
    {
      id: 'saddle-escape-loss',
      widget: 'loss-curves',
      query: 'scene=saddle-escape&3d=0',
      caption:
        'The same four runs as loss by step: a loss of −1 means the racer has left the saddle.',
      height: 420,
    },
  ],
  body: () => import('../bodies/SaddlePointsBody'),
};
