/**
 * The map's link (state/mapUrl.ts): what the page holds comes back from its own link, a zoom's
 * axes included; defaults are left out; every bad value is named with its key, in the words of
 * every page, and never leaves an unparsable spec.
 */
import { describe, expect, it } from 'vitest';
import { zoomAxis } from '../../src/core/map/mapAxes';
import { MAP_PRESETS } from '../../src/core/map/mapPresets';
import { parseMapUrl, serializeMapUrl, type MapLink } from '../../src/state/mapUrl';
import { presetSpec } from '../../src/state/mapStore';

const linkOf = (preset: string, patch: Partial<MapLink> = {}): MapLink => ({
  preset,
  spec: presetSpec(preset),
  mode: MAP_PRESETS.find((p) => p.id === preset)!.mode,
  selected: null,
  theme: 'light',
  large: false,
  ...patch,
});

const roundTrip = (l: MapLink) => {
  const q = serializeMapUrl(l);
  const back = parseMapUrl(q);
  expect(back.errors).toEqual([]);
  const { errors: _e, ...rest } = back;
  return { q, rest };
};

describe('the map link', () => {
  it.each(MAP_PRESETS.map((p) => p.id))(
    'preset %s: only the preset is written, and read back',
    (id) => {
      const { q, rest } = roundTrip(linkOf(id));
      expect(q).toBe(`preset=${id}`);
      expect(rest).toEqual(linkOf(id));
    },
  );

  it('a zoomed spec, a mode, a cell and the look come back exactly', () => {
    const s = presetSpec('momentum-bowl');
    const spec = { ...s, x: zoomAxis(s.x, 40.3, 71.9), y: zoomAxis(s.y, 100, 127.5), steps: 150 };
    const l = linkOf('momentum-bowl', {
      spec,
      mode: 'steps',
      selected: { i: 3, j: 127 },
      theme: 'dark',
      large: true,
    });
    const { q, rest } = roundTrip(l);
    expect(q).toContain('x.min=');
    expect(q).toContain('y.max=');
    expect(q).toContain('cell=3,127');
    expect(q).not.toContain('x.n=');
    expect(rest).toEqual(l);
  });

  it('another optimizer, surface, axis and kind come back exactly', () => {
    const raw = parseMapUrl(
      'preset=momentum-bowl&surface=rosenbrock&optimizer=adam&y=beta2&y.min=0.5&tol=0.01',
    );
    expect(raw.errors).toEqual([]);
    expect(raw.spec).toMatchObject({
      kind: 'surface',
      surface: 'rosenbrock',
      optimizer: 'adam',
      tol: 0.01,
      y: { key: 'beta2', min: 0.5 },
    });
    const { rest } = roundTrip({ ...raw, errors: undefined } as unknown as MapLink);
    expect(rest.spec).toEqual(raw.spec);
    const mlp = parseMapUrl('kind=mlp&x.n=32');
    expect(mlp.errors).toEqual([]);
    expect(mlp.spec).toMatchObject({ kind: 'mlp', x: { key: 'lr1', n: 32 } });
    expect(roundTrip({ ...mlp } as unknown as MapLink).rest.spec).toEqual(mlp.spec);
  });

  it('names each bad value by its key and keeps a spec that parses', () => {
    const r = parseMapUrl(
      'preset=nope&x.n=5000&steps=0&mode=rainbow&tol=-1&optimizer=lbfgs&bogus=1&cell=1',
    );
    const keys = r.errors.map((e) => /^Invalid URL parameter '([^']+)'/.exec(e)?.[1]);
    expect(keys).toEqual(
      expect.arrayContaining([
        'preset',
        'x.n',
        'steps',
        'mode',
        'tol',
        'optimizer',
        'bogus',
        'cell',
      ]),
    );
    for (const e of r.errors) expect(e).toMatch(/^Invalid URL parameter '/);
    expect(r.errors.find((e) => e.includes("'x.n'"))).toContain(
      'must be an integer from 2 to 1024',
    );
    expect(r.spec).toEqual(presetSpec('momentum-bowl'));
    expect(r.mode).toBe('status');
  });

  it('refuses what only the whole spec can judge, by key: a log axis through 0, min above max, an axis the optimizer lacks', () => {
    const a = parseMapUrl('preset=momentum-bowl&y.log=1');
    expect(a.errors).toEqual([
      "Invalid URL parameter 'y.min': a log axis needs values > 0 (got 0); using the default",
    ]);
    // The default y.min (0) cannot be on a log axis either: the preset's own axis is used.
    expect(a.spec).toEqual(presetSpec('momentum-bowl'));
    expect(parseMapUrl('x.min=2&x.max=1').errors[0]).toMatch(
      /^Invalid URL parameter 'x\.min': min must be below max/,
    );
    const c = parseMapUrl('y=beta2');
    expect(c.errors[0]).toMatch(/^Invalid URL parameter 'y': must be one of lr, momentum/);
    expect(c.spec.y.key).toBe('momentum');
  });

  it('drops a selected cell outside the grid, by name', () => {
    const r = parseMapUrl('preset=mlp-fractal&cell=64,3');
    expect(r.selected).toBeNull();
    expect(r.errors).toEqual([
      "Invalid URL parameter 'cell': must be a cell of the map: i below 64 and j below 64 (got 64,3); ignored",
    ]);
    expect(parseMapUrl('preset=mlp-fractal&cell=63,3').selected).toEqual({ i: 63, j: 3 });
  });
});
