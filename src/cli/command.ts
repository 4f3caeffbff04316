import type { CliIo } from './io';

/** One `landscape-lab` subcommand. */
export interface Command {
  name: string;
  summary: string;
  /** Full help text, printed by `landscape-lab NAME --help`. */
  help: string;
  /** Runs with the arguments after the command name; returns the exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}
