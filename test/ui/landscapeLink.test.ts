import { beforeEach, describe, expect, it } from 'vitest';
import {
  landscapeLinkParams,
  setLandscapeLinkParams,
} from '../../src/ui/embed/landscape/landscapeLink';
import { initialLandscapeState, useLandscapeStore } from '../../src/state/landscapeStore';
import { idleToyRun, useToyStore } from '../../src/state/toyStore';
import { defaultToySettings } from '../../src/state/toySpec';
import { loadLandscapeUrl } from '../../src/state/landscapeUrlSync';

/** The landscape widgets' set/get: the landscape page's link keys, through its parser. */
describe('landscape widget set / get', () => {
  beforeEach(() => {
    useLandscapeStore.setState(initialLandscapeState());
    useToyStore.setState({ settings: defaultToySettings(), run: idleToyRun() });
  });

  it('get gives the link as the page writes it, and named keys even at their defaults', () => {
    expect(loadLandscapeUrl('model=resnet-20&view3d=1&toy=xor')).toEqual([]);
    expect(landscapeLinkParams()).toEqual({
      model: 'resnet-20',
      skip: 'on',
      view: 'random',
      res: '31',
      samples: '256',
      seed: '1',
      toy: 'xor',
      view3d: '1',
    });
    expect(landscapeLinkParams(['model', 'toy.lr', 'line', 'theme', 'nope'])).toEqual({
      model: 'resnet-20',
      'toy.lr': '0.03',
      line: 'off',
      theme: 'light',
    });
  });

  it('set merges keys into the current state through the store actions, and get reads them back', () => {
    loadLandscapeUrl('model=resnet-20');
    useLandscapeStore.setState({ showing: 'gpu' });
    expect(setLandscapeLinkParams({ skip: 'off', view3d: '1', 'toy.lr': '0.1' })).toEqual([]);
    const s = useLandscapeStore.getState();
    expect(s.settings).toMatchObject({ depth: 20, skip: false });
    // A new model goes back to its shipped slice, as a click on the page would.
    expect(s.showing).toBe('shipped');
    expect(s.look.view3d).toBe(true);
    expect(useToyStore.getState().settings.toyLr).toBe(0.1);
    expect(landscapeLinkParams(['model', 'skip', 'view3d', 'toy.lr'])).toEqual({
      model: 'resnet-20',
      skip: 'off',
      view3d: '1',
      'toy.lr': '0.1',
    });
    expect(setLandscapeLinkParams({ view3d: '0' })).toEqual([]);
    expect(useLandscapeStore.getState().look.view3d).toBeUndefined();
  });

  it('a refused key is named and keeps its current value; the other keys still apply', () => {
    loadLandscapeUrl('model=resnet-110');
    const errors = setLandscapeLinkParams({ model: 'resnet-99', line: 'random', zoom: '2' });
    expect(errors).toHaveLength(2);
    // The page's own message for the value (naming the key and the values allowed), then 'unchanged'.
    expect(errors[0]).toMatch(/'model'.*resnet-20, resnet-56, resnet-110.*; unchanged$/);
    expect(errors[1]).toMatch(/'zoom'/);
    expect(useLandscapeStore.getState().settings).toMatchObject({ depth: 110, line: 'random' });
  });
});
