import type { LessonRecord } from '../types';

export const initialisation: LessonRecord = {
  id: 'initialisation',
  number: 12,
  title: 'Initialisation: Xavier vs Kaiming',
  promise: 'The same net from two starting points: loss curves and slices.',
  status: 'planned',
  waitsFor: 'being written',
  figures: [],
};
