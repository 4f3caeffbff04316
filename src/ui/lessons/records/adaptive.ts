import type { LessonRecord } from '../types';

export const adaptive: LessonRecord = {
  id: 'adaptive',
  number: 4,
  title: 'AdaGrad → RMSprop → Adam',
  promise: 'Per-coordinate step sizes, bias correction, and what ε really does.',
  status: 'planned',
  waitsFor: 'being written',
  figures: [],
};
