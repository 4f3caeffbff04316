import { useMemo } from 'react';
import type { CellOutcome } from '../../core/map/mapOutcome';
import type { MapSpec } from '../../core/map/mapSpec';
import { mlpProblem, mlpScalarCell } from '../../core/map/mlpProblem';
import { scalarCell } from '../../core/map/surfaceCell';
import type { RunConfig } from '../../core/config';
import type { RunResult } from '../../core/trajectory';

/** A selected cell's run by the core's scalar path: a surface run, or the MLP's loss curve. */
export type CellRun =
  | {
      kind: 'surface';
      config: RunConfig;
      result: RunResult;
      losses: Float64Array;
      outcome: CellOutcome;
    }
  | { kind: 'mlp'; lr1: number; lr2: number; losses: Float64Array; outcome: CellOutcome };

/**
 * The run of cell (i, j) of `spec`, recomputed only when the spec or the cell changes (a surface
 * run is a few ms of plain JS; the MLP's data set and initial weights are made once per spec).
 */
export function useCellRun(spec: MapSpec, i: number | null, j: number | null): CellRun | null {
  const problem = useMemo(() => (spec.kind === 'mlp' ? mlpProblem(spec) : null), [spec]);
  return useMemo(() => {
    if (i === null || j === null || i >= spec.x.n || j >= spec.y.n) return null;
    if (spec.kind === 'surface') return { kind: 'surface', ...scalarCell(spec, i, j) };
    return { kind: 'mlp', ...mlpScalarCell(spec, i, j, problem ?? undefined) };
  }, [spec, problem, i, j]);
}
