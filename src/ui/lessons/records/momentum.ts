import type { LessonRecord } from '../types';

export const momentum: LessonRecord = {
  id: 'momentum',
  number: 2,
  title: 'Momentum and Nesterov',
  promise: 'Why a heavy ball overshoots, and why it still wins on an ill-conditioned bowl.',
  status: 'planned',
  waitsFor: 'being written',
  figures: [],
};
