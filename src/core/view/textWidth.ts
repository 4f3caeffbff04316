/**
 * How wide a short label will be, without a DOM to measure it: the sum of its characters'
 * advance widths in DejaVu Sans, the widest of the sans fonts the page's `system-ui, …, Arial,
 * sans-serif` stack falls back to (digits 0.636 em against Arial's 0.556), so the estimate is an
 * upper bound wherever the text is drawn. Made for numbers as formatValue writes them.
 */
const ADVANCE_EM: Record<string, number> = {
  '.': 0.318,
  ',': 0.318,
  ' ': 0.318,
  '-': 0.361,
  '−': 0.838,
  '+': 0.838,
  e: 0.615,
  '%': 0.95,
};
const DIGIT_EM = 0.636;
/** Any other character: as wide as DejaVu's widest capitals, so an unknown one is not undercounted. */
const OTHER_EM = 1.0;

/** The label's width in px at `font` px (an upper bound, see above). */
export function textWidth(text: string, font: number): number {
  let em = 0;
  for (const ch of text) em += ch >= '0' && ch <= '9' ? DIGIT_EM : (ADVANCE_EM[ch] ?? OTHER_EM);
  return em * font;
}
