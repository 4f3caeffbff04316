/** The range a figure's frame may take from its widget's `resize` event, in CSS px. */
export const FRAME_MIN = 120;
export const FRAME_MAX = 2000;

/**
 * A widget's `{type: 'resize', height}` message → the frame height to use, or null when the
 * message is anything else (another type, a height that is not a finite number). Clamped, so a
 * runaway or hostile widget cannot make the lesson a 10⁹-pixel page or a sliver.
 */
export function resizeHeight(data: unknown): number | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, height } = data as { type?: unknown; height?: unknown };
  if (type !== 'resize' || typeof height !== 'number' || !Number.isFinite(height)) return null;
  return Math.round(Math.min(FRAME_MAX, Math.max(FRAME_MIN, height)));
}
