import { describe, expect, it } from 'vitest';
import { run, type RunResult } from '../../src/core/trajectory';
import { checkClaim } from '../../src/core/scenes/claims';
import { SCENES } from '../../src/core/scenes/scenes';
import { claimRacers, type Scene } from '../../src/core/scenes/sceneSpec';
import { parseUrlState } from '../../src/state/raceUrl';
import { racerConfigs } from '../../src/state/racerConfigs';
import { sceneSentences } from '../../src/state/sceneText';

/** The scene's link → the race's configs → the core's runs, keyed by racer key. */
function runScene(scene: Scene): { runs: Record<string, RunResult>; steps: number } {
  const { state, errors } = parseUrlState(scene.query);
  expect(errors).toEqual([]);
  const runs: Record<string, RunResult> = {};
  for (const rc of racerConfigs(state.race)) {
    if (!rc.ok) throw new Error(`${scene.id}: ${rc.id}: ${rc.errors.join('; ')}`);
    runs[rc.id] = run(rc.config);
  }
  return { runs, steps: state.race.steps };
}

describe('scene registry', () => {
  it('has at least 12 scenes with unique, link-safe ids', () => {
    expect(SCENES.length).toBeGreaterThanOrEqual(12);
    const ids = SCENES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each(SCENES.map((s) => [s.id, s] as const))(
    '%s: its query parses without a message, and its claims name its racers',
    (_id, scene) => {
      const { state, errors } = parseUrlState(scene.query);
      expect(errors).toEqual([]);
      const keys = racerConfigs(state.race).map((r) => r.id);
      for (const c of scene.claims) for (const k of claimRacers(c)) expect(keys).toContain(k);
      expect(scene.claims.length).toBeGreaterThan(0);
      // One or two sentences on what to look at.
      expect(scene.look.split(/[.!?](\s|$)/).filter((t) => t.trim()).length).toBeLessThanOrEqual(2);
    },
  );
});

describe.each(SCENES.map((s) => [s.id, s] as const))('scene %s', (_id, scene) => {
  const { runs, steps } = runScene(scene);
  it.each(scene.claims.map((c, i) => [i, sceneSentences(scene)[i], c] as const))(
    'claim %i holds on the real runs: %s',
    (_i, _text, claim) => {
      expect(checkClaim(claim, runs, steps)).toBeNull();
    },
  );
});
