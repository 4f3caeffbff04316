import { useEffect, useId, useMemo, useRef } from 'react';
import type { CompareCell } from '../../../core/view/compareGrid';
import { sliceSentence, twinSentence } from '../../../core/view/sliceReading';
import { viewSummary, type LandscapeView } from '../../../state/landscapeView';
import { accuracyText, SliceFigure, SliceNumbers, type PanelLook } from './ComparePanel';

/**
 * A panel opened large, over the grid: the map with its colour bar and pointer readout (or the
 * 3D view), its numbers and the sentences that read them (core/view/sliceReading), against its
 * twin (the same network with skip connections toggled) when the grid has it. Esc or Close shuts
 * it (the caller steps back in history); focus goes to Close on opening.
 */
export function CompareOverlay({
  cell,
  view,
  twin,
  look,
  onClose,
  onSingle,
}: {
  cell: CompareCell;
  view: LandscapeView;
  twin: { cell: CompareCell; view: LandscapeView } | null;
  look: PanelLook;
  onClose(): void;
  /** Opens this model in the page's single-model view; absent where that view cannot show it. */
  onSingle?: () => void;
}) {
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const reading = useMemo(() => {
    const { rough } = viewSummary(view);
    if (!rough) return [];
    const random = view.directions?.kind === 'random';
    const other = twin && viewSummary(twin.view).rough;
    const vsTwin =
      random && twin && other
        ? twinSentence(rough, { label: twin.cell.label, numbers: other })
        : null;
    return [sliceSentence(rough, random), vsTwin].filter((s): s is string => s !== null);
  }, [view, twin]);
  const acc = accuracyText(cell, view);
  return (
    <div className="lc-overlay">
      <div
        className="card lc-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-model={cell.model}
      >
        <header className="lc-dialog-head">
          <h2 id={titleId}>
            {cell.label}
            {acc && <span className="lc-acc"> · {acc}</span>}
          </h2>
          <div className="lc-dialog-tools">
            {onSingle && (
              <button type="button" className="chip" onClick={onSingle}>
                Open in the single-model view
              </button>
            )}
            <button ref={closeRef} type="button" className="chip lc-close" onClick={onClose}>
              Close <span aria-hidden>(Esc)</span>
            </button>
          </div>
        </header>
        <div className="lc-dialog-body">
          <div className="lc-dialog-figure">
            <SliceFigure view={view} look={look} label={cell.label} large />
          </div>
          <div className="lc-dialog-facts">
            <SliceNumbers view={view} />
            {reading.length > 0 && <p className="explain lc-reading">{reading.join(' ')}</p>}
            <p className="explain">{view.provenance}.</p>
          </div>
        </div>
      </div>
    </div>
  );
}
