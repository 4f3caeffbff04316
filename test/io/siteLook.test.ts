import { describe, expect, it } from 'vitest';
import { isRaceLink, lookQuery, readSiteLook, withLook } from '../../src/io/siteLook';

describe('siteLook', () => {
  it('reads theme and large as the other pages spell them', () => {
    expect(readSiteLook('?theme=dark&large=1')).toEqual({ theme: 'dark', large: true, errors: [] });
    expect(readSiteLook('')).toEqual({ theme: 'light', large: false, errors: [] });
    const bad = readSiteLook('?theme=%E0&large=yes');
    expect(bad).toMatchObject({ theme: 'light', large: false });
    expect(bad.errors).toEqual([
      "Invalid URL parameter 'theme': malformed percent-escape (got '%E0'); using the default",
      expect.stringMatching(/^Invalid URL parameter 'large': .* \(got 'yes'\); using the default$/),
    ]);
  });

  it('takes a link with any other key for an old race link', () => {
    expect(isRaceLink('')).toBe(false);
    expect(isRaceLink('?theme=dark&large=1')).toBe(false);
    expect(isRaceLink('?opt=adam')).toBe(true);
    expect(isRaceLink('?theme=dark&scene=warmup')).toBe(true);
    expect(isRaceLink('?%E0=1')).toBe(true);
  });

  it('carries the look onto site links, before any hash', () => {
    const dark = { theme: 'dark', large: true } as const;
    expect(lookQuery({ theme: 'light', large: false })).toBe('');
    expect(withLook('race.html', dark)).toBe('race.html?theme=dark&large=1');
    expect(withLook('index.html#lessons', { theme: 'dark', large: false })).toBe(
      'index.html?theme=dark#lessons',
    );
    expect(withLook('lesson.html?id=momentum', dark)).toBe(
      'lesson.html?id=momentum&theme=dark&large=1',
    );
    expect(withLook('landscape.html', undefined)).toBe('landscape.html');
    expect(withLook('landscape.html', { theme: 'light', large: false })).toBe('landscape.html');
  });
});
