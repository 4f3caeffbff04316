import { usePlaybackStore } from './playbackStore';

/**
 * Drives playback with requestAnimationFrame while `playing` is true: one `tick` per frame,
 * written to the store (no React state). Returns a function that stops listening.
 */
export function startPlaybackLoop(
  raf: (cb: FrameRequestCallback) => number = requestAnimationFrame,
  caf: (h: number) => void = cancelAnimationFrame,
): () => void {
  let handle: number | null = null;
  const frame = () => {
    usePlaybackStore.getState().tick();
    handle = usePlaybackStore.getState().playing ? raf(frame) : null;
  };
  const sync = (playing: boolean) => {
    if (playing && handle === null) handle = raf(frame);
    if (!playing && handle !== null) {
      caf(handle);
      handle = null;
    }
  };
  sync(usePlaybackStore.getState().playing);
  const unsub = usePlaybackStore.subscribe((s, prev) => {
    if (s.playing !== prev.playing) sync(s.playing);
  });
  return () => {
    unsub();
    sync(false);
  };
}
