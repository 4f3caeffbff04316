import { ANIMATION_MS, HOLD_LAST_MS, nextFrame, type AnimationJob } from './animation';
import type { RaceFrames } from './raceFrames';

/**
 * The race as an animated GIF with gifenc, loaded only now (it is no part of the page's first
 * load). One palette of 255 colours, quantised from the last frame (every band, racer colour and
 * head is in it), serves every frame, so nothing flickers; the 256th entry is transparent. After
 * the first frame, a pixel equal to the one before is written transparent over the kept picture:
 * between two frames only the paths grow, so the runs of that index compress to almost nothing.
 */
export async function raceGif(
  frames: RaceFrames,
  steps: readonly number[],
  job: AnimationJob,
): Promise<Blob> {
  const { GIFEncoder, quantize, applyPalette } = await import('gifenc');
  const { canvas } = frames;
  const ctx = canvas.getContext('2d')!;
  const pixels = () => ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  frames.draw(steps[steps.length - 1]);
  const palette = quantize(pixels(), 255);
  const clear = palette.length;
  palette.push([0, 0, 0]);
  const gif = GIFEncoder();
  const delay = Math.max(20, Math.round(ANIMATION_MS / steps.length));
  let before: Uint8Array | null = null;
  for (let i = 0; i < steps.length; i++) {
    await nextFrame(job.signal);
    frames.draw(steps[i]);
    const index = applyPalette(pixels(), palette);
    const options = { delay: i === steps.length - 1 ? HOLD_LAST_MS : delay };
    if (!before) gif.writeFrame(index, canvas.width, canvas.height, { ...options, palette });
    else {
      const delta = index.map((c, p) => (c === before![p] ? clear : c));
      gif.writeFrame(delta, canvas.width, canvas.height, {
        ...options,
        transparent: true,
        transparentIndex: clear,
        dispose: 1, // keep the frame before under this one
      });
    }
    before = index;
    job.onProgress(i + 1, steps.length);
  }
  gif.finish();
  return new Blob([gif.bytes()], { type: 'image/gif' });
}
