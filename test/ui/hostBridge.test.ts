import { describe, expect, it } from 'vitest';
import type { WidgetController, WidgetEvent } from '../../src/ui/embed/controller';
import { startHostBridge, type BridgeEnv } from '../../src/ui/embed/hostBridge';

/** A widget with playback whose settings are `lr.sgd` alone, recording what it was told. */
function fakeWidget(withPlayback = true) {
  const calls: string[] = [];
  const listeners = new Set<(e: WidgetEvent) => void>();
  let params: Record<string, string> = { 'lr.sgd': '0.1', opt: 'sgd' };
  let playing = false;
  const c: WidgetController = {
    widget: withPlayback ? 'race' : 'landscape',
    set(p) {
      calls.push(`set ${JSON.stringify(p)}`);
      if ('bad' in p) return ["Invalid URL parameter 'bad': unknown"];
      params = { ...params, ...p };
      return [];
    },
    get: (keys) =>
      keys
        ? Object.fromEntries(keys.filter((k) => k in params).map((k) => [k, params[k]]))
        : params,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  if (withPlayback)
    Object.assign(c, {
      play: () => ((playing = true), calls.push('play')),
      pause: () => ((playing = false), calls.push('pause')),
      isPlaying: () => playing,
      step: (n?: number) => calls.push(`step ${n}`),
      seek: (s: number) => calls.push(`seek ${s}`),
      reset: () => calls.push('reset'),
    });
  const emit = (e: WidgetEvent) => listeners.forEach((l) => l(e));
  return { c, calls, emit, listeners };
}

/** A frame whose parent records what it is posted, with handles to drive messages and sight. */
function fakeFrame(parentOrigin: string | null = 'https://slides.example') {
  const posted: { message: Record<string, unknown>; target: string }[] = [];
  const parent = {
    postMessage: (message: unknown, target: string) =>
      posted.push({ message: message as Record<string, unknown>, target }),
  };
  let onMessage: (data: unknown, origin: string, source: unknown) => void = () => {};
  let onVisible: (v: boolean) => void = () => {};
  let onHeight: (h: number) => void = () => {};
  const env: BridgeEnv = {
    parent,
    parentOrigin,
    listen: (on) => ((onMessage = on), () => (onMessage = () => {})),
    watchVisible: (on) => ((onVisible = on), () => {}),
    watchHeight: (on) => ((onHeight = on), () => {}),
  };
  return {
    env,
    posted,
    send: (data: unknown, origin = 'https://slides.example', source: unknown = parent) =>
      onMessage(data, origin, source),
    visible: (v: boolean) => onVisible(v),
    height: (h: number) => onHeight(h),
    replies: () => posted.filter((p) => p.message.type === 'reply').map((p) => p.message),
    events: (type: string) => posted.filter((p) => p.message.type === type),
  };
}

const OPEN = { allowedOrigins: [], autoplay: false, loop: false };

describe('startHostBridge', () => {
  it('says ready with the widget and its settings, to the parent’s exact origin', () => {
    const w = fakeWidget();
    const f = fakeFrame();
    startHostBridge(w.c, OPEN, f.env);
    expect(f.posted).toEqual([
      {
        message: { type: 'ready', widget: 'race', params: { 'lr.sgd': '0.1', opt: 'sgd' } },
        target: 'https://slides.example',
      },
    ]);
  });

  it('does nothing in a page that is not framed', () => {
    const w = fakeWidget();
    const f = fakeFrame();
    startHostBridge(w.c, OPEN, { ...f.env, parent: null });
    expect(f.posted).toEqual([]);
    expect(w.listeners.size).toBe(0);
  });

  it('runs commands and replies with the id', () => {
    const w = fakeWidget();
    const f = fakeFrame();
    startHostBridge(w.c, OPEN, f.env);
    f.send({ type: 'play', id: 1 });
    f.send({ type: 'step', n: 5, id: 2 });
    f.send({ type: 'seek', step: 40, id: 3 });
    f.send({ type: 'set', params: { 'lr.sgd': 0.01 }, id: 4 });
    f.send({ type: 'get', keys: ['lr.sgd'], id: 'g' });
    expect(w.calls).toEqual(['play', 'step 5', 'seek 40', 'set {"lr.sgd":"0.01"}']);
    expect(f.replies()).toEqual([
      { type: 'reply', id: 1, command: 'play', ok: true, result: null },
      { type: 'reply', id: 2, command: 'step', ok: true, result: null },
      { type: 'reply', id: 3, command: 'seek', ok: true, result: null },
      {
        type: 'reply',
        id: 4,
        command: 'set',
        ok: true,
        result: { params: { 'lr.sgd': '0.01', opt: 'sgd' } },
      },
      {
        type: 'reply',
        id: 'g',
        command: 'get',
        ok: true,
        result: { params: { 'lr.sgd': '0.01' } },
      },
    ]);
  });

  it('answers a malformed command, a refused key and a missing ability with an error naming it', () => {
    const w = fakeWidget(false);
    const f = fakeFrame();
    startHostBridge(w.c, OPEN, f.env);
    f.send({ type: 'seek', step: -3, id: 9 });
    f.send({ type: 'set', params: { bad: 1 } });
    f.send({ type: 'play' });
    const [seek, set, play] = f.replies();
    expect(seek).toMatchObject({ id: 9, command: 'seek', ok: false });
    expect(seek.error).toMatch(/field 'step'/);
    expect(set).toMatchObject({
      id: null,
      ok: false,
      error: "Invalid URL parameter 'bad': unknown",
    });
    expect(play).toMatchObject({ ok: false, command: 'play' });
    expect(play.error).toBe("Unsupported command 'play': the 'landscape' widget has no playback");
    expect(w.calls).toEqual(['set {"bad":"1"}']);
  });

  it('listens to the parent only, and ignores strings and its own echoed messages', () => {
    const w = fakeWidget();
    const f = fakeFrame();
    startHostBridge(w.c, OPEN, f.env);
    f.send({ type: 'play' }, 'https://slides.example', {});
    f.send('slide:start');
    f.send({ type: 'reply', ok: false, error: 'x' });
    f.send({ type: 'ready', widget: 'race' });
    expect(w.calls).toEqual([]);
    expect(f.replies()).toEqual([]);
  });

  it('with allowedOrigins: ignores other origins and posts only to the allowed one', () => {
    const w = fakeWidget();
    const f = fakeFrame('https://slides.example');
    startHostBridge(w.c, { ...OPEN, allowedOrigins: ['https://school.example'] }, f.env);
    f.send({ type: 'play', id: 1 });
    f.send({ type: 'nonsense' });
    w.emit({ type: 'step', step: 3, steps: 10 });
    expect(w.calls).toEqual([]);
    expect(f.posted).toEqual([]);

    const g = fakeFrame('https://school.example');
    startHostBridge(w.c, { ...OPEN, allowedOrigins: ['https://school.example'] }, g.env);
    g.send({ type: 'pause', id: 2 }, 'https://school.example');
    w.emit({ type: 'done' });
    expect(g.posted.map((p) => [p.message.type, p.target])).toEqual([
      ['ready', 'https://school.example'],
      ['reply', 'https://school.example'],
      ['done', 'https://school.example'],
    ]);
  });

  it('with allowedOrigins and no known parent origin: an exact target per allowed origin', () => {
    const w = fakeWidget();
    const f = fakeFrame(null);
    startHostBridge(
      w.c,
      { ...OPEN, allowedOrigins: ['https://a.example', 'https://b.example'] },
      f.env,
    );
    expect(f.posted.map((p) => p.target)).toEqual(['https://a.example', 'https://b.example']);
    expect(f.posted.some((p) => p.target === '*')).toBe(false);
  });

  it('without allowedOrigins and no known origin: events to *, then to the origin commands came from', () => {
    const w = fakeWidget();
    const f = fakeFrame(null);
    startHostBridge(w.c, OPEN, f.env);
    f.send({ type: 'get' }, 'https://deck.example');
    w.emit({ type: 'step', step: 1, steps: 2 });
    expect(f.posted.map((p) => [p.message.type, p.target])).toEqual([
      ['ready', '*'],
      ['reply', 'https://deck.example'],
      ['step', 'https://deck.example'],
    ]);
  });

  it('forwards events as fresh plain objects', () => {
    const w = fakeWidget();
    const f = fakeFrame();
    startHostBridge(w.c, OPEN, f.env);
    const params = { opt: 'adam', hook: (() => 1) as unknown as string };
    w.emit({ type: 'state', params });
    w.emit({ type: 'diverged', racer: 'sgd', step: 12 });
    const state = f.events('state')[0].message;
    expect(state).toEqual({ type: 'state', params: { opt: 'adam' } });
    expect(state.params).not.toBe(params);
    expect(f.events('diverged')[0].message).toEqual({ type: 'diverged', racer: 'sgd', step: 12 });
    for (const p of f.posted) expect(structuredClone(p.message)).toEqual(p.message);
  });

  it('posts resize only when the height changes', () => {
    const w = fakeWidget();
    const f = fakeFrame();
    startHostBridge(w.c, OPEN, f.env);
    f.height(400);
    f.height(400);
    f.height(512);
    expect(f.events('resize').map((p) => p.message.height)).toEqual([400, 512]);
  });

  it('pauses when hidden and resumes only what was playing', () => {
    const w = fakeWidget();
    const f = fakeFrame();
    startHostBridge(w.c, OPEN, f.env);
    f.visible(false);
    f.visible(true);
    expect(w.calls).toEqual([]);
    f.send({ type: 'play' });
    f.visible(false);
    f.visible(true);
    expect(w.calls).toEqual(['play', 'pause', 'play']);
    // Paused by the host while hidden: stays paused when shown.
    f.visible(false);
    f.send({ type: 'pause' });
    f.visible(true);
    expect(w.calls).toEqual(['play', 'pause', 'play', 'pause', 'pause']);
  });

  it('defers a play sent while hidden until the widget is seen', () => {
    const w = fakeWidget();
    const f = fakeFrame();
    startHostBridge(w.c, OPEN, f.env);
    f.visible(false);
    f.send({ type: 'play', id: 'p' });
    expect(w.calls).toEqual([]);
    expect(f.replies()[0]).toEqual({
      type: 'reply',
      id: 'p',
      command: 'play',
      ok: true,
      result: { deferred: true },
    });
    f.visible(true);
    expect(w.calls).toEqual(['play']);
  });

  it('leaves a computation without a position running when hidden (the toy: pause cancels it)', () => {
    const w = fakeWidget();
    delete w.c.seek;
    const f = fakeFrame();
    startHostBridge(w.c, { ...OPEN, autoplay: true }, f.env);
    f.visible(false);
    f.send({ type: 'play', id: 1 });
    f.visible(true);
    expect(w.calls).toEqual(['play']);
    expect(f.replies()[0]).toMatchObject({ ok: true, result: null });
  });

  it('stops listening and forwarding when stopped', () => {
    const w = fakeWidget();
    const f = fakeFrame();
    const stop = startHostBridge(w.c, OPEN, f.env);
    stop();
    f.send({ type: 'play' });
    w.emit({ type: 'done' });
    expect(w.calls).toEqual([]);
    expect(f.posted.length).toBe(1);
  });
});
