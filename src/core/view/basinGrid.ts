/**
 * The sharp-vs-flat map on the race page (issue #14, Keskar et al. 2017) as data: the grid the
 * panel asks `basinMap` for, and each cell as read (counts in words, a shade bucket by the share
 * that ended flat).
 */
import type { BasinCell, BasinMapSettings } from '../basinMap';

/** lr columns around the sharp well's 2/λ ≈ 0.18 and the throw-out lr ≈ 0.6. */
export const BASIN_LRS = [0.05, 0.1, 0.2, 0.4, 0.8] as const;

/** The grid for a race: batches 4, 16, 64 and N (those below N), its steps, N and noise. */
export function basinGridFor(
  race: { steps: number; samples: number; noise: number },
  seeds: number,
  seed0: number,
): BasinMapSettings {
  const batches = [4, 16, 64].filter((b) => b < race.samples).concat(race.samples);
  return {
    batches,
    lrs: [...BASIN_LRS],
    seeds,
    seed0,
    steps: race.steps,
    samples: race.samples,
    noise: race.noise,
  };
}

/** Shade bucket 0–4 by the share of flat endings (0: all sharp or other, 4: all flat). */
export const shadeOf = (c: Pick<BasinCell, 'flatShare'>) => Math.round(c.flatShare * 4);

/** "6 flat · 2 sharp" (and "· 1 other" when some runs went neither way). */
export function cellText(c: Pick<BasinCell, 'counts'>): string {
  const { flat, sharp, other } = c.counts;
  return `${flat} flat · ${sharp} sharp${other ? ` · ${other} other` : ''}`;
}
