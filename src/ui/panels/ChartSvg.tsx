import type { ReactNode, SVGProps } from 'react';
import { chartFontStyle, type ChartType } from './chartType';

/**
 * A chart's SVG drawn in CSS pixels: its viewBox is its size, so the text keeps the size its
 * type gives it (through --chart-font) at any page width.
 */
export function ChartSvg({
  width,
  height,
  chart,
  children,
  ...rest
}: {
  width: number;
  height: number;
  chart: ChartType;
  children: ReactNode;
} & Omit<SVGProps<SVGSVGElement>, 'width' | 'height' | 'viewBox' | 'style'>) {
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      style={chartFontStyle(chart)}
      {...rest}
    >
      {children}
    </svg>
  );
}
