import { useEffect, useMemo, useState } from 'react';
import { SHARED_LOSS_CEILING } from '../../../core/view/sharedScale';
import { useLandscapeStore } from '../../../state/landscapeStore';
import { modelLabel } from '../../../state/landscapeUrl';
import { sharedViewScale } from '../../../state/landscapeView';
import { LandscapeContour } from '../../landscape/LandscapeContour';
import type { EmbedOptions } from '../controller';
import { FactsLine } from './FactsLine';
import { ModelChips } from './ModelChips';
import type { FetchJson } from '../../../state/siteFetch';
import { loadShippedSlice, type SliceResult } from './shippedSlice';
import { WidgetFrame } from './WidgetFrame';

const SKIPS = [true, false] as const;

/**
 * `landscape-compare`: the chosen depth with and without skip connections, side by side on one
 * colour scale (core/view/sharedScale), so the plain net's walls read as far higher than the
 * ResNet's bowl (Li et al. 2018, Fig. 5). Both precomputed slices are fetched here; `onLoaded`
 * is told when both have arrived (the `done` event).
 */
export function CompareWidget({
  options,
  fetchJson,
  onLoaded,
}: {
  options: EmbedOptions;
  fetchJson: FetchJson;
  onLoaded(): void;
}) {
  const depth = useLandscapeStore((s) => s.settings.depth);
  const plane = useLandscapeStore((s) => s.settings.view);
  const [pair, setPair] = useState<{ key: string; slices: SliceResult[] } | null>(null);
  const key = `${depth}/${plane}`;
  useEffect(() => {
    let live = true;
    void Promise.all(
      SKIPS.map((skip) => loadShippedSlice(fetchJson, { depth, skip, view: plane })),
    ).then((slices) => {
      if (!live) return;
      setPair({ key: `${depth}/${plane}`, slices });
      onLoaded();
    });
    return () => {
      live = false;
    };
  }, [depth, plane, fetchJson, onLoaded]);
  const slices = pair?.key === key ? pair.slices : null;
  const scale = useMemo(() => sharedViewScale((slices ?? []).map((s) => s.view)), [slices]);
  const panel = <ModelChips show={['plane']} hide={options.hidden} />;
  return (
    <WidgetFrame controls={options.controls} panel={panel}>
      <div
        className="lw-compare"
        data-scale-min={Number.isFinite(scale.min) ? scale.min : undefined}
        data-scale-max={Number.isFinite(scale.max) ? scale.max : undefined}
      >
        {SKIPS.map((skip, i) => {
          const label = modelLabel({ depth, skip });
          const s = slices?.[i];
          return (
            <section key={String(skip)} className="panel lw-panel" aria-label={label}>
              <h2 className="lw-title">{label}</h2>
              {s?.view ? (
                <>
                  <LandscapeContour
                    shown={{ view: s.view, loss: s.view.loss, pendingFromY: null }}
                    scale={scale}
                    ariaLabel={`${label}: contour`}
                  />
                  <FactsLine view={s.view} />
                </>
              ) : (
                <div className="ls-placeholder" role="img" aria-label={`${label}: contour`}>
                  <p>{s ? s.message : 'Loading the precomputed slice…'}</p>
                </div>
              )}
            </section>
          );
        })}
      </div>
      <p className="lw-facts">
        Both maps share one colour scale and the same contour levels (geometric in the loss
        {scale.capped ? `, every loss above ${SHARED_LOSS_CEILING} in the top colour` : ''}), so a
        colour is the same loss in either.
      </p>
    </WidgetFrame>
  );
}
