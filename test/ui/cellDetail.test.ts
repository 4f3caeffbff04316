import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parseMapSpec, type MapSpec } from '../../src/core/map/mapSpec';
import { mlpScalarCell } from '../../src/core/map/mlpProblem';
import { scalarCell } from '../../src/core/map/surfaceCell';
import { CellDetail } from '../../src/ui/map/CellDetail';

function spec(raw: Record<string, unknown>): MapSpec {
  const p = parseMapSpec(raw);
  if (!p.ok) throw new Error(p.errors.join('; '));
  return p.value;
}
const render = (s: MapSpec, selected: { i: number; j: number } | null) =>
  renderToStaticMarkup(createElement(CellDetail, { spec: s, selected }));

const surface = spec({
  surface: 'quadratic',
  optimizer: 'sgd',
  steps: 60,
  x: { key: 'lr', min: 1e-3, max: 10, log: true, n: 4 },
  y: { key: 'momentum', min: 0, max: 0.9, n: 2 },
});
const mlp = spec({
  kind: 'mlp',
  width: 8,
  inputs: 4,
  examples: 8,
  steps: 40,
  x: { key: 'lr1', min: 0.01, max: 100, log: true, n: 3 },
  y: { key: 'lr2', min: 0.01, max: 100, log: true, n: 3 },
});

describe('CellDetail', () => {
  it('says how to pick a run while none is selected', () => {
    expect(render(surface, null)).toContain('Click a cell of the map');
  });

  it("draws a surface cell's run with its outcome, settings and the race's link to it", () => {
    const out = render(surface, { i: 3, j: 1 });
    const cell = scalarCell(surface as never, 3, 1);
    expect(cell.outcome.divergedAt).toBeGreaterThanOrEqual(0); // lr ≈ 1.8 blows up
    expect(out).toContain(`data-outcome="diverged"`);
    expect(out).toContain(`Diverged at step ${cell.outcome.divergedAt}.`);
    expect(out).toContain('The run at lr = ');
    expect(out).toContain('class="map-cell-race" href="race.html?surface=quadratic&amp;opt=sgd');
    expect(out).toContain('map-cell-canvas');
  });

  it("draws an MLP cell's loss curve with the tolerance and the divergence bound", () => {
    const out = render(mlp, { i: 0, j: 0 });
    const cell = mlpScalarCell(mlp as never, 0, 0);
    expect(out).toContain('tolerance');
    expect(out).toContain('divergence bound');
    expect(out).toContain('η₁ = 0.0464');
    expect(out).not.toContain('Open in the race');
    expect(out).toContain(cell.outcome.divergedAt >= 0 ? 'Diverged' : 'final loss');
  });
});
