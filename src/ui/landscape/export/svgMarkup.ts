/**
 * SVG text built from data, never from markup: element and attribute names are this code's own
 * (checked), every value and text is escaped (io/svgExport's escapeXml, as the race's figures),
 * so a file name or title shown in a figure cannot open a tag, an attribute or a script in the
 * exported file.
 */
import { escapeXml } from '../../../io/svgExport';

export type SvgAttrs = Record<string, string | number | null | undefined>;

const NAME = /^[a-zA-Z][a-zA-Z0-9:-]*$/;

/** Text content (escaped). */
export const svgText = (s: string): string => escapeXml(s);

/** `<tag a="…">children</tag>`; null/undefined attributes are left out, numbers rounded to 0.01. */
export function el(tag: string, attrs: SvgAttrs = {}, ...children: string[]): string {
  if (!NAME.test(tag) || tag.toLowerCase() === 'script' || tag.toLowerCase() === 'foreignobject')
    throw new Error(`svgMarkup: element <${tag}> is not allowed`);
  let a = '';
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined) continue;
    if (!NAME.test(k) || /^on/i.test(k))
      throw new Error(`svgMarkup: attribute ${k} is not allowed`);
    const value = typeof v === 'number' ? String(Math.round(v * 100) / 100) : v;
    a += ` ${k}="${escapeXml(value)}"`;
  }
  return children.length ? `<${tag}${a}>${children.join('')}</${tag}>` : `<${tag}${a}/>`;
}

/** A standalone SVG document of `width` × `height` px with a title and a background. */
export function svgDocument(
  o: { width: number; height: number; title: string; background: string; font: string },
  ...body: string[]
): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    el(
      'svg',
      {
        xmlns: 'http://www.w3.org/2000/svg',
        width: o.width,
        height: o.height,
        viewBox: `0 0 ${o.width} ${o.height}`,
        'font-family': o.font,
      },
      el('title', {}, svgText(o.title)),
      el('rect', { width: o.width, height: o.height, fill: o.background }),
      ...body,
    )
  );
}
