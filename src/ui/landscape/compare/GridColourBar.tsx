import { useMemo } from 'react';
import { thresholdSteps } from '../../../core/view/landscapeContour';
import { useLandscapeStore } from '../../../state/landscapeStore';
import { useWidth } from '../../hooks/useWidth';
import { ColourBar } from '../../panels/ColourBar';
import { formatValue } from '../../../core/view/sliderScale';
import { landscapeSizes } from '../landscapeTheme';

/**
 * The one colour bar of the comparison view: every level of the shared scale, whichever maps
 * reach it, so a colour reads as the same loss in every panel. `max`: the top of the scale
 * (log levels), absent where the top band is open-ended (the paper's, above 10).
 */
export function GridColourBar({
  thresholds,
  max,
}: {
  thresholds: readonly number[];
  max?: number;
}) {
  const z = landscapeSizes(useLandscapeStore((s) => s.look));
  const { ref, width } = useWidth<HTMLDivElement>(600);
  const steps = useMemo(() => thresholdSteps(thresholds), [thresholds]);
  const f = z.tickFont;
  const at = {
    x: f,
    y: 2,
    length: Math.max(f * 6, width - 3 * f),
    thickness: Math.round(f * 1.1),
    vertical: false,
  };
  const top = max ?? thresholds[thresholds.length - 1];
  return (
    <div ref={ref} className="lc-bar">
      <svg
        className="ls-contour lc-bar-svg"
        role="img"
        aria-label={`Colour scale shared by every map: loss from ${formatValue(thresholds[0] ?? NaN)} to ${formatValue(top)}${max === undefined ? ' and above' : ''}`}
        viewBox={`0 0 ${width} ${at.y + at.thickness + f * 1.6}`}
        data-levels={thresholds.map((v) => Number(v.toPrecision(6))).join(' ')}
      >
        <ColourBar bands={steps} max={max} at={at} font={f} />
      </svg>
    </div>
  );
}
