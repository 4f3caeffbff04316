/**
 * The Share / Embed dialog's output, as pure functions: the `embed.html` link of a widget in a
 * given state, and the `<iframe>` snippet a lecturer pastes into slides. The snippet is HTML
 * built from text the user controls (a link's query, a caption), so every attribute value is
 * escaped and the query's own characters are percent-encoded: nothing in it can close the
 * attribute or the tag.
 */
import { decodeQuery } from './queryParams';

export type EmbedControls = 'none' | 'compact' | 'full';

export interface EmbedChoice {
  /** Where the site lives (the folder of embed.html), as an absolute URL. */
  base: string;
  /** A widget kind of `ui/embed/widgets.ts` or a lesson figure's id. */
  widget: string;
  /** The widget's state as a link query in its page's vocabulary, with or without '?'. */
  query: string;
  controls: EmbedControls;
  theme: 'light' | 'dark';
  large: boolean;
}

export interface SnippetChoice extends EmbedChoice {
  width: number;
  height: number;
  /** The frame's accessible name (the widget's title or the figure's caption). */
  title: string;
}

/** Frame sizes the dialog accepts, in CSS px: from a phone's column to a 4K projector. */
export const FRAME_SIZE = { min: 200, max: 3840 } as const;

/** The keys the dialog itself sets; the page's own values of them are replaced. */
const DIALOG_KEYS = new Set(['widget', 'controls', 'theme', 'large']);

/**
 * One query piece (`key=value` as written in a link) made safe for a URL: characters a URL may
 * not hold are percent-encoded, escapes already there are kept, and a stray '%' becomes '%25'.
 */
function encodePiece(piece: string): string {
  return piece.replace(/%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~!$'()*+,;=:@/?%]/g, (c) =>
    c === '%' ? '%25' : encodeURIComponent(c),
  );
}

/** The query's pieces, in order, minus the dialog's own keys (read as the pages read them). */
function statePieces(query: string): string[] {
  const body = query.startsWith('?') ? query.slice(1) : query;
  return body
    .split('&')
    .filter((piece) => {
      if (piece === '') return false;
      const key = [...decodeQuery(piece).params.keys()][0];
      return key === undefined || !DIALOG_KEYS.has(key);
    })
    .map(encodePiece);
}

/** The embed page's link for this widget and state. */
export function embedUrl(choice: EmbedChoice): string {
  const pieces = [`widget=${encodeURIComponent(choice.widget)}`, ...statePieces(choice.query)];
  if (choice.controls !== 'none') pieces.push(`controls=${choice.controls}`);
  if (choice.theme === 'dark') pieces.push('theme=dark');
  if (choice.large) pieces.push('large=1');
  return new URL(`embed.html?${pieces.join('&')}`, choice.base).href;
}

/** Text as an HTML attribute value between double quotes. */
export function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Why a frame size the user typed cannot be used, naming the field; null when it can. */
export function frameSizeProblem(field: 'width' | 'height', value: number): string | null {
  if (!Number.isInteger(value) || value < FRAME_SIZE.min || value > FRAME_SIZE.max) {
    return `${field} must be a whole number of pixels from ${FRAME_SIZE.min} to ${FRAME_SIZE.max}`;
  }
  return null;
}

/**
 * The `<iframe>` to paste: lazy-loaded, titled for screen readers, and with no `allow`
 * permissions (a widget needs none). Throws a RangeError naming the field on a bad size.
 */
export function iframeSnippet(choice: SnippetChoice): string {
  for (const field of ['width', 'height'] as const) {
    const problem = frameSizeProblem(field, choice[field]);
    if (problem) throw new RangeError(problem);
  }
  const attrs: [string, string][] = [
    ['src', embedUrl(choice)],
    ['title', choice.title],
    ['width', String(choice.width)],
    ['height', String(choice.height)],
    ['loading', 'lazy'],
    ['style', 'border:0;max-width:100%'],
  ];
  return `<iframe ${attrs.map(([k, v]) => `${k}="${escapeAttribute(v)}"`).join(' ')}></iframe>`;
}
