import { useRef } from 'react';
import { SPEED_CHOICES } from '../../state/raceUrl';
import { usePlaybackStore } from '../../state/playbackStore';
import { useStepEffect } from '../hooks/usePlaybackRef';
import { useSpaceToPlay } from '../hooks/useSpaceToPlay';
import { StepScrubber } from './StepScrubber';

/**
 * Play / pause / step / scrub / speed; Space plays and pauses from anywhere on the page that does
 * not use Space itself. The scrubber and counter follow playback through refs.
 */
export function Transport() {
  const playing = usePlaybackStore((s) => s.playing);
  const maxStep = usePlaybackStore((s) => s.maxStep);
  const speed = usePlaybackStore((s) => s.speed);
  const { toggle, stepBy, seek, setSpeed } = usePlaybackStore.getState();
  useSpaceToPlay(toggle);
  const counter = useRef<HTMLOutputElement>(null);
  useStepEffect(
    (k) => {
      if (counter.current) counter.current.textContent = `step ${k} / ${maxStep}`;
    },
    [maxStep],
  );
  return (
    <div className="transport" role="group" aria-label="Playback">
      <button type="button" onClick={() => seek(0)} aria-label="Back to start">
        <Icon d="M3 2h2v12H3zM14 2v12L6 8z" />
      </button>
      <button type="button" onClick={() => stepBy(-1)} aria-label="Step back">
        <Icon d="M12 2v12L4 8z" />
      </button>
      <button
        type="button"
        className="play"
        onClick={toggle}
        aria-label={playing ? 'Pause' : 'Play'}
      >
        {playing ? <Icon d="M3 2h4v12H3zM9 2h4v12H9z" /> : <Icon d="M3 1v14l12-7z" />}
      </button>
      <button type="button" onClick={() => stepBy(1)} aria-label="Step forward">
        <Icon d="M4 2v12l8-6z" />
      </button>
      <StepScrubber className="scrubber" />
      <output ref={counter} className="counter" />
      <label className="field speed">
        <span className="field-label">Speed</span>
        <select
          aria-label="Speed"
          value={speed}
          onChange={(e) => setSpeed(Number(e.currentTarget.value))}
        >
          {SPEED_CHOICES.map((v) => (
            <option key={v} value={v}>
              {v}×
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

const Icon = ({ d }: { d: string }) => (
  <svg viewBox="0 0 16 16" aria-hidden="true">
    <path d={d} />
  </svg>
);
