import type { LessonRecord } from '../types';

/** Adam at one lr with three ε; its label names each, so the legend and the sentences agree. */
const EPSILON_QUERY = [
  'surface=quadratic&start=-4,1&opt=adam,adam-2,adam-3&steps=300',
  'lr.adam=0.05&label.adam=%CE%B5+%3D+1e-8+(default)',
  'lr.adam-2=0.05&eps.adam-2=1&label.adam-2=%CE%B5+%3D+1',
  'lr.adam-3=0.05&eps.adam-3=10&label.adam-3=%CE%B5+%3D+10',
].join('&');

export const adaptive: LessonRecord = {
  id: 'adaptive',
  number: 4,
  title: 'AdaGrad → RMSprop → Adam',
  promise: 'Per-coordinate step sizes, bias correction, and what ε really does.',
  status: 'ready',
  figures: [
    {
      id: 'adaptive-rosenbrock',
      widget: 'contour',
      query: 'scene=adagrad-rmsprop-adam&3d=0',
      caption:
        'AdaGrad, RMSprop and Adam at one learning rate, 0.05, in Rosenbrock’s curved valley.',
      height: 560,
    },
    {
      id: 'adaptive-rosenbrock-loss',
      widget: 'loss-curves',
      query: 'scene=adagrad-rmsprop-adam&3d=0',
      caption:
        'The same three runs as loss by step: AdaGrad levels off, RMSprop rattles, Adam descends.',
      height: 420,
    },
    {
      id: 'adam-epsilon',
      widget: 'loss-curves',
      query: EPSILON_QUERY,
      caption:
        'Adam at lr 0.05 on a bowl with ε = 10⁻⁸, 1 and 10: a large ε turns it back into slow SGD.',
      height: 420,
      claims: [
        { racer: 'adam', finalLossBelow: 1e-9 },
        { faster: ['adam', 'adam-2'], toLoss: 1e-4 },
        { racer: 'adam-2', finalLossAbove: 1e-6 },
        { racer: 'adam-3', finalLossAbove: 0.1 },
      ],
    },
  ],
  body: () => import('../bodies/AdaptiveBody'),
};
