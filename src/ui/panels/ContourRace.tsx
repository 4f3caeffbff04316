import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { contourFrame } from '../../core/view/contourFrame';
import { readoutText } from '../../core/view/pointReadout';
import { formatValue } from '../../core/view/sliderScale';
import { invertPoint, raceDrawingSize, viewScales } from '../../core/view/viewScales';
import { useRaceStore } from '../../state/raceStore';
import { useResultsStore } from '../../state/resultsStore';
import { useViewStore } from '../../state/viewStore';
import { useRacers } from '../hooks/useRacers';
import { useSurface } from '../hooks/useSurface';
import { useWidth } from '../hooks/useWidth';
import { chartFontStyle, chartType } from './chartType';
import { ColourBar } from './ColourBar';
import { ContourBands } from './ContourBands';
import { RaceTrajectories } from './RaceTrajectories';

/**
 * The 2D race: filled log-spaced contours of the surface (computed in the worker) and each
 * racer's trajectory on two stacked canvases, and over them an SVG with the start, which a
 * click, a drag or the arrow keys move (it also carries the panel's accessible name). Around
 * them, in CSS pixels (core/view/contourFrame): x and y ticks and the colour bar of the levels;
 * under them, (x, y, loss) at the pointer, the loss the surface's own value there.
 */
export function ContourRace() {
  const surface = useSurface();
  const contours = useResultsStore((s) => s.surface);
  const start = useRaceStore((s) => s.start);
  const setStart = useRaceStore((s) => s.setStart);
  const racers = useRacers();
  const size = raceDrawingSize(surface.domain);
  const scales = useMemo(
    () => viewScales(surface.domain, size.width, size.height),
    [surface, size.width, size.height],
  );
  const type = chartType(useViewStore((s) => s.large));
  const { ref: box, width } = useWidth<HTMLDivElement>(600);
  const frame = contourFrame(width, size.height / size.width, type.font);
  const axes = useMemo(
    () => viewScales(surface.domain, frame.plot.width, frame.plot.height),
    [surface, frame.plot.width, frame.plot.height],
  );
  const [pointer, setPointer] = useState<string | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const dragging = useRef(false);
  const fresh = contours && contours.surface === surface.id ? contours : null;
  const minima = useMemo(
    () => surface.minima.map(([mx, my]) => [scales.x(mx), scales.y(my)] as const),
    [surface, scales],
  );

  const pointAt = (e: PointerEvent<SVGSVGElement>): [number, number] | null => {
    const ctm = svgRef.current?.getScreenCTM();
    if (!ctm) return null;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    return invertPoint(scales, p.x, p.y);
  };
  const moveStart = (e: PointerEvent<SVGSVGElement>) => {
    const p = pointAt(e);
    if (p) setStart([round3(p[0]), round3(p[1])]);
  };
  const readPointer = (e: PointerEvent<SVGSVGElement>) => {
    const p = pointAt(e);
    if (p) setPointer(readoutText(['x', 'y'], p[0], p[1], surface.value(p[0], p[1])));
  };
  const { plot } = frame;
  const tickCount = (px: number) => Math.max(2, Math.min(7, Math.floor(px / (type.font * 5))));
  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    const d = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] }[
      e.key
    ];
    if (!d) return;
    e.preventDefault();
    const { xmin, xmax, ymin, ymax } = surface.domain;
    const f = e.shiftKey ? 0.1 : 0.02;
    setStart([
      round3(start[0] + d[0] * f * (xmax - xmin)),
      round3(start[1] + d[1] * f * (ymax - ymin)),
    ]);
  };

  return (
    <figure className="panel contour-race" aria-label="Contour race" role="group">
      <div
        ref={box}
        className="race-frame"
        style={{ height: frame.height, ...chartFontStyle(type) }}
      >
        <div
          className="race-stack"
          style={{ left: plot.x, top: plot.y, width: plot.width, height: plot.height }}
        >
          <ContourBands
            bands={fresh?.bands ?? null}
            width={size.width}
            height={size.height}
            minima={minima}
          />
          <RaceTrajectories racers={racers} scales={scales} />
          <svg
            ref={svgRef}
            className="race-svg"
            viewBox={`0 0 ${size.width} ${size.height}`}
            role="img"
            aria-label={`Contour race on ${surface.name}: click, drag or use the arrow keys to move the start (${start[0]}, ${start[1]})`}
            tabIndex={0}
            onKeyDown={onKey}
            onPointerDown={(e) => {
              dragging.current = true;
              e.currentTarget.setPointerCapture(e.pointerId);
              moveStart(e);
            }}
            onPointerMove={(e) => {
              if (dragging.current) moveStart(e);
              readPointer(e);
            }}
            onPointerLeave={() => setPointer(null)}
            onPointerUp={() => {
              dragging.current = false;
            }}
            onPointerCancel={() => {
              dragging.current = false;
            }}
          >
            <circle
              className="start-marker"
              cx={scales.x(start[0])}
              cy={scales.y(start[1])}
              r={7}
            />
          </svg>
        </div>
        <svg
          className="race-axes"
          viewBox={`0 0 ${frame.width} ${frame.height}`}
          aria-hidden="true"
        >
          <g className="axes" transform={`translate(${plot.x},${plot.y})`}>
            {axes.x.ticks(tickCount(plot.width)).map((t) => (
              <g key={t} transform={`translate(${axes.x(t)},${plot.height})`}>
                <line y2={type.font / 3} />
                <text y={type.font * 1.3} textAnchor="middle">
                  {formatValue(t)}
                </text>
              </g>
            ))}
            {axes.y.ticks(tickCount(plot.height)).map((t) => (
              <g key={t} transform={`translate(0,${axes.y(t)})`}>
                <line x2={-type.font / 3} />
                <text x={-type.font / 2} dy="0.32em" textAnchor="end">
                  {formatValue(t)}
                </text>
              </g>
            ))}
            <text
              className="axis-label"
              x={plot.width / 2}
              y={plot.height + type.font * 2.6}
              textAnchor="middle"
            >
              x
            </text>
            <text className="axis-label" x={-type.font * 4} y={plot.height / 2} dy="0.32em">
              y
            </text>
          </g>
          {fresh && (
            <ColourBar bands={fresh.bands} max={fresh.max} at={frame.bar} font={type.font} floor />
          )}
        </svg>
      </div>
      <p className="panel-caption pointer-readout" aria-live="polite">
        {pointer ?? 'Point at the map to read (x, y) and the loss there.'}
      </p>
      <figcaption className="panel-caption">
        {fresh
          ? `${fresh.bands.length} contour levels, ${fresh.log ? 'log-spaced' : 'evenly spaced'}`
          : 'Computing contours…'}
        {' · '}click or drag to move the start; × marks the minima.
      </figcaption>
    </figure>
  );
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;
