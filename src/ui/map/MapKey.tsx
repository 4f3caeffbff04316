import { mapLegend, lossRange } from '../../core/map/mapColours';
import { cellOutcome, statusCounts } from '../../core/map/mapResult';
import { cellValuesText, outcomeSentence } from '../../core/view/mapText';
import { shownResult, shownSpec, useMapStore } from '../../state/mapStore';

/** The colours of the shown mode (over the map's own loss range in 'loss' mode). */
export function MapLegend() {
  const mode = useMapStore((s) => s.mode);
  const result = useMapStore(shownResult);
  const items = mapLegend(mode, result ? lossRange(result) : null);
  return (
    <ul className="map-legend" aria-label="Colour key">
      {items.map((it) => (
        <li key={it.label}>
          <span className="map-swatch" style={{ background: it.colour }} aria-hidden="true" />
          {it.label}
        </li>
      ))}
    </ul>
  );
}

/** How many runs converged, diverged or did neither. */
export function MapCounts() {
  const result = useMapStore(shownResult);
  if (!result) return null;
  const c = statusCounts(result);
  const n = (v: number) => v.toLocaleString('en-US');
  return (
    <p
      className="map-counts"
      data-converged={c.converged}
      data-diverged={c.diverged}
      data-bounded={c.bounded}
    >
      <strong>{n(c.converged)}</strong> converged · <strong>{n(c.diverged)}</strong> diverged ·{' '}
      <strong>{n(c.bounded)}</strong> neither
    </p>
  );
}

/** The cell under the pointer (or else the selected one): its two values and its outcome. */
export function MapReadout() {
  const spec = useMapStore(shownSpec);
  const result = useMapStore(shownResult);
  const hovered = useMapStore((s) => s.hovered);
  const selected = useMapStore((s) => s.selected);
  const cell = hovered ?? selected;
  return (
    <p className="map-readout" aria-live="polite" data-cell={cell ? `${cell.i},${cell.j}` : ''}>
      {!cell
        ? 'Point at a cell to read its values; click it to see its run.'
        : `${cellValuesText(spec, cell)}. ${
            result
              ? outcomeSentence(cellOutcome(result, spec.x.n, cell.i, cell.j), spec.tol, spec.steps)
              : 'Not computed yet.'
          }`}
    </p>
  );
}
