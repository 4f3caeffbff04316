/**
 * The home page's link: it holds only how the site looks (`theme=dark`, `large=1`, as the other
 * pages spell them), and the site's links carry that look on, so a projector stays dark and large
 * from page to page. Any other key is a race link made before the site had a home page
 * (`/?opt=adam`), which the home page forwards to race.html.
 */
import { decodeQuery } from './queryParams';
import { readUrlTable, urlField, type UrlField } from './urlTable';
import { boolCodec, enumCodec } from './urlStateCodecs';

export interface SiteLook {
  theme: 'light' | 'dark';
  large: boolean;
}

export const defaultSiteLook = (): SiteLook => ({ theme: 'light', large: false });

/**
 * The look's two fields, for any page's table whose state holds a look (the home, lesson and
 * embed pages; the race and landscape tables spell the same keys the same way).
 */
export function lookFields<S extends SiteLook>(): UrlField<S>[] {
  return [
    urlField<S, SiteLook['theme']>({
      key: 'theme',
      codec: enumCodec(['light', 'dark'] as const),
      get: (s) => s.theme,
      set: (s, v) => {
        s.theme = v;
      },
      def: () => 'light',
    }),
    urlField<S, boolean>({
      key: 'large',
      codec: boolCodec,
      get: (s) => s.large,
      set: (s, v) => {
        s.large = v;
      },
      def: () => false,
    }),
  ];
}

const LOOK_KEYS = new Set(['theme', 'large']);

/** The look a query asks for, and a message per bad value (whose default is used). */
export function readSiteLook(query: string): SiteLook & { errors: string[] } {
  const look = defaultSiteLook();
  const { errors } = readUrlTable([() => lookFields<SiteLook>()], query, look);
  return { ...look, errors };
}

/** True when the query holds a key besides the look's: an old race link. */
export function isRaceLink(query: string): boolean {
  const { params, badKeys } = decodeQuery(query);
  return badKeys.length > 0 || [...params.keys()].some((k) => !LOOK_KEYS.has(k));
}

/** The look as a query ('' for the default, else '?theme=dark&large=1' or part of it). */
export function lookQuery(look: SiteLook): string {
  const pieces = [look.theme === 'dark' ? 'theme=dark' : '', look.large ? 'large=1' : ''];
  const q = pieces.filter(Boolean).join('&');
  return q ? `?${q}` : '';
}

/**
 * A site page's href with the look added to its query (`page` as 'race.html',
 * 'lesson.html?id=momentum' or 'index.html#lessons').
 */
export function withLook(page: string, look: SiteLook | undefined): string {
  const extra = look ? lookQuery(look) : '';
  if (!extra) return page;
  const hash = page.indexOf('#');
  const path = hash < 0 ? page : page.slice(0, hash);
  const joined = path.includes('?') ? `${path}&${extra.slice(1)}` : `${path}${extra}`;
  return `${joined}${hash < 0 ? '' : page.slice(hash)}`;
}
