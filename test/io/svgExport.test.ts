import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '../../src/core/config';
import { getSurface } from '../../src/core/surfaces/registry';
import { run } from '../../src/core/trajectory';
import { raceDrawingSize } from '../../src/core/view/viewScales';
import {
  contourLayout,
  contourSvg,
  escapeXml,
  lossSvg,
  type FigureInk,
  type FigureRacer,
} from '../../src/io/svgExport';
import { computeSurface } from '../../src/worker/computeRace';

/**
 * A strict check of XML well-formedness for what the exporter writes: one root, every tag closed
 * in order, attributes `name="value"`, no raw `<` and no `&` outside an entity in text or values.
 * Returns the elements in document order with their attributes.
 */
function parseXml(xml: string): { name: string; attrs: Record<string, string>; text: string }[] {
  const body = xml.replace(/^<\?xml [^?]*\?>\s*/, '');
  const out: { name: string; attrs: Record<string, string>; text: string }[] = [];
  const stack: string[] = [];
  const entity = /&(?!(amp|lt|gt|quot|apos);)/;
  let at = 0;
  let roots = 0;
  while (at < body.length) {
    const lt = body.indexOf('<', at);
    const text = body.slice(at, lt < 0 ? body.length : lt);
    if (entity.test(text) || text.includes('>')) throw new Error(`bad text ${text}`);
    if (text.trim() && out.length) out[out.length - 1].text += text;
    if (lt < 0) break;
    const gt = body.indexOf('>', lt);
    const tag = body.slice(lt + 1, gt);
    at = gt + 1;
    if (tag.startsWith('/')) {
      if (stack.pop() !== tag.slice(1)) throw new Error(`mismatched </${tag.slice(1)}>`);
      continue;
    }
    const m = /^([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)$/.exec(tag);
    if (!m) throw new Error(`malformed tag <${tag}>`);
    const attrs: Record<string, string> = {};
    for (const [, k, v] of m[2].matchAll(/([\w:-]+)="([^"]*)"/g)) {
      if (entity.test(v)) throw new Error(`raw & in ${k}="${v}"`);
      if (k in attrs) throw new Error(`repeated attribute ${k}`);
      attrs[k] = v;
    }
    if (stack.length === 0) roots++;
    out.push({ name: m[1], attrs, text: '' });
    if (!m[3]) stack.push(m[1]);
  }
  if (stack.length || roots !== 1) throw new Error('unclosed elements or not one root');
  return out;
}

const INK: FigureInk = {
  fg: '#1d2125',
  muted: '#5b6470',
  line: '#c8ccd2',
  plotBg: '#f4f5f2',
  card: '#ffffff',
  bandOpacity: 0.32,
  bandOutline: 'rgba(0,0,0,0.18)',
  marks: '#1d2125',
  fontFamily: "system-ui, 'Segoe UI', sans-serif",
};

function racer(name: string, optimizer: Record<string, unknown>): FigureRacer {
  const p = parseRunConfig({ surface: 'rosenbrock', start: [-1.5, 2], steps: 60, optimizer });
  if (!p.ok) throw new Error(p.errors.join('; '));
  const r = run(p.value);
  return { name, color: '#0072B2', dashed: false, start: [-1.5, 2], ...r };
}

const surface = getSurface('rosenbrock');
const size = raceDrawingSize(surface.domain);
const contours = computeSurface({
  kind: 'surface',
  seq: 1,
  surface: 'rosenbrock',
  surfaceParams: {},
  ...size,
  resolution: 80,
  levels: 14,
});
const hostile = '<script>alert("x")</script> & onload=';
const racers = [
  racer('Adam', { type: 'Adam', lr: 0.05 }),
  racer(hostile, { type: 'SGD', lr: 1 }), // diverges
];
const figure = {
  title: `Contour race on ${surface.name}: ${hostile}`,
  domain: surface.domain,
  width: 640,
  font: 12,
  bands: contours.bands,
  max: contours.max,
  minima: surface.minima,
  start: [-1.5, 2] as const,
  racers,
  step: 30,
  ink: INK,
};

