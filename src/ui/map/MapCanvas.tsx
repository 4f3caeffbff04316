import { useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { mapPixels, type MapColourMode } from '../../core/map/mapColours';
import { statusCounts, type MapResult } from '../../core/map/mapResult';
import { mapSpecToJson, type MapSpec } from '../../core/map/mapSpec';
import { cellValuesText, mapSummary } from '../../core/view/mapText';
import {
  bandRect,
  cellAt,
  cellRect,
  dragResult,
  mapFrame,
  movedCell,
  tickAt,
  zoomAround,
  type Cell,
  type Rect,
  type ZoomBox,
} from '../../core/view/mapView';
import { useCanvasPainter } from '../canvas/useCanvasPainter';
import { useWidth } from '../hooks/useWidth';
import { chartFontStyle, chartType } from '../panels/chartType';
import './map.css';

export interface MapCanvasProps {
  spec: MapSpec;
  /** The computed map; null (or a map of another spec) draws the empty plot and `progress`. */
  result: MapResult | null;
  mode: MapColourMode;
  selected: Cell | null;
  /** The cell under the pointer or the keyboard cursor; null when it leaves. */
  onHover(cell: Cell | null): void;
  onSelect(i: number, j: number): void;
  /** A dragged box, in fractional cell positions (core/map/mapAxes `zoomAxis` takes them). */
  onZoom(box: ZoomBox): void;
  /** Cells done while the map is being computed. */
  progress?: { done: number; total: number } | null;
  large?: boolean;
  /** The plot's largest width in CSS px (a wide page keeps the map on screen). */
  maxPlot?: number;
}

/** An outline stays this many px a side on a map of cells smaller than that. */
const MIN_OUTLINE = 7;

/**
 * A trainability map: one pixel per run scaled up crisp (no smoothing) on a canvas sized in
 * device pixels, with its axes, ticks and titles and an SVG over it for the pointer: hover
 * outlines a cell, a click selects it, a dragged box zooms (a rubber band while dragging). The
 * frame is focusable: arrow keys move a cursor cell, Enter or Space selects it, + zooms in
 * around it (half the range each way). All geometry is
 * core/view/mapView's; the words are core/view/mapText's.
 */
export function MapCanvas(props: MapCanvasProps) {
  const { spec, result, mode, selected, onHover, onSelect, onZoom } = props;
  const nx = spec.x.n,
    ny = spec.y.n;
  const type = chartType(props.large ?? false);
  const { ref: box, width } = useWidth<HTMLDivElement>(480);
  const frame = useMemo(
    () => mapFrame(width, spec.x, spec.y, type.font, props.maxPlot ?? 560),
    [width, spec.x, spec.y, type.font, props.maxPlot],
  );
  const { plot } = frame;
  const fresh = useFreshResult(spec, result);
  const pixels = useMemo(
    () => (fresh ? mapPixels(fresh, nx, ny, mode, spec.steps) : null),
    [fresh, nx, ny, mode, spec.steps],
  );
  const counts = useMemo(() => (fresh ? statusCounts(fresh) : null), [fresh]);
  const { ref: canvas } = useCanvasPainter(
    nx,
    ny,
    (ctx) => {
      if (!pixels) return;
      const img = new OffscreenCanvas(nx, ny);
      // mapPixels allocates its own ArrayBuffer (never a shared one).
      const data = pixels as unknown as Uint8ClampedArray<ArrayBuffer>;
      img.getContext('2d')?.putImageData(new ImageData(data, nx, ny), 0, 0);
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(img, 0, 0, nx, ny);
    },
    [pixels],
  );

  const [hover, setHover] = useState<Cell | null>(null);
  const [cursor, setCursor] = useState<Cell | null>(null);
  const [band, setBand] = useState<Rect | null>(null);
  const press = useRef<{ x: number; y: number } | null>(null);
  const svg = useRef<SVGSVGElement>(null);

  const pointAt = (e: PointerEvent): { x: number; y: number } | null => {
    const ctm = svg.current?.getScreenCTM();
    if (!ctm) return null;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse());
    return { x: p.x, y: p.y };
  };
  const hoverTo = (c: Cell | null) => {
    if (c?.i === hover?.i && c?.j === hover?.j) return;
    setHover(c);
    onHover(c);
  };
  const onMove = (e: PointerEvent) => {
    const p = pointAt(e);
    if (!p) return;
    if (press.current) {
      const r = bandRect(plot, press.current, p);
      setBand(dragResult(plot, nx, ny, press.current, p).kind === 'click' ? null : r);
    }
    hoverTo(fresh ? cellAt(plot, nx, ny, p.x, p.y) : null);
  };
  const onUp = (e: PointerEvent) => {
    const from = press.current,
      to = pointAt(e);
    press.current = null;
    setBand(null);
    if (!from || !to || !fresh) return;
    const d = dragResult(plot, nx, ny, from, to);
    if (d.kind === 'click') {
      setCursor(d.cell);
      onSelect(d.cell.i, d.cell.j);
    } else if (d.kind === 'box') onZoom(d.box);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && press.current) {
      press.current = null; // a drag let go of without zooming
      setBand(null);
      return;
    }
    if (!fresh) return;
    if ((e.key === 'Enter' || e.key === ' ') && (cursor ?? selected)) {
      e.preventDefault();
      const c = (cursor ?? selected)!;
      onSelect(c.i, c.j);
      return;
    }
    if (e.key === '+' || e.key === '=') {
      e.preventDefault();
      onZoom(zoomAround(cursor ?? selected ?? { i: nx >> 1, j: ny >> 1 }, nx, ny));
      return;
    }
    const next = movedCell(cursor ?? selected, e.key, nx, ny, e.shiftKey);
    if (!next) return;
    e.preventDefault();
    setCursor(next);
    onHover(next);
  };

  const summary = mapSummary(spec, counts);
  const outline = (c: Cell, cls: string) => {
    const r = cellRect(plot, nx, ny, c, MIN_OUTLINE);
    return (
      <g className={cls} data-cell={`${c.i},${c.j}`}>
        <rect className="map-halo" {...r} />
        <rect className="map-ink" {...r} />
      </g>
    );
  };
  const status = props.progress
    ? `Computing… ${Math.floor((100 * props.progress.done) / Math.max(1, props.progress.total))} %`
    : 'Not computed yet';

  return (
    <div
      ref={box}
      className="map-frame"
      style={{ height: frame.height, ...chartFontStyle(type) }}
      role="application"
      aria-roledescription="trainability map"
      aria-label={`${summary} Arrow keys move a cursor cell, Enter selects it, + zooms in around it; drag a box to zoom.`}
      tabIndex={0}
      onKeyDown={onKey}
      onBlur={() => setCursor(null)}
      data-map-cells={nx * ny}
      data-map-computed={fresh ? 'true' : 'false'}
      data-map-counts={counts ? `${counts.converged},${counts.diverged},${counts.bounded}` : ''}
    >
      <canvas
        ref={canvas}
        className="map-pixels"
        aria-hidden="true"
        style={{ left: plot.x, top: plot.y, width: plot.width, height: plot.height }}
      />
      <svg
        ref={svg}
        className="map-svg"
        viewBox={`0 0 ${frame.width} ${frame.height}`}
        aria-hidden="true"
        onPointerDown={(e) => {
          const p = pointAt(e);
          if (!p || !cellAt(plot, nx, ny, p.x, p.y)) return;
          press.current = p;
          e.currentTarget.setPointerCapture(e.pointerId);
        }}
        onPointerMove={onMove}
        onPointerUp={onUp}
        onPointerCancel={() => {
          press.current = null;
          setBand(null);
        }}
        onPointerLeave={() => hoverTo(null)}
      >
        <rect className="map-plot-edge" {...plot} />
        {!fresh && (
          <text
            className="map-status-text"
            x={plot.x + plot.width / 2}
            y={plot.y + plot.height / 2}
            textAnchor="middle"
            dy="0.32em"
          >
            {status}
          </text>
        )}
        <g className="axes">
          {frame.xTicks.map((t) => (
            <g
              key={t.value}
              transform={`translate(${tickAt(plot, t, 'x')},${plot.y + plot.height})`}
            >
              <line y2={frame.tick} />
              <text y={frame.tick + frame.font} textAnchor="middle">
                {t.label}
              </text>
            </g>
          ))}
          {frame.yTicks.map((t) => (
            <g key={t.value} transform={`translate(${plot.x},${tickAt(plot, t, 'y')})`}>
              <line x2={-frame.tick} />
              <text x={-frame.tick - 2} dy="0.32em" textAnchor="end">
                {t.label}
              </text>
            </g>
          ))}
          {[frame.xTitle, frame.yTitle].map((t) => (
            <text key={t.text} className="axis-label" x={t.x} y={t.y} textAnchor={t.anchor}>
              {t.text}
            </text>
          ))}
        </g>
        {fresh && hover && !band && (
          <g className="map-crosshair">
            {crosshair(cellRect(plot, nx, ny, hover), plot)}
            {outline(hover, 'map-hover')}
          </g>
        )}
        {fresh && selected && outline(selected, 'map-selected')}
        {fresh && cursor && outline(cursor, 'map-cursor')}
        {band && <rect className="map-band" {...band} />}
      </svg>
      <p className="sr-only" aria-live="polite">
        {fresh && cursor ? `Cursor at ${cellValuesText(spec, cursor)}` : ''}
      </p>
    </div>
  );
}

/** Two thin lines through a cell's centre across the plot. */
function crosshair(r: Rect, plot: Rect) {
  const cx = r.x + r.width / 2,
    cy = r.y + r.height / 2;
  return (
    <path
      className="map-cross"
      d={`M${plot.x} ${cy}H${plot.x + plot.width}M${cx} ${plot.y}V${plot.y + plot.height}`}
    />
  );
}

/** The result when it is the map of `spec` (a zoom or a new spec makes the old one stale). */
function useFreshResult(spec: MapSpec, result: MapResult | null): MapResult | null {
  const key = useMemo(() => JSON.stringify(mapSpecToJson(spec)), [spec]);
  const resultKey = useMemo(
    () => (result ? JSON.stringify(mapSpecToJson(result.spec)) : null),
    [result],
  );
  return result && (result.spec === spec || resultKey === key) ? result : null;
}
