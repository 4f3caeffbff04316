import { describe, expect, it } from 'vitest';
import {
  defaultLandscapeLook,
  defaultLandscapeSettings,
  modelName,
  parseLandscapeUrl,
  serializeLandscapeUrl,
} from '../../src/state/landscapeUrl';
import { defaultToySettings } from '../../src/state/toySpec';

describe('the landscape link', () => {
  it('reads one readable key per setting', () => {
    const { settings, errors } = parseLandscapeUrl(
      '?model=resnet-110&skip=off&view=pca&res=41&samples=64&seed=7',
    );
    expect(errors).toEqual([]);
    expect(settings).toMatchObject({
      depth: 110,
      skip: false,
      view: 'pca',
      res: 41,
      samples: 64,
      seed: 7,
    });
    expect(modelName(settings)).toBe('resnet-110-ns');
  });

  it('writes the defaults as a short readable link, and debug keys only when set', () => {
    expect(serializeLandscapeUrl(defaultLandscapeSettings())).toMatchInlineSnapshot(
      `"model=resnet-56&skip=on&view=random&res=31&samples=256&seed=1"`,
    );
    expect(
      serializeLandscapeUrl({ ...defaultLandscapeSettings(), init: true, orthogonal: true }),
    ).toContain('ortho=on&init=1');
  });

  it('round-trips every setting it writes', () => {
    const s = {
      depth: 20,
      skip: false,
      view: 'pca',
      res: 3,
      samples: 1000,
      seed: 2 ** 31 - 1,
      orthogonal: true,
      line: 'random',
      init: true,
    } as const;
    expect(parseLandscapeUrl(serializeLandscapeUrl(s))).toEqual({
      settings: s,
      look: defaultLandscapeLook(),
      toy: defaultToySettings(),
      errors: [],
    });
    const look = { theme: 'dark', large: true, logHeight: false } as const;
    expect(parseLandscapeUrl(serializeLandscapeUrl(s, look))).toEqual({
      settings: s,
      look,
      toy: defaultToySettings(),
      errors: [],
    });
  });

  it('reads and writes the look (theme, large type, 3D heights) as on the race page, only when not the default', () => {
    expect(defaultLandscapeLook()).toEqual({ theme: 'light', large: false, logHeight: true });
    const { settings, look, errors } = parseLandscapeUrl('?theme=dark&large=1&log3d=0');
    expect(errors).toEqual([]);
    expect(settings).toEqual(defaultLandscapeSettings());
    expect(look).toEqual({ theme: 'dark', large: true, logHeight: false });
    expect(serializeLandscapeUrl(settings, look)).toMatch(/&theme=dark&large=1&log3d=0$/);
    expect(serializeLandscapeUrl(settings, defaultLandscapeLook())).not.toMatch(
      /theme|large|log3d/,
    );
  });

  it('names an invalid theme or large value and keeps the default look', () => {
    const { look, errors } = parseLandscapeUrl('theme=purple&large=huge&log3d=maybe');
    expect(look).toEqual(defaultLandscapeLook());
    expect(errors).toEqual([
      "Invalid URL parameter 'theme': must be light or dark (got 'purple'); using the default",
      "Invalid URL parameter 'large': must be 1 or 0 (got 'huge'); using the default",
      "Invalid URL parameter 'log3d': must be 1 or 0 (got 'maybe'); using the default",
    ]);
  });

  it('keeps the 3D camera as cam=az,el,dist once moved, and names a bad one', () => {
    const { look, errors } = parseLandscapeUrl('?cam=-40.5,25,3.2');
    expect(errors).toEqual([]);
    expect(look.camera).toEqual({ az: -40.5, el: 25, dist: 3.2 });
    const link = serializeLandscapeUrl(defaultLandscapeSettings(), look);
    expect(decodeURIComponent(link)).toMatch(/&cam=-40.5,25,3.2$/);
    expect(parseLandscapeUrl(link).look).toEqual(look);
    // Not moved: not in the link.
    expect(serializeLandscapeUrl(defaultLandscapeSettings())).not.toMatch(/cam=/);
    const bad = parseLandscapeUrl('cam=0,95,3');
    expect(bad.look.camera).toBeUndefined();
    expect(bad.errors).toEqual([
      "Invalid URL parameter 'cam': elevation must be a number from -90 to 90 (got '0,95,3'); using the default",
    ]);
  });

  it('opens the 1D panel on a path with line=…, writes it only when open, and names a bad path', () => {
    const { settings, errors } = parseLandscapeUrl('?model=resnet-20&line=interpolation');
    expect(errors).toEqual([]);
    expect(settings.line).toBe('interpolation');
    expect(serializeLandscapeUrl(settings)).toMatchInlineSnapshot(
      `"model=resnet-20&skip=on&view=random&res=31&samples=256&seed=1&line=interpolation"`,
    );
    expect(
      parseLandscapeUrl(serializeLandscapeUrl({ ...settings, line: 'random' })).settings.line,
    ).toBe('random');
    expect(serializeLandscapeUrl({ ...settings, line: 'off' })).not.toContain('line=');
    const bad = parseLandscapeUrl('line=sideways');
    expect(bad.settings.line).toBe('off');
    expect(bad.errors).toEqual([
      "Invalid URL parameter 'line': must be one of off, interpolation, random (got 'sideways'); using the default",
    ]);
  });

  it('names each invalid value and uses the default instead', () => {
    const { settings, errors } = parseLandscapeUrl(
      'model=resnet-99&skip=maybe&view=hessian&res=62&samples=4.5&seed=-1&zoom=2',
    );
    expect(settings).toEqual(defaultLandscapeSettings());
    expect(errors).toEqual([
      "Invalid URL parameter 'model': must be one of resnet-20, resnet-56, resnet-110 (got 'resnet-99'); using the default",
      "Invalid URL parameter 'skip': must be on or off (got 'maybe'); using the default",
      "Invalid URL parameter 'view': must be random or pca (got 'hessian'); using the default",
      "Invalid URL parameter 'res': must be a whole number from 3 to 61 (got '62'); using the default",
      "Invalid URL parameter 'samples': must be a whole number from 8 to 1000 (got '4.5'); using the default",
      "Invalid URL parameter 'seed': must be a whole number from 0 to 2147483647 (got '-1'); using the default",
      "Invalid URL parameter 'zoom': unknown parameter (known: model, skip, view, res, samples, seed, line, toy, toy.opt, toy.lr, toy.momentum, toy.batch, toy.steps, toy.noise, toy.seed, toy.dir, toy.sched, toy.act, toy.layers, toy.init, ortho, init, theme, large, log3d, cam, view3d, compare, levels, open, curv); ignored",
    ]);
  });

  it('opens the toy panel on a data set with toy=…, and writes its knobs only when not the default', () => {
    expect(defaultToySettings()).toEqual({
      toy: 'off',
      toyOpt: 'adam',
      toyLr: 0.03,
      toyMomentum: 0.9,
      toyBatch: 50,
      toySteps: 1000,
      toyNoise: 0.1,
      toySeed: 0,
      toyDir: 'pca',
      toySched: 'cosine',
      toyAct: 'tanh',
      toyLayers: 2,
      toyInit: 'auto',
    });
    const { settings, look, toy, errors } = parseLandscapeUrl(
      '?toy=circle&toy.opt=momentum&toy.lr=0.1&toy.momentum=0.5&toy.batch=250&toy.steps=150&toy.noise=0&toy.seed=3&toy.dir=random&toy.sched=onecycle&toy.act=relu&toy.layers=20&toy.init=xavier',
    );
    expect(errors).toEqual([]);
    expect(toy).toEqual({
      toy: 'circle',
      toyOpt: 'momentum',
      toyLr: 0.1,
      toyMomentum: 0.5,
      toyBatch: 250,
      toySteps: 150,
      toyNoise: 0,
      toySeed: 3,
      toyDir: 'random',
      toySched: 'onecycle',
      toyAct: 'relu',
      toyLayers: 20,
      toyInit: 'xavier',
    });
    expect(serializeLandscapeUrl(settings, look, toy)).toMatchInlineSnapshot(
      `"model=resnet-56&skip=on&view=random&res=31&samples=256&seed=1&toy=circle&toy.opt=momentum&toy.lr=0.1&toy.momentum=0.5&toy.batch=250&toy.steps=150&toy.noise=0&toy.seed=3&toy.dir=random&toy.sched=onecycle&toy.act=relu&toy.layers=20&toy.init=xavier"`,
    );
    expect(parseLandscapeUrl(serializeLandscapeUrl(settings, look, toy)).toy).toEqual(toy);
    expect(serializeLandscapeUrl(settings, look, defaultToySettings())).not.toContain('toy');
    expect(serializeLandscapeUrl(settings, look, { ...defaultToySettings(), toy: 'xor' })).toMatch(
      /&toy=xor$/,
    );
    expect(parseLandscapeUrl('toy.lr=1e38').toy.toyLr).toBe(1e38);
  });

  it('names each invalid toy value and uses its default instead', () => {
    const { toy, errors } = parseLandscapeUrl(
      'toy=moons&toy.opt=lion&toy.lr=0&toy.momentum=1&toy.batch=251&toy.steps=2.5&toy.noise=0.6&toy.seed=x&toy.dir=hessian&toy.sched=step&toy.act=sigmoid&toy.layers=25&toy.init=zeros',
    );
    expect(toy).toEqual(defaultToySettings());
    expect(errors).toEqual([
      "Invalid URL parameter 'toy': must be one of off, spiral, circle, xor, gauss (got 'moons'); using the default",
      "Invalid URL parameter 'toy.opt': must be one of adam, sgd, momentum, rmsprop (got 'lion'); using the default",
      "Invalid URL parameter 'toy.lr': must be a number from 1e-6 to 1e38 (got '0'); using the default",
      "Invalid URL parameter 'toy.momentum': must be a number from 0 to 0.999 (got '1'); using the default",
      "Invalid URL parameter 'toy.batch': must be a whole number from 1 to 250 (got '251'); using the default",
      "Invalid URL parameter 'toy.steps': must be a whole number from 1 to 10000 (got '2.5'); using the default",
      "Invalid URL parameter 'toy.noise': must be a number from 0 to 0.5 (got '0.6'); using the default",
      "Invalid URL parameter 'toy.seed': must be a whole number from 0 to 2147483647 (got 'x'); using the default",
      "Invalid URL parameter 'toy.dir': must be pca or random (got 'hessian'); using the default",
      "Invalid URL parameter 'toy.sched': must be one of cosine, onecycle (got 'step'); using the default",
      "Invalid URL parameter 'toy.act': must be tanh or relu (got 'sigmoid'); using the default",
      "Invalid URL parameter 'toy.layers': must be a whole number from 1 to 24 (got '25'); using the default",
      "Invalid URL parameter 'toy.init': must be one of auto, xavier, kaiming (got 'zeros'); using the default",
    ]);
  });

  it('reads curv=1 as the non-convexity map on, writes it only when on, and names a bad value', () => {
    const { look, errors } = parseLandscapeUrl('?model=resnet-56&skip=off&curv=1');
    expect(errors).toEqual([]);
    expect(look.curvature).toBe(true);
    const again = parseLandscapeUrl(serializeLandscapeUrl(defaultLandscapeSettings(), look));
    expect(again.look.curvature).toBe(true);
    expect(serializeLandscapeUrl(defaultLandscapeSettings(), look)).toMatch(/&curv=1$/);
    expect(parseLandscapeUrl('?curv=0').look).not.toHaveProperty('curvature');
    expect(serializeLandscapeUrl(defaultLandscapeSettings())).not.toMatch(/curv/);
    expect(parseLandscapeUrl('?curv=maybe').errors).toEqual([
      "Invalid URL parameter 'curv': must be 1 or 0 (got 'maybe'); using the default",
    ]);
  });

  it('reads view3d=1 as a one-figure view in 3D, writes it only when on, and names a bad value', () => {
    const { look, errors } = parseLandscapeUrl('?view3d=1');
    expect(errors).toEqual([]);
    expect(look.view3d).toBe(true);
    expect(serializeLandscapeUrl(defaultLandscapeSettings(), look)).toMatch(/&view3d=1$/);
    expect(parseLandscapeUrl('?view3d=0').look).not.toHaveProperty('view3d');
    expect(serializeLandscapeUrl(defaultLandscapeSettings())).not.toMatch(/view3d/);
    expect(parseLandscapeUrl('?view3d=yes please').errors).toEqual([
      "Invalid URL parameter 'view3d': must be 1 or 0 (got 'yes please'); using the default",
    ]);
  });
});
