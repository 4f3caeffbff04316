import type { LessonRecord } from '../types';

/** SGD with momentum 0.9 and Adam for 300 steps on Rosenbrock, from its usual start. */
const RACE = 'surface=rosenbrock&start=-1.5,2&opt=sgd,adam&steps=300&momentum.sgd=0.9&3d=0';

/** What the Tune panel runs: 20 trials × 300 steps each, successive halving, final loss, seed 1. */
export const FAIR_TUNE = 'tune=20,300,halving,final,1&tune.target=0.01';

export const fairComparisons: LessonRecord = {
  id: 'fair-comparisons',
  number: 13,
  title: 'Fair comparisons',
  promise: 'Tune every optimizer on the same budget before you race them.',
  status: 'ready',
  figures: [
    {
      id: 'fair-table-lrs',
      widget: 'race',
      query: `${RACE}&lr.sgd=0.01&lr.adam=0.001`,
      caption:
        'SGD with momentum at lr 0.01 and Adam at lr 0.001, values from the decks’ table of typical ranges.',
      height: 640,
      claims: [
        { racer: 'sgd', diverges: true },
        { racer: 'adam', finalLossAbove: 1 },
      ],
    },
    {
      id: 'fair-tuned',
      widget: 'race',
      query: `${RACE}&lr.sgd=0.001332&lr.adam=0.9534&${FAIR_TUNE}`,
      caption:
        'The same race at the learning rates the Tune panel finds for each with one budget and one criterion.',
      height: 900,
      controls: 'full',
      claims: [
        { racer: 'sgd', finalLossBelow: 0.01 },
        { racer: 'adam', finalLossBelow: 0.01 },
        { faster: ['adam', 'sgd'], toLoss: 0.01 },
      ],
    },
  ],
  body: () => import('../bodies/FairComparisonsBody'),
};
