import { describe, expect, it } from 'vitest';
import {
  CHAOTIC_MINIMA,
  CHAOTIC_TV,
  MOSTLY_NON_CONVEX,
  NEARLY_CONVEX,
  SMOOTH_TV,
  convexitySentence,
  sliceCharacter,
  sliceSentence,
  twinConvexitySentence,
  twinSentence,
} from '../../../src/core/view/sliceReading';

/** The shipped random-direction slices' numbers (public/landscapes/*.json, roughness). */
const SHIPPED = {
  'resnet-20': { tvLogLoss: 3.354, localMinima: 1, basinWidth: 0.075 },
  'resnet-20-ns': { tvLogLoss: 3.248, localMinima: 1, basinWidth: 0.111 },
  'resnet-56': { tvLogLoss: 3.965, localMinima: 1, basinWidth: 0.107 },
  'resnet-56-ns': { tvLogLoss: 8.296, localMinima: 1, basinWidth: 0.175 },
  'resnet-110-ns': { tvLogLoss: 19.672, localMinima: 1, basinWidth: 0.0068 },
};

describe('sliceCharacter: the word follows the numbers', () => {
  it('below the smooth threshold says chaotic only of a mostly non-convex slice with many minima; always at or above the chaotic one', () => {
    for (let tv = 0; tv < 30; tv += 0.25) {
      for (const localMinima of [0, 1, 2, 3, 10]) {
        for (const nonConvexShare of [undefined, 0.2, MOSTLY_NON_CONVEX, 0.7]) {
          const n = { tvLogLoss: tv, localMinima, nonConvexShare };
          const c = sliceCharacter(n);
          const irregular =
            localMinima >= CHAOTIC_MINIMA &&
            nonConvexShare !== undefined &&
            nonConvexShare >= MOSTLY_NON_CONVEX;
          if (tv < SMOOTH_TV) expect(c).toBe(irregular ? 'chaotic' : 'smooth');
          else if (tv >= CHAOTIC_TV) expect(c).toBe('chaotic');
          else expect(c).toBe(localMinima >= CHAOTIC_MINIMA ? 'chaotic' : 'steep');
          // The sentence names chaos exactly when the numbers say so.
          const s = sliceSentence(n, true)!;
          expect(s.includes('chaotic')).toBe(c === 'chaotic');
          expect(s.includes('smooth')).toBe(c === 'smooth');
        }
      }
    }
  });

  it('has nothing to say without a finite roughness', () => {
    expect(sliceCharacter({})).toBeNull();
    expect(sliceCharacter({ tvLogLoss: NaN, localMinima: 5 })).toBeNull();
    expect(sliceSentence({ localMinima: 1 }, true)).toBeNull();
  });
});

describe('sliceSentence on the shipped slices', () => {
  it('quotes the numbers it reads', () => {
    expect(sliceSentence(SHIPPED['resnet-20'], true)).toBe(
      'This slice reads as a smooth basin: roughness 3.35 (below 5), 1 local minimum, basin 7.5 % of the square.',
    );
    expect(sliceSentence(SHIPPED['resnet-56-ns'], true)).toMatch(
      /^This slice reads as steep-walled: roughness 8\.3 \(5 or more, under 12 with fewer than 3 local minima\)/,
    );
    expect(sliceSentence(SHIPPED['resnet-110-ns'], true)).toMatch(
      /^This slice reads as chaotic: roughness 19\.7 \(12 or more\)/,
    );
    // ResNet-20 without skip connections is no rougher than with them: the sentence says smooth.
    expect(sliceSentence(SHIPPED['resnet-20-ns'], true)).toMatch(/reads as a smooth basin/);
  });

  it('gives no adjective on a plane whose axes are not the random directions', () => {
    const s = sliceSentence({ tvLogLoss: 0.2, localMinima: 1, basinWidth: 1 }, false)!;
    expect(s).toMatch(/not read as smooth or chaotic/);
    expect(s).not.toMatch(/reads as/);
  });

  it('counts extra minima on a smooth slice as shallow dips, not chaos', () => {
    expect(sliceSentence({ tvLogLoss: 2, localMinima: 4 }, true)).toBe(
      'This slice reads as smooth, with 4 local minima as shallow dips: roughness 2 (below 5).',
    );
    expect(sliceSentence({ tvLogLoss: 2, localMinima: 4, nonConvexShare: 0.3 }, true)).toMatch(
      /reads as smooth, with 4 local minima as shallow dips/,
    );
  });

  it('reads the trained ResNet-56-NS (slow to vary, irregular everywhere) as chaotic, with the numbers that say so', () => {
    expect(
      sliceSentence(
        { tvLogLoss: 2.8551, localMinima: 35, basinWidth: 0.0089, nonConvexShare: 0.69691 },
        true,
      ),
    ).toBe(
      'This slice reads as chaotic: roughness 2.86 (below 5, but 35 local minima and 69.7 % of it curving downward, 50.0 % or more), basin 0.9 % of the square.',
    );
  });
});

