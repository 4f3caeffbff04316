import { describe, expect, it } from 'vitest';
import {
  computedPoints,
  lineCsv,
  lineJson,
  sliceCsv,
  sliceFileBase,
  sliceH5,
  sliceJson,
  type SliceData,
} from '../../src/io/landscapeExport';
import { readSurfaceH5 } from '../../src/io/surfaceFile';
import { fromSurfaceGrid } from '../../src/state/landscapeView';
import type { LineView } from '../../src/state/lineView';
import { contourSvg } from '../../src/ui/landscape/export/contourSvg';
import { pageFigureStyle } from '../../src/ui/landscape/export/figureStyle';
import { lineChartSvg } from '../../src/ui/landscape/export/lineChartSvg';
import { el } from '../../src/ui/landscape/export/svgMarkup';

/** A 5×4 slice (x fastest) with one point not computed, one diverged, and no accuracy at one point. */
function slice(): SliceData {
  const xs = Float64Array.of(-1, -0.5, 0, 0.5, 1),
    ys = Float64Array.of(-0.6, -0.2, 0.2, 0.6);
  const loss = new Float64Array(20),
    acc = new Float64Array(20);
  for (let j = 0; j < 4; j++)
    for (let i = 0; i < 5; i++) {
      loss[j * 5 + i] = 0.1 + xs[i] ** 2 + 3 * ys[j] ** 2 + 1e-3 * i * j;
      acc[j * 5 + i] = 90 - 10 * loss[j * 5 + i];
    }
  loss[7] = NaN; // not computed
  acc[7] = NaN;
  loss[19] = Infinity; // diverged
  acc[19] = 10;
  return { xs, ys, loss, acc };
}

const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  expect(Array.from(a).map(String)).toEqual(Array.from(b).map(String));

describe('the shown slice as .h5', () => {
  it('reopens through the page’s reader with the same coordinates and values, NaN and ∞ kept', async () => {
    const s = slice();
    const bytes = await sliceH5(s);
    const grid = await readSurfaceH5(bytes);
    // Upstream's layout: the not-computed point is its −1.
    expect(grid.values.train_loss[7]).toBe(-1);
    expect(Object.keys(grid.values).sort()).toEqual(['train_acc', 'train_loss']);
    const view = fromSurfaceGrid(grid, 'exported.h5');
    same(view.xs, s.xs);
    same(view.ys, s.ys);
    same(view.loss, s.loss);
    same(view.acc!, s.acc!);
  });

  it('keeps a slice without accuracy without train_acc', async () => {
    const s = { ...slice(), acc: null };
    const grid = await readSurfaceH5(await sliceH5(s));
    expect(grid.values.train_acc).toBeUndefined();
    expect(fromSurfaceGrid(grid, 'x.h5').acc).toBeNull();
  });

  it('names the file from the model (or file) and the grid, with nothing but [a-z0-9-]', () => {
    expect(sliceFileBase('resnet-56-pca', 51, 51)).toBe('resnet-56-pca-51x51');
    expect(sliceFileBase('../My <Surface> file.h5', 21, 11)).toBe('my-surface-file-21x11');
    expect(sliceFileBase('ResNet-20 · initialisation → trained', 41, null)).toBe(
      'resnet-20-initialisation-trained-41',
    );
    expect(sliceFileBase('…', 3, 3)).toBe('landscape-3x3');
    expect(sliceFileBase('resnet-20-21x21.h5', 21, 21)).toBe('resnet-20-21x21');
  });
});

describe('the slice as CSV and JSON', () => {
  it('has one CSV row per grid point, x fastest; empty where not computed, Infinity where diverged', () => {
    const s = slice();
    const lines = sliceCsv(s).trimEnd().split('\r\n');
    expect(lines[0]).toBe('x,y,loss,acc');
    expect(lines.length - 1).toBe(s.xs.length * s.ys.length);
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows[1].slice(0, 2).map(Number)).toEqual([-0.5, -0.6]);
    expect(rows[5].slice(0, 2).map(Number)).toEqual([-1, -0.2]);
    expect(rows[7].slice(2)).toEqual(['', '']);
    expect(rows[19][2]).toBe('Infinity');
    expect(Number(rows[3][2])).toBe(s.loss[3]); // full precision
  });

  it('writes JSON columns with null for missing and diverged points and lists the diverged', () => {
    const s = slice();
    const doc = JSON.parse(sliceJson(s, { title: 'T', provenance: 'P' }));
    expect(doc.train_loss).toHaveLength(20);
    expect(doc.train_loss[7]).toBeNull();
    expect(doc.train_loss[19]).toBeNull();
    expect(doc.train_loss[3]).toBe(s.loss[3]);
    expect(doc.diverged).toEqual([19]);
    expect(doc.computed).toBe(19);
    expect(computedPoints(s.loss)).toBe(19);
  });
});

