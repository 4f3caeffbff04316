import { useMemo } from 'react';
import { centreAccuracyName, type LandscapeView, viewSummary } from '../../../state/landscapeView';
import { formatValue } from '../../../core/view/sliderScale';

/** One line under a widget's slice: its loss range, the centre's accuracy, roughness and non-convexity. */
export function FactsLine({ view }: { view: LandscapeView }) {
  const { lo, hi, rough } = useMemo(() => viewSummary(view), [view]);
  const parts = [`loss ${formatValue(lo)} … ${formatValue(hi)}`];
  if (view.centre)
    parts.push(`${centreAccuracyName(view)} ${view.centre.acc.toFixed(1)} % at the centre`);
  if (rough?.localMinima !== undefined)
    parts.push(`${rough.localMinima} local minim${rough.localMinima === 1 ? 'um' : 'a'}`);
  if (rough?.tvLogLoss !== undefined)
    parts.push(`roughness ${formatValue(rough.tvLogLoss)} (TV of log loss)`);
  if (rough?.nonConvexShare !== undefined && Number.isFinite(rough.nonConvexShare))
    parts.push(`${(100 * rough.nonConvexShare).toFixed(1)} % non-convex`);
  return <p className="lw-facts">{parts.join(' · ')}</p>;
}
