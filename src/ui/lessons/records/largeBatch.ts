import type { LessonRecord } from '../types';

export const largeBatch: LessonRecord = {
  id: 'large-batch',
  number: 11,
  title: 'Large-batch optimizers: LARS and LAMB',
  promise: 'Trust ratios: a step size per layer from the weights and the gradient.',
  status: 'planned',
  waitsFor: 'being written',
  figures: [],
};
