import {
  decodeQuery,
  decodeQueryComponent,
  echo,
  MALFORMED_NOTE,
  repeatedNote,
  type QueryValue,
} from '../../io/queryParams';
import { defaultSiteLook, lookFields, type SiteLook } from '../../io/siteLook';
import { paramNote, readUrlTable, urlField, type UrlField } from '../../io/urlTable';
import { boolCodec, enumCodec } from '../../io/urlStateCodecs';
import { lessonFigureById } from '../lessons/registry';
import type { EmbedOptions } from './controller';
import { WIDGETS, widgetById, type WidgetKind } from './widgets';

/**
 * `embed.html`'s link → the embed's own options and the rest of the link, which is the widget's
 * page's own state (the race's or the landscape page's codec reads it). Never throws: every bad
 * value is named and its default used, so a broken link on a slide still draws a figure.
 *
 * A lesson figure's id (`widget=lr-sizes`) stands for its widget kind and its query; keys the
 * link gives itself win over the figure's (`widget=lr-sizes&steps=50`).
 */
export interface EmbedParse {
  options: EmbedOptions;
  /** The widget kind drawn (the figure's kind for a lesson figure; `race` for an unknown one). */
  kind: WidgetKind;
  /** The page's own keys, without the leading '?'. */
  pageQuery: string;
  errors: string[];
}

const HIDE = '_hide';

/** The embed's plain keys, read by the one link mechanism (io/urlTable) as every page's are. */
type EmbedLink = SiteLook & Pick<EmbedOptions, 'controls' | 'autoplay' | 'loop'>;
const flagField = (key: 'autoplay' | 'loop'): UrlField<EmbedLink> =>
  urlField<EmbedLink, boolean>({
    key,
    codec: boolCodec,
    get: (s) => s[key],
    set: (s, v) => {
      s[key] = v;
    },
    def: () => false,
  });
const EMBED_TABLE = [
  () => [
    ...lookFields<EmbedLink>(),
    urlField<EmbedLink, EmbedLink['controls']>({
      key: 'controls',
      codec: enumCodec(['none', 'compact', 'full'] as const),
      get: (s) => s.controls,
      set: (s, v) => {
        s.controls = v;
      },
      def: () => 'compact',
    }),
    flagField('autoplay'),
    flagField('loop'),
  ],
];

/** The embed's own keys besides `<control>_hide`; `theme` and `large` also go on to the page. */
const EMBED_KEYS = new Set([
  'widget',
  'controls',
  'autoplay',
  'loop',
  'theme',
  'large',
  'allowedOrigins',
]);

const DEFAULT_KIND = 'race';

/** The decoded name of one `name=value` piece of a query (null when it is unreadable). */
function pieceKey(piece: string): string | null {
  const eq = piece.indexOf('=');
  return decodeQueryComponent(eq < 0 ? piece : piece.slice(0, eq));
}

const pieces = (query: string) =>
  (query.startsWith('?') ? query.slice(1) : query).split('&').filter((p) => p !== '');

/** An origin as `postMessage` compares it: scheme, host and port only, as the browser writes it. */
function originError(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not an origin';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'not an http(s) origin';
  return url.origin === text ? null : `not an exact origin (the origin is '${echo(url.origin)}')`;
}

