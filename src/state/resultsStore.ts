import { create } from 'zustand';
import type { RacerResult, SurfaceResponse } from '../worker/raceProtocol';

export interface Results {
  /** Latest computed runs, in racer order; null before the first answer. */
  racers: RacerResult[] | null;
  /** Sequence number of the request they answer (bench and tests wait on it). */
  raceSeq: number;
  /** Contours of the current surface; null until computed. */
  surface: SurfaceResponse | null;
  /** Racers the core refused, with the errors naming each field. */
  configErrors: { id: string; errors: string[] }[];
  /** Worker-side failure, shown in the page. */
  computeError: string | null;
  backend: 'worker' | 'sync' | null;
  /**
   * The race the worker last drew on the trajectory canvas (when it draws them): its request,
   * the fingerprint of the picture and when (page time, ms) it was rasterised.
   */
  drawn: { seq: number; fingerprint: string; paintedAt: number } | null;
}

/** What the computation returned; written only by raceRunner. */
export const useResultsStore = create<Results>()(() => ({
  racers: null,
  raceSeq: 0,
  surface: null,
  configErrors: [],
  computeError: null,
  backend: null,
  drawn: null,
}));
