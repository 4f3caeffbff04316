import { useMemo } from 'react';
import { barLabelCentre, colourBar } from '../../core/view/colourBar';
import { BAR_LABEL_GAP, type ContourFrame } from '../../core/view/contourFrame';
import { bandColor } from '../../core/view/palette';
import { formatValue } from '../../core/view/sliderScale';

/**
 * A contour map's colour bar (core/view/colourBar) as an SVG group, in the frame's CSS pixels:
 * the bands' colours step by step, the level values as ticks. Both pages draw it beside their
 * map; the bands' opacity comes from the page's CSS (`.colour-bar-step`, `.colour-bar-steps`).
 */
export function ColourBar({
  bands,
  max,
  at,
  font,
  floor = false,
}: {
  bands: readonly { value: number; t: number }[];
  /** The top of the highest band (the surface's maximum), labelled at the bar's end. */
  max?: number;
  at: ContourFrame['bar'];
  font: number;
  /** The race paints the lowest band's colour under all the bands first: so does its bar. */
  floor?: boolean;
}) {
  // As many labels as fit: a row of text per 2.2 fonts up the bar, a label per 6 fonts along it.
  const count = Math.max(2, Math.floor(at.length / (font * (at.vertical ? 2.2 : 6))));
  const bar = useMemo(() => colourBar(bands, count, max), [bands, count, max]);
  const { x, y, length: L, thickness: T, vertical } = at;
  return (
    <g className="colour-bar" data-levels={bar.steps.length}>
      <rect
        className="colour-bar-bg"
        x={x}
        y={y}
        width={vertical ? T : L}
        height={vertical ? L : T}
      />
      <g className="colour-bar-steps">
        {/* Nested like the map's bands (each is the region ≥ its level), so the colours stack
            the same way: band i covers the bar from its step to the top. */}
        {(floor ? [{ from: 0, t: 0 }, ...bar.steps] : bar.steps).map((s, i) => (
          <rect
            key={i}
            className="colour-bar-step"
            x={vertical ? x : x + L * s.from}
            y={y}
            width={vertical ? T : L * (1 - s.from)}
            height={vertical ? L * (1 - s.from) : T}
            fill={bandColor(s.t)}
          />
        ))}
      </g>
      <g className="axes">
        {bar.ticks.map((t) =>
          vertical ? (
            <text
              key={t.at}
              x={x + T + font * BAR_LABEL_GAP}
              y={y + L * (1 - t.at)}
              dominantBaseline="central"
            >
              {formatValue(t.value)}
            </text>
          ) : (
            <text
              key={t.at}
              x={barLabelCentre(t.at, formatValue(t.value), x, L, font)}
              y={y + T + font * 1.1}
              textAnchor="middle"
            >
              {formatValue(t.value)}
            </text>
          ),
        )}
      </g>
    </g>
  );
}
