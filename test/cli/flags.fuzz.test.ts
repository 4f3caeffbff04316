// Fuzzing the CLI's parsers (issue 16): random flag values and random JSON configs never end in
// anything but a checked result or a CliError (exit 2) that names a flag or field — never an
// "internal error" (exit 1). Seeded, in this process (the parse functions the commands run, no
// subprocess), so the ≥ 1,000 cases take a second or two; the real bin is exercised by
// reliability.test.ts. The case counts are printed at the end.
import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/cliError';
import { parseInterpolateFlags } from '../../src/cli/commands/interpolate';
import { parseLandscapeFlags } from '../../src/cli/commands/landscape';
import { parseLrFindFlags } from '../../src/cli/commands/lrFind';
import { parseSharpnessFlags } from '../../src/cli/commands/sharpness';
import { parseToyFlags } from '../../src/cli/commands/toy';
import { parseTrainFlags, planTrain } from '../../src/cli/commands/train';
import { checkRunCost, runConfigOrFail } from '../../src/cli/commands/trajectory';
import { parseJsonText } from '../../src/cli/jsonText';
import { linspace } from '../../src/gpu/landscape/grid';

const SEED = 16;
const tmp = mkdtempSync(path.join(tmpdir(), 'landscape-lab-fuzz-'));
const counts: Record<string, { accepted: number; rejected: number }> = {};
const count = (name: string, ok: boolean) => {
  counts[name] ??= { accepted: 0, rejected: 0 };
  counts[name][ok ? 'accepted' : 'rejected']++;
};
const note = () => {};

// ---- values -------------------------------------------------------------------------------

const EXTREME_TEXT = [
  '',
  ' ',
  '0',
  '-0',
  '1',
  '2',
  '3',
  '31',
  '100',
  '1000',
  '99999',
  '2147483647',
  '2147483648',
  '9007199254740993',
  '1e308',
  '-1e308',
  '1e999',
  '-1e999',
  '5e-324',
  '1e-320',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x10',
  '1e3',
  '+5',
  ' 7 ',
  '1_000',
  'abc',
  '-',
  '--',
  '-x',
];
const numberText = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...EXTREME_TEXT) },
  { weight: 3, arbitrary: fc.integer({ min: -1000, max: 300_000 }).map(String) },
  { weight: 2, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
const rangeText = fc.oneof(
  fc.tuple(numberText, numberText).map(([a, b]) => `${a}:${b}`),
  fc.constantFrom(
    '-1:1',
    '-0.05:0.05',
    '-1e9:1e9',
    '1e9:-1e9',
    '0:1e-9',
    '0:1e-10',
    '-1e308:1e308',
  ),
  numberText,
);
const shardText = fc.oneof(
  fc.tuple(fc.nat(20), fc.nat(20)).map(([a, b]) => `${a}/${b}`),
  fc.tuple(numberText, numberText).map(([a, b]) => `${a}/${b}`),
);
const hiddenText = fc.oneof(
  fc
    .array(fc.oneof(fc.integer({ min: 0, max: 1100 }).map(String), numberText), { maxLength: 10 })
    .map((a) => a.join(',')),
  numberText,
);

/** Mostly a valid value, sometimes a hostile one: both paths get exercised. */
const mostly = (valid: fc.Arbitrary<string>) =>
  fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: numberText });
const int = (min: number, max: number) => mostly(fc.integer({ min, max }).map(String));
const validRange = fc
  .tuple(
    fc.double({ min: -50, max: 50, noNaN: true }),
    fc.double({ min: 0.01, max: 50, noNaN: true }),
  )
  .map(([a, w]) => `${a}:${a + w}`);
const range = fc.oneof({ weight: 6, arbitrary: validRange }, { weight: 1, arbitrary: rangeText });
const seed = int(0, 2 ** 31 - 1);

