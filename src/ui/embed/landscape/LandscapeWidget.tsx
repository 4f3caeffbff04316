import { useEffect } from 'react';
import { useLandscapeStore } from '../../../state/landscapeStore';
import { lookStyle } from '../../landscape/landscapeTheme';
import type { EmbedOptions } from '../controller';
import { CompareView } from '../../landscape/compare/CompareView';
import { CompareWidget } from './CompareWidget';
import { LineWidget } from './LineWidget';
import type { FetchJson } from '../../../state/siteFetch';
import { SliceWidget } from './SliceWidget';
import { ToyWidget } from './ToyWidget';

/** One landscape-family widget, themed as the landscape page (its CSS variables), no site chrome. */
export function LandscapeWidget({
  kind,
  options,
  fetchJson,
  onCompareLoaded,
}: {
  kind: string;
  options: EmbedOptions;
  fetchJson: FetchJson;
  onCompareLoaded(): void;
}) {
  const look = useLandscapeStore((s) => s.look);
  // As on the page: theme and type size are the document's, so styles.css's tokens follow.
  useEffect(() => {
    document.documentElement.dataset.theme = look.theme;
    document.documentElement.classList.toggle('large', look.large);
  }, [look.theme, look.large]);
  return (
    <div className="lw" data-widget={kind} style={lookStyle(look)}>
      {kind === 'landscape-grid' ? (
        <CompareView fetchJson={fetchJson} onLoaded={onCompareLoaded} embed={options} />
      ) : kind === 'landscape-compare' ? (
        <CompareWidget options={options} fetchJson={fetchJson} onLoaded={onCompareLoaded} />
      ) : kind === 'line' ? (
        <LineWidget options={options} />
      ) : kind === 'toy' ? (
        <ToyWidget options={options} />
      ) : (
        <SliceWidget options={options} />
      )}
    </div>
  );
}
