/**
 * Lessons 7, 8, 9, 11 and 13: each is ready with a body and figures; every race figure either
 * makes claims (its own or its scene's) or is a tool the reader works (controls=full) or a
 * schedule's shape; the embed page resolves each figure to its widget, query and controls with no
 * message; and the numbers the texts state hold on the real runs (the range test's marks around
 * 2/25, the √ rule's 0.2 at B = 256, the batch schedule's floor, the Tune panel's rates).
 */
import { describe, expect, it } from 'vitest';
import { scaledLr } from '../../src/core/batchScaling';
import { settledLoss } from '../../src/core/scenes/claims';
import { run, type RunResult } from '../../src/core/trajectory';
import { timesFaster, tune } from '../../src/core/tune';
import { parseEmbedParams } from '../../src/ui/embed/embedParams';
import { parseUrlState } from '../../src/state/raceUrl';
import { runRangeTest } from '../../src/state/rangeTestRun';
import { racerConfigs } from '../../src/state/racerConfigs';
import { tuneSettingsOf } from '../../src/state/tuneState';
import { widgetById } from '../../src/ui/embed/widgets';
import { figureScene } from '../../src/ui/lessons/figureScene';
import { lessonById, lessonFigureById } from '../../src/ui/lessons/registry';
import type { LessonFigure } from '../../src/ui/lessons/types';

const MINE = ['curvature', 'schedules', 'batch-size', 'large-batch', 'fair-comparisons'];
const FIGURES = MINE.flatMap((id) => lessonById(id)!.figures.map((f) => [f.id, f] as const));
const figure = (id: string): LessonFigure => lessonFigureById(id)!;

/** The figure's race, run on the core: results by racer key. */
function runQuery(query: string): Record<string, RunResult> {
  const { state, errors } = parseUrlState(query);
  expect(errors).toEqual([]);
  const runs: Record<string, RunResult> = {};
  for (const rc of racerConfigs(state.race)) {
    if (!rc.ok) throw new Error(`${rc.id}: ${rc.errors.join('; ')}`);
    runs[rc.id] = run(rc.config);
  }
  return runs;
}

describe('lessons 7, 8, 9, 11, 13', () => {
  it.each(MINE)('%s is ready, with a body and figures', (id) => {
    const l = lessonById(id)!;
    expect(l.status).toBe('ready');
    expect(l.body).toBeTypeOf('function');
    expect(l.figures.length).toBeGreaterThan(0);
  });

  it.each(MINE)('%s: its body loads as a component', async (id) => {
    const body = await lessonById(id)!.body!();
    expect(body.default).toBeTypeOf('function');
  });

  it.each(FIGURES)(
    '%s: a race figure with claims, a tool (controls=full) or a schedule’s shape',
    (_id, f) => {
      expect(widgetById(f.widget)?.family).toBe('race');
      const claims = figureScene(f)?.claims.length ?? 0;
      expect(claims > 0 || f.controls === 'full' || f.widget === 'schedule').toBe(true);
    },
  );

  it.each(FIGURES)(
    '%s: embed.html?widget=<id> resolves to its widget, query and controls, no message',
    (id, f) => {
      const e = parseEmbedParams(`widget=${id}`);
      expect(e.errors).toEqual([]);
      expect(e.kind.id).toBe(f.widget);
      expect(e.options.widget).toBe(id);
      expect(e.options.controls).toBe(f.controls ?? 'compact');
      expect(parseUrlState(e.pageQuery).errors).toEqual([]);
    },
  );
});

describe('what the texts say, on the real runs', () => {
  it('lesson 8: the range test falls fastest near 0.1, blows up near 0.3, and suggests a peak below 2/25', () => {
    const { state } = parseUrlState(figure('lr-range-test').query);
    const outcome = runRangeTest(state.race, 'sgd');
    if (!outcome.ok) throw new Error(outcome.errors.join('; '));
    const s = outcome.result.suggestions;
    // "fastest a little past 0.08, near 0.1", "blows up near 0.3", the peak below the limit.
    expect(s.steepest!.lr).toBeGreaterThan(0.08);
    expect(s.steepest!.lr).toBeLessThan(0.15);
    expect(s.blowUp!.lr).toBeGreaterThan(0.2);
    expect(s.blowUp!.lr).toBeLessThan(0.4);
    expect(s.maxLr!.lr).toBeCloseTo(s.blowUp!.lr / 10, 12);
    expect(s.maxLr!.lr).toBeLessThan(0.08);
  });

  it('lesson 8: the decay and cycle figures give every racer its own schedule', () => {
    for (const id of ['schedule-decays', 'schedule-cycles']) {
      const { state } = parseUrlState(figure(id).query);
      const scheds = state.race.racers.map((r) => r.schedule?.id);
      expect(new Set(scheds).size, id).toBe(4);
      expect(scheds, id).not.toContain(undefined);
    }
  });

  it('lesson 9: the √ rule takes lr 0.05 at B₀ = 16 to 0.2 at 256, past 0.08, and the run blows up', () => {
    expect(scaledLr(0.05, 16, 256, 'sqrt')).toBeCloseTo(0.2, 12);
    const f = figure('batch-scaling-rule');
    const { state } = parseUrlState(f.query);
    expect(state.race.batch.scaling).toMatchObject({ rule: 'sqrt', baseSize: 16 });
    // At B = 256 the slider shows the scaled rate: the link writes it as lr.sgd.
    const at256 = runQuery(
      `${f.query.replace('lr.sgd=0.05', 'lr.sgd=0.2').replace('batch=16', 'batch=256')}&batch.base=16`,
    );
    expect(at256.sgd.divergedAt).not.toBeNull();
    expect(runQuery(f.query).sgd.divergedAt).toBeNull();
  });

  it('lesson 9: growing the batch 4 → 16 → 64, or dividing the lr by 4 twice, ends far below a constant rate', () => {
    const q = figure('batch-schedule').query;
    const grown = settledLoss(runQuery(q).sgd);
    const divided = settledLoss(runQuery(`${q}&batch.change=lr`).sgd);
    const constant = settledLoss(runQuery(q.replace('&batch.at=100,200&batch.factor=4', '')).sgd);
    expect(grown).toBeLessThan(constant / 10);
    expect(divided).toBeLessThan(constant / 10);
  });

  it('lesson 13: the tuned figure’s rates are the Tune panel’s, and Adam reaches 0.01 first', () => {
    const { state } = parseUrlState(figure('fair-tuned').query);
    expect(state.tune).toBeTruthy();
    const settings = tuneSettingsOf(state.tune!);
    const results = racerConfigs(state.race).map((rc) => {
      if (!rc.ok) throw new Error(rc.errors.join('; '));
      const r = tune(rc.config, settings);
      // The figure writes each tuned rate to 4 significant digits.
      expect(rc.config.optimizer.hp.lr, rc.id).toBe(Number(r.best.lr.toPrecision(4)));
      return r;
    });
    expect(timesFaster(results[0], results[1], 0.01).factor).toBeGreaterThan(1);
  });
});
