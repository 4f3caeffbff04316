import { describe, expect, it } from 'vitest';
import {
  defaultLandscapeLook,
  defaultLandscapeSettings,
  parseLandscapeUrl,
  serializeLandscapeUrl,
} from '../../src/state/landscapeUrl';

describe("the comparison view's link keys: compare, levels, open", () => {
  it('round-trips, and writes nothing for the defaults (old links read unchanged)', () => {
    const settings = defaultLandscapeSettings();
    const plain = serializeLandscapeUrl(settings, defaultLandscapeLook());
    expect(plain).not.toMatch(/compare|levels|open/);
    const look = {
      ...defaultLandscapeLook(),
      compare: true,
      levels: 'paper' as const,
      open: 'resnet-56-ns',
    };
    const q = serializeLandscapeUrl(settings, look);
    expect(q).toContain('compare=1&levels=paper&open=resnet-56-ns');
    const back = parseLandscapeUrl(q);
    expect(back.errors).toEqual([]);
    expect(back.look).toEqual(look);
    // levels=log is the default: read, but not kept as a field.
    expect(parseLandscapeUrl('compare=1&levels=log').look).toEqual({
      ...defaultLandscapeLook(),
      compare: true,
    });
  });

  it('names a bad value and keeps the default', () => {
    const r = parseLandscapeUrl('compare=maybe&levels=linear&open=../x');
    expect(r.errors).toHaveLength(3);
    expect(r.errors.join('\n')).toMatch(/compare.*must be 1 or 0/);
    expect(r.errors.join('\n')).toMatch(/levels.*must be one of log, paper/);
    expect(r.errors.join('\n')).toMatch(/open.*must be a model name/);
    expect(r.look).toEqual(defaultLandscapeLook());
  });
});
