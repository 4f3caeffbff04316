/**
 * The one rule that splits a flat grid of `total` points into `count` contiguous shards:
 * shard `index` (0-based) gets [start, end), the first `total % count` shards one point more.
 * Slices compute it, shard files record it and merge checks it, so all must use this.
 * Callers validate 0 ≤ index < count first.
 */
export function shardBounds(total: number, index: number, count: number): [number, number] {
  const base = Math.floor(total / count);
  const extra = total % count;
  const start = index * base + Math.min(index, extra);
  return [start, start + base + (index < extra ? 1 : 0)];
}
