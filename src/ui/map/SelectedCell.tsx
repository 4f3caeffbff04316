import { shownSpec, useMapStore } from '../../state/mapStore';
import { CellDetail } from './CellDetail';

/** The selected cell's run under the map (CellDetail draws it; before a click, how to select). */
export function SelectedCell() {
  const spec = useMapStore(shownSpec);
  const selected = useMapStore((s) => s.selected);
  const look = useMapStore((s) => s.look);
  return <CellDetail spec={spec} selected={selected} theme={look.theme} large={look.large} />;
}
