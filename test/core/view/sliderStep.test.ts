import { describe, expect, it } from 'vitest';
import {
  linearStep,
  LOG_ARROW_DECADES,
  sliderKeyOf,
  stepValue,
  type SliderScale,
} from '../../../src/core/view/sliderScale';

const LR: SliderScale = { kind: 'log', min: 1e-5, max: 10 };
const WD: SliderScale = { kind: 'log', min: 1e-4, max: 1, zero: true };
const MOMENTUM: SliderScale = { kind: 'linear', min: 0, max: 0.99 };
const BETA2: SliderScale = { kind: 'linear', min: 0.9, max: 0.9999 };
const decades = (a: number, b: number) => Math.log10(b / a);

describe('log slider keys', () => {
  it('an arrow moves by 5 % of a decade, up and down alike, at any magnitude', () => {
    for (const v of [1e-4, 3e-3, 0.1, 2]) {
      expect(decades(v, stepValue(LR, v, 'up'))).toBeCloseTo(LOG_ARROW_DECADES, 3);
      expect(decades(v, stepValue(LR, v, 'down'))).toBeCloseTo(-LOG_ARROW_DECADES, 3);
    }
  });

  it('twenty arrows make a decade (to the 4 significant digits values are kept to)', () => {
    let v = 1e-3;
    for (let k = 0; k < 20; k++) v = stepValue(LR, v, 'up');
    expect(v).toBeCloseTo(1e-2, 5);
  });

  it('Page Up / Page Down move by a whole decade', () => {
    expect(stepValue(LR, 0.001, 'pageUp')).toBe(0.01);
    expect(stepValue(LR, 0.05, 'pageDown')).toBe(0.005);
  });

  it('stays within the slider range; Home and End go to its ends', () => {
    expect(stepValue(LR, 5, 'pageUp')).toBe(10);
    expect(stepValue(LR, 2e-5, 'pageDown')).toBe(1e-5);
    expect(stepValue(LR, 0.1, 'home')).toBe(1e-5);
    expect(stepValue(LR, 0.1, 'end')).toBe(10);
    // A value from a link beyond the range comes back to its nearer end.
    expect(stepValue(LR, 100, 'down')).toBe(10);
  });

  it('a scale with zero steps from its minimum to 0 and from 0 back to the minimum', () => {
    expect(stepValue(WD, 1e-4, 'down')).toBe(0);
    expect(stepValue(WD, 0, 'up')).toBe(1e-4);
    expect(stepValue(WD, 0, 'down')).toBe(0);
    expect(stepValue(WD, 0.5, 'home')).toBe(0);
    // Without `zero`, the bottom is the minimum.
    expect(stepValue(LR, 1e-5, 'down')).toBe(1e-5);
  });
});

describe('linear slider keys', () => {
  it('steps by the 1-2-5 number at a hundredth of the range', () => {
    expect(linearStep(MOMENTUM)).toBeCloseTo(0.01, 12);
    expect(linearStep(BETA2)).toBeCloseTo(0.001, 12);
    expect(linearStep({ kind: 'linear', min: 0, max: 1 })).toBeCloseTo(0.01, 12);
    expect(linearStep({ kind: 'linear', min: 0, max: 3 })).toBeCloseTo(0.05, 12);
    expect(linearStep({ kind: 'linear', min: 1, max: 50, integer: true })).toBe(1);
  });

  it('moves to the next multiple of the step, a page to ten of them', () => {
    expect(stepValue(MOMENTUM, 0.9, 'up')).toBe(0.91);
    expect(stepValue(MOMENTUM, 0.9, 'down')).toBe(0.89);
    expect(stepValue(MOMENTUM, 0.905, 'up')).toBe(0.91);
    expect(stepValue(MOMENTUM, 0.905, 'down')).toBe(0.9);
    expect(stepValue(MOMENTUM, 0.5, 'pageUp')).toBe(0.6);
    expect(stepValue(BETA2, 0.999, 'up')).toBe(0.9999);
    expect(stepValue(BETA2, 0.998, 'down')).toBe(0.997);
    expect(stepValue(MOMENTUM, 0, 'down')).toBe(0);
    expect(stepValue(MOMENTUM, 0.1, 'end')).toBe(0.99);
  });
});

describe('sliderKeyOf', () => {
  it('maps the arrow, page and end keys, and leaves the rest', () => {
    expect(sliderKeyOf('ArrowRight')).toBe('up');
    expect(sliderKeyOf('ArrowDown')).toBe('down');
    expect(sliderKeyOf('PageUp')).toBe('pageUp');
    expect(sliderKeyOf('Home')).toBe('home');
    expect(sliderKeyOf(' ')).toBeNull();
    expect(sliderKeyOf('Tab')).toBeNull();
  });
});

describe('integer slider keys', () => {
  it('move by one at least where 5 % of a decade rounds to nothing', () => {
    const batch: SliderScale = { kind: 'log', min: 1, max: 4096, integer: true };
    expect(stepValue(batch, 1, 'up')).toBe(2);
    expect(stepValue(batch, 4, 'down')).toBe(3);
    expect(stepValue(batch, 1000, 'up')).toBe(1122);
    expect(stepValue(batch, 1, 'down')).toBe(1);
    expect(stepValue(batch, 4096, 'up')).toBe(4096);
  });
});
