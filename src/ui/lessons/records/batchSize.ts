import type { LessonRecord } from '../types';

/** Plain SGD at lr 0.05 on the default bowl, with minibatch noise on a sum of 256 samples. */
const NOISY_SGD =
  'surface=quadratic&start=-4,1&opt=sgd&steps=300&noise=3&lr.sgd=0.05&momentum.sgd=0&3d=0';

export const batchSize: LessonRecord = {
  id: 'batch-size',
  number: 9,
  title: 'Batch size',
  promise: 'Gradient noise, linear vs √ scaling, batch-size schedules, sharp vs flat minima.',
  status: 'ready',
  figures: [
    {
      id: 'batch-noise',
      widget: 'race',
      query: 'scene=batch-noise&3d=0',
      caption: 'SGD at lr 0.05 with the full batch of 256 and with batches of 64, 16 and 4.',
      height: 640,
    },
    {
      id: 'batch-scaling-rule',
      widget: 'race',
      query: `${NOISY_SGD}&batch=16&batch.rule=sqrt`,
      caption:
        'Noisy SGD at batch 16 with the √ rule on: move the batch slider and the lr follows; the critical batch size is beside it.',
      height: 900,
      controls: 'full',
    },
    {
      id: 'batch-schedule',
      widget: 'race',
      query: `${NOISY_SGD}&batch=4&batch.at=100,200&batch.factor=4`,
      caption: 'Noisy SGD whose batch grows from 4 to 16 to 64 at steps 100 and 200.',
      height: 900,
      controls: 'full',
    },
    {
      id: 'sharp-flat-batch',
      widget: 'race',
      query: 'scene=sharp-flat-batch&3d=0',
      caption:
        'SGD at lr 0.1 on two minima of equal loss, one sharp, one flat: batch 256, 16 and 4.',
      height: 640,
    },
    {
      id: 'sharp-flat-lr',
      widget: 'contour',
      query: 'scene=sharp-flat-lr&3d=0',
      caption: 'The same two minima with the full batch, at lr 0.1 and lr 1.',
      height: 560,
    },
  ],
  body: () => import('../bodies/BatchSizeBody'),
};
