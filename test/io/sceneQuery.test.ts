import { describe, expect, it } from 'vitest';
import { SCENES } from '../../src/core/scenes/scenes';
import { expandSceneQuery } from '../../src/io/sceneQuery';
import { parseUrlState } from '../../src/state/raceUrl';

const scene = SCENES[0];

describe('scene= in a link', () => {
  it('applies the scene: the same state as its query', () => {
    const viaScene = parseUrlState(`?scene=${scene.id}`);
    expect(viaScene.errors).toEqual([]);
    expect(viaScene.state).toEqual(parseUrlState(scene.query).state);
  });

  it("lets the link's own parameters win over the scene's, wherever they stand", () => {
    const { state, errors } = parseUrlState(`steps=123&scene=${scene.id}&theme=dark`);
    expect(errors).toEqual([]);
    expect(state.race.steps).toBe(123);
    expect(state.view.theme).toBe('dark');
    expect(state.race.surface).toBe(parseUrlState(scene.query).state.race.surface);
  });

  it("drops the scene's settings of racers the link's own opt leaves out, without a message", () => {
    const { state, errors } = parseUrlState('scene=warmup&opt=sgd');
    expect(errors).toEqual([]);
    expect(state.race.racers.map((r) => r.key)).toEqual(['sgd']);
    // The racer kept keeps the scene's settings.
    expect(state.race.racers[0].hp.lr).toBe(0.003);
    expect(state.race.racers[0].label).toBe('No warm-up');
    // A racer key the scene does not have is the link's own business (and named as usual).
    expect(parseUrlState('scene=warmup&opt=sgd&lr.adam=0.1').errors).toHaveLength(1);
  });

  it('names an unknown scene in the URL-error style and keeps the rest of the link', () => {
    const { state, errors } = parseUrlState('scene=no-such-thing&steps=50');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^Invalid URL parameter 'scene': unknown scene 'no-such-thing' \(known: /,
    );
    expect(errors[0]).toContain(scene.id);
    expect(errors[0]).toMatch(/; ignored$/);
    expect(state.race.steps).toBe(50);
  });

  it('names an unreadable scene value and cuts a long one', () => {
    expect(parseUrlState('scene=%E0%A4%A').errors[0]).toMatch(
      /^Invalid URL parameter 'scene': malformed percent-escape \(got '%E0%A4%A'\); ignored$/,
    );
    const long = parseUrlState(`scene=${'x'.repeat(500)}`).errors[0];
    expect(long).toContain(`unknown scene '${'x'.repeat(39)}…'`);
  });

  it('leaves a link without scene= as it was', () => {
    expect(expandSceneQuery('?steps=5&opt=adam')).toEqual({
      query: 'steps=5&opt=adam',
      scene: null,
      error: null,
    });
  });
});
