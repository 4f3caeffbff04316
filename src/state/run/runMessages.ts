/**
 * The worker messages every run shares, and what each does to its record (runRecord.ts). A run's
 * protocol may carry more fields on them (a landscape error's code); its own handler adds those.
 */
import type { RunRecord } from './runRecord';

export type RunMessage =
  | { kind: 'status'; text: string }
  | {
      kind: 'backend';
      backend: string;
      wanted: string;
      softwareWebgl?: string | null;
      reason?: string | null;
    }
  /** `seconds` absent where the protocol does not time its runs. */
  | { kind: 'done'; seconds?: number; numTensors: number }
  /** `numTensors` null: the worker did not answer, so it was replaced (landscapePort.ts). */
  | { kind: 'cancelled'; numTensors: number | null }
  | { kind: 'error'; message: string };

const SHARED = new Set<string>(['status', 'backend', 'done', 'cancelled', 'error']);

/** True for the kinds `runMessagePatch` handles. */
export const isRunMessage = (m: RunMessage | { kind: string }): m is RunMessage =>
  SHARED.has(m.kind);

/**
 * The record's change for a shared message, or null for any other kind. It depends on the message
 * alone, so the runner can merge it with the run's own change in one store update.
 */
export function runMessagePatch(m: RunMessage | { kind: string }): Partial<RunRecord> | null {
  if (!isRunMessage(m)) return null;
  switch (m.kind) {
    case 'status':
      return { text: m.text };
    case 'backend':
      return {
        backend: m.backend,
        wanted: m.wanted,
        softwareWebgl: m.softwareWebgl ?? null,
        reason: m.reason ?? null,
      };
    case 'done':
      return m.seconds === undefined
        ? { status: 'done', numTensors: m.numTensors }
        : {
            status: 'done',
            seconds: m.seconds,
            numTensors: m.numTensors,
            text: `Done in ${m.seconds.toFixed(1)} s.`,
          };
    case 'cancelled':
      return { status: 'cancelled', numTensors: m.numTensors };
    case 'error':
      return { status: 'error', error: m.message, text: '' };
  }
}
