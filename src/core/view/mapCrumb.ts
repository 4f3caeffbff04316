/**
 * A zoom breadcrumb's words: the region a map covers, e.g. "lr ∈ [0.001, 1] × μ ∈ [0, 0.999]"
 * (an interval reads unambiguously with negative ends, as "x₀ ∈ [-6, 6]"), so each
 * crumb says what going back to it shows.
 */
import { AXES, type MapAxis } from '../map/mapAxes';
import type { MapSpec } from '../map/mapSpec';
import { formatValue } from './sliderScale';

const range = (a: MapAxis) =>
  `${AXES[a.key].symbol} ∈ [${formatValue(a.min)}, ${formatValue(a.max)}]`;

export const crumbLabel = (spec: MapSpec): string => `${range(spec.x)} × ${range(spec.y)}`;
