import type { LessonRecord } from '../types';

export const weightDecay: LessonRecord = {
  id: 'weight-decay',
  number: 5,
  title: 'Weight decay: Adam + L2 vs AdamW',
  promise: 'The same decay coefficient does two different things.',
  status: 'planned',
  waitsFor: 'being written',
  figures: [],
};
