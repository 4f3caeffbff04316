import type { LessonRecord } from '../types';

export const signUpdates: LessonRecord = {
  id: 'sign-updates',
  number: 6,
  title: 'Sign-based updates: Lion and signSGD',
  promise: 'Every coordinate moves by the same amount: what that buys and what it costs.',
  status: 'planned',
  waitsFor: 'being written',
  figures: [],
};
