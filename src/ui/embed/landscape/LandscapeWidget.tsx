import { useDocumentLook } from '../../hooks/useDocumentLook';
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
  useDocumentLook(look);
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
