import { create } from 'zustand';
import { sceneById } from '../core/scenes/scenes';
import { expandSceneQuery } from '../io/sceneQuery';
import { decodeQuery } from '../io/queryParams';
import { parseUrlState, serializeUrlState } from './raceUrl';
import type { Scene } from '../core/scenes/sceneSpec';
import { raceSnapshot } from './raceStore';
import { loadUrlState } from './urlSync';
import { useViewStore } from './viewStore';

/** The scene last applied (its card shows while `open`); null = none. */
export const useSceneStore = create<{ active: string | null; open: boolean }>()(() => ({
  active: null,
  open: false,
}));

export const closeSceneCard = () => useSceneStore.setState({ open: false });

/** The link's scene, if it named a known one, becomes the active scene (the stores already hold it). */
export function showLinkedScene(query: string): void {
  const { scene } = expandSceneQuery(query);
  useSceneStore.setState({ active: scene?.id ?? null, open: scene !== null });
}

/**
 * Applies a scene as its link would, keeping how the page looks (theme, large type, 3D on or
 * off) where the scene does not set it: a reader in dark mode stays in dark mode.
 */
export function applyScene(id: string): void {
  const scene = sceneById(id);
  if (!scene) return;
  const v = useViewStore.getState();
  const set = decodeQuery(scene.query).params;
  const keep = Object.entries({
    theme: v.theme,
    large: v.large,
    '3d': v.show3d,
    log3d: v.logHeight,
  }).filter(([k]) => !set.has(k));
  const query = [`scene=${id}`, ...keep.map(([k, x]) => `${k}=${String(x)}`)].join('&');
  for (const m of loadUrlState(query)) console.warn(m);
  useSceneStore.setState({ active: id, open: true });
}

/**
 * Whether the race is no longer the scene as it loads (a slider moved, a racer added), so that
 * the card can say its sentences describe the scene, not what is on screen. Compared through
 * the link codec, which writes a state one way only.
 */
export function sceneChanged(scene: Scene): boolean {
  const { state } = parseUrlState(scene.query);
  return serializeUrlState({ ...state, race: raceSnapshot() }) !== serializeUrlState(state);
}
