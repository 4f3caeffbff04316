import { useId, useMemo, type ReactNode } from 'react';
import type { CompareCell } from '../../../core/view/compareGrid';
import type { LevelStyle } from '../../../core/view/contourLevels';
import type { SharedScale } from '../../../core/view/sharedScale';
import { sliceCharacter } from '../../../core/view/sliceReading';
import { formatValue } from '../../../core/view/sliderScale';
import { centreAccuracyName, viewSummary, type LandscapeView } from '../../../state/landscapeView';
import type { SliceResult } from '../../../state/shippedSliceFile';
import type { CameraSync } from '../../panels/surface3d/cameraSync';
import { ThreeDGate } from '../../panels/ThreeDGate';
import { Landscape3D } from '../Landscape3D';
import { LandscapeContour } from '../LandscapeContour';

/** Shared by a panel and its large view. */
export interface PanelLook {
  /** Capped at the shared ceiling or not: the large view's colour bar says "and above" when it is. */
  scale: SharedScale;
  levels: LevelStyle;
  view3d: boolean;
  cameraSync: CameraSync;
}

/**
 * "74.4 % test accuracy": the index's, which the generator measures on the test set; the slice's
 * own centre accuracy only where the index has none, named by the split it was measured on
 * (`centreAccuracyName`: its label, not necessarily the split of the slice's loss).
 */
export const accuracyText = (cell: CompareCell, view: LandscapeView): string | null => {
  if (cell.testAccuracy !== undefined) return `${cell.testAccuracy.toFixed(1)} % test accuracy`;
  return view.centre
    ? `${view.centre.acc.toFixed(1)} % ${centreAccuracyName(view)} at the centre`
    : null;
};

const WORDS = { smooth: 'smooth', steep: 'steep-walled', chaotic: 'chaotic' } as const;

/** The slice's numbers as the page's facts give them (viewSummary), with the word they earn. */
export function SliceNumbers({ view }: { view: LandscapeView }) {
  const { rough } = useMemo(() => viewSummary(view), [view]);
  if (!rough) return null;
  const word = view.directions?.kind === 'random' ? sliceCharacter(rough) : null;
  const rows: [string, string][] = [];
  if (rough.tvLogLoss !== undefined) rows.push(['TV of log loss', formatValue(rough.tvLogLoss)]);
  if (rough.localMinima !== undefined) rows.push(['local minima', String(rough.localMinima)]);
  if (rough.basinWidth !== undefined)
    rows.push(['basin width', `${(100 * rough.basinWidth).toFixed(1)} %`]);
  if (rough.nonConvexShare !== undefined && Number.isFinite(rough.nonConvexShare))
    rows.push(['curving downward', `${(100 * rough.nonConvexShare).toFixed(1)} %`]);
  return (
    <dl className="lc-numbers">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
      {word && (
        <div>
          <dt>reads as</dt>
          <dd>{WORDS[word]}</dd>
        </div>
      )}
    </dl>
  );
}

/** The map (or 3D view) of one slice on the shared scale. */
export function SliceFigure({
  view,
  look,
  label,
  large = false,
}: {
  view: LandscapeView;
  look: PanelLook;
  label: string;
  large?: boolean;
}) {
  const shown = { view, loss: view.loss, pendingFromY: null };
  return look.view3d ? (
    <ThreeDGate name={`${label}: 3D`}>
      <Landscape3D
        shown={shown}
        ariaLabel={`${label}: 3D`}
        cameraInLink
        cameraSync={look.cameraSync}
        controls={large}
        scale={look.scale}
      />
    </ThreeDGate>
  ) : (
    <LandscapeContour
      shown={shown}
      scale={look.scale}
      levels={look.levels}
      ariaLabel={`${label}: contour`}
      colourBar={large}
      readout={large}
    />
  );
}

/**
 * One small multiple: title (network, test accuracy), the map on the shared scale, its numbers.
 * The title is the button that opens it large (Enter or Space); a click on the map does too,
 * but not on a 3D view, where a drag orbits.
 */
export function ComparePanel({
  cell,
  slice,
  look,
  onOpen,
}: {
  cell: CompareCell;
  slice: SliceResult | undefined;
  look: PanelLook;
  onOpen(): void;
}) {
  const titleId = useId();
  let body: ReactNode;
  if (slice?.view) {
    const acc = accuracyText(cell, slice.view);
    body = (
      <>
        {acc && <p className="lc-acc">{acc}</p>}
        <div className="lc-figure" onClick={look.view3d ? undefined : onOpen}>
          <SliceFigure view={slice.view} look={look} label={cell.label} />
        </div>
        <SliceNumbers view={slice.view} />
      </>
    );
  } else
    body = (
      <div className="ls-placeholder" role="img" aria-label={`${cell.label}: contour`}>
        <p>{slice ? slice.message : 'Loading the precomputed slice…'}</p>
      </div>
    );
  return (
    <section
      className="panel lc-panel"
      aria-labelledby={titleId}
      data-model={cell.model}
      data-scale-min={look.scale.min}
      data-scale-max={look.scale.max}
    >
      <h3 className="lc-title" id={titleId}>
        <button type="button" className="lc-open" onClick={onOpen} aria-haspopup="dialog">
          {cell.label}
        </button>
      </h3>
      {body}
    </section>
  );
}
