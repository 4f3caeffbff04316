import { decodeQuery, echo, MALFORMED_NOTE } from '../../io/queryParams';
import { withLook, type SiteLook } from '../../io/siteLook';
import { boolCodec, enumCodec, type Codec } from '../../io/urlStateCodecs';
import { widgetById } from '../embed/widgets';
import type { LessonFigure } from './types';

/** What `lesson.html?…` asks for: the lesson, and how the page (and its figures) look. */
export interface LessonLink extends SiteLook {
  /** The `id` as given (null: none); the page names it when no lesson has it. */
  id: string | null;
  /** One message per bad parameter, naming it, as the other pages word them. */
  errors: string[];
}

const THEME = enumCodec(['light', 'dark'] as const);

/** The lesson page's link; never throws. `theme` and `large` read as on the race page. */
export function parseLessonLink(query: string): LessonLink {
  const { params } = decodeQuery(query);
  const errors: string[] = [];
  const read = <T>(key: string, codec: Codec<T>, def: T): T => {
    const p = params.get(key);
    if (!p) return def;
    if (p.value === null) {
      errors.push(`Invalid URL parameter '${key}': ${MALFORMED_NOTE} (got '${echo(p.raw)}')`);
      return def;
    }
    const r = codec.parse(p.value);
    if (r.ok) return r.value;
    errors.push(
      `Invalid URL parameter '${key}': ${r.error} (got '${echo(p.value)}'); using ${String(def)}`,
    );
    return def;
  };
  const id = params.get('id');
  return {
    id: id ? (id.value ?? id.raw) : null,
    theme: read('theme', THEME, 'light'),
    large: read('large', boolCodec, false),
    errors,
  };
}

/** The figure's `<iframe>` address: the embed page resolves the figure id to its widget and query. */
export const figureEmbedSrc = (figure: LessonFigure, look: SiteLook): string =>
  withLook(`embed.html?widget=${encodeURIComponent(figure.id)}`, look);

/** The figure's state on its full page ("Open in playground"): the race or the landscapes. */
export function figurePlaygroundHref(figure: LessonFigure, look: SiteLook): string {
  const page = widgetById(figure.widget)?.family === 'landscape' ? 'landscape.html' : 'race.html';
  return withLook(`${page}?${figure.query}`, look);
}

/** A lesson's own address, keeping the look. */
export const lessonHref = (id: string, look: SiteLook): string =>
  withLook(`lesson.html?id=${encodeURIComponent(id)}`, look);
