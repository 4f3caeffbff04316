/**
 * The embed page's side of `postMessage` (docs/EMBED.md): a host page (a slide deck) drives the
 * mounted widget with commands and hears its events. Only the frame's parent is listened to.
 *
 * Origins: with `allowedOrigins`, commands from any other origin are dropped unanswered and
 * events go only to those origins, each as an exact `targetOrigin`. Without it, the parent may
 * command (a command does no more than the link's own keys do, and the parent chose the link)
 * and events go to the parent's origin when the browser says it (`location.ancestorOrigins`, or
 * the referrer), else to '*': every event is link data the framing page already holds.
 */
import {
  isOutgoing,
  parseCommand,
  plainParams,
  type EmbedCommand,
  type MessageId,
  type Reply,
} from '../../io/embedMessages';
import { echo } from '../../io/queryParams';
import type { EmbedOptions, WidgetController, WidgetEvent } from './controller';

interface Poster {
  postMessage(message: unknown, targetOrigin: string): void;
}

/** What the bridge needs from the browser; `browserEnv` is the real one, tests pass fakes. */
export interface BridgeEnv {
  /** The framing window; null for a page opened on its own (no bridge then). */
  parent: Poster | null;
  /** The parent's exact origin when the browser tells it, else null. */
  parentOrigin: string | null;
  /** Calls `on` for every message to this window; returns the unsubscribe. */
  listen(on: (data: unknown, origin: string, source: unknown) => void): () => void;
  /** Calls `on` with whether the widget can be seen (page shown and frame on screen). */
  watchVisible(on: (visible: boolean) => void): () => void;
  /** Calls `on` with the content's height in CSS pixels, whenever the layout changes. */
  watchHeight(on: (height: number) => void): () => void;
}

/** An origin a message can be addressed to: an opaque one ('null') only as '*'. */
const target = (origin: string | null): string | null =>
  origin === null || origin === '' ? null : origin === 'null' ? '*' : origin;

/** The framing page's origin as the browser states it: ancestorOrigins, else the referrer. */
function framingOrigin(): string | null {
  const ancestors = window.location.ancestorOrigins;
  if (ancestors && ancestors.length > 0) return ancestors[0];
  try {
    return document.referrer ? new URL(document.referrer).origin : null;
  } catch {
    return null;
  }
}

/** The real browser, measuring `root` (the widget's content). */
export function browserEnv(root: Element): BridgeEnv {
  const framed = window.parent !== window;
  return {
    parent: framed ? window.parent : null,
    parentOrigin: framed ? framingOrigin() : null,
    listen(on) {
      const handler = (e: MessageEvent) => on(e.data, e.origin, e.source);
      window.addEventListener('message', handler);
      return () => window.removeEventListener('message', handler);
    },
    watchVisible(on) {
      // A frame inside a display: none slide has a 0 × 0 viewport, known at once; the observer's
      // first report can wait a long time there, since such a frame does not render.
      const sized = () => window.innerWidth > 0 && window.innerHeight > 0;
      let onScreen = true;
      const report = () => on(onScreen && sized() && document.visibilityState !== 'hidden');
      document.addEventListener('visibilitychange', report);
      window.addEventListener('resize', report);
      // In a frame, the implicit root is the top page's viewport: a frame scrolled (or slid) out
      // of the host's view stops intersecting.
      const io =
        typeof IntersectionObserver === 'function'
          ? new IntersectionObserver((entries) => {
              onScreen = entries[entries.length - 1].isIntersecting;
              report();
            })
          : null;
      io?.observe(root);
      report();
      return () => {
        document.removeEventListener('visibilitychange', report);
        window.removeEventListener('resize', report);
        io?.disconnect();
      };
    },
    watchHeight(on) {
      if (typeof ResizeObserver !== 'function') return () => {};
      const ro = new ResizeObserver(() =>
        on(Math.ceil(root.getBoundingClientRect().bottom + window.scrollY)),
      );
      ro.observe(root);
      return () => ro.disconnect();
    },
  };
}

/** A widget event as a fresh plain object (what the widget handed over may hold anything). */
export function eventMessage(e: WidgetEvent): Record<string, unknown> {
  switch (e.type) {
    case 'state':
      return { type: 'state', params: plainParams(e.params) };
    case 'step':
      return { type: 'step', step: Number(e.step), steps: Number(e.steps) };
    case 'diverged':
      return { type: 'diverged', racer: String(e.racer), step: Number(e.step) };
    case 'done':
      return { type: 'done' };
  }
}

class CommandError extends Error {}

/**
 * Starts answering the parent's commands and posting the widget's events (`ready` at once);
 * returns the function that stops it. Call it once the widget is mounted.
 */
