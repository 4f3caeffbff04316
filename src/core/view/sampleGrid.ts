import type { Surface, ViewBox } from '../surfaces/surface';

/** A surface sampled on a regular grid: values[j * nx + i] = f(x_i, y_j), rows are y (as d3-contour wants). */
export interface SurfaceGrid {
  nx: number;
  ny: number;
  box: ViewBox;
  values: Float64Array;
  min: number;
  max: number;
}

/** Samples f on an nx × ny grid spanning the box (corners included). Non-finite values are kept as NaN holes. */
export function sampleGrid(
  surface: Pick<Surface, 'value'>,
  box: ViewBox,
  nx: number,
  ny: number,
): SurfaceGrid {
  if (!(nx >= 2 && ny >= 2 && nx * ny <= 4_000_000))
    throw new Error(`invalid grid size ${nx}×${ny} (each side ≥ 2, at most 4M points)`);
  const values = new Float64Array(nx * ny);
  let min = Infinity,
    max = -Infinity;
  for (let j = 0; j < ny; j++) {
    const y = box.ymin + ((box.ymax - box.ymin) * j) / (ny - 1);
    for (let i = 0; i < nx; i++) {
      const v = surface.value(box.xmin + ((box.xmax - box.xmin) * i) / (nx - 1), y);
      if (Number.isFinite(v)) {
        if (v < min) min = v;
        if (v > max) max = v;
        values[j * nx + i] = v;
      } else values[j * nx + i] = NaN;
    }
  }
  return { nx, ny, box, values, min, max };
}
