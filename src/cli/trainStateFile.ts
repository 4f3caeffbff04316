/**
 * `landscape-lab train`'s state file on disk (--save-state, --resume): written atomically
 * (a temporary file beside it, then a rename, so a kill mid-write leaves the last good state),
 * read with every fault a CliError naming the flag, and its recipe compared with the flags'
 * field by field, so a resumed run is the run that was started.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import {
  decodeTrainState,
  encodeTrainState,
  TrainStateError,
  type TrainSnapshot,
} from '../gpu/train/trainState';
import { CliError } from './cliError';

/** What must match between the run that saved a state and the run that resumes it. */
export interface TrainRecipe {
  model: string;
  netId: string;
  data: { dataset: string; trainSamples: number };
  batch: number;
  steps: number;
  seed: number;
  optimizer: unknown;
  scheduler: unknown;
  batchScaling: unknown;
  batchSchedule: unknown;
  checkpointEvery: number;
}

/** The flag that sets each recipe field, for the refusal's message. */
const FLAG_OF: Record<keyof TrainRecipe, string> = {
  model: '--model',
  netId: '--model',
  data: '--data',
  batch: '--batch',
  steps: '--steps / --epochs',
  seed: '--seed',
  optimizer: '--optimizer',
  scheduler: '--scheduler',
  batchScaling: '--batch-scaling',
  batchSchedule: '--batch-schedule',
  checkpointEvery: '--checkpoint-every',
};

/** JSON with object keys sorted, so that equal values compare equal as text. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v ?? null);
}

const cut = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);

/** Throws naming the first field (in recipe order) where the saved recipe and the flags' differ. */
export function checkRecipe(file: string, saved: unknown, wanted: TrainRecipe): void {
  const s = (saved ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(FLAG_OF) as (keyof TrainRecipe)[]) {
    const a = canonical(s[key]),
      b = canonical(wanted[key]);
    if (a !== b)
      throw new CliError(
        `--resume '${file}': the saved run differs in '${key}' (${FLAG_OF[key]}): the state file has ${cut(a)}, these flags give ${cut(b)}; resume with the flags the run was started with`,
      );
  }
}

/** Reads and decodes a state file; a missing, corrupt or truncated one is a CliError. */
export async function readTrainState(
  file: string,
): Promise<{ recipe: unknown; snapshot: TrainSnapshot }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(
      `--resume: cannot read '${file}': ${code === 'ENOENT' ? 'no such file (start the run with --save-state)' : (e as Error).message}`,
    );
  }
  try {
    return decodeTrainState(bytes);
  } catch (e) {
    if (e instanceof TrainStateError) throw new CliError(`--resume '${file}': ${e.message}`);
    throw e;
  }
}

/** Writes the state next to `file` and renames it over `file` (atomic on one file system). */
export async function writeTrainState(
  file: string,
  recipe: TrainRecipe,
  snapshot: TrainSnapshot,
): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    await writeFile(tmp, encodeTrainState(recipe, snapshot));
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
