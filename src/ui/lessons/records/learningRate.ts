import type { LessonRecord } from '../types';

export const learningRate: LessonRecord = {
  id: 'learning-rate',
  number: 1,
  title: 'The learning rate',
  promise: 'Too small, just right, too large, NaN: one number decides whether a run converges.',
  status: 'planned',
  waitsFor: 'being written',
  figures: [],
};
