/**
 * Every ready-made map parses, and says what its runs do: checked on the scalar path (run() and
 * the float64 MLP) at coarse cells, so the claims hold for the maps the page computes.
 */
import { describe, expect, it } from 'vitest';
import { AXES } from '../../../src/core/map/mapAxes';
import { statusOf, type CellStatus } from '../../../src/core/map/mapOutcome';
import { findMapPreset, MAP_PRESETS } from '../../../src/core/map/mapPresets';
import {
  parseMapSpec,
  type MapSpec,
  type MlpMapSpec,
  type SurfaceMapSpec,
} from '../../../src/core/map/mapSpec';
import { mlpProblem, mlpScalarCell } from '../../../src/core/map/mlpProblem';
import { scalarCell } from '../../../src/core/map/surfaceCell';

function specOf(id: string, n?: number): MapSpec {
  const r = parseMapSpec(findMapPreset(id)!.spec);
  if (!r.ok) throw new Error(r.errors.join('; '));
  const s = r.value;
  return n ? { ...s, x: { ...s.x, n }, y: { ...s.y, n } } : s;
}

/** Status of every cell of a coarse n × n version of the preset, rows bottom (small y) first. */
function coarse(id: string, n: number): CellStatus[][] {
  const s = specOf(id, n);
  const p = s.kind === 'mlp' ? mlpProblem(s) : null;
  return Array.from({ length: n }, (_, j) =>
    Array.from({ length: n }, (_, i) =>
      statusOf(
        s.kind === 'mlp'
          ? mlpScalarCell(s as MlpMapSpec, i, j, p!).outcome
          : scalarCell(s as SurfaceMapSpec, i, j).outcome,
      ),
    ),
  );
}
const share = (g: CellStatus[][], st: CellStatus) =>
  g.flat().filter((s) => s === st).length / g.flat().length;

describe('map presets', () => {
  it.each(MAP_PRESETS.map((p) => [p.id, p] as const))('%s parses and names its axes', (_id, p) => {
    const r = parseMapSpec(p.spec);
    expect(r.ok).toBe(true);
    if (r.ok) expect(p.title + p.blurb).not.toBe(AXES[r.value.x.key].label);
  });

  it('momentum-bowl: the stability wall leans right as momentum grows', () => {
    const g = coarse('momentum-bowl', 12);
    const firstRed = (row: CellStatus[]) => row.indexOf('diverged');
    // Bottom row (μ ≈ 0) diverges from an lr left of where the top rows do.
    expect(firstRed(g[0])).toBeGreaterThan(0);
    expect(firstRed(g[8])).toBeGreaterThanOrEqual(firstRed(g[0]));
    expect(share(g, 'converged')).toBeGreaterThan(0.1);
  });

  it('batch-noise: the wall stays put; the fastest full-batch runs stay in the noise at B = 1', () => {
    const s = specOf('batch-noise');
    const g = coarse('batch-noise', 16); // rows: B = 1 … 256
    const top = g[g.length - 1],
      bottom = g[0];
    expect(top.indexOf('diverged')).toBe(bottom.indexOf('diverged'));
    const fastest = top.lastIndexOf('converged');
    expect(fastest).toBeGreaterThan(0);
    expect(bottom[fastest]).not.toBe('converged');
    expect(s.kind === 'surface' && s.batch?.samples).toBe(256);
  });

  it('starts: most starts converge, some are thrown out', () => {
    const g = coarse('starts', 12);
    expect(share(g, 'converged')).toBeGreaterThan(0.5);
    expect(share(g, 'diverged')).toBeGreaterThan(0.05);
  });

  it('adam-betas: large learning rates rarely blow up; some runs reach the minimum', () => {
    const g = coarse('adam-betas', 10);
    expect(share(g, 'diverged')).toBeLessThan(0.05);
    expect(share(g, 'converged')).toBeGreaterThan(0);
  });

  it('mlp-fractal: large output-layer rates diverge, small ones converge', () => {
    const g = coarse('mlp-fractal', 8);
    expect(share([g[7]], 'diverged')).toBeGreaterThan(0.5);
    expect(share(g, 'converged')).toBeGreaterThan(0.1);
  });
});
