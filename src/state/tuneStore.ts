import { create } from 'zustand';
import type { TuneResult } from '../core/tune';
import { DEFAULT_TUNE, type TuneChoice } from './tuneState';

export interface TuneStatus {
  /** The panel's fields (what "Tune" will run). */
  draft: TuneChoice;
  /** The choice of the tune shown (running or done): what the link carries. */
  ran: TuneChoice | null;
  state: 'idle' | 'running' | 'done' | 'cancelled';
  /** Racers tuned so far, of how many. */
  progress: { done: number; total: number };
  /** Per racer key, in racer order. */
  results: { id: string; result: TuneResult }[];
  errors: { id: string; message: string }[];
  /** The race it was tuned on (tuneFingerprint); the result is stale once the race differs. */
  fingerprint: string | null;
}

export const useTuneStore = create<TuneStatus>()(() => ({
  draft: { ...DEFAULT_TUNE },
  ran: null,
  state: 'idle',
  progress: { done: 0, total: 0 },
  results: [],
  errors: [],
  fingerprint: null,
}));
