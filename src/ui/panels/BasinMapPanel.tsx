import { useEffect, useRef, useState } from 'react';
import type { BasinMap } from '../../core/basinMap';
import { basinGridFor, cellText, shadeOf } from '../../core/view/basinGrid';
import { racerConfigs } from '../../state/racerConfigs';
import { raceSnapshot, useRaceStore } from '../../state/raceStore';
import { useRacers } from '../hooks/useRacers';
import { RacerSelect, useChosenRacer } from './RacerSelect';
import '../controls/batchTools.css';

type Outcome = { ok: true; map: BasinMap; racer: string } | { ok: false; error: string };

/**
 * Sharp vs flat by batch size and lr (Keskar et al. 2017), on `sharp_flat` only: many seeded
 * runs of one racer per (B, lr) cell, each counted by the basin it ends in.
 */
export function BasinMapPanel() {
  const surface = useRaceStore((s) => s.surface);
  const racers = useRacers();
  const [racer, setChosen] = useChosenRacer(racers);
  const [seeds, setSeeds] = useState(8);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const worker = useRef<Worker | null>(null);
  useEffect(() => () => worker.current?.terminate(), []);
  if (surface !== 'sharp_flat') return null;
  const stop = () => {
    worker.current?.terminate();
    worker.current = null;
    setRunning(false);
  };
  const start = () => {
    stop();
    const race = raceSnapshot();
    const rc = racerConfigs(race).find((c) => c.id === racer.id);
    if (!rc?.ok)
      return setOutcome({ ok: false, error: `${racer.name}: ${rc?.errors[0] ?? 'no config'}` });
    const { samples, noise, seed } = race.batch;
    const settings = basinGridFor({ steps: race.steps, samples, noise }, seeds, seed);
    const w = new Worker(new URL('../../worker/basinWorker.ts', import.meta.url), {
      type: 'module',
    });
    worker.current = w;
    setRunning(true);
    w.onmessage = (e: MessageEvent<{ ok: true; map: BasinMap } | { ok: false; error: string }>) => {
      setOutcome(e.data.ok ? { ...e.data, racer: racer.name } : e.data);
      stop();
    };
    w.postMessage({ config: rc.config, settings });
  };
  const map = outcome?.ok ? outcome.map : null;
  return (
    <section className="card basin-map" aria-label="Sharp or flat by batch size and lr">
      <h3>Sharp or flat, by B and lr</h3>
      <p className="explain">
        Keskar et al. (2017): large batches tend to end in sharp minima. Each cell runs the racer
        from the start with that batch size and lr, once per seed, and counts where it ends.
      </p>
      <div className="row tune-actions">
        <RacerSelect
          racers={racers}
          value={racer.id}
          onChange={setChosen}
          ariaLabel="Racer for the basin map"
        />
        <label className="field">
          <span className="field-label">Seeds per cell</span>
          <input
            type="number"
            aria-label="Seeds per cell"
            min={1}
            max={32}
            value={seeds}
            onChange={(e) => {
              const v = Number(e.currentTarget.value);
              if (Number.isInteger(v) && v >= 1 && v <= 32) setSeeds(v);
            }}
          />
        </label>
        <button type="button" onClick={start} disabled={running}>
          Map the basins
        </button>
        {running && (
          <button type="button" onClick={stop}>
            Cancel
          </button>
        )}
      </div>
      <p role="status" className="tune-status">
        {running ? 'Mapping…' : outcome && !outcome.ok ? outcome.error : ''}
      </p>
      {map && outcome?.ok && (
        <table className="basin-table">
          <caption>
            Runs of {outcome.racer} that ended in the flat minimum, of all, after{' '}
            {map.settings.steps} steps, {map.settings.seeds} seeds per cell (N ={' '}
            {map.settings.samples})
          </caption>
          <thead>
            <tr>
              <th scope="col">B \ lr</th>
              {map.settings.lrs.map((lr) => (
                <th key={lr} scope="col">
                  {lr}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {map.settings.batches.map((b, i) => (
              <tr key={b}>
                <th scope="row">{b}</th>
                {map.settings.lrs.map((lr, j) => {
                  const c = map.cells[i * map.settings.lrs.length + j];
                  return (
                    <td key={lr} className={`basin-cell shade-${shadeOf(c)}`} title={cellText(c)}>
                      {c.counts.flat}/{map.settings.seeds}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {map && (
        <p className="explain">
          Each cell: runs that ended in the flat minimum, of all; darker is flatter.
        </p>
      )}
    </section>
  );
}
