// Issue 16, the CLI half: numeric flags at their extremes, outputs checked before any work, caps
// on runaway jobs with --no-cap, and JSON configs with a byte-order mark, 1e999 and deep nesting.
// The bulk runs through main() in this process (the code the bin runs); a handful of cases run
// the real bin as a child process, as a user would.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERPOLATE_FLAGS } from '../../src/cli/commands/interpolate';
import { LANDSCAPE_FLAGS } from '../../src/cli/commands/landscape';
import { LR_FIND_FLAGS } from '../../src/cli/commands/lrFind';
import { MERGE_FLAGS } from '../../src/cli/commands/merge';
import { SCHEDULE_FLAGS } from '../../src/cli/commands/schedule';
import { SHARPNESS_FLAGS } from '../../src/cli/commands/sharpness';
import { TOY_FLAGS } from '../../src/cli/commands/toy';
import { TRAIN_FLAGS } from '../../src/cli/commands/train';
import { TRAJECTORY_FLAGS } from '../../src/cli/commands/trajectory';
import { TUNE_FLAGS } from '../../src/cli/commands/tune';
import { BASIN_MAP_FLAGS } from '../../src/cli/commands/basinMap';
import { MAP_FLAGS } from '../../src/cli/commands/map';
import { main } from '../../src/cli/main';
import { cli, cliUntil, type CliRun } from './runCli';

const tmp = mkdtempSync(path.join(tmpdir(), 'landscape-lab-reliability-'));
const f = (name: string) => path.join(tmp, name);

async function inProcess(args: string[], stdin = ''): Promise<CliRun> {
  let stdout = '',
    stderr = '';
  const code = await main(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => stdin,
  });
  return { code, stdout, stderr };
}