function lineView(): LineView {
  const alphas = Float64Array.of(0.5, -0.5, 0, 1, 1.5);
  return {
    source: 'gpu',
    title: 'ResNet-20 <with> skip & co · initialisation → trained',
    caption: 'c',
    alphas,
    loss: Float64Array.of(0.4, 2.3, 2.1, 0.2, NaN),
    acc: Float64Array.of(70, 12, 10, 90, NaN),
    computed: Uint8Array.of(1, 1, 0, 1, 1),
    marks: [
      { alpha: 0, label: 'init' },
      { alpha: 1, label: 'trained' },
    ],
    bn: null,
    samples: 64,
    provenance: 'computed',
  };
}

describe('a line run as CSV and JSON', () => {
  it('has one row per α in increasing order, empty where not computed', () => {
    const lines = lineCsv(lineView()).trimEnd().split('\r\n');
    expect(lines).toEqual([
      'alpha,loss,acc',
      '-0.5,2.3,12',
      '0,,',
      '0.5,0.4,70',
      '1,0.2,90',
      '1.5,NaN,',
    ]);
  });

  it('writes columns with computed flags and the diverged α', () => {
    const v = lineView();
    const doc = JSON.parse(
      lineJson(v, { title: v.title, provenance: v.provenance, marks: v.marks }),
    );
    expect(doc.alpha).toEqual([-0.5, 0, 0.5, 1, 1.5]);
    expect(doc.loss).toEqual([2.3, null, 0.4, 0.2, null]);
    expect(doc.computed).toEqual([true, false, true, true, true]);
    expect(doc.diverged).toEqual([1.5]);
    expect(doc.title).toBe(v.title);
  });
});

/**
 * Well-formed XML as far as these files go: tags nest and close, attributes are quoted, and
 * every & starts one of the five entities.
 */
function wellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  const stack: string[] = [];
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[a-zA-Z][\w:-]*="[^"<]*")*)\s*(\/?)>/g;
  let at = 0;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    const between = body.slice(at, m.index);
    expect(between, `text before <${m[2]}>`).not.toMatch(/[<>]/);
    expect(between.replace(/&(amp|lt|gt|quot|apos);/g, '')).not.toContain('&');
    if (m[1]) expect(stack.pop(), `closing </${m[2]}>`).toBe(m[2]);
    else if (!m[4]) stack.push(m[2]);
    at = m.index + m[0].length;
  }
  expect(body.slice(at).trim()).toBe('');
  expect(stack).toEqual([]);
}

const style = pageFigureStyle({ theme: 'light', large: false, logHeight: true });

describe('figures as SVG', () => {
  it('draws the contour map as a well-formed SVG with bands, axes and colour bar, its title escaped', () => {
    const s = slice();
    const { svg, width, height } = contourSvg(
      {
        xs: s.xs,
        ys: s.ys,
        loss: s.loss,
        pendingFromY: null,
        trajectory: null,
        title: '<script>alert("x")</script> & file.h5',
      },
      style,
    );
    wellFormed(svg);
    expect(svg).not.toMatch(/<script|<foreignObject|\son\w+=/i);
    expect(svg).toContain(
      '<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; file.h5</title>',
    );
    expect(svg).toContain(`width="${width}" height="${height}"`);
    expect(svg.match(/<path d="M/g)!.length).toBeGreaterThan(5); // bands
    expect(svg).toContain('url(#hatch)'); // the not-computed point
    expect(svg).toContain('α (direction 1)');
  });

  it('draws the line chart as a well-formed SVG, its title and marks escaped', () => {
    const { svg } = lineChartSvg(lineView(), style);
    wellFormed(svg);
    expect(svg).not.toMatch(/<script|\son\w+=/i);
    expect(svg).toContain('&lt;with&gt; skip &amp; co');
    expect(svg).toContain('trained: 0.2');
    expect(svg).toContain('accuracy %');
  });

  it('refuses a script element or an event attribute', () => {
    expect(() => el('script')).toThrow(/not allowed/);
    expect(() => el('rect', { onload: 'x' })).toThrow(/not allowed/);
  });
});
