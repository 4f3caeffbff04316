import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../../src/core/optimizers/registry';
import { cleanLabel } from '../../src/state/racers';
import { SURFACES } from '../../src/core/surfaces/registry';
import {
  defaultUrlState,
  parseUrlState,
  serializeUrlState,
  type UrlState,
} from '../../src/state/raceUrl';
import {
  defaultStart,
  defaultSurfaceParams,
  raceDefaultsFor,
  racersOf,
} from '../../src/state/raceState';
import { racerOf } from '../state/racerOf';

describe('the URL state codec', () => {
  it('writes the default race with readable keys and nothing else', () => {
    expect(serializeUrlState(defaultUrlState())).toMatchInlineSnapshot(
      `"surface=rosenbrock&opt=sgd,rmsprop,adam,adagrad&lr.sgd=0.001&lr.rmsprop=0.01&lr.adam=0.1&lr.adagrad=0.5"`,
    );
  });

  it('reads the keys the issue names', () => {
    const { state, errors } = parseUrlState(
      '?surface=beale&opt=adam,sgd&lr.adam=0.01&momentum.sgd=0.5&betas.adam=0.8,0.99&wd.adam=0.001&batch=8&samples=64&noise=2&seed=3&steps=120&start=-1.5,2&sched=cosine&sched.T_max=60&theme=dark&large=1&step=40',
    );
    expect(errors).toEqual([]);
    expect(state.race.racers.map((r) => r.key)).toEqual(['adam', 'sgd']);
    expect(state.race).toMatchObject({
      surface: 'beale',
      steps: 120,
      start: [-1.5, 2],
      batch: { size: 8, samples: 64, noise: 2, seed: 3 },
      schedule: { id: 'cosine', params: { T_max: 60 } },
    });
    expect(racerOf(state, 'adam').hp).toMatchObject({
      lr: 0.01,
      betas: [0.8, 0.99],
      weight_decay: 0.001,
    });
    expect(racerOf(state, 'sgd').hp.momentum).toBe(0.5);
    expect(state.view).toMatchObject({ theme: 'dark', large: true });
    expect(state.step).toBe(40);
  });

  it('names each invalid parameter and keeps its default, applying the rest of the link', () => {
    const { state, errors } = parseUrlState(
      'opt=adam&lr.adam=-1&steps=banana&surface=nowhere&theme=dark&foo=1',
    );
    expect(errors).toEqual([
      "Invalid URL parameter 'surface': must be one of " +
        SURFACES.map((s) => s.id).join(', ') +
        " (got 'nowhere'); using the default",
      "Invalid URL parameter 'steps': must be a finite number (got 'banana'); using the default",
      "Invalid URL parameter 'lr.adam': must be ≥ 0 (got '-1'); using the default",
      "Invalid URL parameter 'foo': unknown parameter; ignored",
    ]);
    expect(racerOf(state, 'adam').hp.lr).toBe(raceDefaultsFor('adam').lr);
    expect(state.race.racers.map((r) => r.key)).toEqual(['adam']);
    expect(state.view.theme).toBe('dark');
  });

  it('resets a racer whose values the core refuses together (Nesterov without momentum)', () => {
    const { state, errors } = parseUrlState('opt=sgd&nesterov.sgd=1&momentum.sgd=0');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Invalid URL parameter 'nesterov\.sgd': .*using the default$/);
    expect(racerOf(state, 'sgd').hp).toEqual(raceDefaultsFor('sgd'));
  });

  it('rejects a batch larger than the number of samples', () => {
    expect(parseUrlState('samples=16&batch=32').errors[0]).toContain(
      "'batch': must be an integer from 1 to 16",
    );
  });

  it('round-trips every state: parse(serialize(s)) = s', () => {
    const num = (lo: number, hi: number) =>
      fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true }).map((v) => v + 0); // no -0: a link writes it as 0
    const arbState = fc
      .record({
        surface: fc.constantFrom(...SURFACES.map((s) => s.id)),
        // Repeats allowed: the same optimizer may race several times.
        optimizers: fc.array(fc.constantFrom('sgd', 'adam', ...OPTIMIZERS.map((o) => o.id)), {
          minLength: 1,
          maxLength: 6,
        }),
        lr: fc.array(num(1e-6, 5), { minLength: 6, maxLength: 6 }),
        removed: fc.nat(),
        colors: fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 6, maxLength: 6 }),
        labels: fc.array(fc.option(fc.string({ minLength: 1, maxLength: 40 }), { nil: null }), {
          minLength: 6,
          maxLength: 6,
        }),
        own: fc.array(
          fc.record({
            sched: fc.option(fc.constantFrom('cosine', 'step', 'onecycle'), { nil: null }),
            tmax: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
            batchFrac: fc.option(num(0, 1), { nil: null }),
          }),
          { minLength: 6, maxLength: 6 },
        ),
        momentum: num(0, 0.99),
        beta1: num(0, 0.99),
        wd: fc.oneof(fc.constant(0), num(1e-5, 1)),
        start: fc.tuple(num(-5, 5), num(-5, 5)),
        steps: fc.integer({ min: 1, max: 3000 }),
        samples: fc.integer({ min: 1, max: 1000 }),
        batchFrac: num(0, 1),
        noise: num(0, 10),
        seed: fc.integer({ min: 0, max: 1e6 }),
        sched: fc.constantFrom('constant', 'cosine', 'step', 'onecycle'),
        tmax: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
        theme: fc.constantFrom('light', 'dark'),
        large: fc.boolean(),
        logHeight: fc.boolean(),
        show3d: fc.boolean(),
        step: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }),
        speed: fc.constantFrom(0.25, 1, 4, 16),
      })
      .map(
        ({
          surface,
          optimizers,
          lr,
          removed,
          colors,
          labels,
          own,
          momentum,
          beta1,
          wd,
          start,
          steps,
          samples,
          batchFrac,
          noise,
          seed,
          sched,
          tmax,
          theme,
          large,
          logHeight,
          show3d,
          step,
          speed,
        }): UrlState => {
          const s = defaultUrlState();
          const surfaceParams = defaultSurfaceParams(surface);
          const bsize = (f: number) => Math.max(1, Math.round(f * samples));
          // Racers with keys as adding them gives; one removed (a gap in the keys) when several.
          let racers = racersOf(optimizers, surface);
          if (racers.length > 1) racers.splice(removed % racers.length, 1);
          // Distinct colours, labels, own schedules and batch sizes, as the controls make them.
          const slots = [...new Set(colors)];
          racers = racers.map((r, i) => ({
            ...r,
            hp: {
              ...r.hp,
              lr: lr[i],
              ...(r.optimizer === 'sgd' ? { momentum, weight_decay: wd } : {}),
              ...(r.optimizer === 'adam' ? { betas: [beta1, 0.999] } : {}),
            },
            color: slots[i] ?? 15 - i,
            label: labels[i] === null ? null : cleanLabel(labels[i]!),
            schedule: own[i].sched
              ? {
                  id: own[i].sched!,
                  params:
                    own[i].sched === 'cosine' && own[i].tmax !== undefined
                      ? { T_max: own[i].tmax }
                      : {},
                }
              : null,
            batch: own[i].batchFrac === null ? null : bsize(own[i].batchFrac!),
          }));
          s.race = {
            ...s.race,
            surface,
            surfaceParams,
            racers,
            start,
            steps,
            batch: { samples, size: bsize(batchFrac), noise, seed },
          };
          const param = sched === 'cosine' ? 'T_max' : sched === 'step' ? 'step_size' : null;
          s.race.schedule = {
            id: sched,
            params: param && tmax !== undefined ? { [param]: tmax } : {},
          };
          s.view = { ...s.view, theme, large, logHeight, show3d };
          s.step = step === null ? null : Math.min(step, steps);
          s.speed = speed;
          if (defaultStart(surface, surfaceParams).every((v, i) => v === start[i]))
            s.race.start = [start[0], start[1]];
          return s;
        },
      );
    fc.assert(
      fc.property(arbState, (s) => {
        const { state, errors } = parseUrlState(serializeUrlState(s));
        expect(errors).toEqual([]);
        expect(state).toEqual(s);
      }),
      { numRuns: 200 },
    );
  });
});
