import type { LessonFigure, LessonRecord } from './types';
import { learningRate } from './records/learningRate';
import { momentum } from './records/momentum';
import { saddlePoints } from './records/saddlePoints';
import { adaptive } from './records/adaptive';
import { weightDecay } from './records/weightDecay';
import { signUpdates } from './records/signUpdates';
import { curvature } from './records/curvature';
import { schedules } from './records/schedules';
import { batchSize } from './records/batchSize';
import { skipConnections } from './records/skipConnections';
import { largeBatch } from './records/largeBatch';
import { initialisation } from './records/initialisation';
import { fairComparisons } from './records/fairComparisons';

/** The course, in order: the only list of lessons (home page, lesson page, widgets). */
export const LESSONS: readonly LessonRecord[] = [
  learningRate,
  momentum,
  saddlePoints,
  adaptive,
  weightDecay,
  signUpdates,
  curvature,
  schedules,
  batchSize,
  skipConnections,
  largeBatch,
  initialisation,
  fairComparisons,
];

export const lessonById = (id: string): LessonRecord | undefined =>
  LESSONS.find((l) => l.id === id);

/** Every lesson figure, by its id (the names `embed.html?widget=` accepts besides widget kinds). */
export const lessonFigureById = (id: string): LessonFigure | undefined =>
  LESSONS.flatMap((l) => l.figures).find((f) => f.id === id);
