import { useMemo } from 'react';
import { getSurface } from '../../core/surfaces/registry';
import type { Surface } from '../../core/surfaces/surface';
import { useRaceStore } from '../../state/raceStore';

/** The current surface object (built once per surface and parameters). */
export function useSurface(): Surface {
  const id = useRaceStore((s) => s.surface);
  const params = useRaceStore((s) => s.surfaceParams);
  return useMemo(() => getSurface(id, params), [id, params]);
}