export function startHostBridge(
  controller: WidgetController,
  options: Pick<EmbedOptions, 'allowedOrigins' | 'autoplay' | 'loop'>,
  env: BridgeEnv = browserEnv(document.getElementById('root') ?? document.body),
): () => void {
  const parent = env.parent;
  if (!parent) return () => {};
  const allowed = options.allowedOrigins;
  const restricted = allowed.length > 0;
  let parentOrigin = env.parentOrigin;

  /**
   * Where events go. Restricted: the allowed origins, but only the parent's own where the browser
   * names it (posting to the others would only log a mismatch in the widget's console).
   */
  const eventTargets = (): string[] => {
    if (!restricted) return [target(parentOrigin) ?? '*'];
    if (parentOrigin === null) return [...allowed];
    return allowed.includes(parentOrigin) ? [parentOrigin] : [];
  };
  const post = (message: Record<string, unknown>) => {
    for (const t of eventTargets()) parent.postMessage(message, t);
  };

  // Playback: the bridge pauses a widget nobody can see and resumes it only if it was playing.
  // Only playback with a position (seek): there pause and play lose nothing, while the toy's
  // pause cancels a training that play would start over.
  const resumable = !!(controller.play && controller.pause && controller.seek);
  let visible = true;
  let resumeOnShow = false;
  let believedPlaying = options.autoplay;
  const playing = () => (controller.isPlaying ? controller.isPlaying() : believedPlaying);
  const setVisible = (v: boolean) => {
    if (v === visible) return;
    visible = v;
    if (!v) {
      if (resumable && playing()) {
        controller.pause!();
        believedPlaying = false;
        resumeOnShow = true;
      }
    } else if (resumeOnShow) {
      resumeOnShow = false;
      controller.play?.();
      believedPlaying = true;
    }
  };

  const need = <K extends 'play' | 'pause' | 'step' | 'reset' | 'seek'>(name: K) => {
    const f = controller[name];
    if (!f)
      throw new CommandError(
        `Unsupported command '${name}': the '${controller.widget}' widget has no ${name === 'seek' || name === 'step' ? 'steps' : 'playback'}`,
      );
    return f.bind(controller) as NonNullable<WidgetController[K]>;
  };

  /** Runs one checked command; returns its result, or throws a CommandError. */
  const execute = (c: EmbedCommand): unknown => {
    switch (c.type) {
      case 'play': {
        const play = need('play');
        if (!visible && resumable) {
          // Played once the widget is seen: a deck may start a widget on a slide not yet shown.
          resumeOnShow = true;
          return { deferred: true };
        }
        play();
        believedPlaying = true;
        return null;
      }
      case 'pause':
        need('pause')();
        resumeOnShow = false;
        believedPlaying = false;
        return null;
      case 'step':
        need('step')(c.n);
        return null;
      case 'reset':
        need('reset')();
        return null;
      case 'seek':
        need('seek')(c.step);
        return null;
      case 'set': {
        const refused = controller.set(c.params);
        if (refused.length > 0) throw new CommandError(refused.map((r) => echo(r, 200)).join('; '));
        return { params: plainParams(controller.get()) };
      }
      case 'get':
        return { params: plainParams(controller.get(c.keys)) };
    }
  };

  const reply = (to: string, r: Omit<Reply, 'type'>) => {
    const t = target(to) ?? '*';
    parent.postMessage({ type: 'reply', ...r }, t);
  };

  const onMessage = (data: unknown, origin: string, source: unknown) => {
    if (source !== parent) return;
    if (restricted && !allowed.includes(origin)) return;
    // Other libraries' messages (reveal.js posts strings) and the widget's own, echoed back.
    if (typeof data !== 'object' || data === null || isOutgoing(data)) return;
    if (!restricted && origin !== 'null') parentOrigin = origin;
    const parsed = parseCommand(data);
    const id: MessageId = parsed.id;
    if ('error' in parsed) {
      reply(origin, { id, command: parsed.type ?? null, ok: false, error: parsed.error });
      return;
    }
    const command = parsed.command.type;
    try {
      reply(origin, { id, command, ok: true, result: execute(parsed.command) });
    } catch (e) {
      const error =
        e instanceof CommandError
          ? e.message
          : `'${command}' failed: ${echo(e instanceof Error ? e.message : String(e), 200)}`;
      reply(origin, { id, command, ok: false, error });
    }
  };

  post({ type: 'ready', widget: controller.widget, params: plainParams(controller.get()) });
  let lastHeight = -1;
  const stops = [
    env.listen(onMessage),
    controller.subscribe((e) => {
      if (e.type === 'done' && !options.loop) believedPlaying = false;
      post(eventMessage(e));
    }),
    env.watchVisible(setVisible),
    env.watchHeight((h) => {
      if (h === lastHeight) return;
      lastHeight = h;
      post({ type: 'resize', height: h });
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
