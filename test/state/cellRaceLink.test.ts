import { describe, expect, it } from 'vitest';
import { parseMapSpec, type SurfaceMapSpec } from '../../src/core/map/mapSpec';
import { cellRunConfig, scalarCell } from '../../src/core/map/surfaceCell';
import { run } from '../../src/core/trajectory';
import { cellRaceLink } from '../../src/state/cellRaceLink';
import { racerConfigs } from '../../src/state/racerConfigs';
import { parseUrlState } from '../../src/state/raceUrl';

function spec(raw: Record<string, unknown>): SurfaceMapSpec {
  const p = parseMapSpec(raw);
  if (!p.ok) throw new Error(p.errors.join('; '));
  return p.value as SurfaceMapSpec;
}

const LR = { key: 'lr', min: 1e-3, max: 1, log: true, n: 4 };

/** The race a cell's link opens: parsed as the race page parses it, with no complaint. */
function raceOf(s: SurfaceMapSpec, i: number, j: number) {
  const { href, note } = cellRaceLink(cellRunConfig(s, i, j));
  expect(href.startsWith('race.html?')).toBe(true);
  const { state, errors } = parseUrlState(href.slice('race.html?'.length));
  expect(errors).toEqual([]);
  const configs = racerConfigs(state.race);
  expect(configs).toHaveLength(1);
  if (!configs[0].ok) throw new Error(configs[0].errors.join('; '));
  return { config: configs[0].config, note, href };
}

describe("a map cell's race link", () => {
  it.each([
    [
      'SGD lr × momentum on the quadratic',
      spec({
        surface: 'quadratic',
        optimizer: 'sgd',
        steps: 120,
        x: LR,
        y: { key: 'momentum', min: 0, max: 0.95, n: 3 },
      }),
    ],
    [
      'Adam lr × β₂ on Rosenbrock',
      spec({
        surface: 'rosenbrock',
        optimizer: 'adam',
        steps: 60,
        x: LR,
        y: { key: 'beta2', min: 0.5, max: 0.999, n: 3 },
      }),
    ],
    [
      'SGD lr × batch size with noise',
      spec({
        surface: 'quadratic',
        optimizer: 'sgd',
        steps: 40,
        batch: { samples: 64, noise: 2, seed: 3 },
        x: LR,
        y: { key: 'batch', min: 1, max: 64, log: true, n: 3 },
      }),
    ],
    [
      'start x × start y on Himmelblau',
      spec({
        surface: 'himmelblau',
        optimizer: 'sgd',
        hp: { lr: 0.005, momentum: 0.9 },
        steps: 80,
        x: { key: 'x0', min: -5, max: 5, n: 3 },
        y: { key: 'y0', min: -5, max: 5, n: 3 },
      }),
    ],
  ])('%s: the race runs the cell’s run, step for step', (_name, s) => {
    for (const [i, j] of [
      [0, 0],
      [3 % s.x.n, 2],
    ]) {
      const { config, note } = raceOf(s, i, j);
      const cell = scalarCell(s, i, j);
      expect(note).toBeNull();
      expect(config.optimizer.hp).toEqual(cell.config.optimizer.hp);
      expect(config.start).toEqual(cell.config.start);
      expect(config.steps).toBe(s.steps);
      const raced = run(config);
      expect(Array.from(raced.params)).toEqual(Array.from(cell.result.params));
      expect(raced.divergedAt).toBe(cell.result.divergedAt);
    }
  });

  it("keeps the page's theme and type size", () => {
    const s = spec({
      surface: 'quadratic',
      optimizer: 'sgd',
      x: LR,
      y: { key: 'momentum', min: 0, max: 0.9, n: 2 },
    });
    const { href } = cellRaceLink(cellRunConfig(s, 0, 0), { theme: 'dark', large: true });
    const { state } = parseUrlState(href.slice('race.html?'.length));
    expect(state.view).toMatchObject({ theme: 'dark', large: true });
  });

  it('says when the cell ran more steps than a race link carries', () => {
    const s = spec({
      surface: 'quadratic',
      optimizer: 'sgd',
      steps: 20_000,
      x: LR,
      y: { key: 'momentum', min: 0, max: 0.9, n: 2 },
    });
    const { config, note } = raceOf(s, 1, 1);
    expect(config.steps).toBe(10_000);
    expect(note).toContain('at most 10,000 steps');
  });
});
