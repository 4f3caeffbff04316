import type { LessonRecord } from '../types';

export const saddlePoints: LessonRecord = {
  id: 'saddle-points',
  number: 3,
  title: 'Saddle points',
  promise: 'Which optimizers leave a saddle, and how fast.',
  status: 'planned',
  waitsFor: 'being written',
  figures: [],
};
