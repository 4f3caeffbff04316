import { describe, expect, it } from 'vitest';
import { parseRunConfig, type RunConfig } from '../../src/core/config';
import { getSurface } from '../../src/core/surfaces/registry';
import { run } from '../../src/core/trajectory';
import {
  batchSizes,
  csvText,
  runsCsv,
  runsJson,
  type RunRecord,
  type RunsDocument,
} from '../../src/io/runExport';

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted || (c !== ',' && c !== '\r')) cell += c;
    else if (c === ',') endCell();
    else {
      endCell();
      rows.push(row);
      row = [];
      i++; // the \n of CRLF
    }
  }
  if (cell || row.length) throw new Error('CSV does not end with CRLF');
  return rows;
}

function config(raw: Record<string, unknown>): RunConfig {
  const p = parseRunConfig({ surface: 'rosenbrock', start: [-1.5, 2], steps: 40, ...raw });
  if (!p.ok) throw new Error(p.errors.join('; '));
  return p.value;
}

function record(key: string, label: string, cfg: RunConfig): RunRecord {
  const r = run(cfg);
  const s = getSurface(cfg.surface, cfg.surfaceParams);
  const n = r.steps;
  const [x, y] = n ? [r.params[2 * n - 2], r.params[2 * n - 1]] : cfg.start;
  return {
    key,
    label,
    optimizer: cfg.optimizer.type.toLowerCase(),
    start: cfg.start,
    params: r.params,
    loss: r.loss,
    lr: r.lr,
    steps: r.steps,
    divergedAt: r.divergedAt,
    finalLoss: s.value(x, y),
    batch: batchSizes(cfg, r.steps),
    config: cfg,
  };
}

const adam = record('adam', 'Adam', config({ optimizer: { type: 'Adam', lr: 0.05 } }));
// lr 1 on Rosenbrock overflows within a few steps: a run that stops with divergedAt set.
const wild = record('sgd', 'SGD, "wild", lr=1', config({ optimizer: { type: 'SGD', lr: 1 } }));

describe('runs as CSV', () => {
  it('parses back with one row per step per racer (the start as step 0), full precision', () => {
    expect(wild.divergedAt).not.toBeNull();
    const rows = parseCsv(runsCsv([adam, wild]));
    expect(rows[0]).toEqual(['racer', 'label', 'optimizer', 'step', 'x', 'y', 'loss', 'lr']);
    const body = rows.slice(1);
    expect(body).toHaveLength(adam.steps + 1 + wild.steps + 1);
    const adamRows = body.filter((r) => r[0] === 'adam');
    expect(adamRows.map((r) => Number(r[3]))).toEqual([...Array(adam.steps + 1).keys()]);
    // Every number reads back bit for bit.
    for (let t = 1; t <= adam.steps; t++) {
      const [, , , , x, y, loss, lr] = adamRows[t];
      expect(Number(x)).toBe(adam.params[2 * t - 2]);
      expect(Number(y)).toBe(adam.params[2 * t - 1]);
      expect(Number(lr)).toBe(adam.lr[t - 1]);
      expect(Number(loss)).toBe(t < adam.steps ? adam.loss[t] : adam.finalLoss);
    }
    expect(adamRows[0].slice(4)).toEqual(['-1.5', '2', String(adam.loss[0]), '']);
    // The label with a comma and quotes survives the round trip.
    expect(body.find((r) => r[0] === 'sgd')![1]).toBe('SGD, "wild", lr=1');
  });

  it('writes a non-finite value as NaN or Infinity', () => {
    const blown: RunRecord = { ...adam, finalLoss: Infinity };
    const last = parseCsv(runsCsv([blown])).at(-1)!;
    expect(last[6]).toBe('Infinity');
    expect(parseCsv(runsCsv([{ ...adam, finalLoss: NaN }])).at(-1)![6]).toBe('NaN');
    expect(Number(last[6])).toBe(Infinity);
  });

  it('adds a batch column only where the batch size varies', () => {
    const sched = config({
      surface: 'quadratic',
      start: [2, 1],
      optimizer: { type: 'SGD', lr: 0.05 },
      batch: {
        size: 4,
        samples: 256,
        schedule: { milestones: [10, 20], factor: 2, change: 'batch' },
      },
    });
    const b = record('sgd', 'SGD', sched);
    expect(b.batch![0]).toBe(4);
    expect(b.batch![25]).toBe(16);
    const rows = parseCsv(runsCsv([b]));
    expect(rows[0].at(-1)).toBe('batch');
    expect(rows[1].at(-1)).toBe('');
    expect(rows.slice(2).map((r) => Number(r.at(-1)))).toEqual(Array.from(b.batch!));
    const fixed = record(
      'sgd',
      'SGD',
      config({
        surface: 'quadratic',
        start: [2, 1],
        optimizer: { type: 'SGD', lr: 0.05 },
        batch: { size: 8, samples: 256 },
      }),
    );
    expect(parseCsv(runsCsv([fixed]))[0]).not.toContain('batch');
  });

  it('quotes text with commas, quotes or breaks, and defuses spreadsheet formulas', () => {
    expect(csvText('plain')).toBe('plain');
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
    expect(csvText('two\nlines')).toBe('"two\nlines"');
    expect(csvText('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvText('-1+1')).toBe("'-1+1");
    expect(csvText('@sum')).toBe("'@sum");
  });
});

describe('runs as JSON', () => {
  const race = {
    surface: 'rosenbrock',
    surfaceParams: { a: 1, b: 100 },
    start: [-1.5, 2] as const,
    steps: 40,
    link: '?surface=rosenbrock&opt=adam,sgd&lr.sgd=1',
  };

  it('round-trips: the same numbers, the settings and the link', () => {
    const doc = JSON.parse(runsJson(race, [adam, wild])) as RunsDocument;
    expect(doc.format).toBe('loss-landscape-lab/race-runs');
    expect(doc.link).toBe(race.link);
    expect(doc.surface).toEqual({ id: 'rosenbrock', params: { a: 1, b: 100 } });
    const a = doc.racers[0];
    expect(a.key).toBe('adam');
    expect(a.diverged_at).toBeNull();
    expect(a.x).toHaveLength(adam.steps + 1);
    expect(a.x.slice(1)).toEqual(Array.from(adam.params.filter((_, i) => i % 2 === 0)));
    expect(a.loss.slice(0, -1)).toEqual(Array.from(adam.loss));
    expect(a.lr).toEqual([null, ...adam.lr]);
    // The config in the file is the one the racer ran: run() on it gives the same path.
    expect(a.config).toEqual(JSON.parse(JSON.stringify(adam.config)));
    expect(Array.from(run(a.config as RunConfig).params)).toEqual(Array.from(adam.params));
  });

  it('writes non-finite values as null and says where the run diverged', () => {
    const doc = JSON.parse(runsJson(race, [wild, { ...adam, finalLoss: NaN }])) as RunsDocument;
    expect(doc.racers[0].diverged_at).toBe(wild.divergedAt);
    expect(doc.racers[0].step).toHaveLength(wild.steps + 1);
    expect(doc.racers[1].loss.at(-1)).toBeNull();
    expect(runsJson(race, [{ ...adam, finalLoss: Infinity }])).not.toMatch(/Infinity|NaN/);
  });
});