/** Exit 2, the flag (or field) named, no "internal error", no stack trace. */
function expectNamed(r: CliRun, name: string | RegExp) {
  expect(r.code, r.stderr).toBe(2);
  if (typeof name === 'string') expect(r.stderr).toContain(name);
  else expect(r.stderr).toMatch(name);
  expect(r.stderr).not.toMatch(/internal error/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

/** Values no numeric flag takes: huge, tiny, negative, NaN, ±Infinity, 1e999, empty, non-numbers. */
const EXTREMES = [
  '1e308',
  '-1e308',
  '1e999',
  '-1e999',
  'NaN',
  'Infinity',
  '-Infinity',
  '',
  ' ',
  'abc',
  '1e-320',
  '-1',
  '0.5',
  '12abc',
];
const RANGE_EXTREMES = [
  '-1e308:1e308',
  '1e999:2e999',
  '-Infinity:0',
  'NaN:1',
  '0:1e-320',
  '1:1',
  '1:-1',
  '-1e10:0',
  ':',
  '',
  'abc',
  '1e308',
];
const SHARD_EXTREMES = ['1e308/2', '-1/2', '0/1e999', 'NaN/NaN', '0/0', '2/2', '', '1'];
const HIDDEN_EXTREMES = ['1e308', '-1', 'NaN', '8,1e999', '0', '1025', ',,', '1,2,3,4,5,6,7,8,9'];
/** A map axis (KEY:MIN:MAX[:log]:N) with its numbers at their extremes, for an axis of `key`. */
const axisExtremes = (key: string) => [
  `${key}:1e999:2e999:8`,
  `${key}:-1e308:1e308:log:8`,
  `${key}:NaN:1:8`,
  `${key}:-Infinity:0:8`,
  `${key}:0.1:0.5:1e308`,
  `${key}:0.1:0.5:0`,
  `${key}:0.1:0.5:1025`,
  `${key}:0.1:0.5:8.5`,
  `${key}:0.5:0.1:8`,
  `${key}:0.1:0.5:cubic:8`,
  `${key}:0.1:0.5`,
  '',
  'abc',
];

interface Subject {
  command: string;
  base: string[];
  flags: Record<string, readonly string[]>;
}
const numeric = (...names: string[]) => Object.fromEntries(names.map((n) => [n, EXTREMES]));

/** Every numeric flag of every subcommand, with a valid base command line around it. */
const SUBJECTS: Subject[] = [
  {
    command: 'train',
    base: ['train', '--model', 'resnet-20', '--out', f('train-out')],
    flags: numeric('epochs', 'steps', 'batch', 'seed', 'checkpoint-every'),
  },
  {
    // The resumable-run flags: --save-every and --stop-at need a state file to save into.
    command: 'train',
    base: [
      'train',
      '--model',
      'resnet-20',
      '--save-state',
      f('run.state'),
      '--out',
      f('train-out'),
    ],
    flags: numeric('save-every', 'stop-at'),
  },
  {
    command: 'train',
    base: ['train', '--model', 'resnet-20', '--noise-scale', '2,4', '--out', f('train-out')],
    flags: {
      ...numeric('noise-draws'),
      'noise-scale': ['1e308,1e309', '0,4', '4,4', '4,2', 'NaN,1', '', ',', '1,2,3', '0.5,2'],
    },
  },
  {
    command: 'landscape',
    base: ['landscape', '--model', 'resnet-20', '--out', f('l.h5')],
    flags: {
      ...numeric('grid', 'dim', 'samples', 'seed', 'batch'),
      range: RANGE_EXTREMES,
      shard: SHARD_EXTREMES,
    },
  },
  {
    command: 'landscape',
    base: ['landscape', '--model', 'resnet-20', '--directions', 'hessian', '--out', f('l.h5')],
    flags: numeric('hessian-samples', 'hessian-iters'),
  },
  {
    command: 'interpolate',
    base: ['interpolate', '--model', 'resnet-20', '--out', f('i.h5')],
    flags: { ...numeric('seed', 'points', 'samples', 'batch'), range: RANGE_EXTREMES },
  },
  {
    command: 'sharpness',
    base: ['sharpness', '--model', 'resnet-20'],
    flags: numeric('samples', 'iters', 'seed'),
  },
  {
    command: 'toy',
    base: ['toy', '--data', 'spiral', '--out', f('t.h5')],
    flags: {
      ...numeric('n', 'steps', 'batch', 'seed', 'grid'),
      // A tiny noise is a valid noise; the rest of the extremes are not.
      noise: EXTREMES.filter((v) => v !== '1e-320' && v !== '0.5'),
      'test-share': EXTREMES.filter((v) => v !== '0.5'),
      hidden: HIDDEN_EXTREMES,
      range: RANGE_EXTREMES,
    },
  },
  {
    command: 'lr-find',
    base: ['lr-find', '--surface', 'quadratic', '--out', f('lr.json')],
    flags: {
      ...numeric('samples', 'steps', 'batch', 'diverge', 'seed'),
      // Valid values (a surface test then runs) left out: 0.5 for the lrs, β and σ; 1e-320 for β and σ.
      'start-lr': EXTREMES.filter((v) => v !== '0.5'),
      'end-lr': EXTREMES.filter((v) => v !== '0.5'),
      smooth: EXTREMES.filter((v) => v !== '0.5' && v !== '1e-320'),
      noise: EXTREMES.filter((v) => v !== '0.5' && v !== '1e-320'),
    },
  },
  {
    command: 'lr-find',
    base: ['lr-find', '--toy', 'spiral', '--out', f('lr.json')],
    flags: { ...numeric('n'), hidden: HIDDEN_EXTREMES },
  },
  {
    command: 'tune',
    base: ['tune', '--surface', 'quadratic', '--out', f('tune.json')],
    flags: {
      ...numeric('trials', 'steps', 'batch', 'samples', 'seed'),
      // Valid values (a tuning run would start) left out.
      noise: EXTREMES.filter((v) => v !== '0.5' && v !== '1e-320'),
      target: EXTREMES.filter((v) => !['0.5', '1e-320', '-1'].includes(v)),
      'times-faster': EXTREMES.filter((v) => !['0.5', '1e-320', '-1'].includes(v)),
      'lr-range': RANGE_EXTREMES,
    },
  },
  {
    command: 'basin-map',
    base: ['basin-map', '--out', f('basins.json')],
    flags: {
      ...numeric('seeds', 'seed', 'steps', 'samples'),
      // Valid values (a map would be run) left out.
      noise: EXTREMES.filter((v) => v !== '0.5' && v !== '1e-320'),
      lrs: EXTREMES.filter((v) => v !== '0.5' && v !== '1e-320'),
      batches: HIDDEN_EXTREMES.filter((v) => v !== '1,2,3,4,5,6,7,8,9'),
    },
  },
  {
    command: 'basin-map',
    base: ['basin-map', '--toy', 'xor', '--out', f('basins.json')],
    flags: { ...numeric('n', 'epochs'), hidden: HIDDEN_EXTREMES },
  },
  {
    command: 'map',
    base: ['map', '--preset', 'momentum-bowl', '--out', f('map.json')],
    flags: {
      ...numeric('steps', 'chunk'),
      // Valid tolerances (a map would be run) left out.
      tol: EXTREMES.filter((v) => !['0.5', '1e-320', '1e308'].includes(v)),
      x: axisExtremes('lr'),
      y: axisExtremes('momentum'),
    },
  },
  {
    command: 'map',
    base: ['map', '--preset', 'momentum-bowl', '--png', f('map.png')],
    flags: numeric('scale'),
  },
];

/** The string-valued flags that take no number, per command: with SUBJECTS, every flag there is. */
const NON_NUMERIC: Record<string, string[]> = {
  trajectory: ['config'],
  schedule: ['config'],
  train: [
    'model',
    'out',
    'optimizer',
    'scheduler',
    'config',
    'data',
    'batch-scaling',
    'batch-schedule',
    'save-state',
    'resume',
  ],
  tune: ['surface', 'surface-params', 'optimizer', 'method', 'criterion', 'out', 'csv'],
  'basin-map': ['optimizer', 'out', 'csv', 'toy'],
  map: ['preset', 'spec', 'surface', 'optimizer', 'out', 'png', 'colour'],
  landscape: ['model', 'weights', 'out', 'norm', 'json', 'dir-out', 'directions', 'hessian-scale'],
  interpolate: ['model', 'from', 'to', 'bn', 'out', 'json'],
  sharpness: ['model', 'weights', 'solver', 'restrict', 'json'],
  toy: ['data', 'activation', 'init', 'optimizer', 'scheduler', 'directions', 'out', 'json'],
  merge: ['out', 'json'],
  'lr-find': [
    'surface',
    'surface-params',
    'model',
    'weights',
    'data',
    'toy',
    'activation',
    'optimizer',
    'out',
    'csv',
  ],
};
const ALL_FLAGS: Record<string, Record<string, { type: string }>> = {
  trajectory: TRAJECTORY_FLAGS,
  schedule: SCHEDULE_FLAGS,
  train: TRAIN_FLAGS,
  landscape: LANDSCAPE_FLAGS,
  interpolate: INTERPOLATE_FLAGS,
  sharpness: SHARPNESS_FLAGS,
  toy: TOY_FLAGS,
  merge: MERGE_FLAGS,
  'lr-find': LR_FIND_FLAGS,
  tune: TUNE_FLAGS,
  'basin-map': BASIN_MAP_FLAGS,
  map: MAP_FLAGS,
};

const cases = SUBJECTS.flatMap((s) =>
  Object.entries(s.flags).flatMap(([flag, values]) =>
    values.map((value) => ({ command: s.command, base: s.base, flag, value })),
  ),
);

describe('every numeric flag of every subcommand, at its extremes', () => {
  it('covers every string-valued flag: numeric ones tested here, the rest listed as non-numeric', () => {
    for (const [command, flags] of Object.entries(ALL_FLAGS)) {
      const numericHere = SUBJECTS.filter((s) => s.command === command).flatMap((s) =>
        Object.keys(s.flags),
      );
      const valued = Object.entries(flags)
        .filter(([, o]) => o.type === 'string')
        .map(([name]) => name);
      expect([...numericHere, ...NON_NUMERIC[command]].sort(), command).toEqual(valued.sort());
    }
  });

  it(`exits 2 naming the flag, never "internal error" (${cases.length} cases)`, async () => {
    const t0 = performance.now();
    for (const c of cases) {
      const r = await inProcess([...c.base, `--${c.flag}`, c.value]);
      expect(r.code, `${c.command} --${c.flag} '${c.value}': ${r.stderr}`).toBe(2);
      expect(r.stderr, `${c.command} --${c.flag} '${c.value}'`).toContain(`--${c.flag}`);
      expect(r.stderr).not.toMatch(/internal error/);
    }
    console.log(
      `numeric flag extremes: ${cases.length} cases over ${new Set(cases.map((c) => `${c.command} --${c.flag}`)).size} flags in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }, 60_000);
});

describe("the issue's cases, run as a user runs them", () => {
  const readOnly = f('read-only');
  const asRoot = process.getuid?.() === 0;
  // Child processes (the real bin; each ~2 s of tsx and tfjs start-up) for five of them, started
  // together; main() in this process for the rest.
  let bin: Record<string, Promise<CliRun & { ms: number; killed?: boolean }>> = {};
  const timed = (p: Promise<CliRun & { killed?: boolean }>) => {
    const t0 = performance.now();
    return p.then((r) => ({ ...r, ms: performance.now() - t0 }));
  };
  // A job that would take about half an hour if the output were not checked first.
  const job = ['train', '--model', 'resnet-20', '--steps', '2000'];
  beforeAll(() => {
    writeFileSync(f('a-file'), 'not a folder\n');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
    bin = {
      range: timed(
        cli(['landscape', '--model', 'resnet-20', '--range', '-1e308:1e308', '--out', f('r.h5')]),
      ),
      outIsFile: timed(cli([...job, '--out', f('a-file')])),
      steps: timed(cli(['train', '--model', 'resnet-20', '--steps', '100000000', '--out', f('s')])),
      noCap: timed(
        cliUntil(
          ['train', '--model', 'resnet-20', '--steps', '150000', '--batch', '1', '--no-cap'].concat(
            ['--out', f('no-cap')],
          ),
          /starting anyway/,
        ),
      ),
      deep: timed(cli(['schedule', '--config', '-'], deepSequentialConfig(3000))),
    };
  });
  afterAll(() => chmodSync(readOnly, 0o755));

  it('landscape --range -1e308:1e308 exits 2 naming --range (the bin)', async () => {
    expectNamed(await bin.range, /--range must be MIN:MAX within ±1e\+9, got '-1e308:1e308'/);
  });

  it.each(['interpolate', 'toy'])('%s --range -1e308:1e308 exits 2 naming --range', async (c) => {
    const base = c === 'toy' ? ['toy', '--data', 'spiral'] : [c, '--model', 'resnet-20'];
    const r = await inProcess([...base, '--range', '-1e308:1e308', '--out', f('r.h5')]);
    expectNamed(r, /--range must be MIN:MAX within ±1e\+9, got '-1e308:1e308'/);
  });

  it('train with an --out that is a file fails at once, before any training (the bin)', async () => {
    const r = await bin.outIsFile;
    expectNamed(r, /--out: '.*a-file' is a file; this command writes a folder there/);
    expect(r.stderr).not.toMatch(/train resnet-20:|step \d/); // no training line, no progress
    // Process start-up alone, with four others starting beside it on two cores: seconds.
    expect(r.ms).toBeLessThan(30_000);
    expect(readdirSync(tmp).filter((n) => n.includes('write-test'))).toEqual([]);
  });

  it('train with an unwritable --out fails at once, before any training', async () => {
    // Root writes into a 0555 folder, but nobody creates files in /proc.
    const unwritable = asRoot ? '/proc/landscape-lab-test-out' : path.join(readOnly, 'run');
    const t0 = performance.now();
    const r = await inProcess([...job, '--out', unwritable]);
    expectNamed(r, /--out: cannot write '.*': (permission denied|files cannot be created there)/);
    expect(r.stderr).not.toMatch(/train resnet-20:|step \d/);
    expect(performance.now() - t0).toBeLessThan(5000); // no backend, no data: milliseconds
  });

  it('train --steps 100000000 is refused, naming --steps, the cap and an estimate (the bin)', async () => {
    const r = await bin.steps;
    expectNamed(r, /--steps: 100,000,000 steps, over the cap of 100,000; estimated [\d.]+ years/);
    expect(r.stderr).toMatch(
      /--steps × --batch: 12,800,000,000 image-steps, over the cap of 1,000,000/,
    );
    expect(r.stderr).toMatch(/Pass --no-cap to run it anyway/);
    expect(existsSync(f('s'))).toBe(false);
  });

  it('train --epochs 1000000 is refused, naming --epochs, the cap and an estimate', async () => {
    const r = await inProcess([
      'train',
      '--model',
      'resnet-20',
      '--epochs',
      '1000000',
      '--out',
      f('e'),
    ]);
    expectNamed(
      r,
      /--epochs \(1000000 × 32 steps\): 32,000,000 steps, over the cap of 100,000; estimated \d+ days/,
    );
    expect(existsSync(f('e'))).toBe(false);
  });

  it('train --no-cap runs a job over the cap, saying so with the estimate (the bin, killed once started)', async () => {
    const r = await bin.noCap;
    expect(r.killed, r.stderr).toBe(true);
    expect(r.stderr).toMatch(
      /--no-cap: --steps: 150,000 steps, over the cap of 100,000; estimated [\d.]+ (min|h) .*\n {2}starting anyway/,
    );
    expect(r.stderr).not.toMatch(/Pass --no-cap/);
  });

  it('a SequentialLR nested 3,000 deep is named, not a stack overflow (the bin)', async () => {
    expectNamed(
      await bin.deep,
      /scheduler\.schedulers\[0\]\.schedulers\[0\].*: nested more than 32 levels deep/,
    );
  });

  it("1e999 in a config is named as 'must be finite', not '(got null)'", async () => {
    const r = await inProcess(
      ['trajectory', '--config', '-'],
      '{"surface":"quadratic","steps":10,"optimizer":{"type":"SGD","lr":1e999}}',
    );
    expectNamed(r, /optimizer\.lr: must be finite/);
    expect(r.stderr).not.toMatch(/got null/);
  });
});

/** A schedule config: StepLR inside `depth` SequentialLRs (built as text: too deep for JSON.stringify). */
function deepSequentialConfig(depth: number): string {
  let s = '{"type":"StepLR","step_size":1}';
  for (let i = 0; i < depth; i++) s = `{"type":"SequentialLR","milestones":[],"schedulers":[${s}]}`;
  return `{"surface":"quadratic","steps":10,"optimizer":{"type":"SGD","lr":0.1},"scheduler":${s}}`;
}

describe('outputs are checked before any work, in every command that writes', () => {
  beforeAll(() => {
    writeFileSync(f('plain-file'), 'x');
    mkdirSync(f('a-folder'), { recursive: true });
  });
  it.each([
    [
      ['landscape', '--model', 'resnet-20', '--out', f('a-folder')],
      /--out: '.*a-folder' is a folder/,
    ],
    [
      ['landscape', '--model', 'resnet-20', '--out', f('ok.h5'), '--json', f('plain-file/x.json')],
      /--json: cannot write '.*plain-file\/x\.json': a folder on its path is a file/,
    ],
    [
      ['landscape', '--model', 'resnet-20', '--out', f('ok.h5'), '--dir-out', f('ok.h5')],
      /--dir-out: same path as --out/,
    ],
    [
      ['interpolate', '--model', 'resnet-20', '--out', f('no/such/folder/x.h5')],
      /--out: cannot write '.*x\.h5': the folder '.*no\/such\/folder' does not exist/,
    ],
    [
      ['sharpness', '--model', 'resnet-20', '--json', f('a-folder')],
      /--json: '.*a-folder' is a folder/,
    ],
    [['toy', '--data', 'xor', '--out', f('plain-file/t.h5')], /--out: cannot write/],
    [['merge', 'shard0.h5', '--out', f('a-folder')], /--out: '.*a-folder' is a folder/],
    [
      ['train', '--model', 'resnet-20', '--out', f('plain-file/run')],
      /--out: cannot create '.*run': '.*plain-file' is a file/,
    ],
  ])('%j → exit 2 naming the output flag', async (args, msg) => {
    const t0 = performance.now();
    const r = await inProcess(args as string[]);
    expectNamed(r, msg as RegExp);
    expect(performance.now() - t0).toBeLessThan(5000); // nothing loaded, nothing computed
    expect(existsSync(f('ok.h5'))).toBe(false);
  });
});

describe('JSON configs from users', () => {
  it('accepts a UTF-8 byte-order mark at the start of a --config file', async () => {
    const file = f('bom.json');
    writeFileSync(
      file,
      '\ufeff{"surface":"quadratic","steps":3,"optimizer":{"type":"SGD","lr":0.1}}',
    );
    const r = await inProcess(['trajectory', '--config', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).params).toHaveLength(3);
  });

  it('names every non-finite number of a config by its field', async () => {
    const r = await inProcess(
      ['trajectory', '--config', '-'],
      '{"surface":"quadratic","start":[1e999,0],"optimizer":{"type":"Adam","betas":[0.9,-1e999]}}',
    );
    expectNamed(r, /start\[0\]: must be finite.*\n\s+optimizer\.betas\[1\]: must be finite/);
  });

  it('names a too-deep --scheduler flag of train and toy by its field', async () => {
    const deep = JSON.parse(deepSequentialConfig(40)).scheduler;
    for (const base of [
      ['train', '--model', 'resnet-20', '--out', f('deep-run')],
      ['toy', '--data', 'xor', '--out', f('deep.h5')],
    ]) {
      const r = await inProcess([...base, '--scheduler', JSON.stringify(deep)]);
      expectNamed(r, /--scheduler\.schedulers\[0\]\..*nested more than 32 levels deep/);
    }
  });

  it('refuses steps × batch.size over the cap unless --no-cap', async () => {
    const config = JSON.stringify({
      surface: 'quadratic',
      steps: 100000,
      optimizer: { type: 'SGD', lr: 0.01 },
      batch: { size: 99999, samples: 100000 },
    });
    const r = await inProcess(['trajectory', '--config', '-'], config);
    expectNamed(
      r,
      /steps × batch\.size: 9,999,900,000 sample gradients, over the cap of 1,000,000,000; estimated [\d.]+ min/,
    );
  });
});
