import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellRgb } from '../../src/core/map/mapColours';
import { parseMapSpec, type SurfaceMapSpec } from '../../src/core/map/mapSpec';
import { statusOf } from '../../src/core/map/mapOutcome';
import { scalarCell } from '../../src/core/map/surfaceCell';
import { computeMap } from '../../src/gpu/map/computeMap';
import { decodePng } from '../../scripts/png8';
import { inProcess } from './runCli';

const tmp = mkdtempSync(path.join(tmpdir(), 'landscape-lab-map-'));
const f = (name: string) => path.join(tmp, name);

/** A small momentum-bowl: 8 × 6 cells, 60 steps. */
const SMALL = [
  ...['map', '--preset', 'momentum-bowl', '--steps', '60'],
  ...['--x', 'lr:1e-3:1:log:8', '--y', 'momentum:0:0.999:6'],
];

describe('landscape-lab map', () => {
  it('writes the grids computeMap gives for the same spec, NaN as null', async () => {
    const r = await inProcess([...SMALL, '--out', f('m.json')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/48 runs × 60 steps on wasm/);
    const out = JSON.parse(readFileSync(f('m.json'), 'utf8'));
    expect(out.format).toBe('landscape-lab-map/1');
    expect(out.format_note).toMatch(/null where the run diverged/);
    const parsed = parseMapSpec(out.spec);
    expect(parsed.ok).toBe(true);
    const spec = (parsed as { value: SurfaceMapSpec }).value;
    expect(spec.x).toEqual({ key: 'lr', min: 1e-3, max: 1, log: true, n: 8 });
    expect(spec.steps).toBe(60);
    const m = await computeMap(spec);
    expect([out.nx, out.ny, out.backend, out.chunk]).toEqual([8, 6, 'wasm', 48]);
    expect(out.final_loss).toEqual(Array.from(m.finalLoss, (v) => (Number.isNaN(v) ? null : v)));
    expect(out.reached_at).toEqual(Array.from(m.reachedAt));
    expect(out.diverged_at).toEqual(Array.from(m.divergedAt));
    expect(out.final_loss).toContain(null); // the grid reaches the diverging side
    const counts = out.counts as Record<string, number>;
    expect(counts.converged + counts.diverged + counts.bounded).toBe(48);
    expect(counts.converged).toBeGreaterThan(0);
    // The file is a spec too: the same map again, with an override.
    const again = await inProcess(['map', '--spec', f('m.json'), '--steps', '30']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(
      /x lr 0\.001…1 \(log\) × 8, y momentum 0…0\.999 × 6\n {2}48 runs × 30 steps/,
    );
  });

  it('--png: a real PNG, one K×K block per cell, the largest y on top, in the mode colours', async () => {
    const r = await inProcess([
      ...[...SMALL, '--png', f('m.png'), '--scale', '3', '--chunk', '7'],
      ...['--out', f('p.json')],
    ]);
    expect(r.code, r.stderr).toBe(0);
    const png = readFileSync(f('m.png'));
    // IHDR: 24 × 18 pixels, 8-bit RGBA, not interlaced.
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([24, 18]);
    expect([...png.subarray(24, 29)]).toEqual([8, 6, 0, 0, 0]);
    const img = decodePng(png);
    const out = JSON.parse(readFileSync(f('p.json'), 'utf8'));
    expect(out.chunk).toBe(7);
    const spec = (parseMapSpec(out.spec) as { value: SurfaceMapSpec }).value;
    // Two cells whose status the scalar path decides: one converged, one diverged.
    const cells: { i: number; j: number; status: string }[] = [];
    for (let j = 0; j < 6; j++)
      for (let i = 0; i < 8; i++)
        cells.push({ i, j, status: statusOf(scalarCell(spec, i, j).outcome) });
    const conv = cells.find((c) => c.status === 'converged')!;
    const div = cells.find((c) => c.status === 'diverged')!;
    const m = await computeMap(spec);
    for (const c of [conv, div]) {
      const want = cellRgb(m, c.j * 8 + c.i, 'status', 60, null).map(Math.round);
      // Every pixel of the cell's 3×3 block (row j is drawn 6 − 1 − j blocks from the top).
      for (let dy = 0; dy < 3; dy++)
        for (let dx = 0; dx < 3; dx++) {
          const o = (((5 - c.j) * 3 + dy) * 24 + c.i * 3 + dx) * 4;
          expect([...img.rgba.subarray(o, o + 4)], `${c.status} cell (${c.i}, ${c.j})`).toEqual([
            ...want,
            255,
          ]);
        }
    }
    const px = (c: { i: number; j: number }) => {
      const o = ((5 - c.j) * 3 * 24 + c.i * 3) * 4;
      return img.rgba.subarray(o, o + 3);
    };
    expect(px(conv)[2]).toBeGreaterThan(px(conv)[0]); // blue
    expect(px(div)[0]).toBeGreaterThan(px(div)[2]); // red
  });

  it('--spec FILE with flag overrides; the MLP map', async () => {
    writeFileSync(
      f('mlp.json'),
      JSON.stringify({
        kind: 'mlp',
        width: 4,
        inputs: 3,
        examples: 5,
        steps: 200,
        x: { key: 'lr1', min: 0.1, max: 100, log: true, n: 4 },
        y: { key: 'lr2', min: 0.1, max: 100, log: true, n: 4 },
      }),
    );
    const r = await inProcess([
      'map',
      '--spec',
      f('mlp.json'),
      '--steps',
      '30',
      '--out',
      f('mlp-out.json'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/MLP width 4 on 5 examples/);
    const out = JSON.parse(readFileSync(f('mlp-out.json'), 'utf8'));
    expect(out.spec.steps).toBe(30);
    expect(out.reached_at).toHaveLength(16);
  });

  it('names the flag, or the spec field, of every bad value (exit 2, before any work)', async () => {
    writeFileSync(
      f('bad.json'),
      '{"surface":"quadratic","x":{"key":"lr","min":0.1,"max":1,"n":1},"y":{"key":"momentum","min":0,"max":0.9,"n":4}}',
    );
    writeFileSync(f('inf.json'), '{"steps":1e999}');
    const cases: [string[], RegExp][] = [
      [['map'], /give --preset ID \(momentum-bowl.*\) or --spec FILE\.json/],
      [['map', '--preset', 'nope'], /--preset: unknown map 'nope' \(known: momentum-bowl/],
      [['map', '--preset', 'starts', '--spec', f('bad.json')], /--preset and --spec: give one/],
      [
        ['map', '--spec', f('bad.json')],
        /invalid map \(spec '.*bad\.json'\):\n {2}x\.n: must be an integer from 2/,
      ],
      [
        ['map', '--spec', f('inf.json')],
        /--spec: invalid config '.*inf\.json':\n {2}steps: must be finite/,
      ],
      [
        ['map', '--spec', f('none.json')],
        /--spec: cannot read config '.*none\.json': no such file/,
      ],
      [['map', '--preset', 'starts', '--x', 'x0:-6:6'], /--x must be KEY:MIN:MAX\[:log\]:N/],
      [['map', '--preset', 'starts', '--x', 'x0:-6:6:cubic:8'], /--x must be KEY:MIN:MAX/],
      [['map', '--preset', 'starts', '--x', 'x0:-6:1e999:8'], /--x: MIN and MAX must be finite/],
      [['map', '--preset', 'starts', '--y', 'y0:-6:6:8.5'], /--y: N .* must be an integer/],
      [
        ['map', '--preset', 'starts', '--x', 'lr1:1:2:8'],
        /--x: x\.key: must be one of lr, momentum/,
      ],
      [
        ['map', '--preset', 'momentum-bowl', '--y', 'lr:0.1:1:8'],
        /--y: y\.key: must differ from x\.key/,
      ],
      [
        ['map', '--preset', 'momentum-bowl', '--x', 'lr:0:1:log:8'],
        /--x: x\.min: Learning rate must be > 0/,
      ],
      [
        ['map', '--preset', 'momentum-bowl', '--optimizer', 'adam'],
        /\n {2}y\.key: must be one of lr, beta1, beta2/,
      ],
      [
        ['map', '--preset', 'momentum-bowl', '--optimizer', 'newton'],
        /--optimizer: optimizer: must be one of sgd/,
      ],
      [
        ['map', '--preset', 'momentum-bowl', '--surface', 'moon'],
        /--surface: surface: must be one of/,
      ],
      [
        ['map', '--preset', 'mlp-fractal', '--surface', 'quadratic'],
        /--surface: only for a surface map/,
      ],
      [
        ['map', '--preset', 'momentum-bowl', '--tol', '0'],
        /--tol must be a finite number > 0, got '0'/,
      ],
      [['map', '--preset', 'momentum-bowl', '--chunk', '0'], /--chunk must be between 1 and/],
      [
        ['map', '--preset', 'momentum-bowl', '--colour', 'rainbow'],
        /--colour must be one of status, loss, steps/,
      ],
      [['map', '--preset', 'momentum-bowl', '--scale', '2'], /--scale: only with --png/],
      [
        [
          ...['map', '--preset', 'momentum-bowl', '--x', 'lr:1e-3:1:log:200'],
          ...['--png', f('p.png'), '--scale', '41'],
        ],
        /--scale: the picture would be 8200×5248 pixels; at most 8192 a side/,
      ],
      [
        [
          ...['map', '--preset', 'momentum-bowl', '--steps', '10000'],
          ...['--x', 'lr:1e-3:1:log:1024', '--y', 'momentum:0:0.999:1024'],
        ],
        /--x × --y × --steps: 10,485,760,000 run-steps, over the cap of 5,000,000,000; estimated 35 min/,
      ],
      [['map', '--preset', 'mlp-fractal', '--steps', '100000'], /multiply-adds, over the cap/],
      [
        ['map', '--preset', 'momentum-bowl', '--out', f('no/such/dir.json')],
        /--out: cannot write .*the folder .* does not exist/,
      ],
      [['map', '--preset', 'momentum-bowl', '--png', tmp], /--png: '.*' is a folder/],
    ];
    for (const [args, re] of cases) {
      const r = await inProcess(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(re);
      expect(r.stdout).toBe('');
    }
  });

  it('--help names every flag; the command list has it', async () => {
    const r = await inProcess(['map', '--help']);
    expect(r.code).toBe(0);
    for (const flag of [
      '--preset',
      '--spec',
      '--x',
      '--png',
      '--colour',
      '--scale',
      '--chunk',
      '--no-cap',
    ])
      expect(r.stdout).toContain(flag);
    expect((await inProcess(['--help'])).stdout).toMatch(/^ {2}map +a trainability map/m);
  });
});
