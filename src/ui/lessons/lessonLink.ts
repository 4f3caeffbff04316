import { defaultSiteLook, lookFields, withLook, type SiteLook } from '../../io/siteLook';
import { readUrlTable } from '../../io/urlTable';
import { widgetById } from '../embed/widgets';
import type { LessonFigure } from './types';

/** What `lesson.html?…` asks for: the lesson, and how the page (and its figures) look. */
export interface LessonLink extends SiteLook {
  /** The `id` as given (null: none); the page names it when no lesson has it. */
  id: string | null;
  /** One message per bad parameter, naming it, as the other pages word them. */
  errors: string[];
}

/** The lesson page's link; never throws. `theme` and `large` read as on every page. */
export function parseLessonLink(query: string): LessonLink {
  const look = defaultSiteLook();
  const { errors, params } = readUrlTable([() => lookFields<SiteLook>()], query, look);
  const id = params.get('id');
  // An id with broken escapes is kept as written, for the page to name as text.
  return { id: id ? (id.value ?? id.raw) : null, ...look, errors };
}

/** The figure's `<iframe>` address: the embed page resolves the figure id to its widget and query. */
export const figureEmbedSrc = (figure: LessonFigure, look: SiteLook): string =>
  withLook(`embed.html?widget=${encodeURIComponent(figure.id)}`, look);

/** Widget kinds that show slices side by side: on the landscape page, its comparison view. */
const SIDE_BY_SIDE = new Set(['landscape-compare', 'landscape-grid']);

/**
 * The figure's state on its full page ("Open in playground"): the race or the landscapes; a
 * side-by-side figure opens the page's comparison view (`compare=1`), where its slices sit on one
 * colour scale as in the figure.
 */
export function figurePlaygroundHref(figure: LessonFigure, look: SiteLook): string {
  if (widgetById(figure.widget)?.family !== 'landscape')
    return withLook(`race.html?${figure.query}`, look);
  const compare = SIDE_BY_SIDE.has(figure.widget) && !/(^|&)compare=/.test(figure.query);
  const query = compare ? [figure.query, 'compare=1'].filter(Boolean).join('&') : figure.query;
  return withLook(`landscape.html?${query}`, look);
}

/** A lesson's own address, keeping the look. */
export const lessonHref = (id: string, look: SiteLook): string =>
  withLook(`lesson.html?id=${encodeURIComponent(id)}`, look);
