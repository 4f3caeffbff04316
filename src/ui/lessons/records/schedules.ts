import type { LessonRecord } from '../types';
import { racerLabel } from './racerLabel';

/** Four racers at lr 0.05 on the default bowl, each under its own schedule (the race's defaults). */
const scheduled = (racers: readonly (readonly [string, string])[]) =>
  [
    `surface=quadratic&start=-4,1&opt=${racers.map((_, i) => (i ? `sgd-${i + 1}` : 'sgd')).join(',')}`,
    'steps=300&lraxis=linear&3d=0',
    ...racers.map(([sched, text], i) => {
      const key = i ? `sgd-${i + 1}` : 'sgd';
      return `lr.${key}=0.05&sched.${key}=${sched}&${racerLabel(key, text)}`;
    }),
  ].join('&');

export const schedules: LessonRecord = {
  id: 'schedules',
  number: 8,
  title: 'Learning-rate schedules and the range test',
  promise: 'Step, cosine, warm-up, one-cycle, restarts, and how to find the learning rate.',
  status: 'ready',
  figures: [
    {
      id: 'schedule-decays',
      widget: 'schedule',
      query: scheduled([
        ['step', 'Step (×0.5 every 100)'],
        ['multistep', 'Multi-step (×0.3 at 100, 200)'],
        ['exponential', 'Exponential (to 1 %)'],
        ['cosine', 'Cosine (to 0)'],
      ]),
      caption: 'Four ways to lower the learning rate from 0.05 over 300 steps.',
      height: 360,
    },
    {
      id: 'schedule-cycles',
      widget: 'schedule',
      query: scheduled([
        ['linear', 'Linear warm-up (30 steps)'],
        ['onecycle', 'One-cycle'],
        ['cyclic', 'Cyclic (triangular)'],
        ['warmrestarts', 'Warm restarts (every 75)'],
      ]),
      caption: 'Schedules that raise the learning rate too: warm-up, one-cycle, cyclic, restarts.',
      height: 360,
    },
    {
      id: 'schedules-race',
      widget: 'loss-curves',
      query: 'scene=schedules&3d=0',
      caption: 'Noisy SGD at lr 0.05: constant, step decay, cosine and one-cycle.',
      height: 420,
    },
    {
      id: 'schedules-warmup',
      widget: 'race',
      query: 'scene=warmup&3d=0',
      caption: 'SGD with momentum on Rosenbrock at lr 0.003, with and without a 50-step warm-up.',
      height: 640,
    },
    {
      id: 'schedules-plateau',
      widget: 'loss-curves',
      query: 'scene=plateau&3d=0',
      caption: 'Noisy SGD at a constant lr and under ReduceLROnPlateau with patience 5 and 20.',
      height: 420,
    },
    {
      id: 'lr-range-test',
      widget: 'race',
      query:
        'surface=quadratic&start=-4,1&opt=sgd&steps=300&batch=16&noise=3&lr.sgd=0.01&momentum.sgd=0&3d=0',
      caption:
        'Noisy SGD on the bowl of condition 25, with the race’s controls: “Find the learning rate” runs the range test.',
      height: 900,
      controls: 'full',
    },
  ],
  body: () => import('../bodies/SchedulesBody'),
};
