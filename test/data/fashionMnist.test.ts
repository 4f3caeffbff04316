import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FASHION_CLASSES,
  loadFashionSubset,
  parseFashionMeta,
  parseFashionSplit,
} from '../../src/data/fashionMnist';
import { averagePoolUint8, parseIdx } from '../../src/data/idx';
import { repoRoot } from '../referencePath';

const dir = (size: number) => path.join(repoRoot, 'public/data', `fashion-mnist-${size}`);
const reader = (size: number) => (name: string) => readFile(path.join(dir(size), name));
const metaOf = (size: number) =>
  parseFashionMeta(JSON.parse(readFileSync(path.join(dir(size), 'meta.json'), 'utf8')));
const bytes = (size: number, name: string) =>
  new Uint8Array(readFileSync(path.join(dir(size), name)));

describe('the committed Fashion-MNIST subsets', () => {
  for (const size of [14, 7]) {
    it(`parses ${size}×${size}: shapes, pixel range, labels and class balance`, async () => {
      for (const [split, n] of [
        ['train', 4000],
        ['test', 1000],
      ] as const) {
        const s = await loadFashionSubset(reader(size), split);
        expect([s.n, s.height, s.width]).toEqual([n, size, size]);
        expect(s.images).toHaveLength(n * size * size);
        expect(s.labels).toHaveLength(n);
        expect(s.classes).toEqual(FASHION_CLASSES);
        let min = Infinity;
        let max = -Infinity;
        for (const v of s.images) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
        expect(min).toBe(0);
        expect(max).toBeLessThanOrEqual(1);
        expect(max).toBeGreaterThan(0.9);
        const counts = new Array(10).fill(0);
        for (const l of s.labels) counts[l]++;
        expect(counts).toEqual(new Array(10).fill(n / 10));
        // shuffled, not sorted by class
        expect(new Set(s.labels.subarray(0, 30)).size).toBeGreaterThan(5);
      }
    });
  }

  it('standardises with the training statistics from meta.json', async () => {
    const s = await loadFashionSubset(reader(14), 'train', { normalization: 'standard' });
    let sum = 0;
    let sq = 0;
    for (const v of s.images) {
      sum += v;
      sq += v * v;
    }
    const mean = sum / s.images.length;
    expect(Math.abs(mean)).toBeLessThan(1e-4);
    expect(Math.sqrt(sq / s.images.length - mean * mean)).toBeCloseTo(1, 3);
  });

  it('7×7 is the 4×4 pooling of the originals, 14×14 the 2×2 one: both agree with a 2×2 pooling of 14×14 to ±1', () => {
    const seven = bytes(7, 'test-images.bin');
    const again = averagePoolUint8(bytes(14, 'test-images.bin'), 1000, 14, 14, 2);
    let worst = 0;
    for (let i = 0; i < seven.length; i++) worst = Math.max(worst, Math.abs(seven[i] - again[i]));
    expect(worst).toBeLessThanOrEqual(1);
    expect(bytes(7, 'test-labels.bin')).toEqual(bytes(14, 'test-labels.bin'));
  });
});

describe('corrupted or wrong inputs give errors that say what is wrong', () => {
  const meta = metaOf(14);
  const img = bytes(14, 'test-images.bin');
  const lab = bytes(14, 'test-labels.bin');

  it('names a truncated image file', () => {
    expect(() => parseFashionSplit(meta, 'test', img.subarray(0, 1000), lab)).toThrow(
      /test-images.bin has 1000 bytes, expected 196000 \(1000 images of 14×14\); truncated or wrong file\?/,
    );
  });

  it('detects a flipped pixel by its SHA-256', () => {
    const bad = img.slice();
    bad[12345] ^= 0x40;
    expect(() => parseFashionSplit(meta, 'test', bad, lab)).toThrow(
      /test-images.bin is corrupted: SHA-256/,
    );
  });

  it('names an out-of-range label and a broken class balance (hash check off)', () => {
    const bad = lab.slice();
    bad[7] = 12;
    expect(() => parseFashionSplit(meta, 'test', img, bad, { verifyHash: false })).toThrow(
      /label 12 at index 7 is outside \[0, 10\)/,
    );
    bad[7] = (lab[7] + 1) % 10;
    expect(() => parseFashionSplit(meta, 'test', img, bad, { verifyHash: false })).toThrow(
      /class \d occurs \d+ times, meta.json says 100/,
    );
  });

  it('names problems in meta.json', () => {
    expect(() => parseFashionMeta([1, 2])).toThrow(/meta.json is not a JSON object/);
    expect(() => parseFashionMeta({ ...meta, format: 'v0' })).toThrow(/format is "v0"/);
    const broken = structuredClone(meta);
    broken.splits.train.images.bytes = 5;
    expect(() => parseFashionMeta(broken)).toThrow(
      /splits.train.images.bytes = 5, expected n·height·width = 784000/,
    );
    const escape = structuredClone(meta);
    escape.splits.test.labels.file = '../../etc/passwd';
    expect(() => parseFashionMeta(escape)).toThrow(
      /splits.test.labels.file must be a plain file name/,
    );
  });

  it('reports invalid JSON from the reader', async () => {
    const read = async (name: string) =>
      name === 'meta.json' ? new TextEncoder().encode('{oops') : new Uint8Array();
    await expect(loadFashionSubset(read, 'train')).rejects.toThrow(/meta.json is not valid JSON/);
  });
});

describe('parseIdx', () => {
  it('reads a header and data, and explains gzip and size errors', () => {
    const file = Uint8Array.of(0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6);
    expect(parseIdx(file)).toEqual({ shape: [2, 3], data: Uint8Array.of(1, 2, 3, 4, 5, 6) });
    expect(() => parseIdx(Uint8Array.of(0x1f, 0x8b, 8, 0))).toThrow(
      /gzip-compressed: gunzip it first/,
    );
    expect(() => parseIdx(file.subarray(0, 15))).toThrow(
      /shape \[2,3\] needs 6 data bytes but the file has 3/,
    );
  });
});
