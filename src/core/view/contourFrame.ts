/**
 * Where a contour map, its axes and its colour bar go in a box `width` CSS pixels wide, with
 * text of `font` px: the plot keeps its aspect (height / width), tick labels and titles get room
 * in units of the font, and the colour bar stands at the right where the box is wide enough for
 * it, else lies under the x axis. Both pages' contour maps are laid out by this one function.
 */
export interface ContourFrame {
  width: number;
  height: number;
  plot: { x: number; y: number; width: number; height: number };
  bar: { x: number; y: number; length: number; thickness: number; vertical: boolean };
}

/** Narrower than this many fonts, the bar goes under the plot. */
const VERTICAL_FROM = 34;

/** Gap between the plot and a vertical bar, in fonts. */
const BAR_GAP = 0.8;
/** Gap between a vertical bar and its labels, in fonts (ColourBar draws them there). */
export const BAR_LABEL_GAP = 0.35;

/**
 * `withBar` false: a map of small multiples whose one colour bar stands apart; no room for one.
 * `labelWidth`: the widest colour-bar label in px (colourBarLabelWidth); a vertical bar gets at
 * least that much room for its labels, so they end inside the box. Absent: room for about six
 * digits, as the race's bars need.
 */
export function contourFrame(
  width: number,
  aspect: number,
  font: number,
  withBar = true,
  labelWidth = 0,
): ContourFrame {
  const f = font;
  const vertical = withBar && width >= VERTICAL_FROM * f;
  const left = Math.round(f * 4.4),
    top = Math.round(f * 0.8),
    below = Math.round(f * 3.1),
    thickness = Math.round(f * 1.1);
  const barGap = Math.round(f * BAR_GAP);
  const right = vertical
    ? Math.max(
        Math.round(f * 6.2),
        Math.ceil(barGap + thickness + f * BAR_LABEL_GAP + labelWidth + f * 0.2),
      )
    : Math.round(f * 1.4);
  const pw = Math.max(f * 6, width - left - right);
  const ph = Math.round(pw * aspect);
  const plot = { x: left, y: top, width: pw, height: ph };
  if (vertical)
    return {
      width,
      height: top + ph + below,
      plot,
      bar: { x: left + pw + barGap, y: top, length: ph, thickness, vertical },
    };
  const barY = top + ph + below;
  if (!withBar)
    return {
      width,
      height: barY,
      plot,
      bar: { x: left, y: barY, length: pw, thickness: 0, vertical },
    };
  return {
    width,
    height: barY + thickness + Math.round(f * 1.6),
    plot,
    bar: { x: left, y: barY, length: pw, thickness, vertical },
  };
}
