import { describe, expect, it } from 'vitest';
import { axisValueAt, zoomAxis, type MapAxis } from '../../../src/core/map/mapAxes';
import {
  axisTicks,
  axisTitle,
  bandRect,
  cellAt,
  cellRect,
  dragResult,
  fracAt,
  mapFrame,
  movedCell,
  tickAt,
  zoomAround,
} from '../../../src/core/view/mapView';
import { textWidth } from '../../../src/core/view/textWidth';

const lr: MapAxis = { key: 'lr', min: 1e-4, max: 10, log: true, n: 64 };
const mom: MapAxis = { key: 'momentum', min: 0, max: 0.99, log: false, n: 64 };
const plot = { x: 40, y: 20, width: 320, height: 160 };

describe('mapView: ticks', () => {
  it('puts a log axis ticks at decades, with 2 and 5 only where they fit', () => {
    const wide = axisTicks(lr, 2000, 12, 'x').map((t) => t.value);
    expect(wide).toContain(2e-4);
    expect(wide).toContain(5);
    const narrow = axisTicks(lr, 300, 12, 'x').map((t) => t.value);
    expect(narrow).not.toContain(2e-4);
    for (const v of narrow) expect(Math.log10(v) % 1).toBeCloseTo(0, 9);
    // A 360 px map in large type still says where it is, with decades left out but spaced evenly.
    const tiny = axisTicks(lr, 150, 17, 'x').map((t) => Math.log10(t.value));
    expect(tiny.length).toBeGreaterThanOrEqual(2);
    const steps = tiny.slice(1).map((e, k) => Math.round(e - tiny[k]));
    expect(new Set(steps).size).toBe(1);
  });

  it('places a tick where its value sits: t 0 at min, 1 at max, log-linear between', () => {
    const t = axisTicks(lr, 2000, 12, 'x');
    const at1 = t.find((k) => k.value === 1)!;
    expect(at1.t).toBeCloseTo(4 / 5, 12); // 1 is 4 of the 5 decades from 1e-4
    expect(tickAt(plot, at1, 'x')).toBeCloseTo(40 + 0.8 * 320, 9);
    expect(tickAt(plot, at1, 'y')).toBeCloseTo(20 + 0.2 * 160, 9); // y grows upwards
  });

  it('gives a linear axis nice steps whose labels never collide, and integers on the batch axis', () => {
    for (const len of [120, 300, 900]) {
      const t = axisTicks(mom, len, 12, 'x');
      expect(t.length).toBeGreaterThanOrEqual(2);
      for (let k = 1; k < t.length; k++) {
        const gap = (t[k].t - t[k - 1].t) * len;
        expect(gap).toBeGreaterThanOrEqual(
          (textWidth(t[k].label, 12) + textWidth(t[k - 1].label, 12)) / 2,
        );
      }
    }
    const batch = axisTicks({ key: 'batch', min: 1, max: 7, log: false, n: 7 }, 800, 12, 'x');
    expect(batch.every((t) => Number.isInteger(t.value))).toBe(true);
  });

  it('labels a zoomed axis finely enough to tell its ticks apart', () => {
    const z = zoomAxis(mom, 40.01, 40.03); // a box a fiftieth of a cell wide
    const t = axisTicks(z, 400, 12, 'x');
    expect(t.length).toBeGreaterThanOrEqual(2);
    expect(new Set(t.map((k) => k.label)).size).toBe(t.length);
    for (const k of t) {
      expect(k.t).toBeGreaterThanOrEqual(-1e-9);
      expect(k.t).toBeLessThanOrEqual(1 + 1e-9);
    }
    // Inside one decade of a log axis: evenly spaced values rather than none.
    const inDecade = axisTicks({ ...lr, min: 0.02, max: 0.05 }, 400, 12, 'x');
    expect(inDecade.length).toBeGreaterThanOrEqual(3);
  });

  it('spaces y ticks a line and a half apart', () => {
    const t = axisTicks(mom, 100, 12, 'y');
    for (let k = 1; k < t.length; k++)
      expect((t[k].t - t[k - 1].t) * 100).toBeGreaterThanOrEqual(18);
  });
});

describe('mapView: the frame', () => {
  it('fits the plot, ticks and titles in the width, cells square, text at the given size', () => {
    const lr1: MapAxis = { key: 'lr1', min: 0.1, max: 1000, log: true, n: 64 };
    for (const [width, font, x] of [
      [360, 12, lr],
      [360, 17, lr],
      [360, 17, lr1],
      [1280, 12, lr1],
    ] as const) {
      const f = mapFrame(width, x, mom, font);
      expect(f.plot.x + f.plot.width).toBeLessThanOrEqual(width);
      expect(f.plot.height).toBe(f.plot.width); // 64 × 64
      // Every y label ends left of its tick, inside the frame.
      for (const t of f.yTicks) expect(textWidth(t.label, font)).toBeLessThanOrEqual(f.plot.x);
      expect(f.xTitle.y).toBeLessThanOrEqual(f.height);
      // The centred x title stays inside the frame on both sides.
      const half = (f.xTitle.text.length * 0.6 * font) / 2;
      expect(f.xTitle.x - half).toBeGreaterThanOrEqual(0);
      expect(f.xTitle.x + half).toBeLessThanOrEqual(width);
      expect(f.yTitle.y).toBeLessThan(f.plot.y);
    }
    expect(mapFrame(1280, lr, mom, 12, 500).plot.width).toBe(500);
    const tall = mapFrame(400, { ...lr, n: 32 }, mom, 12);
    expect(tall.plot.height).toBe(2 * tall.plot.width);
  });

  it('titles an axis by name, symbol and scale, shortening it when the room is small', () => {
    expect(axisTitle(lr, 1000, 12)).toBe('Learning rate lr (log)');
    expect(axisTitle({ ...mom }, 1000, 12)).toBe('Momentum μ');
    expect(axisTitle({ key: 'beta2', min: 0.5, max: 0.99, log: false, n: 4 }, 1000, 12)).toBe('β₂');
    expect(axisTitle(lr, 60, 12)).toBe('lr (log)');
  });
});

