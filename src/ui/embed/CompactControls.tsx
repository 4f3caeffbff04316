import { findOptimizer } from '../../core/optimizers/registry';
import { racerLabel } from '../../core/view/racerLabel';
import { usePlaybackStore } from '../../state/playbackStore';
import { useRaceStore } from '../../state/raceStore';
import { HpControl } from '../controls/HpControl';
import { StepScrubber } from '../controls/StepScrubber';
import { useSpaceToPlay } from '../hooks/useSpaceToPlay';
import { ScheduleOptions } from '../controls/ScheduleOptions';

/**
 * `controls=compact`: the few controls a widget names in `widgets.ts` (`controls`), in that
 * order, less those the link hides (`<name>_hide=1`). Each is tagged `data-control` with its name.
 */
export function CompactControls({
  names,
  hidden,
}: {
  names: readonly string[];
  hidden: ReadonlySet<string>;
}) {
  const shown = names.filter((n) => !hidden.has(n));
  if (shown.length === 0) return null;
  return (
    <div className="embed-controls" role="group" aria-label="Controls">
      {shown.map((n) => {
        const Control = CONTROLS[n];
        return Control ? <Control key={n} /> : null;
      })}
    </div>
  );
}

function PlayControl() {
  const playing = usePlaybackStore((s) => s.playing);
  const toggle = usePlaybackStore((s) => s.toggle);
  useSpaceToPlay(toggle);
  return (
    <button
      type="button"
      className="embed-play"
      data-control="play"
      onClick={toggle}
      aria-label={playing ? 'Pause' : 'Play'}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true">
        <path d={playing ? 'M3 2h4v12H3zM9 2h4v12H9z' : 'M3 1v14l12-7z'} />
      </svg>
    </button>
  );
}

const StepControl = () => <StepScrubber className="embed-step" data-control="step" />;

/** The first racer's learning rate, the slider every lecture moves first. */
function LrControl() {
  const racers = useRaceStore((s) => s.racers);
  const first = racers[0];
  const spec = first && findOptimizer(first.optimizer)?.hyperparams.find((h) => h.key === 'lr');
  if (!spec) return null;
  return (
    <div className="embed-slider" data-control="lr">
      <HpControl
        spec={spec}
        value={first.hp.lr}
        optName={first.label ?? racerLabel(first, racers)}
        onChange={(v) => useRaceStore.getState().setHp(first.key, 'lr', v)}
      />
    </div>
  );
}

/** The race's learning-rate schedule. */
function ScheduleControl() {
  const id = useRaceStore((s) => s.schedule.id);
  return (
    <label className="field" data-control="sched">
      <span className="field-label">LR schedule</span>
      <select
        value={id}
        onChange={(e) => useRaceStore.getState().setSchedule(e.currentTarget.value)}
      >
        <ScheduleOptions />
      </select>
    </label>
  );
}

/** Every name a race widget may list in `widgets.ts`. */
const CONTROLS: Record<string, (() => React.ReactNode) | undefined> = {
  play: PlayControl,
  step: StepControl,
  lr: LrControl,
  sched: ScheduleControl,
};