/** JSON numbers, with markers for the literals JSON.stringify cannot write (1e999 → Infinity). */
const jsonNumber = fc.oneof(
  { weight: 3, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 3, arbitrary: fc.integer({ min: -10, max: 200_000 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(0, -1, 1, 0.9, 0.999, 1e-8, 1e308, -1e308, 5e-324, 100_000, 100_001),
  },
  { weight: 1, arbitrary: fc.constantFrom('@INF@', '@NINF@') },
);
const jsonAny = fc.oneof(jsonNumber, fc.string({ maxLength: 4 }), fc.boolean(), fc.constant(null));
const optimizerJson = fc.record(
  {
    type: fc.oneof(
      fc.constantFrom('SGD', 'Adam', 'AdamW', 'RMSprop', 'Lion', 'LARS', 'Adamm'),
      jsonAny,
    ),
    lr: jsonNumber,
    momentum: jsonNumber,
    betas: fc.oneof(fc.tuple(jsonNumber, jsonNumber), jsonAny),
    weight_decay: jsonNumber,
    nesterov: fc.oneof(fc.boolean(), jsonAny),
  },
  { requiredKeys: ['type'] },
);
const childSchedulerJson = fc.record(
  {
    type: fc.constantFrom('StepLR', 'LinearLR', 'CosineAnnealingLR', 'OneCycleLR', 'SequentialLR'),
    step_size: jsonNumber,
    total_iters: jsonNumber,
    T_max: jsonNumber,
  },
  { requiredKeys: ['type'] },
);
const schedulerJson = fc.oneof(
  fc.constant(null),
  fc.record(
    {
      type: fc.oneof(
        fc.constantFrom(
          'StepLR',
          'CosineAnnealingLR',
          'OneCycleLR',
          'SequentialLR',
          'CyclicLR',
          'ReduceLROnPlateau',
          'ExponentialLR',
          'Nope',
        ),
        jsonAny,
      ),
      step_size: jsonNumber,
      gamma: jsonNumber,
      T_max: jsonNumber,
      max_lr: jsonNumber,
      total_steps: jsonNumber,
      base_lr: jsonNumber,
      milestones: fc.oneof(fc.array(jsonNumber, { maxLength: 3 }), jsonAny),
      schedulers: fc.oneof(fc.array(childSchedulerJson, { maxLength: 3 }), jsonAny),
    },
    { requiredKeys: ['type'] },
  ),
);
const runConfigJson = fc.record(
  {
    surface: fc.oneof(
      fc.constantFrom('rosenbrock', 'quadratic', 'saddle', 'beale', 'nope'),
      jsonAny,
    ),
    surface_params: fc.oneof(fc.record({ kappa: jsonNumber }, { requiredKeys: [] }), jsonAny),
    start: fc.oneof(
      fc.tuple(jsonNumber, jsonNumber),
      fc.array(jsonNumber, { maxLength: 3 }),
      jsonAny,
    ),
    steps: jsonNumber,
    optimizer: fc.oneof(optimizerJson, jsonAny),
    scheduler: schedulerJson,
    batch: fc.oneof(
      fc.constant(null),
      fc.record(
        { size: jsonNumber, samples: jsonNumber, noise: jsonNumber, seed: jsonNumber },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: [] },
);

/** A config that should pass, or nearly. */
const plausibleConfigJson = fc.record({
  surface: fc.constantFrom('rosenbrock', 'quadratic', 'saddle', 'himmelblau'),
  start: fc.tuple(
    fc.double({ min: -3, max: 3, noNaN: true }),
    fc.double({ min: -3, max: 3, noNaN: true }),
  ),
  steps: fc.integer({ min: 1, max: 100_000 }),
  optimizer: fc.oneof(
    fc.record({
      type: fc.constant('SGD'),
      lr: fc.double({ min: 0, max: 1, noNaN: true }),
      momentum: fc.double({ min: 0, max: 0.99, noNaN: true }),
    }),
    fc.record({
      type: fc.constantFrom('Adam', 'AdamW'),
      lr: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
  ),
  scheduler: fc.oneof(
    fc.constant(null),
    fc.record({ type: fc.constant('StepLR'), step_size: fc.integer({ min: 1, max: 100 }) }),
    fc.record({ type: fc.constant('CosineAnnealingLR'), T_max: fc.integer({ min: 1, max: 1000 }) }),
  ),
  batch: fc.oneof(
    fc.constant(null),
    fc.record({
      size: fc.integer({ min: 1, max: 64 }),
      samples: fc.constant(64),
      seed: fc.nat(100),
    }),
    fc.record({ size: fc.integer({ min: 10_000, max: 100_000 }), samples: fc.constant(100_000) }),
  ),
});

/** JSON text of a generated value, the markers written as the literals 1e999 / -1e999. */
const jsonText = (v: unknown) =>
  JSON.stringify(v)
    .replace(/"@INF@"/g, '1e999')
    .replace(/"@NINF@"/g, '-1e999');

/** An --optimizer / --scheduler value: a plausible one, a fuzzed one, or not JSON at all. */
const jsonFlag = (fuzzed: fc.Arbitrary<unknown>, ...plausible: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...plausible) },
    { weight: 2, arbitrary: fuzzed.map(jsonText) },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  );
const optimizerFlag = jsonFlag(
  optimizerJson,
  '{"type":"SGD","lr":0.1,"momentum":0.9}',
  '{"type":"Adam","lr":0.01}',
);
const schedulerFlag = jsonFlag(
  schedulerJson,
  'null',
  '{"type":"StepLR","step_size":10}',
  '{"type":"CosineAnnealingLR","T_max":100}',
);

/** A config wrapped so that its scheduler sits `depth` SequentialLRs deep (as text). */
function nestScheduler(text: string, depth: number): string {
  if (depth === 0) return text;
  let s = '{"type":"StepLR","step_size":2}';
  for (let i = 0; i < depth; i++) s = `{"type":"SequentialLR","milestones":[],"schedulers":[${s}]}`;
  return text.replace(/^\{/, `{"scheduler":${s},`).replace(/,\}$/, '}');
}

// ---- the property ---------------------------------------------------------------------------

/**
 * Runs `parse`; a CliError must name one of `flags` (or an option parseArgs did not know, when a
 * fuzzed value looked like one); a result must hold finite numbers only.
 */
async function accepts(
  name: string,
  { flags, args }: { flags: string[]; args: string[] },
  parse: () => unknown,
): Promise<void> {
  let result: unknown;
  try {
    result = await parse();
  } catch (e) {
    if (!(e instanceof CliError))
      throw new Error(`${name}: not a CliError: ${(e as Error).stack}`, { cause: e });
    expect(e.exitCode).toBe(2);
    const unknown = /Unknown option '([^']*)'/.exec(e.message)?.[1];
    const named =
      flags.some((f) => e.message.includes(`--${f}`)) ||
      (unknown !== undefined && args.some((a, i) => i % 2 === 1 && a.startsWith(unknown)));
    if (!named)
      throw new Error(
        `${name} ${args.join(' ')}: the error names none of its flags: ${e.message}`,
        {
          cause: e,
        },
      );
    count(name, false);
    if (process.env.FUZZ_DEBUG) console.log(name, e.message.split('\n')[0].slice(0, 90));
    return;
  }
  for (const [k, v] of Object.entries(result as object)) {
    const nums =
      typeof v === 'number' ? [v] : Array.isArray(v) ? v.filter((x) => typeof x === 'number') : [];
    if (!nums.every(Number.isFinite)) throw new Error(`${name}: ${k} = ${String(v)} accepted`);
  }
  // An accepted range gives finite, strictly increasing coordinates (a surface file needs them).
  const o = result as { range?: [number, number] | null; grid?: number; points?: number };
  if (o.range) {
    const xs = linspace({ min: o.range[0], max: o.range[1], num: o.grid ?? o.points ?? 201 });
    if (!xs.every((x, i) => Number.isFinite(x) && (i === 0 || x > xs[i - 1])))
      throw new Error(`${name} ${args.join(' ')}: coordinates ${xs.slice(0, 3).join(', ')}…`);
  }
  count(name, true);
}

/** Some of a command's flags with fuzzed values, and --no-cap or not (where the command has it). */
function flagArgs(values: Record<string, fc.Arbitrary<string>>, hasNoCap = true) {
  return fc.tuple(fc.record(values, { requiredKeys: [] }), fc.boolean()).map(([picked, noCap]) => {
    const given = Object.entries(picked as Record<string, string | undefined>).filter(
      (e): e is [string, string] => e[1] !== undefined,
    );
    return {
      flags: given.map(([k]) => k),
      args: [
        ...given.flatMap(([k, v]) => [`--${k}`, v]),
        ...(noCap && hasNoCap ? ['--no-cap'] : []),
      ],
    };
  });
}

const RUNS = {
  landscape: 300,
  toy: 300,
  train: 200,
  sharpness: 150,
  interpolate: 150,
  lrFind: 200,
  json: 400,
};

describe('fuzzed CLI flags and configs end in a checked value or a named error (exit 2)', () => {
  const t0 = performance.now();
  afterAll(() => {
    const total = Object.values(counts).reduce((a, c) => a + c.accepted + c.rejected, 0);
    console.log(
      `CLI fuzz (seed ${SEED}): ${total} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s — ` +
        Object.entries(counts)
          .map(([k, c]) => `${k} ${c.accepted + c.rejected} (${c.accepted} accepted)`)
          .join(', '),
    );
    expect(total).toBeGreaterThanOrEqual(1000);
  });

  it('landscape', async () => {
    const common = {
      grid: int(2, 201),
      dim: int(1, 2),
      samples: int(1, 1000),
      seed,
      batch: int(1, 100_000),
      range,
      shard: fc.oneof(fc.constant('0/1'), fc.constant('1/4'), shardText),
    };
    const arb = fc.oneof(
      flagArgs(common).map((a) => ({ ...a, base: [] as string[] })),
      flagArgs({ ...common, 'hessian-samples': int(1, 100), 'hessian-iters': int(2, 1000) }).map(
        (a) => ({ ...a, base: ['--directions', 'hessian'] }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(arb, async (a) => {
        await accepts('landscape', a, () =>
          parseLandscapeFlags(
            ['--model', 'resnet-20', '--out', 'x.h5', ...a.base, ...a.args],
            note,
          ),
        );
      }),
      { seed: SEED, numRuns: RUNS.landscape },
    );
  });

  it('toy (with fuzzed --optimizer and --scheduler JSON)', async () => {
    const arb = flagArgs({
      n: int(4, 20_000),
      noise: mostly(fc.double({ min: 0, max: 0.5, noNaN: true }).map(String)),
      'test-share': mostly(fc.double({ min: 0.1, max: 0.9, noNaN: true }).map(String)),
      hidden: fc.oneof(
        {
          weight: 4,
          arbitrary: fc
            .array(fc.integer({ min: 1, max: 64 }), { maxLength: 3 })
            .map((a) => a.join(',')),
        },
        { weight: 1, arbitrary: hiddenText },
      ),
      steps: int(1, 300_000),
      batch: int(1, 1000),
      seed,
      grid: int(2, 201),
      range,
      optimizer: optimizerFlag,
      scheduler: schedulerFlag,
    });
    await fc.assert(
      fc.asyncProperty(arb, async (a) => {
        await accepts('toy', a, () =>
          parseToyFlags(['--data', 'spiral', '--out', 'x.h5', ...a.args], note),
        );
      }),
      { seed: SEED, numRuns: RUNS.toy },
    );
  });

  it('lr-find (a surface or the toy MLP, with fuzzed --optimizer JSON)', async () => {
    const real = (min: number, max: number) =>
      mostly(fc.double({ min, max, noNaN: true }).map(String));
    const test = {
      'start-lr': real(1e-13, 1e-2),
      'end-lr': real(1e-3, 1e7),
      steps: int(2, 200_000),
      smooth: real(0, 0.9999),
      diverge: real(1.0001, 1e3),
      seed,
      optimizer: optimizerFlag,
    };
    const arb = fc.oneof(
      flagArgs({
        ...test,
        samples: int(1, 100_000),
        batch: int(1, 300),
        noise: real(0, 10),
      }).map((a) => ({ ...a, base: ['--surface', 'quadratic'] })),
      flagArgs({ ...test, n: int(4, 20_000), hidden: fc.oneof(int(1, 64), hiddenText) }).map(
        (a) => ({ ...a, base: ['--toy', 'spiral'] }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(arb, async (a) => {
        await accepts('lr-find', a, () => parseLrFindFlags([...a.base, ...a.args], note));
      }),
      { seed: SEED, numRuns: RUNS.lrFind },
    );
  });

  it('train (flags, then the plan on the 4000-image split)', async () => {
    const arb = fc
      .tuple(
        flagArgs({
          batch: int(1, 4000),
          seed,
          'checkpoint-every': int(1, 1000),
          optimizer: optimizerFlag,
          scheduler: schedulerFlag,
        }),
        fc.oneof(
          fc.constant([] as string[]),
          int(1, 200_000).map((v) => ['steps', v]),
          int(1, 400).map((v) => ['epochs', v]),
        ),
      )
      .map(([a, count]) => ({
        flags: [...a.flags, ...count.slice(0, 1)],
        args: [...(count.length ? [`--${count[0]}`, count[1]] : []), ...a.args],
      }));
    await fc.assert(
      fc.asyncProperty(arb, async (a) => {
        await accepts('train', a, async () => {
          const o = await parseTrainFlags([
            '--model',
            'resnet-56',
            '--out',
            path.join(tmp, 'run'),
            ...a.args,
          ]);
          if (o === 'help') throw new Error('help');
          const plan = planTrain(o, 4000, note);
          return { ...plan, batch: o.batch, seed: o.seed };
        });
      }),
      { seed: SEED, numRuns: RUNS.train },
    );
  });

  it('sharpness', async () => {
    const arb = fc.tuple(
      flagArgs({ samples: int(1, 1000), iters: int(2, 1000), seed }),
      fc.constantFrom('lanczos', 'power'),
    );
    await fc.assert(
      fc.asyncProperty(arb, async ([a, solver]) => {
        await accepts('sharpness', a, () =>
          parseSharpnessFlags(['--model', 'resnet-110', '--solver', solver, ...a.args], note),
        );
      }),
      { seed: SEED, numRuns: RUNS.sharpness },
    );
  });

  it('interpolate', async () => {
    const arb = flagArgs(
      { seed, range, points: int(2, 201), samples: int(1, 1000), batch: int(1, 1000) },
      false,
    );
    await fc.assert(
      fc.asyncProperty(arb, async (a) => {
        await accepts('interpolate', a, async () => {
          const o = await parseInterpolateFlags([
            '--model',
            'resnet-20',
            '--out',
            'x.h5',
            ...a.args,
          ]);
          if (o === 'help') throw new Error('help');
          return o;
        });
      }),
      { seed: SEED, numRuns: RUNS.interpolate },
    );
  });
  it('trajectory / schedule JSON configs (1e999, a byte-order mark, nesting up to 3,000 deep)', async () => {
    const arb = fc.record({
      config: fc.oneof(
        { weight: 4, arbitrary: plausibleConfigJson },
        { weight: 4, arbitrary: runConfigJson },
        { weight: 1, arbitrary: jsonAny },
      ),
      bom: fc.boolean(),
      depth: fc.oneof(
        { weight: 12, arbitrary: fc.constant(0) },
        { weight: 2, arbitrary: fc.integer({ min: 1, max: 40 }) },
        { weight: 1, arbitrary: fc.constant(3000) },
      ),
      noCap: fc.boolean(),
    });
    await fc.assert(
      fc.property(arb, ({ config, bom, depth, noCap }) => {
        const text = (bom ? '\ufeff' : '') + nestScheduler(jsonText(config), depth);
        const infinite = text.includes('1e999');
        try {
          const cfg = runConfigOrFail(parseJsonText(text, 'config'));
          checkRunCost(cfg, noCap, note);
          if (infinite) throw new Error(`accepted a config with 1e999: ${text}`);
          count('json config', true);
        } catch (e) {
          if (!(e instanceof CliError))
            throw new Error(`not a CliError: ${(e as Error).stack}`, { cause: e });
          // "invalid config:" then one line per field, each "field: what is wrong".
          const [head, ...lines] = e.message.split('\n');
          const fieldLines = head.startsWith('invalid') ? lines : [head];
          for (const l of fieldLines)
            expect(l, e.message).toMatch(/^\s*(config|[\w.[\]"-]+|steps × batch\.size)…?: \S/);
          if (infinite) expect(e.message).toMatch(/must be finite|nested more than/);
          count('json config', false);
        }
      }),
      { seed: SEED, numRuns: RUNS.json },
    );
  });
});
