import type { LessonRecord } from '../types';

export const signUpdates: LessonRecord = {
  id: 'sign-updates',
  number: 6,
  title: 'Sign-based updates: Lion and signSGD',
  promise: 'Every coordinate moves by the same amount: what that buys and what it costs.',
  status: 'ready',
  figures: [
    {
      id: 'sign-sgd-bowl',
      widget: 'contour',
      query: [
        'surface=quadratic&start=-4,1&opt=sgd,signsgd&steps=500',
        'lr.sgd=0.01&momentum.sgd=0&lr.signsgd=0.01&3d=0',
      ].join('&'),
      caption: 'Plain SGD and signSGD at the same lr, 0.01, on a bowl of condition 25.',
      height: 560,
      claims: [
        { racer: 'signsgd', reaches: 1e-4, within: 400 },
        { racer: 'sgd', reaches: 1e-4, notWithin: 500 },
        { racer: 'signsgd', monotone: false },
      ],
    },
    {
      id: 'lion-vs-adamw',
      widget: 'contour',
      query: 'scene=lion-vs-adamw&3d=0',
      caption: 'Lion (lr 0.01, decay 0.1) and AdamW (lr 0.05, decay 0.01) on Rosenbrock’s valley.',
      height: 560,
    },
    {
      id: 'lion-vs-adamw-loss',
      widget: 'loss-curves',
      query: 'scene=lion-vs-adamw&3d=0',
      caption:
        'The same two runs as loss by step: Lion gets low first, then hops at full step size.',
      height: 420,
    },
  ],
  body: () => import('../bodies/SignUpdatesBody'),
};
