import { useEffect } from 'react';
import { useRaceStore } from '../state/raceStore';
import { useResultsStore } from '../state/resultsStore';
import { useViewStore } from '../state/viewStore';
import { OptimizerPicker } from './controls/OptimizerPicker';
import { RaceControls } from './controls/RaceControls';
import { BatchScheduleControls } from './controls/BatchScheduleControls';
import { RacerCard } from './controls/RacerCard';
import { ScheduleControls } from './controls/ScheduleControls';
import { SurfacePicker } from './controls/SurfacePicker';
import { Transport } from './controls/Transport';
import { Header } from './Header';
import { ContourRace } from './panels/ContourRace';
import { Legend } from './panels/Legend';
import { LossCurves } from './panels/LossCurves';
import { LrFind } from './panels/LrFind';
import { TunePanel } from './panels/TunePanel';
import { BasinMapPanel } from './panels/BasinMapPanel';
import { StepArrowLegend } from './panels/StepArrowLegend';
import { ThreeDPanel } from './panels/ThreeDPanel';
import { UrlErrors } from './UrlErrors';
import { ScenePicker } from './controls/ScenePicker';

/** The optimizer race page: figures first, controls beside them (below on narrow screens). */
export function App({ urlErrors }: { urlErrors: readonly string[] }) {
  const theme = useViewStore((s) => s.theme);
  const large = useViewStore((s) => s.large);
  const computeError = useResultsStore((s) => s.computeError);
  // Only the racer keys, not their settings or results: a change must not re-render every card.
  const keys = useRaceStore((s) => s.racers.map((r) => r.key).join(' '));
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.classList.toggle('large', large);
  }, [theme, large]);
  return (
    <div className="app">
      <Header />
      <UrlErrors messages={urlErrors} />
      <ScenePicker />
      {computeError && (
        <div className="url-errors" role="alert">
          Computation failed: {computeError}
        </div>
      )}
      <main className="layout">
        <div className="figures">
          <div className="views">
            <ContourRace />
            <ThreeDPanel />
          </div>
          <Legend />
          <Transport />
          <StepArrowLegend />
          <LossCurves />
        </div>
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
      </main>
      <footer className="app-footer">
        Every setting is in the address bar: copy the link to share this exact race.
      </footer>
    </div>
  );
}
