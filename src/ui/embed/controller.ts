/**
 * The contract between a mounted widget and the host bridge (`hostBridge.ts`, docs/EMBED.md):
 * what a host page's `postMessage` commands do to the widget, and what it reports back. Settings
 * travel as link keys in the widget's page's own URL vocabulary, so a slide speaks the same
 * language as a link.
 */
export type WidgetEvent =
  /** After any change of the widget's settings: all of them, as link keys. */
  | { type: 'state'; params: Record<string, string> }
  /** The shown step moved (playing, seeking, stepping). */
  | { type: 'step'; step: number; steps: number }
  /** A run stopped at a non-finite value. */
  | { type: 'diverged'; racer: string; step: number }
  /** Playback reached the last step, or a computation finished. */
  | { type: 'done' };

export interface WidgetController {
  /** The widget kind or lesson figure it shows. */
  readonly widget: string;
  /**
   * Commands a widget cannot do are absent (the landscape has no playback), and the bridge
   * answers them with an error that names the command.
   */
  play?(): void;
  pause?(): void;
  /**
   * Whether it is playing now: the bridge pauses a hidden or off-screen widget and resumes it
   * only if this said true. Absent with `play`: the bridge knows only its own commands.
   */
  isPlaying?(): boolean;
  /** Moves the shown step by `n` (default 1). */
  step?(n?: number): void;
  reset?(): void;
  seek?(step: number): void;
  /** Applies link keys; returns a message per key or value it refused (naming it), else []. */
  set(params: Readonly<Record<string, string>>): string[];
  /** The widget's settings as link keys: all, or only those named. */
  get(keys?: readonly string[]): Record<string, string>;
  subscribe(listener: (e: WidgetEvent) => void): () => void;
}

/** The embed page's own link keys (`embedParams.ts` parses them; docs/EMBED.md lists them). */
export interface EmbedOptions {
  /** A widget kind of `widgets.ts`, or a lesson figure's id. */
  widget: string;
  /** none: the figure alone; compact: the few controls the widget names; full: all of its page's. */
  controls: 'none' | 'compact' | 'full';
  /** Controls hidden by `<control>_hide=1` (TensorFlow Playground's flags), by control name. */
  hidden: ReadonlySet<string>;
  autoplay: boolean;
  loop: boolean;
  theme: 'light' | 'dark';
  large: boolean;
  /** Exact origins that may command the widget and receive its events; empty: see EMBED.md. */
  allowedOrigins: readonly string[];
}
