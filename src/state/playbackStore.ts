import { create } from 'zustand';

export interface Playback {
  /** Steps shown; fractional while playing slower than one step a frame. */
  step: number;
  /** The race length the step is clamped to. */
  maxStep: number;
  playing: boolean;
  /** Steps per animation frame. */
  speed: number;
}

export interface PlaybackActions {
  play(): void;
  pause(): void;
  toggle(): void;
  /** One step forward or back (pauses). */
  stepBy(delta: number): void;
  seek(step: number): void;
  setSpeed(speed: number): void;
  setMaxStep(max: number): void;
  /** Advances by `speed` (the frame loop calls this); stops at the end. */
  tick(): void;
}

const clamp = (v: number, max: number) => Math.max(0, Math.min(max, v));

/** Playback through the computed race; the frame loop (playbackLoop) writes here, panels read. */
export const usePlaybackStore = create<Playback & PlaybackActions>()((set, get) => ({
  step: 300,
  maxStep: 300,
  playing: false,
  speed: 1,
  play() {
    const { step, maxStep } = get();
    set({ playing: true, step: step >= maxStep ? 0 : step });
  },
  pause: () => set({ playing: false, step: Math.round(get().step) }),
  toggle: () => (get().playing ? get().pause() : get().play()),
  stepBy: (d) => set({ playing: false, step: clamp(Math.round(get().step) + d, get().maxStep) }),
  seek: (step) => set({ step: clamp(Math.round(step), get().maxStep) }),
  setSpeed: (speed) => set({ speed }),
  setMaxStep(max) {
    const { step, maxStep } = get();
    // A race that was shown to its end stays shown to its end when it gets longer.
    set({ maxStep: max, step: step >= maxStep ? max : clamp(step, max) });
  },
  tick() {
    const { step, speed, maxStep, playing } = get();
    if (!playing) return;
    const next = step + speed;
    if (next >= maxStep) set({ step: maxStep, playing: false });
    else set({ step: next });
  },
}));

/** The whole-number step panels draw. */
export const shownStep = (p: Pick<Playback, 'step'>) => Math.floor(p.step);
