import type { LessonRecord } from '../types';

export const skipConnections: LessonRecord = {
  id: 'skip-connections',
  number: 10,
  title: 'Skip connections and width',
  promise: 'Why ResNets train: smooth basins with skips, chaos without them.',
  status: 'planned',
  waitsFor: 'being written',
  figures: [],
};
