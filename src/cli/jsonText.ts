/**
 * JSON text from a user (a --config file, stdin, an --optimizer or --scheduler flag) → a value
 * the config parsers can take, or a CliError naming the field:
 * - a UTF-8 byte-order mark (Windows editors write one) is dropped;
 * - a number beyond ±1.8e308 (e.g. 1e999), which JSON.parse turns into ±Infinity, is named as
 *   "must be finite" rather than reaching a parser that would quote it as null;
 * - nesting deeper than JSON_MAX_DEPTH is refused before any recursive parser (a SequentialLR
 *   nested 3,000 deep) can overflow the stack. Real configs nest 5 or 6 levels.
 * The walk is iterative, so no input, however deep, overflows it.
 */
import { CliError } from './cliError';

export const JSON_MAX_DEPTH = 32;

interface Node {
  value: unknown;
  depth: number;
  parent: Node | null;
  key: string | number | null;
}

/** `optimizer.betas[1]`, from `prefix` (a flag name or '') and the keys down to `node`. */
function fieldOf(node: Node, prefix: string): string {
  const keys: (string | number)[] = [];
  for (let n: Node | null = node; n && n.key !== null; n = n.parent) keys.push(n.key);
  let s = prefix;
  for (const k of keys.reverse())
    s +=
      typeof k === 'number'
        ? `[${k}]`
        : /^[A-Za-z_$][\w$]*$/.test(k)
          ? `${s ? '.' : ''}${k}`
          : `[${JSON.stringify(k)}]`;
  return s || 'config';
}

/** Names the non-finite numbers and a too-deep nesting of a parsed JSON value (or returns []). */
export function jsonValueErrors(value: unknown, prefix = ''): string[] {
  const errors: string[] = [];
  const stack: Node[] = [{ value, depth: 0, parent: null, key: null }];
  while (stack.length) {
    const node = stack.pop()!;
    const v = node.value;
    if (typeof v === 'number' && !Number.isFinite(v)) {
      if (errors.length < 10)
        errors.push(
          `${fieldOf(node, prefix)}: must be finite (the number is beyond ±1.8e308, which JSON reads as ${v})`,
        );
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (node.depth >= JSON_MAX_DEPTH) {
      const field = fieldOf(node, prefix);
      return [
        `${field.length > 120 ? `${field.slice(0, 120)}…` : field}: nested more than ${JSON_MAX_DEPTH} levels deep (a config needs a few)`,
      ];
    }
    const entries: [string | number, unknown][] = Array.isArray(v)
      ? v.map((x, i) => [i, x])
      : Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--)
      stack.push({ value: entries[i][1], depth: node.depth + 1, parent: node, key: entries[i][0] });
  }
  return errors;
}

/** `text` with control characters escaped: V8's JSON errors quote the input, bytes and all. */
function printable(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    out += code < 0x20 || code === 0x7f ? `\\u${code.toString(16).padStart(4, '0')}` : c;
  }
  return out;
}

/**
 * Parses user JSON: `what` names the source in a syntax error (`config 'run.json'`, `--optimizer`),
 * `prefix` starts the field names of value errors ('' for a config file, '--optimizer' for a
 * flag); `echo` quotes the text (clipped) after a syntax error, for short flag values.
 */
export function parseJsonText(
  text: string,
  what: string,
  { prefix = '', echo = false }: { prefix?: string; echo?: boolean } = {},
): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const clipped = text.length > 200 ? `${text.slice(0, 200)}… (${text.length} characters)` : text;
    // UTF-16 (Notepad's "Unicode") read as UTF-8: its byte-order mark and every other byte 0.
    const utf16 =
      text.startsWith('\ufffd\ufffd') || text.slice(0, 64).includes('\0')
        ? '; the file looks like UTF-16: save it as UTF-8'
        : '';
    throw new CliError(
      `${what}: not valid JSON (${printable((e as Error).message.slice(0, 200))})${utf16}${echo ? `: ${printable(clipped)}` : ''}`,
    );
  }
  const errors = jsonValueErrors(value, prefix);
  if (errors.length) throw new CliError(`invalid ${what}:\n  ${errors.join('\n  ')}`);
  return value;
}