export function parseEmbedParams(query: string): EmbedParse {
  const errors: string[] = [];
  const say = (key: string, why: string) => errors.push(paramNote(key, why));
  const own = decodeQuery(query);
  for (const key of own.badKeys) say(key, 'its name has a malformed percent-escape; ignored');

  // Which widget: a kind, a lesson figure (its query under the link's own keys), or the default.
  const w = own.params.get('widget');
  if (w && w.count > 1) say('widget', repeatedNote(w));
  const figure = w?.value ? lessonFigureById(w.value) : undefined;
  let kind = widgetById(figure?.widget ?? w?.value ?? '');
  if (!kind) {
    const known = WIDGETS.map((k) => k.id).join(', ');
    if (!w) errors.push(`Missing URL parameter 'widget' (one of ${known}); showing the race`);
    else if (w.value === null)
      say('widget', `${MALFORMED_NOTE} (got '${echo(w.raw)}'); showing the race`);
    else if (figure)
      say(
        'widget',
        `lesson figure '${echo(w.value)}' names no widget kind '${echo(figure.widget)}'; showing the race`,
      );
    else
      say(
        'widget',
        `unknown widget '${echo(w.value)}' (kinds: ${known}, or a lesson figure's id); showing the race`,
      );
    kind = widgetById(DEFAULT_KIND)!;
  }
  const linkPieces = pieces(query).filter((p) => pieceKey(p) !== 'widget');
  const given = new Set(linkPieces.map(pieceKey));
  const merged = [
    ...(figure ? pieces(figure.query).filter((p) => !given.has(pieceKey(p))) : []),
    ...linkPieces,
  ];
  // A lesson figure may ask for more controls (the range test's, the Tune panel's); a link's own wins.
  const link: EmbedLink = {
    ...defaultSiteLook(),
    controls: figure?.controls ?? 'compact',
    autoplay: false,
    loop: false,
  };
  const read = readUrlTable(EMBED_TABLE, merged.join('&'), link);
  errors.push(...read.errors);
  const { params } = read;
  const { theme, large } = link;
  const options: EmbedOptions = {
    widget: figure && kind.id === figure.widget ? figure.id : kind.id,
    ...link,
    hidden: hiddenControls(params, kind, say),
    allowedOrigins: allowedOrigins(params.get('allowedOrigins'), say),
  };

  // The page reads its own keys; the look it shares with the embed goes on as the embed read it.
  const page = merged.filter((p) => {
    const key = pieceKey(p);
    return key !== null && !EMBED_KEYS.has(key) && !key.endsWith(HIDE);
  });
  if (theme !== 'light') page.push(`theme=${theme}`);
  if (large) page.push('large=1');
  return { options, kind, pageQuery: page.join('&'), errors };
}

/** `<control>_hide=1` flags: a control the widget has, hidden; any other name is named. */
function hiddenControls(
  params: ReadonlyMap<string, QueryValue>,
  kind: WidgetKind,
  say: (key: string, why: string) => void,
): Set<string> {
  const hidden = new Set<string>();
  for (const [key, p] of params) {
    if (!key.endsWith(HIDE)) continue;
    const name = key.slice(0, -HIDE.length);
    if (!kind.controls.includes(name)) {
      const has = kind.controls.length
        ? `its controls: ${kind.controls.join(', ')}`
        : 'it has none';
      say(key, `the ${kind.id} widget has no control '${echo(name)}' (${has}); ignored`);
      continue;
    }
    if (p.count > 1) say(key, repeatedNote(p));
    const r = p.value === null ? null : boolCodec.parse(p.value);
    if (r?.ok) {
      if (r.value) hidden.add(name);
    } else say(key, `must be 1 or 0 (got '${echo(p.value ?? p.raw)}'); the control shows`);
  }
  return hidden;
}

/** `allowedOrigins=https://a.edu,https://b.org:8443`: each an exact origin, else named and dropped. */
function allowedOrigins(
  p: QueryValue | undefined,
  say: (key: string, why: string) => void,
): string[] {
  if (!p) return [];
  if (p.count > 1) say('allowedOrigins', repeatedNote(p));
  if (p.value === null) {
    say('allowedOrigins', `${MALFORMED_NOTE} (got '${echo(p.raw)}'); no origin allowed by it`);
    return [];
  }
  const kept: string[] = [];
  for (const text of p.value.split(',').map((s) => s.trim())) {
    if (text === '') continue;
    const why = originError(text);
    if (why) say('allowedOrigins', `'${echo(text)}' is ${why}; dropped`);
    else if (!kept.includes(text)) kept.push(text);
  }
  return kept;
}
