import type { ReactNode } from 'react';
import type { EmbedOptions } from '../controller';

/**
 * A landscape widget's figure and its controls: none (the figure alone), compact (a row of the
 * few that matter above it) or full (the page's control column beside it, below it when narrow).
 */
export function WidgetFrame({
  controls,
  panel,
  children,
}: {
  controls: EmbedOptions['controls'];
  /** The controls to show (null: none). */
  panel: ReactNode;
  children: ReactNode;
}) {
  if (controls === 'none' || panel === null) return <div className="lw-figure">{children}</div>;
  return (
    <div className={`lw-body lw-${controls}`}>
      <div className="lw-figure">{children}</div>
      <aside className="lw-controls" aria-label="Controls">
        {panel}
      </aside>
    </div>
  );
}
