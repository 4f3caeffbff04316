/**
 * The comparison grid read in words (state/twinReadings): one reading per depth whose two slices
 * loaded, the no-skip net against its twin with the same numbers sliceReading would say, both
 * test accuracies, and nothing for a row missing a slice or its numbers.
 */
import { describe, expect, it } from 'vitest';
import { compareGrid, type CompareEntry } from '../../src/core/view/compareGrid';
import { twinConvexitySentence, twinSentence } from '../../src/core/view/sliceReading';
import type { CompareData } from '../../src/state/compareSlices';
import type { LandscapeView } from '../../src/state/landscapeView';
import type { SliceResult } from '../../src/state/shippedSliceFile';
import { twinReadings } from '../../src/state/twinReadings';

const xs = Float64Array.from([-1, 0, 1]);

function view(roughness: Record<string, number> | null): LandscapeView {
  return {
    source: 'shipped',
    title: 't',
    xs,
    ys: xs,
    loss: new Float64Array(9).fill(1),
    acc: null,
    centre: null,
    data: null,
    directions: { kind: 'random' } as LandscapeView['directions'],
    roughness,
    trajectory: null,
    provenance: '',
  };
}

const entry = (model: string, testAccuracy?: number): CompareEntry => ({
  model,
  directions: 'random',
  file: `landscapes/${model}.json`,
  ...(testAccuracy !== undefined ? { testAccuracy } : {}),
});

const SMOOTH = { tvLogLoss: 4, localMinima: 1, basinWidth: 0.1, nonConvexShare: 0.1 };
const ROUGH = { tvLogLoss: 10, localMinima: 1, basinWidth: 0.05, nonConvexShare: 0.6 };

function data(entries: CompareEntry[], views: Record<string, LandscapeView | string>): CompareData {
  const slices = new Map<string, SliceResult>(
    Object.entries(views).map(([m, v]) => [
      m,
      typeof v === 'string' ? { view: null, message: v } : { view: v, message: null },
    ]),
  );
  return { grid: compareGrid(entries), slices, notes: [] };
}

describe('twinReadings', () => {
  it('reads each no-skip net against its skip twin, in the grid’s order, with both accuracies', () => {
    const d = data(
      [
        entry('resnet-56-ns', 30),
        entry('resnet-20'),
        entry('resnet-56', 74.4),
        entry('resnet-20-ns'),
      ],
      {
        'resnet-20': view(SMOOTH),
        'resnet-20-ns': view(SMOOTH),
        'resnet-56': view(SMOOTH),
        'resnet-56-ns': view(ROUGH),
      },
    );
    const r = twinReadings(d);
    expect(r.map((x) => x.model)).toEqual(['resnet-20-ns', 'resnet-56-ns']);
    expect(r[1].label).toBe('ResNet-56 without skip connections');
    const twin = { label: 'ResNet-56 with skip connections', numbers: SMOOTH };
    expect(r[1].sentences).toEqual([
      twinSentence(ROUGH, twin),
      twinConvexitySentence(ROUGH, twin),
      'Test accuracy: 30.0 % without skip connections, 74.4 % with them.',
    ]);
    expect(r[1].sentences[0]).toContain('rougher than it');
    expect(r[1].sentences[1]).toContain('more non-convex than');
    // No accuracy in the index: no accuracy sentence.
    expect(r[0].sentences).toHaveLength(2);
    expect(r[0].sentences[0]).toContain('about as rough as');
  });

  it('leaves out a depth with one slice missing, failed to load, or without numbers', () => {
    const d = data(
      [entry('resnet-20'), entry('resnet-56'), entry('resnet-56-ns'), entry('resnet-110')],
      {
        'resnet-20': view(SMOOTH),
        'resnet-56': view(SMOOTH),
        'resnet-56-ns': 'Could not load landscapes/resnet-56-ns.json',
        'resnet-110': view(null),
      },
    );
    expect(twinReadings(d)).toEqual([]);
    const noNumbers = data([entry('resnet-20'), entry('resnet-20-ns')], {
      'resnet-20': view(SMOOTH),
      // Incomplete grid and no stored numbers: viewSummary has none.
      'resnet-20-ns': { ...view(null), loss: new Float64Array(9).fill(NaN) },
    });
    expect(twinReadings(noNumbers)).toEqual([]);
  });
});
