import { useMemo, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { invertPoint, raceDrawingSize, viewScales } from '../../core/view/viewScales';
import { useRaceStore } from '../../state/raceStore';
import { useResultsStore } from '../../state/resultsStore';
import { useRacers } from '../hooks/useRacers';
import { useSurface } from '../hooks/useSurface';
import { ContourBands } from './ContourBands';
import { RaceTrajectories } from './RaceTrajectories';

/**
 * The 2D race: filled log-spaced contours of the surface (computed in the worker) and each
 * racer's trajectory on two stacked canvases, and over them an SVG with the start, which a
 * click, a drag or the arrow keys move (it also carries the panel's accessible name).
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
  const svgRef = useRef<SVGSVGElement>(null);
  const dragging = useRef(false);
  const fresh = contours && contours.surface === surface.id ? contours : null;
  const minima = useMemo(
    () => surface.minima.map(([mx, my]) => [scales.x(mx), scales.y(my)] as const),
    [surface, scales],
  );

  const moveStart = (e: PointerEvent<SVGSVGElement>) => {
    const svg = svgRef.current;
    const ctm = svg?.getScreenCTM();
    if (!svg || !ctm) return;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    const [x, y] = invertPoint(scales, p.x, p.y);
    setStart([round3(x), round3(y)]);
  };
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
      <div className="race-stack" style={{ aspectRatio: `${size.width} / ${size.height}` }}>
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
          }}
          onPointerUp={() => {
            dragging.current = false;
          }}
          onPointerCancel={() => {
            dragging.current = false;
          }}
        >
          <circle className="start-marker" cx={scales.x(start[0])} cy={scales.y(start[1])} r={7} />
        </svg>
      </div>
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
