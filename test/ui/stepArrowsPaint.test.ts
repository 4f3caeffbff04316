/**
 * The trajectory scene draws the anatomy of a step when the view asks for it: three arrows per
 * racer at its shown point, in its colour, and none when the view has arrows off; the worker's
 * results carry what the arrows need (gradients, buffer, its record's label).
 */
import { describe, expect, it } from 'vitest';
import { TrajectoryScene, type TrajectoryRun } from '../../src/draw/trajectoryScene';
import { ARROW_STYLE } from '../../src/draw/paintStepArrows';
import { computeRace, transferables } from '../../src/worker/computeRace';
import { parseRunConfig } from '../../src/core/config';

interface Mark {
  op: 'stroke' | 'fill';
  color: string;
  dash: number[];
  width: number;
  path: number[];
}

/**
 * A canvas whose 2D context keeps the path being built and, on each stroke or fill, records it
 * with the colour and dash in force; every other call is accepted and ignored.
 */
function recordingCanvas() {
  const marks: Mark[] = [];
  const state = {
    strokeStyle: '',
    fillStyle: '',
    lineWidth: 1,
    path: [] as number[],
    dash: [] as number[],
  };
  const mark = (op: Mark['op']) =>
    marks.push({
      op,
      color: String(op === 'stroke' ? state.strokeStyle : state.fillStyle),
      dash: state.dash,
      width: state.lineWidth,
      path: [...state.path],
    });
  const calls: Record<string, (...a: number[]) => void> = {
    beginPath: () => (state.path = []),
    moveTo: (x, y) => state.path.push(x, y),
    lineTo: (x, y) => state.path.push(x, y),
    setLineDash: (...d) => (state.dash = [...(d[0] as unknown as number[])]),
    stroke: () => mark('stroke'),
    fill: () => mark('fill'),
  };
  const ctx = new Proxy(state, {
    get: (t, k: string) => (k in calls ? calls[k] : k in t ? t[k as keyof typeof t] : () => {}),
  });
  const canvas = { width: 0, height: 0, getContext: () => ctx };
  return { canvas: canvas as unknown as OffscreenCanvas, marks };
}

// θ: (0,0) → (1,0) → (2,0); g at θ₀ = (−4, 0), lr 0.5: −lr·g = (2, 0); m after step 1 = (−3, 0).
const run: TrajectoryRun = {
  id: 'r',
  start: [0, 0],
  params: Float64Array.of(1, 0, 2, 0),
  steps: 2,
  divergedAt: null,
  shadow: null,
  lr: Float64Array.of(0.5, 0.5),
  grad: Float64Array.of(-4, 0, -2, 0),
  moment: Float64Array.of(-3, 0, -2, 0),
  momentOf: { key: 'buf', label: 'momentum buffer b' },
};

function paint(arrows: boolean) {
  const { canvas, marks } = recordingCanvas();
  const scene = new TrajectoryScene(canvas);
  // Drawing units = 60 per surface unit, y down.
  scene.setView({
    domain: { xmin: -5, xmax: 5, ymin: -5, ymax: 5 },
    width: 600,
    height: 600,
    pixelWidth: 600,
    pixelHeight: 600,
    styles: { r: { color: '#123456', dashed: false } },
    card: '#ffffff',
    step: 0,
    arrows,
  });
  scene.setRuns([run]);
  scene.paint();
  return marks;
}

describe('step arrows on the trajectory scene', () => {
  it('draws the three arrows from the shown point in the racer’s colour, in axis units', () => {
    const on = paint(true);
    const off = paint(false);
    const extra = on.slice(off.length);
    // Everything before the arrows is the same picture.
    expect(on.slice(0, off.length)).toEqual(off);
    const shafts = extra.filter((m) => m.op === 'stroke' && m.color === '#123456');
    expect(shafts.map((m) => m.dash)).toEqual([
      ARROW_STYLE.gradient.dash,
      ARROW_STYLE.moment.dash,
      ARROW_STYLE.update.dash,
    ]);
    // All start at θ₀ = (300, 300); the gradient points +x 2 units (120 px), the moment 1.5
    // units (90 px), the update 1 unit (60 px): each shaft stops where its head begins.
    for (const s of shafts) expect(s.path.slice(0, 2)).toEqual([300, 300]);
    const ends = shafts.map((s) => s.path[2]);
    expect(ends[0]).toBeGreaterThan(400);
    expect(ends[0]).toBeLessThan(420);
    expect(ends[1]).toBeGreaterThan(370);
    expect(ends[1]).toBeLessThan(390);
    expect(ends[2]).toBeGreaterThan(340);
    expect(ends[2]).toBeLessThan(360);
    // The heads' tips are the true ends.
    const tips = extra
      .filter((m) => m.op === 'fill' && m.color === '#123456')
      .map((m) => m.path[0]);
    expect(tips).toEqual([420, 390, 360]);
  });

  it('computeRace carries gradients, buffer and its label, transferred', () => {
    const parsed = parseRunConfig({
      surface: 'rosenbrock',
      start: [-1.5, 2],
      steps: 10,
      optimizer: { type: 'SGD', lr: 1e-3, momentum: 0.9 },
    });
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const res = computeRace({
      kind: 'race',
      seq: 1,
      racers: [{ id: 'sgd', config: parsed.value }],
    });
    const r = res.results[0];
    expect(r.grad.length).toBe(20);
    expect(r.moment!.length).toBe(20);
    expect(r.momentOf).toEqual({ key: 'buf', label: 'momentum buffer b' });
    const buffers = transferables(res);
    expect(buffers).toContain(r.grad.buffer);
    expect(buffers).toContain(r.moment!.buffer);
  });
});
