import { describe, expect, it } from 'vitest';
import { fmtNumber, fmtTime } from '../../src/cli/io';

describe('CLI number and time formats', () => {
  it('writes durations as tenths under 10 s, whole seconds to 90 s, then minutes', () => {
    expect(fmtTime(0.04)).toBe('0.0s');
    expect(fmtTime(0.14)).toBe('0.1s');
    expect(fmtTime(8.44)).toBe('8.4s');
    expect(fmtTime(42.4)).toBe('42s');
    expect(fmtTime(185)).toBe('3m05s');
  });

  it('writes numbers to 4 significant digits, in exponent form when very large or small', () => {
    expect(fmtNumber(26.68)).toBe('26.68');
    expect(fmtNumber(8.75e7)).toBe('8.750e+7');
    expect(fmtNumber(2e-5)).toBe('2.000e-5');
    expect(fmtNumber(0)).toBe('0.000');
  });
});
