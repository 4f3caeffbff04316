/** The link carries "Anatomy of a step" (`arrows=1`) with the other view keys. */
import { describe, expect, it } from 'vitest';
import { defaultUrlState, parseUrlState, serializeUrlState } from '../../src/state/raceUrl';

describe('arrows in the link', () => {
  it('is off by default and left out of the link then', () => {
    expect(parseUrlState('').state.view.arrows).toBe(false);
    expect(serializeUrlState(defaultUrlState())).not.toContain('arrows');
  });

  it('round-trips arrows=1', () => {
    const { state, errors } = parseUrlState('?arrows=1');
    expect(errors).toEqual([]);
    expect(state.view.arrows).toBe(true);
    const query = serializeUrlState(state);
    expect(query).toContain('arrows=1');
    expect(parseUrlState(query).state.view.arrows).toBe(true);
  });

  it('names the key of a bad value and keeps the default', () => {
    const { state, errors } = parseUrlState('?arrows=yes');
    expect(state.view.arrows).toBe(false);
    expect(errors).toEqual([expect.stringContaining('arrows')]);
  });
});
