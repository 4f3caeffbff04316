import { beforeEach, describe, expect, it } from 'vitest';
import { sceneById } from '../../src/core/scenes/scenes';
import { useRaceStore } from '../../src/state/raceStore';
import {
  applyScene,
  closeSceneCard,
  sceneChanged,
  showLinkedScene,
  useSceneStore,
} from '../../src/state/sceneStore';
import { loadUrlState } from '../../src/state/urlSync';
import { useViewStore } from '../../src/state/viewStore';

const warmup = sceneById('warmup')!;

describe('applying a scene', () => {
  beforeEach(() => {
    loadUrlState('');
    useSceneStore.setState({ active: null, open: false });
  });

  it('sets the race to the scene and opens its card', () => {
    applyScene('warmup');
    expect(useSceneStore.getState()).toEqual({ active: 'warmup', open: true });
    expect(useRaceStore.getState().racers.map((r) => r.key)).toEqual(['sgd', 'sgd-2']);
    expect(useRaceStore.getState().surface).toBe('rosenbrock');
    expect(sceneChanged(warmup)).toBe(false);
    closeSceneCard();
    expect(useSceneStore.getState()).toEqual({ active: 'warmup', open: false });
  });

  it("keeps the reader's theme, large type and 3D choice", () => {
    useViewStore.getState().setTheme('dark');
    useViewStore.getState().setLarge(true);
    useViewStore.getState().setShow3d(false);
    applyScene('lr-sizes');
    const v = useViewStore.getState();
    expect([v.theme, v.large, v.show3d]).toEqual(['dark', true, false]);
  });

  it('knows when the race has left the scene, and is back after a reload', () => {
    applyScene('warmup');
    useRaceStore.getState().setSteps(800);
    expect(sceneChanged(warmup)).toBe(true);
    applyScene('warmup');
    expect(sceneChanged(warmup)).toBe(false);
  });

  it("opens the card of a link's known scene only", () => {
    showLinkedScene('?scene=warmup&steps=800');
    expect(useSceneStore.getState()).toEqual({ active: 'warmup', open: true });
    showLinkedScene('?scene=nope');
    expect(useSceneStore.getState()).toEqual({ active: null, open: false });
  });

  it('ignores an unknown id', () => {
    applyScene('nope');
    expect(useSceneStore.getState().active).toBeNull();
  });
});
