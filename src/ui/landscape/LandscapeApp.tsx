import { useDocumentLook } from '../hooks/useDocumentLook';
import { PageHeader } from '../site/PageHeader';
import { useLandscapeStore } from '../../state/landscapeStore';
import { widgetTarget } from '../site/shareTarget';
import '../motion.css';
import { UrlErrors } from '../UrlErrors';
import { H5Open } from './H5Open';
import { Landscape3D } from './Landscape3D';
import { LandscapeContour } from './LandscapeContour';
import { LandscapeFacts } from './LandscapeFacts';
import { useCurvatureRatio } from './NonConvexityKey';
import { LinePanel } from './LinePanel';
import { lookStyle } from './landscapeTheme';
import { ModelPicker } from './ModelPicker';
import { ThreeDGate } from '../panels/ThreeDGate';
import { RecomputePanel } from './RecomputePanel';
import { SourceSwitch } from './SourceSwitch';
import { ToyPanel } from './toy/ToyPanel';
import { useDisplayedView } from './useDisplayedView';
import { LandscapeExport } from './export/LandscapeExport';
import { CompareView } from './compare/CompareView';
import { useCompareBack } from './compare/useCompareHistory';

/** The loss-landscapes page: contour and 3D side by side, the numbers below, controls beside. */
export function LandscapeApp({ urlErrors }: { urlErrors: readonly string[] }) {
  const { shown, message } = useDisplayedView();
  const look = useLandscapeStore((s) => s.look);
  const setLook = useLandscapeStore((s) => s.setLook);
  useCompareBack();
  const curvature = useCurvatureRatio(shown?.view ?? null);
  useDocumentLook(look);
  return (
    <div className="app" style={lookStyle(look)}>
      <PageHeader
        title="Loss Landscape Lab"
        subtitle="Loss landscapes: 2-D slices through ResNet weight space (Li et al. 2018), with and without skip connections"
        current="landscape"
        look={look}
        onLook={setLook}
        share={() =>
          // The comparison view shares as its own widget, the grid.
          widgetTarget(
            look.compare ? 'landscape-grid' : 'landscape',
            window.location.search,
            window.location.href,
          )
        }
      />
      <UrlErrors messages={urlErrors} />
      <div className="chips ls-mode" role="group" aria-label="View">
        <button
          type="button"
          className="chip"
          aria-pressed={!look.compare}
          onClick={() => setLook({ compare: undefined, open: undefined })}
        >
          One model
        </button>
        <button
          type="button"
          className="chip"
          aria-pressed={look.compare === true}
          onClick={() => setLook({ compare: true })}
        >
          Compare all side by side
        </button>
      </div>
      {look.compare ? (
        <main className="lc-main">
          <CompareView />
        </main>
      ) : (
        <main className="layout">
          <div className="figures">
            <SourceSwitch />
            <div className="views">
              <section className="panel ls-panel" aria-label="Contour map">
                {shown ? (
                  <LandscapeContour shown={shown} curvature={curvature} />
                ) : (
                  <Placeholder name="Landscape contour" message={message} />
                )}
              </section>
              <section className="panel surface-3d ls-panel" aria-label="3D surface panel">
                {shown ? (
                  <ThreeDGate name="Landscape 3D">
                    <Landscape3D shown={shown} cameraInLink />
                  </ThreeDGate>
                ) : (
                  <Placeholder name="Landscape 3D" message={message} />
                )}
              </section>
            </div>
            {shown && <LandscapeFacts view={shown.view} />}
            <LinePanel />
            <ToyPanel />
          </div>
          <aside className="controls" aria-label="Controls">
            <ModelPicker />
            <RecomputePanel />
            <H5Open />
            <LandscapeExport />
          </aside>
        </main>
      )}
      <footer className="app-footer">
        Every setting is in the address bar: copy the link to share this exact view.
      </footer>
    </div>
  );
}

/** Never a blank panel: what is missing and what to do. */
function Placeholder({ name, message }: { name: string; message: string | null }) {
  return (
    <div className="ls-placeholder" role="img" aria-label={name}>
      <p>{message ?? 'Nothing to show yet.'}</p>
    </div>
  );
}
