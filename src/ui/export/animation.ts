/** What an animated export reports and how it is stopped. */
export interface AnimationJob {
  /** Told after each frame: frames done of all. */
  onProgress(done: number, total: number): void;
  /** Aborting stops the export between frames; it then rejects with an AbortError. */
  signal: AbortSignal;
}

/** Lets the page paint (the progress bar) and notice a Cancel between two frames. */
export async function nextFrame(signal: AbortSignal, ms = 0): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  signal.throwIfAborted();
}

/** How long an animation lasts, whatever its frame count: about 6 s, then the last frame held. */
export const ANIMATION_MS = 6000;
export const HOLD_LAST_MS = 1500;
