import { describe, expect, it } from 'vitest';
import { isOutgoing, LIMITS, parseCommand, plainParams } from '../../src/io/embedMessages';

/** The error a message gets; fails the test if it was accepted. */
function errorOf(data: unknown): string {
  const p = parseCommand(data);
  if (!('error' in p)) throw new Error(`accepted: ${JSON.stringify(p.command)}`);
  return p.error;
}

const commandOf = (data: unknown) => {
  const p = parseCommand(data);
  if ('error' in p) throw new Error(p.error);
  return p.command;
};

describe('parseCommand', () => {
  it('reads each command with its defaults', () => {
    expect(commandOf({ type: 'play' })).toEqual({ type: 'play' });
    expect(commandOf({ type: 'pause' })).toEqual({ type: 'pause' });
    expect(commandOf({ type: 'reset' })).toEqual({ type: 'reset' });
    expect(commandOf({ type: 'step' })).toEqual({ type: 'step', n: 1 });
    expect(commandOf({ type: 'step', n: 25 })).toEqual({ type: 'step', n: 25 });
    expect(commandOf({ type: 'seek', step: 0 })).toEqual({ type: 'seek', step: 0 });
    expect(commandOf({ type: 'get' })).toEqual({ type: 'get' });
    expect(commandOf({ type: 'get', keys: ['lr.adam', 'opt'] })).toEqual({
      type: 'get',
      keys: ['lr.adam', 'opt'],
    });
  });

  it('stringifies numbers in set and keeps strings as they are', () => {
    expect(commandOf({ type: 'set', params: { 'lr.sgd': 0.001, opt: 'sgd,adam' } })).toEqual({
      type: 'set',
      params: { 'lr.sgd': '0.001', opt: 'sgd,adam' },
    });
    expect(commandOf({ type: 'set', params: { 'lr.sgd': 1e-7 } })).toEqual({
      type: 'set',
      params: { 'lr.sgd': '1e-7' },
    });
  });

  it('echoes a valid id, on errors too', () => {
    expect(parseCommand({ type: 'play', id: 7 })).toEqual({ command: { type: 'play' }, id: 7 });
    expect(parseCommand({ type: 'play', id: 'a-1' }).id).toBe('a-1');
    expect(parseCommand({ type: 'play' }).id).toBeNull();
    expect(parseCommand({ type: 'seek', step: -1, id: 'x' })).toMatchObject({
      id: 'x',
      type: 'seek',
    });
    expect(errorOf({ type: 'play', id: 'x'.repeat(65) })).toMatch(/field 'id'/);
    expect(errorOf({ type: 'play', id: NaN })).toMatch(/field 'id'/);
    expect(errorOf({ type: 'play', id: { a: 1 } })).toMatch(/field 'id'.*an object/);
  });

  it('refuses what is not a command object, naming type', () => {
    expect(errorOf('play')).toMatch(/must be an object/);
    expect(errorOf(null)).toMatch(/must be an object.*null/);
    expect(errorOf([{ type: 'play' }])).toMatch(/an array/);
    expect(errorOf({})).toMatch(/field 'type'.*undefined/);
    expect(errorOf({ type: 'Play' })).toMatch(/field 'type'.*"Play"/);
    expect(errorOf({ type: 'ready' })).toMatch(/field 'type'/);
    expect(errorOf({ type: 3 })).toMatch(/field 'type'.*got 3/);
  });

  it('names a field a command does not take', () => {
    expect(errorOf({ type: 'play', n: 3 })).toBe("Invalid message field 'n': 'play' takes id only");
    expect(errorOf({ type: 'step', count: 5 })).toBe(
      "Invalid message field 'count': 'step' takes n and id only",
    );
  });

  it('checks step counts and seek targets as integers in range', () => {
    for (const n of [0, -1, 1.5, NaN, Infinity, LIMITS.maxSteps + 1, '3', null])
      expect(errorOf({ type: 'step', n })).toMatch(/field 'n': must be an integer from 1 to 10000/);
    expect(commandOf({ type: 'step', n: LIMITS.maxSteps })).toEqual({ type: 'step', n: 10000 });
    expect(errorOf({ type: 'seek' })).toMatch(/field 'step': missing/);
    for (const step of [-1, 2.5, NaN, '10', 2 ** 60])
      expect(errorOf({ type: 'seek', step })).toMatch(/field 'step': must be an integer ≥ 0/);
  });

  it('names the bad key or value in set', () => {
    expect(errorOf({ type: 'set' })).toMatch(/field 'params': must be an object/);
    expect(errorOf({ type: 'set', params: [] })).toMatch(/field 'params'.*an array/);
    expect(errorOf({ type: 'set', params: {} })).toMatch(/field 'params': names no link key/);
    expect(errorOf({ type: 'set', params: { 'lr.sgd': NaN } })).toBe(
      "Invalid message field 'params.lr.sgd': must be a finite number (got NaN)",
    );
    expect(errorOf({ type: 'set', params: { 'lr.sgd': -Infinity } })).toMatch(/lr\.sgd.*finite/);
    expect(errorOf({ type: 'set', params: { 'lr.sgd': true } })).toMatch(
      /field 'params.lr.sgd': must be a string or a number \(got a boolean\)/,
    );
    expect(errorOf({ type: 'set', params: { 'lr.sgd': { v: 1 } } })).toMatch(
      /'params.lr.sgd'.*\(got an object\)/,
    );
    expect(errorOf({ type: 'set', params: { 'lr sgd': '1' } })).toMatch(
      /field 'params.lr sgd': a link key has only/,
    );
    expect(errorOf({ type: 'set', params: { '': '1' } })).toMatch(/must be 1 to 64 characters/);
  });

  it('refuses prototype keys, however they arrive', () => {
    // JSON.parse makes __proto__ an own property, as structured clone does.
    const fromJson = JSON.parse(
      '{"type":"set","params":{"__proto__":{"polluted":"yes"}}}',
    ) as unknown;
    expect(errorOf(fromJson)).toMatch(/'params.__proto__': "__proto__" is not a link key/);
    expect(errorOf({ type: 'set', params: { constructor: '1' } })).toMatch(/not a link key/);
    expect(errorOf({ type: 'get', keys: ['prototype'] })).toMatch(/'keys\[0\]'.*not a link key/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const set = commandOf({ type: 'set', params: { theme: 'dark' } });
    expect(Object.getPrototypeOf((set as { params: object }).params)).toBe(Object.prototype);
  });

  it('refuses huge payloads with their size, not their text', () => {
    const many = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, '1']));
    expect(errorOf({ type: 'set', params: many })).toBe(
      "Invalid message field 'params': at most 64 keys (got 65)",
    );
    const long = errorOf({ type: 'set', params: { opt: 'a'.repeat(1_000_000) } });
    expect(long).toBe("Invalid message field 'params.opt': at most 2000 characters (got 1000000)");
    const longKey = errorOf({ type: 'set', params: { ['k'.repeat(5000)]: '1' } });
    expect(longKey.length).toBeLessThan(200);
    expect(longKey).toMatch(/must be 1 to 64 characters \(got 5000\)/);
    expect(errorOf({ type: 'get', keys: Array(65).fill('opt') })).toMatch(/at most 64 keys/);
    expect(errorOf({ type: 'get', keys: 'opt' })).toMatch(/field 'keys': must be an array/);
    expect(errorOf({ type: 'get', keys: ['opt', 3] })).toMatch(/field 'keys\[1\]'/);
    expect(errorOf({ type: 'Z'.repeat(100_000) }).length).toBeLessThan(200);
  });
});

describe('isOutgoing', () => {
  it('knows the widget’s own messages, but not the step command', () => {
    for (const type of ['reply', 'ready', 'state', 'diverged', 'done', 'resize'])
      expect(isOutgoing({ type })).toBe(true);
    expect(isOutgoing({ type: 'step', step: 3, steps: 10 })).toBe(false);
    expect(isOutgoing({ type: 'play' })).toBe(false);
    expect(isOutgoing('ready')).toBe(false);
  });
});

describe('plainParams', () => {
  it('copies string values only into a fresh plain object', () => {
    const src = { opt: 'sgd', n: 3, f: () => 1, ['__proto__']: 'x' } as Record<string, unknown>;
    const p = plainParams(src);
    expect(p).toEqual({ opt: 'sgd' });
    expect(p).not.toBe(src);
    expect(structuredClone(p)).toEqual(p);
  });
});
