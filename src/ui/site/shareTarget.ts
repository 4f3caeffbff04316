import type { LessonFigure } from '../lessons/types';
import { widgetById } from '../embed/widgets';

/** What the Share / Embed dialog shares: a widget in a state, its page link and frame size. */
export interface ShareTarget {
  /** A widget kind of `ui/embed/widgets.ts` or a lesson figure's id (`embed.html?widget=`). */
  widget: string;
  /** Its state, as a link query in its page's vocabulary. */
  query: string;
  /** The frame's accessible name and the dialog's heading. */
  title: string;
  /** The snippet's default frame size. */
  size: { width: number; height: number };
  /** The link to share (the page it is on, in the state shown). */
  link: string;
}

const FALLBACK_SIZE = { width: 640, height: 480 };

/** A widget kind in a page's current state, e.g. the race header's `widget=race`. */
export function widgetTarget(kind: string, query: string, link: string): ShareTarget {
  const w = widgetById(kind);
  return { widget: kind, query, title: w?.title ?? kind, size: w?.size ?? FALLBACK_SIZE, link };
}

/**
 * A lesson figure by its name: the embed page knows its state, so the snippet needs no query;
 * its size is its widget's, with the figure's own height where it names one.
 */
export function figureTarget(figure: LessonFigure, link: string): ShareTarget {
  const size = widgetById(figure.widget)?.size ?? FALLBACK_SIZE;
  return {
    widget: figure.id,
    query: '',
    title: figure.caption,
    size: { width: size.width, height: figure.height ?? size.height },
    link,
  };
}
