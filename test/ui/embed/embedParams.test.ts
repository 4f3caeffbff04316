import { describe, expect, it, vi } from 'vitest';
import { parseEmbedParams } from '../../../src/ui/embed/embedParams';
import { WIDGETS } from '../../../src/ui/embed/widgets';
import type { LessonFigure } from '../../../src/ui/lessons/types';

// The lessons have no figures yet; one stand-in record, here only, exercises the expansion.
const FIGURES: Record<string, LessonFigure> = {
  'test-figure': {
    id: 'test-figure',
    widget: 'contour',
    query: 'scene=lr-sizes&steps=120&3d=0&controls=none',
    caption: 'A test figure.',
  },
  'test-orphan': { id: 'test-orphan', widget: 'nope', query: 'steps=10', caption: 'Broken.' },
};
vi.mock('../../../src/ui/lessons/registry', () => ({
  lessonFigureById: (id: string) => FIGURES[id],
}));

const parse = (q: string) => parseEmbedParams(q);

describe('parseEmbedParams', () => {
  it('reads a widget kind with the defaults and passes the rest to the page', () => {
    const r = parse('?widget=contour&opt=adam,sgd&lr.adam=0.1');
    expect(r.errors).toEqual([]);
    expect(r.kind.id).toBe('contour');
    expect(r.options).toEqual({
      widget: 'contour',
      controls: 'compact',
      hidden: new Set(),
      autoplay: false,
      loop: false,
      theme: 'light',
      large: false,
      allowedOrigins: [],
    });
    expect(r.pageQuery).toBe('opt=adam,sgd&lr.adam=0.1');
  });

  it('reads every option and keeps only the look for the page', () => {
    const r = parse(
      'widget=race&controls=full&lr_hide=1&step_hide=0&autoplay=1&loop=true&theme=dark&large=1&allowedOrigins=https://a.edu,http://127.0.0.1:8080&steps=50',
    );
    expect(r.errors).toEqual([]);
    expect(r.options.controls).toBe('full');
    expect([...r.options.hidden]).toEqual(['lr']);
    expect(r.options).toMatchObject({ autoplay: true, loop: true, theme: 'dark', large: true });
    expect(r.options.allowedOrigins).toEqual(['https://a.edu', 'http://127.0.0.1:8080']);
    expect(r.pageQuery).toBe('steps=50&theme=dark&large=1');
  });

  it('names an unknown or missing widget, lists the kinds and shows the race', () => {
    const r = parse('widget=pie-chart&steps=50');
    expect(r.kind.id).toBe('race');
    expect(r.options.widget).toBe('race');
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain("'widget'");
    expect(r.errors[0]).toContain("unknown widget 'pie-chart'");
    for (const k of WIDGETS) expect(r.errors[0]).toContain(k.id);
    expect(r.pageQuery).toBe('steps=50');
    expect(parse('steps=5').errors[0]).toMatch(/^Missing URL parameter 'widget'/);
    expect(parse('widget=%E0%A4%A').errors[0]).toContain('malformed percent-escape');
  });

  it('names bad values and keeps their defaults', () => {
    const r = parse(
      'widget=race&controls=some&autoplay=yes&loop=2&theme=blue&large=big&allowedOrigins=*,https://a.edu/path,ftp://b.org,HTTPS://C.ORG,null',
    );
    expect(r.options).toMatchObject({
      controls: 'compact',
      autoplay: false,
      loop: false,
      theme: 'light',
      large: false,
      allowedOrigins: [],
    });
    const joined = r.errors.join('\n');
    for (const key of ['controls', 'autoplay', 'loop', 'theme', 'large'])
      expect(joined).toContain(`Invalid URL parameter '${key}'`);
    expect(joined).toContain("must be one of none, compact, full (got 'some')");
    expect(joined).toContain("must be one of light, dark (got 'blue')");
    for (const bad of ['*', 'https://a.edu/path', 'ftp://b.org', 'HTTPS://C.ORG', 'null'])
      expect(joined).toContain(`'${bad}' is `);
    expect(joined).toContain("the origin is 'https://c.org'");
    // None of them reaches the page's codec.
    expect(r.pageQuery).toBe('');
  });

  it('names hide flags of controls the widget does not have, and bad flag values', () => {
    const r = parse('widget=schedule&play_hide=1&lr_hide=maybe&sched_hide=1');
    expect([...r.options.hidden]).toEqual(['sched']);
    expect(r.errors).toHaveLength(2);
    expect(r.errors[0]).toContain(
      "the schedule widget has no control 'play' (its controls: sched, lr)",
    );
    expect(r.errors[1]).toContain("'lr_hide': must be 1 or 0 (got 'maybe')");
    const land = parse('widget=landscape&lr_hide=1');
    const names = WIDGETS.find((w) => w.id === 'landscape')!.controls;
    expect(land.errors[0]).toContain(
      names.length ? `its controls: ${names.join(', ')}` : 'it has none',
    );
  });

  it('names repeated and unreadable embed keys, and cuts echoed text', () => {
    const r = parse(`widget=race&theme=dark&theme=light&controls=%ZZ&${'x'.repeat(300)}_hide=1`);
    expect(r.options.theme).toBe('dark');
    expect(r.errors.join('\n')).toContain("given 2 times; the first ('dark') is the one read");
    expect(r.errors.join('\n')).toContain("'controls': malformed percent-escape (got '%ZZ')");
    for (const e of r.errors) expect(e.length).toBeLessThan(200);
  });

  it('expands a lesson figure under the link’s own keys', () => {
    const r = parse('widget=test-figure&steps=50&controls=compact&theme=dark');
    expect(r.errors).toEqual([]);
    expect(r.kind.id).toBe('contour');
    expect(r.options.widget).toBe('test-figure');
    expect(r.options.controls).toBe('compact');
    expect(r.pageQuery).toBe('scene=lr-sizes&3d=0&steps=50&theme=dark');
    // The figure's own embed keys apply when the link leaves them out.
    expect(parse('widget=test-figure').options.controls).toBe('none');
  });

  it('names a lesson figure whose widget kind does not exist', () => {
    const r = parse('widget=test-orphan');
    expect(r.kind.id).toBe('race');
    expect(r.errors[0]).toContain("lesson figure 'test-orphan' names no widget kind 'nope'");
  });

  it('never throws on mangled links', () => {
    for (const q of [
      '',
      '?',
      '&&&',
      '=',
      'widget',
      'widget=&=x',
      '%',
      '_hide=1',
      'allowedOrigins=',
    ])
      expect(() => parse(q)).not.toThrow();
  });
});
