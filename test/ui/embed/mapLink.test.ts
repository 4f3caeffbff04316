/**
 * The map widget's `get` / `set` (ui/embed/mapLink.ts): keys in the map page's vocabulary, a
 * refused key named and kept, a new spec loaded (and computed), defaults answered when named.
 */
import { describe, expect, it } from 'vitest';
import { mapLinkParams, setMapLinkParams } from '../../../src/ui/embed/mapLink';
import { shownSpec, useMapStore } from '../../../src/state/mapStore';

describe('the map widget link', () => {
  it('get: what the link writes, or any named key with its default', () => {
    useMapStore.getState().setPreset('momentum-bowl');
    expect(mapLinkParams()).toEqual({ preset: 'momentum-bowl' });
    expect(mapLinkParams(['x', 'x.n', 'steps', 'mode', 'nope'])).toEqual({
      x: 'lr',
      'x.n': '128',
      steps: '200',
      mode: 'status',
    });
  });

  it('set: applies what parses, names what does not and keeps it, and starts a run', () => {
    useMapStore.getState().setPreset('momentum-bowl');
    const runId = useMapStore.getState().run.runId;
    const errors = setMapLinkParams({ 'x.n': '32', steps: '0', mode: 'loss' });
    expect(errors).toEqual([
      "Invalid URL parameter 'steps': must be an integer from 1 to 100000 (got '0'); unchanged",
    ]);
    const s = useMapStore.getState();
    expect(shownSpec(s).x.n).toBe(32);
    expect(shownSpec(s).steps).toBe(200);
    expect(s.mode).toBe('loss');
    expect(s.run.runId).toBeGreaterThan(runId);
    expect(mapLinkParams()).toEqual({ preset: 'momentum-bowl', 'x.n': '32', mode: 'loss' });
    // A key legal only with another optimizer is judged with the keys already set.
    expect(setMapLinkParams({ optimizer: 'adam', y: 'beta2' })).toEqual([]);
    expect(shownSpec(useMapStore.getState())).toMatchObject({
      optimizer: 'adam',
      y: { key: 'beta2' },
    });
  });
});
