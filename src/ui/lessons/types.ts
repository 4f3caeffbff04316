import type { ComponentType } from 'react';
import type { EmbedOptions } from '../embed/controller';
import type { Claim } from '../../core/scenes/sceneSpec';

/**
 * A lesson of the classroom site: its place on the home page and its live figures as data, and
 * its text as a component loaded only on its own page (the home page and the widgets read the
 * records, never the bodies).
 */
export interface LessonRecord {
  /** The `lesson.html?id=` value: lowercase words joined by '-'. */
  id: string;
  /** Its place in the course, 1 to 13. */
  number: number;
  title: string;
  /** The one-line promise shown on the home page. */
  promise: string;
  /**
   * 'ready' when written; 'planned' when it waits for a capability another issue builds, which
   * `waitsFor` names (the home page shows it as coming, without a link).
   */
  status: 'ready' | 'planned';
  waitsFor?: string;
  /** The lesson's live figures, each embeddable by name (`embed.html?widget=<figure id>`). */
  figures: readonly LessonFigure[];
  /** The lesson's text, loaded on its page only. */
  body?: () => Promise<{ default: ComponentType }>;
}

/**
 * A live figure: a widget of `ui/embed/widgets.ts` in the state a link query gives (the widget's
 * page's own URL vocabulary, e.g. a race scene `scene=lr-sizes&3d=0`), with a caption.
 */
export interface LessonFigure {
  /** Unique across all lessons: the name `embed.html?widget=` accepts. */
  id: string;
  /** Which widget kind shows it (an id of `ui/embed/widgets.ts`). */
  widget: string;
  /** Its state, as a link query without the leading '?'. */
  query: string;
  /** What the figure shows, in one sentence (also its accessible name). */
  caption: string;
  /** Its height in CSS px at 1280 px wide (the frame sizes itself from the widget's `resize`). */
  height?: number;
  /**
   * What its runs show, for a race figure that is not a scene as it stands (a scene's own claims
   * serve one that is): the lesson words them, and the tests check them on the real runs.
   */
  claims?: readonly Claim[];
  /**
   * Which of the widget's controls the figure shows (the embed's `controls=`; absent: the embed's
   * default). A figure the reader works with (the race's range test, its Tune panel, the batch
   * tools) says 'full'; its `query` stays in the widget page's vocabulary alone.
   */
  controls?: EmbedOptions['controls'];
}
