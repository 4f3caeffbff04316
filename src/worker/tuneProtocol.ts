/** Messages between the page and the tune worker (fair tuning of the racers, issue #14). */
import type { RunConfig } from '../core/config';
import type { TuneResult, TuneSettings } from '../core/tune';

export interface TuneRequest {
  seq: number;
  /** One validated config per racer (its key as id); the tuner replaces lr and steps. */
  racers: { id: string; config: RunConfig }[];
  settings: TuneSettings;
}

export type TuneResponse =
  /** One racer tuned (results arrive in racer order). */
  | { kind: 'racer'; seq: number; id: string; result: TuneResult }
  | { kind: 'done'; seq: number }
  | { kind: 'error'; seq: number; id: string; message: string };
