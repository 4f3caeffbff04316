import { describe, expect, it } from 'vitest';
import { crumbLabel } from '../../../src/core/view/mapCrumb';
import { findMapPreset } from '../../../src/core/map/mapPresets';
import { parseMapSpec, type MapSpec } from '../../../src/core/map/mapSpec';

const presetSpec = (id: string): MapSpec => {
  const r = parseMapSpec(findMapPreset(id)!.spec);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.value;
};

describe('a zoom crumb in words', () => {
  it('names each axis by its symbol and interval, negative ends included', () => {
    expect(crumbLabel(presetSpec('momentum-bowl'))).toBe('lr ∈ [0.001, 1] × μ ∈ [0, 0.999]');
    expect(crumbLabel(presetSpec('starts'))).toBe('x₀ ∈ [-6, 6] × y₀ ∈ [-6, 6]');
  });
});
