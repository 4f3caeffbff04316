import { useResultsStore } from '../state/resultsStore';
import { RaceControlColumn } from './controls/RaceControlColumn';
import { Transport } from './controls/Transport';
import { ExportMenu } from './export/ExportMenu';
import { Header } from './Header';
import { useRaceLook } from './hooks/useRaceLook';
import { ContourRace } from './panels/ContourRace';
import { Legend } from './panels/Legend';
import { LossCurves } from './panels/LossCurves';
import { StepArrowLegend } from './panels/StepArrowLegend';
import { ThreeDPanel } from './panels/ThreeDPanel';
import { UrlErrors } from './UrlErrors';
import { ScenePicker } from './controls/ScenePicker';

/** The optimizer race page: figures first, controls beside them (below on narrow screens). */
export function App({ urlErrors }: { urlErrors: readonly string[] }) {
  useRaceLook();
  const computeError = useResultsStore((s) => s.computeError);
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
          <ExportMenu />
          <StepArrowLegend />
          <LossCurves />
        </div>
        <RaceControlColumn />
      </main>
      <footer className="app-footer">
        Every setting is in the address bar: copy the link to share this exact race.
      </footer>
    </div>
  );
}
