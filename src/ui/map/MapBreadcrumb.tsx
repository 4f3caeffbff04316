import { crumbLabel } from '../../core/view/mapCrumb';
import { useMapStore } from '../../state/mapStore';

/**
 * The zooms so far, oldest first: a click on an earlier crumb goes back to it (and recomputes
 * it); "Reset" goes back to where the zooms started. The last crumb is the map shown.
 */
export function MapBreadcrumb() {
  const crumbs = useMapStore((s) => s.crumbs);
  const back = useMapStore((s) => s.back);
  const last = crumbs.length - 1;
  return (
    <nav className="map-crumbs" aria-label="Zooms" data-crumbs={crumbs.length}>
      <ol>
        {crumbs.map((c, k) => (
          <li key={k}>
            {k === last ? (
              <span aria-current="step">
                {k === 0 ? 'Whole map' : `Zoom ${k}`}: {crumbLabel(c)}
              </span>
            ) : (
              <button type="button" className="link-button" onClick={() => back(k)}>
                {k === 0 ? 'Whole map' : `Zoom ${k}`}: {crumbLabel(c)}
              </button>
            )}
          </li>
        ))}
      </ol>
      {last > 0 && (
        <button type="button" onClick={() => back(0)}>
          Reset zoom
        </button>
      )}
    </nav>
  );
}
