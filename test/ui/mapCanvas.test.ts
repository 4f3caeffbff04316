import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { emptyGrid, type MapResult } from '../../src/core/map/mapResult';
import { parseMapSpec, type MapSpec } from '../../src/core/map/mapSpec';
import { MapCanvas, type MapCanvasProps } from '../../src/ui/map/MapCanvas';

function spec(xmax = 1): MapSpec {
  const p = parseMapSpec({
    surface: 'quadratic',
    optimizer: 'sgd',
    steps: 50,
    tol: 1e-3,
    x: { key: 'lr', min: 1e-3, max: xmax, log: true, n: 4 },
    y: { key: 'momentum', min: 0, max: 0.9, log: false, n: 2 },
  });
  if (!p.ok) throw new Error(p.errors.join('; '));
  return p.value;
}

/** A 4 × 2 result: two converged, one diverged, the rest neither. */
function result(s: MapSpec): MapResult {
  const g = emptyGrid(8);
  g.reachedAt.set([3, 10], 0);
  g.divergedAt[7] = 4;
  g.finalLoss.fill(0.5);
  return { ...g, spec: s, backend: 'wasm', chunk: 8, seconds: 0.1 };
}

const render = (more: Partial<MapCanvasProps>) =>
  renderToStaticMarkup(
    createElement(MapCanvas, {
      spec: spec(),
      result: null,
      mode: 'status',
      selected: null,
      onHover: () => {},
      onSelect: () => {},
      onZoom: () => {},
      ...more,
    }),
  );

describe('MapCanvas', () => {
  it('names the map and its counts for a screen reader, and draws both axes with their titles', () => {
    const s = spec();
    const out = render({ spec: s, result: result(s) });
    expect(out).toContain('role="application"');
    expect(out).toContain(
      'Trainability map of SGD on Ill-conditioned quadratic: Learning rate × Momentum, 4 × 2 runs of 50 steps: 2 converged, 1 diverged, 5 neither.',
    );
    expect(out).toContain('data-map-counts="2,1,5"');
    expect(out).toContain('data-map-computed="true"');
    expect(out).toContain('Learning rate lr (log)');
    expect(out).toContain('Momentum μ');
    expect(out).toContain('>0.01<'); // a decade tick
    expect(out).not.toContain('Not computed yet');
  });

  it('says "not computed yet", or the progress, while there is no map of this spec', () => {
    expect(render({})).toContain('Not computed yet');
    expect(render({ progress: { done: 3, total: 8 } })).toContain('Computing… 37 %');
    // A map of another spec (before a zoom) is not drawn under the new axes.
    const stale = render({ spec: spec(0.5), result: result(spec()) });
    expect(stale).toContain('data-map-computed="false"');
    expect(stale).toContain('not computed yet.');
  });

  it('outlines the selected cell', () => {
    const s = spec();
    expect(render({ spec: s, result: result(s), selected: { i: 2, j: 1 } })).toContain(
      'class="map-selected" data-cell="2,1"',
    );
  });
});
