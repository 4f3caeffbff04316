import { useRef } from 'react';
import { shownStep, usePlaybackStore } from '../../state/playbackStore';
import { useStepEffect } from '../hooks/usePlaybackRef';

/**
 * The step slider (the race's Transport, an embed's compact controls): it follows playback
 * through a ref, so playing re-renders nothing; moving it pauses.
 */
export function StepScrubber(props: { className?: string; 'data-control'?: string }) {
  const maxStep = usePlaybackStore((s) => s.maxStep);
  const scrub = useRef<HTMLInputElement>(null);
  useStepEffect(
    (k) => {
      if (!scrub.current) return;
      scrub.current.value = String(k);
      scrub.current.setAttribute('aria-valuetext', `step ${k} of ${maxStep}`);
    },
    [maxStep],
  );
  return (
    <input
      {...props}
      ref={scrub}
      type="range"
      min={0}
      max={maxStep}
      step={1}
      aria-label="Step"
      defaultValue={shownStep(usePlaybackStore.getState())}
      onChange={(e) => {
        const p = usePlaybackStore.getState();
        p.pause();
        p.seek(Number(e.currentTarget.value));
      }}
    />
  );
}
