/**
 * The lesson records (all 13) and the lesson page's pure parts: every figure names a known widget
 * and a unique id, its query parses on its page without a message, every scene it names exists,
 * every claim a figure makes (its own, or its scene's) holds on the real runs, and the lesson
 * link, figure addresses and resize messages are read as the page needs.
 */
import { describe, expect, it } from 'vitest';
import { checkClaim } from '../../src/core/scenes/claims';
import { sceneById } from '../../src/core/scenes/scenes';
import { SURFACES } from '../../src/core/surfaces/registry';
import { run, type RunResult } from '../../src/core/trajectory';
import { decodeQuery } from '../../src/io/queryParams';
import { parseLandscapeUrl } from '../../src/state/landscapeUrl';
import { parseUrlState } from '../../src/state/raceUrl';
import { racerConfigs } from '../../src/state/racerConfigs';
import { sceneSentences } from '../../src/state/sceneText';
import { widgetById } from '../../src/ui/embed/widgets';
import { figureScene } from '../../src/ui/lessons/figureScene';
import { FRAME_MAX, FRAME_MIN, resizeHeight } from '../../src/ui/lessons/frameHeight';
import {
  figureEmbedSrc,
  figurePlaygroundHref,
  lessonHref,
  parseLessonLink,
} from '../../src/ui/lessons/lessonLink';
import { LESSONS, lessonById, lessonFigureById } from '../../src/ui/lessons/registry';

const FIGURES = LESSONS.flatMap((l) => l.figures.map((f) => [f.id, f, l.id] as const));
const raceFigures = FIGURES.filter(([, f]) => widgetById(f.widget)?.family === 'race');
const landscapeFigures = FIGURES.filter(([, f]) => widgetById(f.widget)?.family === 'landscape');
const MINE = [
  'learning-rate',
  'momentum',
  'saddle-points',
  'adaptive',
  'weight-decay',
  'sign-updates',
];

