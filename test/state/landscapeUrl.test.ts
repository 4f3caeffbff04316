import { describe, expect, it } from 'vitest';
import { defaultLandscapeLook, defaultLandscapeSettings, modelName, parseLandscapeUrl, serializeLandscapeUrl } from '../../src/state/landscapeUrl';

describe('the landscape link', () => {
  it('reads one readable key per setting', () => {
    const { settings, errors } = parseLandscapeUrl('?model=resnet-110&skip=off&view=pca&res=41&samples=64&seed=7');
    expect(errors).toEqual([]);
    expect(settings).toMatchObject({ depth: 110, skip: false, view: 'pca', res: 41, samples: 64, seed: 7 });
    expect(modelName(settings)).toBe('resnet-110-ns');
  });

  it('writes the defaults as a short readable link, and debug keys only when set', () => {
    expect(serializeLandscapeUrl(defaultLandscapeSettings())).toMatchInlineSnapshot(`"model=resnet-56&skip=on&view=random&res=31&samples=256&seed=1"`);
    expect(serializeLandscapeUrl({ ...defaultLandscapeSettings(), init: true, orthogonal: true })).toContain('ortho=on&init=1');
  });

  it('round-trips every setting it writes', () => {
    const s = { depth: 20, skip: false, view: 'pca', res: 3, samples: 1000, seed: 2 ** 31 - 1, orthogonal: true, line: 'random', init: true } as const;
    expect(parseLandscapeUrl(serializeLandscapeUrl(s))).toEqual({ settings: s, look: defaultLandscapeLook(), errors: [] });
    const look = { theme: 'dark', large: true, logHeight: false } as const;
    expect(parseLandscapeUrl(serializeLandscapeUrl(s, look))).toEqual({ settings: s, look, errors: [] });
  });

  it('reads and writes the look (theme, large type, 3D heights) as on the race page, only when not the default', () => {
    expect(defaultLandscapeLook()).toEqual({ theme: 'light', large: false, logHeight: true });
    const { settings, look, errors } = parseLandscapeUrl('?theme=dark&large=1&log3d=0');
    expect(errors).toEqual([]);
    expect(settings).toEqual(defaultLandscapeSettings());
    expect(look).toEqual({ theme: 'dark', large: true, logHeight: false });
    expect(serializeLandscapeUrl(settings, look)).toMatch(/&theme=dark&large=1&log3d=0$/);
    expect(serializeLandscapeUrl(settings, defaultLandscapeLook())).not.toMatch(/theme|large|log3d/);
  });

  it('names an invalid theme or large value and keeps the default look', () => {
    const { look, errors } = parseLandscapeUrl('theme=purple&large=huge&log3d=maybe');
    expect(look).toEqual(defaultLandscapeLook());
    expect(errors).toEqual(['theme="purple" must be light or dark; using light', 'large="huge" must be 1 or 0; using 0', 'log3d="maybe" must be 1 or 0; using 1']);
  });

  it('opens the 1D panel on a path with line=…, writes it only when open, and names a bad path', () => {
    const { settings, errors } = parseLandscapeUrl('?model=resnet-20&line=interpolation');
    expect(errors).toEqual([]);
    expect(settings.line).toBe('interpolation');
    expect(serializeLandscapeUrl(settings)).toMatchInlineSnapshot(`"model=resnet-20&skip=on&view=random&res=31&samples=256&seed=1&line=interpolation"`);
    expect(parseLandscapeUrl(serializeLandscapeUrl({ ...settings, line: 'random' })).settings.line).toBe('random');
    expect(serializeLandscapeUrl({ ...settings, line: 'off' })).not.toContain('line=');
    const bad = parseLandscapeUrl('line=sideways');
    expect(bad.settings.line).toBe('off');
    expect(bad.errors).toEqual(['line="sideways" must be one of off, interpolation, random; using off']);
  });

  it('names each invalid value and uses the default instead', () => {
    const { settings, errors } = parseLandscapeUrl('model=resnet-99&skip=maybe&view=hessian&res=62&samples=4.5&seed=-1&zoom=2');
    expect(settings).toEqual(defaultLandscapeSettings());
    expect(errors).toEqual([
      'model="resnet-99" must be one of resnet-20, resnet-56, resnet-110; using resnet-56',
      'skip="maybe" must be on or off; using on',
      'view="hessian" must be random or pca; using random',
      'res="62" must be a whole number from 3 to 61; using 31',
      'samples="4.5" must be a whole number from 8 to 1000; using 256',
      'seed="-1" must be a whole number from 0 to 2147483647; using 1',
      "unknown link parameter 'zoom' (known: model, skip, view, res, samples, seed, line, ortho, init, theme, large, log3d); ignored",
    ]);
  });
});
