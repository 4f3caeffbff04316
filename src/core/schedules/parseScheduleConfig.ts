import { parseKeywords } from './parseKeywords';
import { SCHEDULE_DEFS, scheduleByType } from './registry';
import type { ParseResult, ScheduleConfig } from './scheduleSpec';
import { isRecord, quoteValue } from '../parse';

/**
 * How deep SequentialLR may nest schedulers: far beyond any real schedule, and far below what
 * would overflow the stack (a config nested thousands deep did, for any caller but the CLI).
 */
export const MAX_SCHEDULER_DEPTH = 16;

/**
 * Parses untrusted input (JSON, URL state) into a schedule config with every keyword filled
 * with torch's default, or a list of errors that name the field path
 * ("scheduler.schedulers[1].T_max: must be a positive integer, got 0").
 * `null` is not a schedule here: the caller maps `scheduler: null` to a constant lr.
 */
export function parseScheduleConfig(
  raw: unknown,
  field = 'scheduler',
  depth = 0,
): ParseResult<ScheduleConfig> {
  if (depth > MAX_SCHEDULER_DEPTH)
    return {
      ok: false,
      errors: [`${field}: schedulers nested more than ${MAX_SCHEDULER_DEPTH} deep`],
    };
  if (!isRecord(raw)) {
    return {
      ok: false,
      errors: [
        `${field}: must be an object with a "type" (or null for a constant lr), got ${quoteValue(raw)}`,
      ],
    };
  }
  if (typeof raw.type !== 'string') {
    return {
      ok: false,
      errors: [
        `${field}.type: must be a scheduler name such as "StepLR", got ${quoteValue(raw.type)}`,
      ],
    };
  }
  const def = scheduleByType(raw.type);
  if (!def) {
    const known = SCHEDULE_DEFS.map((d) => d.type).join(', ');
    return {
      ok: false,
      errors: [`${field}.type: unknown scheduler ${quoteValue(raw.type)} (known: ${known})`],
    };
  }
  const { value, errors } = parseKeywords(raw, def, field, (child, path) =>
    parseScheduleConfig(child, path, depth + 1),
  );
  // Cross-field checks need well-typed fields, so they run only on a clean parse.
  if (errors.length === 0 && def.validate) errors.push(...def.validate(value, field));
  return errors.length ? { ok: false, errors } : { ok: true, value };
}
