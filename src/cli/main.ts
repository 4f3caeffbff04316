import { CliError } from './cliError';
import type { Command } from './command';
import { processIo, type CliIo } from './io';
import { trajectoryCommand } from './commands/trajectory';
import { scheduleCommand } from './commands/schedule';
import { trainCommand } from './commands/train';
import { landscapeCommand } from './commands/landscape';
import { mergeCommand } from './commands/merge';
import { interpolateCommand } from './commands/interpolate';
import { sharpnessCommand } from './commands/sharpness';
import { toyCommand } from './commands/toy';
import { lrFindCommand } from './commands/lrFind';
import { tuneCommand } from './commands/tune';
import { basinMapCommand } from './commands/basinMap';
import { mapCommand } from './commands/map';

/** Every subcommand; a new one is one file and one line here. */
export const COMMANDS: readonly Command[] = [
  trajectoryCommand,
  scheduleCommand,
  trainCommand,
  landscapeCommand,
  interpolateCommand,
  sharpnessCommand,
  toyCommand,
  lrFindCommand,
  tuneCommand,
  basinMapCommand,
  mapCommand,
  mergeCommand,
];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `landscape-lab: optimizer trajectories and loss landscapes from the command line

Usage: landscape-lab COMMAND [options]     (landscape-lab COMMAND --help for details)

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}
`;
}

/** Runs the CLI; returns the exit code. User errors print one message and return 2, never a stack trace. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`landscape-lab: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`landscape-lab ${name}: ${e.message}\n`);
      return e.exitCode;
    }
    io.stderr(`landscape-lab ${name}: internal error: ${(e as Error).message}\n`);
    return 1;
  }
}
