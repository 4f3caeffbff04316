/**
 * The race draws each racer's second point (schedule-free's x, Lookahead's slow weights) as a
 * thin dashed line in the racer's colour up to the shown step, and the worker's results carry it.
 */
import { describe, expect, it } from 'vitest';
import { TrajectoryScene, type TrajectoryRun } from '../../src/draw/trajectoryScene';
import { SECOND_DASH } from '../../src/draw/paintTrajectories';
import { computeRace, transferables } from '../../src/worker/computeRace';
import { racerConfigs } from '../../src/state/racerConfigs';
import { defaultRaceState, racersOf } from '../../src/state/raceState';

interface Stroke {
  color: string;
  dash: number[];
  width: number;
  path: number[];
}

/** A canvas whose 2D context records every stroke: its colour, dash, width and path. */
function recordingCanvas() {
  const strokes: Stroke[] = [];
  let path: number[] = [];
  let dash: number[] = [];
  const ctx = {
    strokeStyle: '',
    fillStyle: '',
    lineWidth: 1,
    globalAlpha: 1,
    setLineDash: (d: number[]) => (dash = [...d]),
    beginPath: () => (path = []),
    moveTo: (x: number, y: number) => path.push(x, y),
    lineTo: (x: number, y: number) => path.push(x, y),
    stroke: () =>
      strokes.push({ color: String(ctx.strokeStyle), dash, width: ctx.lineWidth, path: [...path] }),
    arc() {},
    fill() {},
    fillText() {},
    strokeText() {},
    clearRect() {},
    setTransform() {},
  };
  const canvas = { width: 0, height: 0, getContext: () => ctx };
  return { canvas: canvas as unknown as OffscreenCanvas, strokes };
}

const run = (shadow: Float64Array | null): TrajectoryRun => ({
  id: 'r',
  start: [0, 0],
  params: Float64Array.of(1, 1, 2, 2, 3, 3),
  steps: 3,
  divergedAt: null,
  shadow,
});

function paint(r: TrajectoryRun, step: number) {
  const { canvas, strokes } = recordingCanvas();
  const scene = new TrajectoryScene(canvas);
  // Drawing units = surface units, y down: (x, y) ↦ (x, 10 − y).
  scene.setView({
    domain: { xmin: 0, xmax: 10, ymin: 0, ymax: 10 },
    width: 10,
    height: 10,
    pixelWidth: 10,
    pixelHeight: 10,
    styles: { r: { color: '#123456', dashed: false } },
    step,
  });
  scene.setRuns([r]);
  scene.paint();
  return strokes.filter((s) => s.dash.join() === SECOND_DASH.join());
}

describe('the second point on the race', () => {
  it('is drawn dashed in the racer’s colour, from the start to the shown step', () => {
    const second = paint(run(Float64Array.of(0, 0, 0, 0, 3, 3)), 2);
    expect(second.length).toBeGreaterThan(0);
    const own = second.filter((s) => s.color === '#123456');
    expect(own.length).toBe(1);
    // Start (0, 0) to the shadow after step 2, (0, 0): played steps only, not step 3's (3, 3).
    expect(own[0].path.slice(0, 2)).toEqual([0, 10]);
    expect(own[0].path.slice(-2)).toEqual([0, 10]);
    expect(own[0].width).toBeLessThan(3);
    const whole = paint(run(Float64Array.of(0, 0, 0, 0, 3, 3)), 3);
    expect(whole.find((s) => s.color === '#123456')!.path.slice(-2)).toEqual([3, 7]);
  });

  it('is not drawn for a racer without one', () => {
    expect(paint(run(null), 3)).toEqual([]);
  });

  it('comes from the worker for Ranger, SGDScheduleFree and a racer inside Lookahead, and is transferred', () => {
    const race = {
      ...defaultRaceState(),
      steps: 20,
      racers: racersOf(['ranger', 'sgdsf', 'adam', 'sgd'], 'rosenbrock').map((r) =>
        r.key === 'adam' ? { ...r, lookahead: { k: 4, alpha: 0.5 } } : r,
      ),
    };
    const racers = racerConfigs(race).map((rc) => {
      if (!rc.ok) throw new Error(rc.errors.join('\n'));
      return { id: rc.id, config: rc.config };
    });
    const res = computeRace({ kind: 'race', seq: 1, racers });
    const byId = Object.fromEntries(res.results.map((r) => [r.id, r]));
    for (const id of ['ranger', 'sgdsf', 'adam']) expect(byId[id].shadow?.length, id).toBe(40);
    expect(byId.sgd.shadow).toBeNull();
    // Lookahead's slow weights: the start for steps 1–3, then step 4's point.
    expect(Array.from(byId.adam.shadow!.subarray(0, 2))).toEqual([...race.start]);
    expect(Array.from(byId.adam.shadow!.subarray(6, 8))).toEqual(
      Array.from(byId.adam.params.subarray(6, 8)),
    );
    expect(transferables(res)).toContain(byId.adam.shadow!.buffer);
  });
});