describe('twinSentence: rougher / smoother and wider / narrower from the ratios shown', () => {
  it('says ResNet-56-NS is rougher than ResNet-56, with a wider basin (17.5 % against 10.7 %)', () => {
    expect(
      twinSentence(SHIPPED['resnet-56-ns'], { label: 'ResNet-56', numbers: SHIPPED['resnet-56'] }),
    ).toBe(
      'The shipped slice of ResNet-56 has roughness 3.96: this one is 2.09× that, rougher than it (1.5× either way counts as a difference), with a wider basin (17.5 % against 10.7 %).',
    );
  });

  it('says ResNet-20-NS is about as rough as ResNet-20 (0.97×), not rougher', () => {
    const s = twinSentence(SHIPPED['resnet-20-ns'], {
      label: 'ResNet-20',
      numbers: SHIPPED['resnet-20'],
    })!;
    expect(s).toMatch(/0\.968× that, about as rough as it/);
    expect(s).toMatch(/a wider basin \(11\.1 % against 7\.5 %\)/);
  });

  it('agrees with the ratio on every side of the thresholds', () => {
    for (const r of [0.5, 0.66, 0.67, 1, 1.49, 1.5, 3]) {
      const s = twinSentence({ tvLogLoss: r }, { label: 'T', numbers: { tvLogLoss: 1 } })!;
      const word = r >= 1.5 ? 'rougher than' : r <= 1 / 1.5 ? 'smoother than' : 'about as rough as';
      expect(s).toContain(word);
    }
    expect(twinSentence({ tvLogLoss: 1 }, { label: 'T', numbers: {} })).toBeNull();
  });
});

describe('convexitySentence: the share of downward curvature, in the words its numbers allow', () => {
  it('says convex only at 0 %, nearly convex under 10 %, mostly non-convex from 50 %, else the share alone', () => {
    expect(convexitySentence({ nonConvexShare: 0, meanNegRatio: 0 })).toBe(
      'Curvature: the slice is convex at every interior grid point — its 2×2 Hessian has no downward direction (mean |λmin/λmax| 0.00).',
    );
    expect(convexitySentence({ nonConvexShare: 0.08, meanNegRatio: 0.049 })).toBe(
      'Curvature: nearly convex (under 10.0 %): 8.0 % of the slice curves downward in some direction (mean |λmin/λmax| 0.05).',
    );
    expect(convexitySentence({ nonConvexShare: 0.615 })).toBe(
      'Curvature: mostly non-convex (50.0 % or more): 61.5 % of the slice curves downward in some direction.',
    );
    for (let s = 0; s <= 1; s += 0.01) {
      const t = convexitySentence({ nonConvexShare: s })!;
      expect(t).toContain(s === 0 ? 'convex at every' : `${(100 * s).toFixed(1)} %`);
      expect(t.includes('nearly convex')).toBe(s > 0 && s < NEARLY_CONVEX);
      expect(t.includes('mostly non-convex')).toBe(s >= MOSTLY_NON_CONVEX);
    }
  });

  it('has nothing to say without a finite share', () => {
    expect(convexitySentence({})).toBeNull();
    expect(convexitySentence({ nonConvexShare: NaN })).toBeNull();
  });

  it('compares with the twin by the gap in points, both shares quoted', () => {
    expect(
      twinConvexitySentence(
        { nonConvexShare: 0.615 },
        { label: 'ResNet-56', numbers: { nonConvexShare: 0.166 } },
      ),
    ).toBe(
      'It is more non-convex than ResNet-56: 61.5 % of its points curve downward against 16.6 % (10 points either way counts as a difference).',
    );
    for (const a of [0, 0.05, 0.2, 0.3, 0.31, 0.5]) {
      const s = twinConvexitySentence(
        { nonConvexShare: a },
        { label: 'T', numbers: { nonConvexShare: 0.2 } },
      )!;
      // 30 % against 20 % is the 10 points the sentence quotes, round-off or not.
      expect(s).toContain(a >= 0.3 ? 'more non-convex' : a <= 0.1 ? 'less non-convex' : 'about as');
    }
    expect(twinConvexitySentence({ nonConvexShare: 0.3 }, { label: 'T', numbers: {} })).toBeNull();
  });
});
