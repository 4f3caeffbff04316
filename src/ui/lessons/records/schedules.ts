import type { LessonRecord } from '../types';

export const schedules: LessonRecord = {
  id: 'schedules',
  number: 8,
  title: 'Learning-rate schedules and the range test',
  promise: 'Step, cosine, warm-up, one-cycle, restarts, and how to find the learning rate.',
  status: 'planned',
  waitsFor: 'being written',
  figures: [],
};
