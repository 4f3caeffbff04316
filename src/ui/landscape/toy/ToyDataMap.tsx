import { useMemo } from 'react';
import {
  decisionPixels,
  hexRgb,
  pointsInDrawing,
  TOY_CLASS_COLORS,
} from '../../../core/view/toyDecisionMap';
import type { ToyOutcome } from '../../../gpu/toy/toyExperiment';
// Not from toyExperiment: that would put tfjs in the page's main bundle.
import { TOY_INPUT_BOX } from '../../../gpu/toy/toyInputBox';
import { useLandscapeStore } from '../../../state/landscapeStore';
import { useCanvasPainter } from '../../canvas/useCanvasPainter';
import { LANDSCAPE_PALETTES } from '../landscapeTheme';

/** Drawing units of the square map (the canvas scales to its box in device pixels). */
const S = 480;

/**
 * The data over the decision map: P(class 1) as a colour field (orange ← ½ → blue, as
 * Playground), training points filled, test points hollow; a finished run's, or the run so far
 * (the map of the weights now) while it trains. Pixels and positions come from
 * core/view/toyDecisionMap; this only blits and strokes.
 */
export function ToyDataMap({ outcome }: { outcome: Pick<ToyOutcome, 'map' | 'split'> }) {
  const theme = useLandscapeStore((s) => s.look.theme);
  const large = useLandscapeStore((s) => s.look.large);
  const bg = LANDSCAPE_PALETTES[theme].halo;
  const { map, split } = outcome;
  const box = map?.box ?? TOY_INPUT_BOX;
  const img = useMemo(() => (map ? decisionPixels(map, hexRgb(bg)) : null), [map, bg]);
  const train = useMemo(() => pointsInDrawing(split.train.points, box, S, S), [split.train, box]);
  const test = useMemo(() => pointsInDrawing(split.test.points, box, S, S), [split.test, box]);
  const r = large ? 6 : 4.5;
  const { ref } = useCanvasPainter(
    S,
    S,
    (ctx) => {
      ctx.fillStyle = bg;
      ctx.fillRect(0, 0, S, S);
      if (img && map) {
        const tile = new OffscreenCanvas(map.size, map.size);
        tile
          .getContext('2d')!
          .putImageData(
            new ImageData(img as unknown as Uint8ClampedArray<ArrayBuffer>, map.size, map.size),
            0,
            0,
          );
        ctx.imageSmoothingEnabled = true;
        ctx.drawImage(tile, 0, 0, S, S);
      }
      const dot = (xy: Float64Array, labels: Uint8Array, filled: boolean) => {
        for (let k = 0; k < labels.length; k++) {
          ctx.beginPath();
          ctx.arc(xy[2 * k], xy[2 * k + 1], filled ? r : r * 0.8, 0, 2 * Math.PI);
          const c = TOY_CLASS_COLORS[labels[k]];
          if (filled) {
            ctx.fillStyle = c;
            ctx.fill();
            ctx.lineWidth = 1;
            ctx.strokeStyle = theme === 'dark' ? '#000' : '#fff';
            ctx.stroke();
          } else {
            ctx.lineWidth = large ? 2.5 : 2;
            ctx.strokeStyle = c;
            ctx.stroke();
          }
        }
      };
      dot(test, split.test.labels, false);
      dot(train, split.train.labels, true);
    },
    [img, train, test, bg, r, theme],
  );
  return (
    <canvas
      ref={ref}
      className="ls-toy-map"
      role="img"
      data-points={split.train.n + split.test.n}
      aria-label={`The data (${split.train.n} training points filled, ${split.test.n} test points hollow) over the network's decision map`}
    />
  );
}
