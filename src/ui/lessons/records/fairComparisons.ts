import type { LessonRecord } from '../types';

export const fairComparisons: LessonRecord = {
  id: 'fair-comparisons',
  number: 13,
  title: 'Fair comparisons',
  promise: 'Tune every optimizer on the same budget before you race them.',
  status: 'planned',
  waitsFor: 'being written',
  figures: [],
};
