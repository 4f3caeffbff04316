import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../../src/core/optimizers/registry';
import { SURFACES } from '../../src/core/surfaces/registry';
import {
  defaultUrlState,
  parseUrlState,
  serializeUrlState,
  type UrlState,
} from '../../src/io/urlState';
import { defaultStart, defaultSurfaceParams, raceDefaultsFor } from '../../src/state/raceState';

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
    expect(state.race).toMatchObject({
      surface: 'beale',
      optimizers: ['adam', 'sgd'],
      steps: 120,
      start: [-1.5, 2],
      batch: { size: 8, samples: 64, noise: 2, seed: 3 },
      schedule: { id: 'cosine', params: { T_max: 60 } },
    });
    expect(state.race.hp.adam).toMatchObject({ lr: 0.01, betas: [0.8, 0.99], weight_decay: 0.001 });
    expect(state.race.hp.sgd.momentum).toBe(0.5);
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
    expect(state.race.hp.adam.lr).toBe(raceDefaultsFor('adam').lr);
    expect(state.race.optimizers).toEqual(['adam']);
    expect(state.view.theme).toBe('dark');
  });

  it('resets a racer whose values the core refuses together (Nesterov without momentum)', () => {
    const { state, errors } = parseUrlState('opt=sgd&nesterov.sgd=1&momentum.sgd=0');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Invalid URL parameter 'nesterov\.sgd': .*using the default$/);
    expect(state.race.hp.sgd).toEqual(raceDefaultsFor('sgd'));
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
        optimizers: fc.uniqueArray(fc.constantFrom(...OPTIMIZERS.map((o) => o.id)), {
          minLength: 1,
          maxLength: 6,
        }),
        lr: fc.dictionary(fc.constantFrom(...OPTIMIZERS.map((o) => o.id)), num(1e-6, 5)),
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
          s.race = {
            ...s.race,
            surface,
            surfaceParams,
            optimizers,
            start,
            steps,
            batch: { samples, size: Math.max(1, Math.round(batchFrac * samples)), noise, seed },
          };
          for (const [id, v] of Object.entries(lr)) s.race.hp[id] = { ...s.race.hp[id], lr: v };
          s.race.hp.sgd = { ...s.race.hp.sgd, momentum, weight_decay: wd };
          s.race.hp.adam = { ...s.race.hp.adam, betas: [beta1, 0.999] };
          const param = sched === 'cosine' ? 'T_max' : sched === 'step' ? 'step_size' : null;
          s.race.schedule = {
            id: sched,
            params: param && tmax !== undefined ? { [param]: tmax } : {},
          };
          s.view = { theme, large, logHeight, show3d };
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
        // Hyperparameters of optimizers not racing are not in the link.
        for (const id of Object.keys(s.race.hp))
          if (!s.race.optimizers.includes(id)) {
            state.race.hp[id] = s.race.hp[id];
          }
        expect(state).toEqual(s);
      }),
      { numRuns: 200 },
    );
  });
});
