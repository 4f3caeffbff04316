import { viewScales } from '../../core/view/viewScales';
import { TrajectoryScene } from '../../draw/trajectoryScene';
import { contourLayout, contourSvg, type ContourFigure } from '../../io/svgExport';
import { context2d, scaledCanvas, svgCanvas } from './figureImage';
import type { ExportRacer } from './raceFigures';

/**
 * The race drawn again, off screen, at any step and scale: the page's trajectory canvas belongs
 * to the race worker (transferred), so its pixels cannot be read. The map, axes and colour bar are
 * the figure's SVG rasterised once; each frame paints the trajectories with the race's own scene
 * (draw/trajectoryScene: the same faint future path, heads, ✕ and step arrows as on screen) and
 * the start on top, as the page stacks them.
 */
export interface RaceFrames {
  canvas: HTMLCanvasElement;
  /** Paints the race at `step` onto `canvas`. */
  draw(step: number): void;
}

export async function raceFrames(
  figure: ContourFigure,
  racers: readonly ExportRacer[],
  options: { scale: number; arrows: boolean },
): Promise<RaceFrames> {
  const { scale, arrows } = options;
  const { frame, drawing } = contourLayout(figure);
  const { plot } = frame;
  const background = await svgCanvas(
    contourSvg(figure, { trajectories: false, start: false }),
    frame.width,
    frame.height,
    scale,
  );
  const layer = scaledCanvas(plot.width, plot.height, scale);
  const scene = new TrajectoryScene(layer);
  scene.setView({
    domain: figure.domain,
    width: drawing.width,
    height: drawing.height,
    pixelWidth: layer.width,
    pixelHeight: layer.height,
    styles: Object.fromEntries(racers.map((r) => [r.run.id, { color: r.color, dashed: r.dashed }])),
    card: figure.ink.card,
    step: figure.step,
    arrows,
  });
  scene.setRuns(racers.map((r) => r.run));
  const canvas = scaledCanvas(frame.width, frame.height, scale);
  const ctx = context2d(canvas);
  // The start marker in the race's drawing units (r 7, stroke 2.5: styles.css .start-marker).
  const s = viewScales(figure.domain, drawing.width, drawing.height);
  const unit = (plot.width / drawing.width) * scale;
  const start = {
    x: (plot.x + (s.x(figure.start[0]) * plot.width) / drawing.width) * scale,
    y: (plot.y + (s.y(figure.start[1]) * plot.height) / drawing.height) * scale,
  };
  return {
    canvas,
    draw(step) {
      scene.setView({ step });
      scene.paint();
      ctx.drawImage(background, 0, 0);
      ctx.drawImage(layer, Math.round(plot.x * scale), Math.round(plot.y * scale));
      ctx.beginPath();
      ctx.arc(start.x, start.y, 7 * unit, 0, 2 * Math.PI);
      ctx.fillStyle = '#fff';
      ctx.fill();
      ctx.lineWidth = 2.5 * unit;
      ctx.strokeStyle = '#111';
      ctx.stroke();
    },
  };
}

/**
 * The steps an animation shows: at most `max` frames from the start to the last step, evenly
 * spread, each step once (a 40-step race gives 41 frames, a 10,000-step race 200).
 */
export function frameSteps(steps: number, max = 200): number[] {
  const n = Math.max(2, Math.min(max, steps + 1));
  const out = Array.from({ length: n }, (_, i) => Math.round((i * steps) / (n - 1)));
  return out.filter((k, i) => i === 0 || k !== out[i - 1]);
}