describe('mapView: pointer, cells and boxes', () => {
  const nx = 64,
    ny = 32;
  it('maps a point to its cell with row 0 at the bottom, and nothing outside the plot', () => {
    expect(cellAt(plot, nx, ny, plot.x + 0.1, plot.y + plot.height - 0.1)).toEqual({ i: 0, j: 0 });
    expect(cellAt(plot, nx, ny, plot.x + plot.width - 0.1, plot.y + 0.1)).toEqual({
      i: 63,
      j: 31,
    });
    expect(cellAt(plot, nx, ny, plot.x - 1, plot.y + 5)).toBeNull();
    expect(cellAt(plot, nx, ny, plot.x + 5, plot.y + plot.height)).toBeNull();
  });

  it('round-trips a cell centre through cellRect and cellAt, and grows tiny outlines about it', () => {
    for (const c of [
      { i: 0, j: 0 },
      { i: 17, j: 9 },
      { i: 63, j: 31 },
    ]) {
      const r = cellRect(plot, nx, ny, c);
      expect(r.width).toBeCloseTo(5, 12);
      expect(cellAt(plot, nx, ny, r.x + r.width / 2, r.y + r.height / 2)).toEqual(c);
      const big = cellRect(plot, nx, ny, c, 9);
      expect(big.width).toBe(9);
      expect(big.x + big.width / 2).toBeCloseTo(r.x + r.width / 2, 12);
    }
  });

  it('reads fractional cell positions the way the axes read them (zoomAxis, axisValueAt)', () => {
    const { p, q } = fracAt(plot, nx, ny, plot.x + plot.width / 4, plot.y);
    expect(p).toBeCloseTo(16, 12);
    expect(q).toBeCloseTo(32, 12);
    const x: MapAxis = { ...lr, n: nx };
    expect(axisValueAt(x, p)).toBeCloseTo(Math.pow(10, -4 + 5 / 4), 12);
    expect(fracAt(plot, nx, ny, -100, 1e4)).toEqual({ p: 0, q: 0 });
  });

  it('reads a press within the slop as a click on the pressed cell', () => {
    const a = { x: plot.x + 12, y: plot.y + 12 };
    const d = dragResult(plot, nx, ny, a, { x: a.x + 3, y: a.y - 4 });
    expect(d).toEqual({ kind: 'click', cell: cellAt(plot, nx, ny, a.x, a.y) });
    expect(dragResult(plot, nx, ny, { x: 2, y: 2 }, { x: 3, y: 3 }).kind).toBe('none');
  });

  it('normalises a dragged box (any direction, clamped to the plot) into ordered cell positions', () => {
    const a = { x: plot.x + plot.width * 0.75, y: plot.y + plot.height * 0.25 };
    const b = { x: plot.x + plot.width * 0.25, y: plot.y + plot.height + 50 };
    const d = dragResult(plot, nx, ny, a, b);
    expect(d.kind).toBe('box');
    if (d.kind !== 'box') return;
    expect(d.box.x0).toBeCloseTo(16, 9);
    expect(d.box.x1).toBeCloseTo(48, 9);
    expect(d.box.y0).toBeCloseTo(0, 9);
    expect(d.box.y1).toBeCloseTo(24, 9);
    // A sliver is neither a click nor a zoom.
    expect(dragResult(plot, nx, ny, a, { x: b.x, y: a.y + 2 }).kind).toBe('none');
    const band = bandRect(plot, a, b);
    expect(band.y + band.height).toBe(plot.y + plot.height);
  });

  it('moves the keyboard cursor a cell per arrow (ten with Shift), up is larger y, within the grid', () => {
    expect(movedCell(null, 'ArrowUp', nx, ny)).toEqual({ i: 32, j: 16 });
    expect(movedCell({ i: 3, j: 3 }, 'ArrowUp', nx, ny)).toEqual({ i: 3, j: 4 });
    expect(movedCell({ i: 3, j: 3 }, 'ArrowLeft', nx, ny, true)).toEqual({ i: 0, j: 3 });
    expect(movedCell({ i: 60, j: 3 }, 'ArrowRight', nx, ny, true)).toEqual({ i: 63, j: 3 });
    expect(movedCell({ i: 5, j: 0 }, 'ArrowDown', nx, ny)).toEqual({ i: 5, j: 0 });
    expect(movedCell({ i: 5, j: 2 }, 'End', nx, ny)).toEqual({ i: 63, j: 2 });
    expect(movedCell({ i: 5, j: 2 }, 'a', nx, ny)).toBeNull();
  });

  it('zooms from the keyboard into half the grid about the cursor, kept inside the grid', () => {
    expect(zoomAround({ i: 31, j: 15 }, nx, ny)).toEqual({ x0: 15.5, x1: 47.5, y0: 7.5, y1: 23.5 });
    expect(zoomAround({ i: 0, j: 31 }, nx, ny)).toEqual({ x0: 0, x1: 32, y0: 16, y1: 32 });
    const z = zoomAxis({ ...lr, n: nx }, 0, 32);
    expect(z.max).toBeCloseTo(Math.pow(10, -4 + 2.5), 9);
  });
});