/** No script element, no event-handler attribute, no external reference anywhere. */
function expectInert(nodes: ReturnType<typeof parseXml>): void {
  expect(nodes.filter((n) => n.name.toLowerCase() === 'script')).toEqual([]);
  for (const n of nodes)
    for (const [k, v] of Object.entries(n.attrs)) {
      expect(k.toLowerCase().startsWith('on'), `${n.name} ${k}`).toBe(false);
      expect(/^\s*(javascript:|https?:|\/\/)/i.test(v) && k !== 'xmlns', `${k}=${v}`).toBe(false);
    }
}

describe('contour map as SVG', () => {
  it('is well-formed XML the size of the figure, with a band path per contour band', () => {
    expect(racers[1].divergedAt).not.toBeNull();
    const svg = contourSvg(figure);
    const nodes = parseXml(svg);
    const root = nodes[0];
    const { frame } = contourLayout(figure);
    expect(root.name).toBe('svg');
    expect(root.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(Number(root.attrs.width)).toBe(640);
    expect(Number(root.attrs.height)).toBe(frame.height);
    const bands = nodes.filter((n) => n.attrs.class === 'band');
    expect(bands).toHaveLength(contours.bands.length);
    expect(bands.map((b) => b.attrs.d)).toEqual(contours.bands.map((b) => b.d));
    expect(nodes.filter((n) => n.attrs.class === 'trajectory')).toHaveLength(2);
    expect(nodes.filter((n) => n.attrs.class === 'start')).toHaveLength(1);
    expect(nodes.filter((n) => n.attrs.class === 'minima')).toHaveLength(1);
    // The colour bar and ticks carry text, inline-styled (there is no stylesheet).
    expect(nodes.some((n) => n.name === 'text' && n.text === '-2')).toBe(true);
    expect(nodes.some((n) => n.name === 'style')).toBe(false);
    expectInert(nodes);
  });

  it('escapes text: a racer name with markup stays text', () => {
    const svg = contourSvg(figure);
    expect(svg).not.toContain('<script');
    const nodes = parseXml(svg);
    const titles = nodes.filter((n) => n.name === 'title').map((n) => n.text);
    expect(titles).toContain(escapeXml(hostile));
    expect(escapeXml(hostile)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; onload=',
    );
  });

  it('draws the shown step: the bold path ends where the racer was at that step', () => {
    const early = parseXml(contourSvg({ ...figure, step: 5 }));
    const late = parseXml(contourSvg({ ...figure, step: 60 }));
    const d = (n: ReturnType<typeof parseXml>) =>
      n.find((x) => x.attrs.class === 'trajectory')!.attrs.d.split('L').length;
    expect(d(early)).toBeLessThan(d(late));
  });

  it('leaves out the layers a PNG draws with the race painters', () => {
    const nodes = parseXml(contourSvg(figure, { trajectories: false, start: false }));
    expect(
      nodes.filter((n) => n.attrs.class === 'trajectory' || n.attrs.class === 'start'),
    ).toEqual([]);
    expect(nodes.filter((n) => n.attrs.class === 'band')).toHaveLength(contours.bands.length);
  });
});

describe('loss chart as SVG', () => {
  it('is well-formed, has a curve per racer, a ✕ where one left the view, and the axis kind', () => {
    const svg = lossSvg({
      title: `Loss: ${hostile}`,
      width: 600,
      height: 270,
      font: 12,
      margin: { l: 50, r: 17, t: 11, b: 35 },
      steps: 60,
      racers,
      ink: INK,
    });
    const nodes = parseXml(svg);
    expect(nodes[0].attrs.width).toBe('600');
    expect(nodes.filter((n) => n.attrs.class === 'curve')).toHaveLength(2);
    expect(nodes.filter((n) => n.attrs.class === 'diverged-mark')).toHaveLength(1);
    expect(nodes.some((n) => n.name === 'text' && n.text.startsWith('loss'))).toBe(true);
    expect(svg).not.toContain('<script');
    expectInert(nodes);
  });
});
