import { useRaceStore } from '../../state/raceStore';
import { BasinMapPanel } from '../panels/BasinMapPanel';
import { LrFind } from '../panels/LrFind';
import { TunePanel } from '../panels/TunePanel';
import { BatchScheduleControls } from './BatchScheduleControls';
import { OptimizerPicker } from './OptimizerPicker';
import { RaceControls } from './RaceControls';
import { RacerCard } from './RacerCard';
import { ScheduleControls } from './ScheduleControls';
import { SurfacePicker } from './SurfacePicker';

/** The race page's control column, also an embed's `controls=full`. */
export function RaceControlColumn() {
  // Only the racer keys, not their settings or results: a change must not re-render every card.
  const keys = useRaceStore((s) => s.racers.map((r) => r.key).join(' '));
  return (
    <aside className="controls" aria-label="Controls">
      <SurfacePicker />
      <OptimizerPicker />
      {keys.split(' ').map((key) => (
        <RacerCard key={key} racerKey={key} />
      ))}
      <RaceControls />
      <ScheduleControls />
      <BatchScheduleControls />
      <LrFind />
      <TunePanel />
      <BasinMapPanel />
    </aside>
  );
}
