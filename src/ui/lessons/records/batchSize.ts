import type { LessonRecord } from '../types';

export const batchSize: LessonRecord = {
  id: 'batch-size',
  number: 9,
  title: 'Batch size',
  promise: 'Gradient noise, linear vs √ scaling, batch-size schedules, sharp vs flat minima.',
  status: 'planned',
  waitsFor: 'being written',
  figures: [],
};
