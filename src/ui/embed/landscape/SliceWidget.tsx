import { LandscapeExport } from '../../landscape/export/LandscapeExport';
import { useLandscapeStore } from '../../../state/landscapeStore';
import { H5Open } from '../../landscape/H5Open';
import { Landscape3D } from '../../landscape/Landscape3D';
import { LandscapeContour } from '../../landscape/LandscapeContour';
import { ModelPicker } from '../../landscape/ModelPicker';
import { RecomputePanel } from '../../landscape/RecomputePanel';
import { SourceSwitch } from '../../landscape/SourceSwitch';
import { useDisplayedView } from '../../landscape/useDisplayedView';
import { NonConvexityLegend, useCurvatureRatio } from '../../landscape/NonConvexityKey';
import { ThreeDGate } from '../../panels/ThreeDGate';
import type { EmbedOptions } from '../controller';
import { FactsLine } from './FactsLine';
import { ModelChips } from './ModelChips';
import { WidgetFrame } from './WidgetFrame';

/**
 * `landscape`: one model's slice (the link's model, skip and view), as a contour map with its
 * colour bar (with `curv=1`, the non-convexity map over it) or, with `view3d=1`, in 3D; a facts
 * line under it. The precomputed slice is drawn at once; only the full controls' "Recompute on
 * my GPU" starts a worker.
 */
export function SliceWidget({ options }: { options: EmbedOptions }) {
  const { shown, message } = useDisplayedView();
  const view3d = useLandscapeStore((s) => s.look.view3d === true);
  // `curv=1`: the non-convexity map over the contour, with its legend (no toggle in a widget).
  const curvature = useCurvatureRatio(view3d ? null : (shown?.view ?? null));
  const panel =
    options.controls === 'full' ? (
      <>
        <ModelPicker />
        <ModelChips show={['figure']} hide={new Set(['model', ...options.hidden])} />
        <RecomputePanel />
        <H5Open />
        <LandscapeExport />
      </>
    ) : (
      <ModelChips show={['skip', 'plane', 'figure']} hide={options.hidden} />
    );
  return (
    <WidgetFrame controls={options.controls} panel={panel}>
      {options.controls === 'full' && <SourceSwitch />}
      <section className="panel lw-panel" aria-label="Loss landscape">
        {shown && <h2 className="lw-title">{shown.view.title}</h2>}
        {!shown ? (
          <div className="ls-placeholder" role="img" aria-label="Loss landscape">
            <p>{message ?? 'Nothing to show yet.'}</p>
          </div>
        ) : view3d ? (
          <ThreeDGate name="Landscape 3D">
            <Landscape3D shown={shown} cameraInLink />
          </ThreeDGate>
        ) : (
          <>
            <LandscapeContour shown={shown} curvature={curvature} />
            {curvature && <NonConvexityLegend />}
          </>
        )}
        {shown && <FactsLine view={shown.view} />}
      </section>
    </WidgetFrame>
  );
}
