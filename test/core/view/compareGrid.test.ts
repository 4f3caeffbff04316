import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareGrid, modelKeyOf, type CompareEntry } from '../../../src/core/view/compareGrid';
import { parseShippedIndex } from '../../../src/io/shippedIndex';

const entry = (model: string, directions = 'random'): CompareEntry => ({
  model,
  directions,
  file: `landscapes/${model}.json`,
});

describe('compareGrid: the comparison view laid out from the shipped index', () => {
  it('reads the zoo names, Wide-ResNets with their k, and lets explicit fields win', () => {
    expect(modelKeyOf(entry('resnet-56-ns'))).toEqual({
      family: 'resnet',
      depth: 56,
      width: 1,
      skip: false,
    });
    expect(modelKeyOf(entry('wrn-56-k2'))).toEqual({
      family: 'wrn',
      depth: 56,
      width: 2,
      skip: true,
    });
    expect(modelKeyOf({ ...entry('wrn-56-k4-ns'), width: 8 })?.width).toBe(8);
    expect(modelKeyOf(entry('resnet-56-ns-14px'))).toEqual({
      family: 'resnet',
      depth: 56,
      width: 1,
      skip: false,
      inputSize: 14,
    });
    expect(modelKeyOf(entry('resnet-56-0px'))).toBeNull();
    expect(modelKeyOf(entry('resnet-56-px'))).toBeNull();
    expect(modelKeyOf(entry('resnet-56-k2'))).toBeNull(); // a ResNet has no k
    expect(modelKeyOf(entry('wrn-56'))).toBeNull(); // a Wide-ResNet needs one
    expect(modelKeyOf(entry('vgg-9'))).toBeNull();
  });

  it('the shipped index gives three depths × {skip, no-skip}, WRN-56-2 and -4, the 14×14 depth-56 pair, PCA planes left out', () => {
    const raw = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../../public/landscapes/index.json'), 'utf8'),
    );
    const parsed = parseShippedIndex(raw);
    expect(parsed.errors).toEqual([]);
    const grid = compareGrid(parsed.entries!);
    expect(grid.groups.map((g) => g.id)).toEqual(['resnet', 'wrn-k2', 'wrn-k4', 'resnet-14px']);
    const rows = grid.groups[0].rows;
    expect(rows.map((r) => r.label)).toEqual(['ResNet-20', 'ResNet-56', 'ResNet-110']);
    for (const r of rows) {
      expect(r.cells[0]?.key.skip).toBe(true);
      expect(r.cells[1]?.key.skip).toBe(false);
      expect(r.cells[1]?.model).toBe(`resnet-${r.depth}-ns`);
    }
    expect(grid.groups[1].rows.map((r) => r.cells.map((c) => c?.model))).toEqual([
      ['wrn-56-k2', 'wrn-56-k2-ns'],
    ]);
    expect(grid.groups[2].rows.map((r) => r.cells.map((c) => c?.model))).toEqual([
      ['wrn-56-k4', 'wrn-56-k4-ns'],
    ]);
    expect(grid.groups[3].rows.map((r) => r.cells.map((c) => c?.model))).toEqual([
      ['resnet-56-14px', 'resnet-56-ns-14px'],
    ]);
    expect(grid.cells).toHaveLength(12);
    expect(grid.cells.every((c) => !c.file.endsWith('-pca.json'))).toBe(true);
    expect(grid.unplaced).toEqual([]);
  });

  it('Wide-ResNet entries get a row group per k after the ResNets; gaps stay empty; unknown models are named', () => {
    const grid = compareGrid([
      entry('resnet-56-ns-14px'),
      entry('wrn-56-k4'),
      entry('wrn-56-k2-ns'),
      entry('resnet-20'),
      entry('wrn-56-k2'),
      entry('wrn-20-k2'),
      entry('mystery-net'),
      entry('resnet-20', 'pca'),
      entry('resnet-20'), // listed twice: the first entry stays
    ]);
    expect(grid.groups.map((g) => [g.id, g.label])).toEqual([
      ['resnet', 'ResNet'],
      ['wrn-k2', 'Wide-ResNet, k = 2'],
      ['wrn-k4', 'Wide-ResNet, k = 4'],
      ['resnet-14px', 'ResNet, 14×14 inputs'],
    ]);
    // Another input size is a group of its own, after every 7×7 one, and says its size.
    expect(grid.groups[3].rows.map((r) => [r.label, r.cells.map((c) => c?.label ?? null)])).toEqual(
      [['ResNet-56 (14×14)', [null, 'ResNet-56 (14×14) without skip connections']]],
    );
    const k2 = grid.groups[1].rows;
    expect(k2.map((r) => r.label)).toEqual(['WRN-20-2', 'WRN-56-2']);
    expect(k2[0].cells[1]).toBeNull();
    expect(k2[1].cells.map((c) => c?.label)).toEqual([
      'WRN-56-2 with skip connections',
      'WRN-56-2 without skip connections',
    ]);
    expect(grid.groups[0].rows[0].cells[1]).toBeNull();
    expect(grid.cells.map((c) => c.model)).toEqual([
      'resnet-20',
      'wrn-20-k2',
      'wrn-56-k2',
      'wrn-56-k2-ns',
      'wrn-56-k4',
      'resnet-56-ns-14px',
    ]);
    expect(grid.unplaced).toEqual(['mystery-net']);
  });
});

describe('parseShippedIndex', () => {
  it('names each bad entry by index and field and keeps the good ones', () => {
    const r = parseShippedIndex({
      format: 'landscape-lab-shipped/1',
      landscapes: [
        {
          model: 'resnet-20',
          directions: 'random',
          file: 'landscapes/resnet-20.json',
          testAccuracy: 81,
        },
        { model: 'resnet-56', directions: 'random', file: 'https://elsewhere.example/x.json' },
        { model: 'resnet-56', directions: 'random', file: 'landscapes/../secret.json' },
        { model: '', directions: 'random', file: 'landscapes/a.json' },
        { model: 'wrn-56-k2', directions: 'random', file: 'landscapes/w.json', width: 'two' },
        null,
      ],
    });
    expect(r.entries).toEqual([
      {
        model: 'resnet-20',
        directions: 'random',
        file: 'landscapes/resnet-20.json',
        testAccuracy: 81,
      },
    ]);
    expect(r.errors).toEqual([
      'index.json: landscapes[1].file must be a .json file directly under landscapes/',
      'index.json: landscapes[2].file must be a .json file directly under landscapes/',
      'index.json: landscapes[3].model must be a non-empty string',
      'index.json: landscapes[4].width must be a finite number',
      'index.json: landscapes[5] must be an object',
    ]);
  });

  it('refuses a file that is not the index', () => {
    expect(parseShippedIndex({ landscapes: [] }).entries).toBeNull();
    expect(parseShippedIndex([1, 2]).errors).toEqual(['index.json: landscapes must be a list']);
  });
});
