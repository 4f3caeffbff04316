import type { LessonRecord } from '../types';

export const momentum: LessonRecord = {
  id: 'momentum',
  number: 2,
  title: 'Momentum and Nesterov',
  promise: 'Why a heavy ball overshoots, and why it still wins on an ill-conditioned bowl.',
  status: 'ready',
  figures: [
    {
      id: 'momentum-bowl',
      widget: 'contour',
      query: 'scene=momentum-distill&3d=0',
      caption:
        'A bowl 100 times steeper across than along, at step size 0.02: no momentum, momentum 0.9 and 0.99.',
      height: 560,
    },
    {
      id: 'momentum-bowl-loss',
      widget: 'loss-curves',
      query: 'scene=momentum-distill&3d=0',
      caption:
        'The same three runs as loss by step: a flat line, a steady fall, and a ringing one.',
      height: 420,
    },
    {
      id: 'momentum-nesterov',
      widget: 'contour',
      query: 'scene=nesterov&3d=0',
      caption:
        'Classical momentum and Nesterov momentum, both 0.9 at lr 0.02, on a bowl of condition 25.',
      height: 560,
    },
  ],
  body: () => import('../bodies/MomentumBody'),
};