describe('lesson records', () => {
  it('13 lessons numbered 1–13 in order, with unique link-safe ids', () => {
    expect(LESSONS.map((l) => l.number)).toEqual(LESSONS.map((_, i) => i + 1));
    const ids = LESSONS.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('lessons 1–6 are ready, each with figures and a body', () => {
    for (const id of MINE) {
      const l = lessonById(id)!;
      expect(l.status, id).toBe('ready');
      expect(l.figures.length, id).toBeGreaterThan(0);
      expect(l.body, id).toBeTypeOf('function');
    }
  });

  it('a ready lesson has a body and figures; a planned one says what it waits for', () => {
    for (const l of LESSONS)
      if (l.status === 'ready') expect(l.body && l.figures.length > 0, l.id).toBeTruthy();
      else expect(l.waitsFor, l.id).toBeTruthy();
  });

  it('figure ids are unique across lessons, link-safe, and no widget kind’s name', () => {
    const ids = FIGURES.map(([id]) => id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(widgetById(id), id).toBeUndefined();
      expect(lessonFigureById(id)?.id).toBe(id);
    }
  });

  it.each(FIGURES)('%s names a known widget and has a caption', (_id, f) => {
    expect(widgetById(f.widget), f.widget).toBeDefined();
    expect(f.caption.length).toBeGreaterThan(10);
    if (f.height !== undefined) expect(f.height).toBeGreaterThanOrEqual(FRAME_MIN);
  });

  it.each(raceFigures)(
    '%s: its query parses with the race’s parseUrlState, no message',
    (_id, f) => {
      const { errors } = parseUrlState(f.query);
      expect(errors).toEqual([]);
      const scene = decodeQuery(f.query).params.get('scene');
      if (scene) expect(sceneById(scene.value ?? '')).toBeDefined();
    },
  );

  it.each(landscapeFigures)(
    '%s: its query parses with the landscape page’s parseLandscapeUrl, no message',
    (_id, f) => {
      expect(parseLandscapeUrl(f.query).errors).toEqual([]);
    },
  );

  it('lesson 10 is ready: one pair and the grid side by side, a slice in 3D and its curvature map', () => {
    const l = lessonById('skip-connections')!;
    expect(l.status).toBe('ready');
    expect(l.figures.map((f) => f.widget)).toEqual([
      'landscape-compare',
      'landscape-grid',
      'landscape',
      'landscape',
    ]);
    const look = (q: string) => parseLandscapeUrl(q).look;
    expect(look(l.figures[2].query).view3d).toBe(true);
    expect(look(l.figures[3].query).curvature).toBe(true);
  });

  it('every race figure of lessons 1–6 makes claims (its own or its scene’s), worded', () => {
    for (const [id, f, lesson] of raceFigures) {
      if (!MINE.includes(lesson)) continue;
      const scene = figureScene(f);
      expect(scene, id).not.toBeNull();
      expect(sceneSentences(scene!).length, id).toBe(scene!.claims.length);
    }
  });
});

/** The figure's link → the race's configs → the core's runs, keyed by racer key. */
function runFigure(query: string): { runs: Record<string, RunResult>; steps: number } {
  const { state } = parseUrlState(query);
  const runs: Record<string, RunResult> = {};
  for (const rc of racerConfigs(state.race)) {
    if (!rc.ok) throw new Error(`${rc.id}: ${rc.errors.join('; ')}`);
    runs[rc.id] = run(rc.config);
  }
  return { runs, steps: state.race.steps };
}

describe.each(FIGURES.filter(([, f]) => f.claims))('figure %s: its own claims', (_id, f) => {
  const scene = figureScene(f)!;
  const { runs, steps } = runFigure(scene.query);
  it.each(scene.claims.map((c, i) => [i, sceneSentences(scene)[i], c] as const))(
    'claim %i holds on the real runs: %s',
    (_i, _text, claim) => {
      expect(checkClaim(claim, runs, steps)).toBeNull();
    },
  );
});

describe('lesson text facts', () => {
  it('lesson 1: the bowl’s steep curvature is 25, so 2/25 = 0.08 lies between the right and too-large lrs', () => {
    const { state } = parseUrlState('scene=lr-sizes');
    const lrs = state.race.racers.map((r) => r.hp.lr as number);
    expect(lrs).toEqual([0.001, 0.05, 0.085, 0.5]);
    const surface = SURFACES.find((q) => q.id === state.race.surface)!.create(
      state.race.surfaceParams,
    );
    const h = new Float64Array(3);
    surface.hessian(0, 0, h);
    expect(Math.max(h[0], h[2])).toBe(25);
    expect(lrs[1]).toBeLessThan(2 / 25);
    expect(lrs[2]).toBeGreaterThan(2 / 25);
  });
});

describe('the lesson link', () => {
  it('reads id, theme and large; names bad values', () => {
    expect(parseLessonLink('?id=momentum&theme=dark&large=1')).toEqual({
      id: 'momentum',
      theme: 'dark',
      large: true,
      errors: [],
    });
    expect(parseLessonLink('').id).toBeNull();
    const bad = parseLessonLink('?id=x&theme=blue&large=2');
    expect(bad.theme).toBe('light');
    expect(bad.large).toBe(false);
    expect(bad.errors).toHaveLength(2);
    expect(bad.errors[0]).toMatch(/'theme'.*light, dark.*blue/);
    expect(bad.errors[1]).toMatch(/'large'/);
    // An id with broken escapes is kept as written, for the page to name as text.
    expect(parseLessonLink('?id=%E0%A4%A').id).toBe('%E0%A4%A');
  });

  it('figure addresses: the embed page by figure id, the playground by the widget’s family, the look passed on', () => {
    const f = lessonFigureById('lr-sizes')!;
    const dark = { theme: 'dark', large: true } as const;
    const light = { theme: 'light', large: false } as const;
    expect(figureEmbedSrc(f, light)).toBe('embed.html?widget=lr-sizes');
    expect(figureEmbedSrc(f, dark)).toBe('embed.html?widget=lr-sizes&theme=dark&large=1');
    expect(figurePlaygroundHref(f, light)).toBe(`race.html?${f.query}`);
    expect(
      figurePlaygroundHref({ ...f, widget: 'landscape', query: 'model=resnet-20' }, dark),
    ).toBe('landscape.html?model=resnet-20&theme=dark&large=1');
    // A side-by-side figure opens the landscape page's comparison view, where its slices are.
    expect(
      figurePlaygroundHref({ ...f, widget: 'landscape-compare', query: 'model=resnet-56' }, light),
    ).toBe('landscape.html?model=resnet-56&compare=1');
    expect(figurePlaygroundHref({ ...f, widget: 'landscape-grid', query: '' }, dark)).toBe(
      'landscape.html?compare=1&theme=dark&large=1',
    );
    expect(
      figurePlaygroundHref(
        { ...f, widget: 'landscape-grid', query: 'compare=1&levels=paper' },
        light,
      ),
    ).toBe('landscape.html?compare=1&levels=paper');
    expect(lessonHref('momentum', dark)).toBe('lesson.html?id=momentum&theme=dark&large=1');
  });

  it('resize messages: only {type: resize, height: finite number}, clamped', () => {
    expect(resizeHeight({ type: 'resize', height: 500.4 })).toBe(500);
    expect(resizeHeight({ type: 'resize', height: 5 })).toBe(FRAME_MIN);
    expect(resizeHeight({ type: 'resize', height: 1e9 })).toBe(FRAME_MAX);
    for (const bad of [
      null,
      'resize',
      { type: 'resize' },
      { type: 'resize', height: '500' },
      { type: 'resize', height: NaN },
      { type: 'resize', height: Infinity },
      { type: 'step', height: 500 },
    ])
      expect(resizeHeight(bad)).toBeNull();
  });
});
