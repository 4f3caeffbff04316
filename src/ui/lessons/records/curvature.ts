import type { LessonRecord } from '../types';

export const curvature: LessonRecord = {
  id: 'curvature',
  number: 7,
  title: 'Curvature: Newton and Sophia',
  promise: 'Using the Hessian: one step to the bottom of a bowl, and uphill at a saddle.',
  status: 'planned',
  waitsFor: 'being written',
  figures: [],
};
