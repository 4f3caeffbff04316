import { useEffect } from 'react';
import { lineBusy, useLandscapeStore } from '../../../state/landscapeStore';
import { interpolationSentence, LINE_PATHS } from '../../../state/lineView';
import type { LinePath } from '../../../worker/landscapeProtocol';
import { LineChart } from '../../landscape/LineChart';
import { LinePanel } from '../../landscape/LinePanel';
import type { EmbedOptions } from '../controller';
import { ModelChips } from './ModelChips';
import { WidgetFrame } from './WidgetFrame';

const PATHS = Object.keys(LINE_PATHS) as LinePath[];

/**
 * `line`: the loss along a line through weight space (`line=interpolation`, init → trained, or
 * `line=random`). Nothing is shipped for it, so the widget computes its path when shown and again
 * when the model or path changes; full controls are the page's own panel (Compute, Cancel).
 */
export function LineWidget({ options }: { options: EmbedOptions }) {
  const path = useLandscapeStore((s) => s.settings.line);
  const line = useLandscapeStore((s) => s.line);
  const open: LinePath = path === 'off' ? 'interpolation' : path;
  const run = line.runs[open];
  const busy = lineBusy(line);
  // The figure is the computed line: start it whenever the shown path has none (not while the
  // other path's run holds the worker; this runs again when that one ends).
  useEffect(() => {
    const s = useLandscapeStore.getState();
    if (s.settings.line === 'off') s.setLine('interpolation');
    else if (run.status === 'idle' && !busy && !s.line.showingFile) s.computeLine();
  }, [path, run.status, busy]);
  if (options.controls === 'full')
    return (
      <WidgetFrame controls="full" panel={<ModelChips show={['skip']} hide={options.hidden} />}>
        <LinePanel />
      </WidgetFrame>
    );
  const view = run.view;
  const sentence = view && interpolationSentence(view);
  const panel = (
    <>
      <ModelChips show={['skip']} hide={options.hidden} />
      {!options.hidden.has('path') && (
        <div className="chips" role="group" aria-label="Path">
          {PATHS.map((k) => (
            <button
              key={k}
              type="button"
              className="chip"
              aria-pressed={open === k}
              onClick={() => useLandscapeStore.getState().setLine(k)}
            >
              {LINE_PATHS[k].label}
            </button>
          ))}
        </div>
      )}
    </>
  );
  return (
    <WidgetFrame controls={options.controls} panel={panel}>
      <section className="panel lw-panel" aria-label="Along a line">
        {view ? (
          <>
            <h2 className="lw-title">{view.title}</h2>
            <LineChart view={view} />
            <p className="lw-facts" aria-live="polite" data-line-status={run.status}>
              {run.status === 'done' || run.status === 'idle'
                ? sentence
                : `${run.text}${run.total > 0 ? ` (${run.done}/${run.total} points)` : ''}`}
            </p>
          </>
        ) : (
          <div
            className="ls-placeholder ls-line-placeholder"
            role="img"
            aria-label="Loss along the line"
          >
            <p data-line-status={run.status}>
              {run.status === 'error'
                ? `The computation failed: ${run.error}`
                : `${run.text || 'Starting…'}${run.total > 0 ? ` (${run.done}/${run.total} points)` : ''}`}
            </p>
          </div>
        )}
      </section>
    </WidgetFrame>
  );
}
