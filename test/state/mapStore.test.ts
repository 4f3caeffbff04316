/**
 * The map's store and runner (state/mapStore.ts, mapRunner.ts) on a fake worker: every preset
 * parses; a change of the shown spec starts a run of it; a zoom pushes the box's axes on the
 * breadcrumb and `back` pops them; cancel reaches the worker; the worker's messages fill the run.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { MAP_PRESETS } from '../../src/core/map/mapPresets';
import { emptyGrid } from '../../src/core/map/mapResult';
import { zoomAxis } from '../../src/core/map/mapAxes';
import { startMapRunner } from '../../src/state/mapRunner';
import { presetSpec, shownResult, shownSpec, useMapStore } from '../../src/state/mapStore';
import { currentMapQuery, followMapHistory } from '../../src/state/mapUrlSync';
import { MapClient } from '../../src/worker/mapClient';
import type { MapRequest, MapResponse } from '../../src/worker/mapProtocol';

function fakeWorker() {
  const posted: MapRequest[] = [];
  let listener: (m: MapResponse) => void = () => {};
  const client = new MapClient({
    post: (r) => posted.push(r),
    onMessage: (cb) => {
      listener = cb;
    },
    terminate: () => {},
  });
  return { client, posted, answer: (m: MapResponse) => listener(m) };
}

describe('the map store', () => {
  let w: ReturnType<typeof fakeWorker>;
  let stop: () => void;
  beforeEach(() => {
    stop?.();
    w = fakeWorker();
    stop = startMapRunner(() => w.client, ['wasm', 'cpu']);
  });

  it('every preset parses, on a light default grid (≤ 128 × 128 cells)', () => {
    for (const p of MAP_PRESETS) {
      const s = presetSpec(p.id);
      expect(s.x.n * s.y.n).toBeLessThanOrEqual(128 * 128);
    }
  });

  it('a preset starts a run of its spec; progress, backend and the map fill the run', () => {
    useMapStore.getState().setPreset('starts');
    const req = w.posted.at(-1)!;
    expect(req).toMatchObject({ kind: 'compute', backends: ['wasm', 'cpu'] });
    if (req.kind !== 'compute') throw new Error();
    expect(req.spec).toEqual(presetSpec('starts'));
    const seq = req.seq;
    w.answer({
      kind: 'backend',
      seq,
      backend: 'wasm',
      wanted: 'wasm',
      softwareWebgl: null,
      reason: null,
    });
    w.answer({ kind: 'progress', seq, done: 10, total: 100 });
    let run = useMapStore.getState().run;
    expect(run).toMatchObject({ status: 'running', backend: 'wasm', done: 10, total: 100 });
    const spec = structuredClone(req.spec);
    const result = {
      ...emptyGrid(spec.x.n * spec.y.n),
      spec,
      backend: 'wasm',
      chunk: 1,
      seconds: 2,
    };
    w.answer({ kind: 'done', seq, result, seconds: 2, numTensors: 0 });
    run = useMapStore.getState().run;
    expect(run.status).toBe('done');
    expect(run.done).toBe(run.total);
    // The worker's copy of the spec is still the shown map.
    expect(shownResult(useMapStore.getState())).toBe(result);
  });

  it('a zoom recomputes the box and pushes a crumb; back pops it; the selection is cleared', () => {
    const st = useMapStore.getState();
    st.setPreset('momentum-bowl');
    const base = shownSpec(useMapStore.getState());
    st.select({ i: 1, j: 2 });
    st.zoom({ x0: 70, x1: 10, y0: 64, y1: 128 });
    const s = useMapStore.getState();
    expect(s.crumbs).toHaveLength(2);
    expect(s.selected).toBeNull();
    expect(shownSpec(s).x).toEqual(zoomAxis(base.x, 10, 70));
    expect(shownSpec(s).y).toEqual(zoomAxis(base.y, 64, 128));
    const req = w.posted.at(-1)!;
    expect(req.kind === 'compute' && req.spec).toEqual(shownSpec(s));
    st.back(0);
    expect(useMapStore.getState().crumbs).toEqual([base]);
    expect(w.posted.at(-1)).toMatchObject({ kind: 'compute', spec: base });
  });

  it("the browser's Back to an earlier crumb's link pops the zooms after it; another link loads anew", () => {
    const st = useMapStore.getState();
    st.setPreset('momentum-bowl');
    const first = currentMapQuery();
    st.zoom({ x0: 10, x1: 70, y0: 0, y1: 64 });
    const second = currentMapQuery();
    st.zoom({ x0: 0, x1: 64, y0: 0, y1: 64 });
    expect(useMapStore.getState().crumbs).toHaveLength(3);
    expect(followMapHistory(second)).toEqual([]);
    expect(useMapStore.getState().crumbs).toHaveLength(2);
    expect(currentMapQuery()).toBe(second);
    expect(followMapHistory(first)).toEqual([]);
    expect(useMapStore.getState().crumbs).toHaveLength(1);
    expect(followMapHistory('preset=starts&steps=0')).toHaveLength(1);
    expect(useMapStore.getState().preset).toBe('starts');
  });

  it('cancel reaches the worker, and its answer ends the run as cancelled', () => {
    const st = useMapStore.getState();
    st.compute();
    const seq = w.posted.at(-1)!.seq;
    st.cancel();
    expect(w.posted.at(-1)).toEqual({ kind: 'cancel', seq });
    expect(useMapStore.getState().run.status).toBe('cancelling');
    w.answer({ kind: 'cancelled', seq, numTensors: 0 });
    expect(useMapStore.getState().run.status).toBe('cancelled');
  });

  it('a worker error is the run error, in words', () => {
    useMapStore.getState().compute();
    const seq = w.posted.at(-1)!.seq;
    w.answer({ kind: 'error', seq, message: 'out of memory' });
    expect(useMapStore.getState().run).toMatchObject({ status: 'error', error: 'out of memory' });
  });
});
