import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { H5FormatError } from '../../io/h5wasmLoader';
import {
  readSurfaceExtras,
  readSurfaceH5,
  writeSurfaceH5,
  type SurfaceExtras,
  type SurfaceGrid,
} from '../../io/surfaceFile';
import { mergeSurfaceExtras, mergeSurfaceGrids } from '../../io/surfaceFileMerge';
import { CliError } from '../cliError';
import type { Command } from '../command';
import { parseFlags } from '../flags';
import { checkOutputs } from '../outputs';

export const MERGE_FLAGS = {
  out: { type: 'string', short: 'o' },
  json: { type: 'string' },
} as const;

export const mergeCommand: Command = {
  name: 'merge',
  summary: "join the shard files of 'landscape --shard i/n' into one surface .h5",
  help: `Usage: landscape-lab merge SHARD.h5 [SHARD.h5 …] --out FILE.h5 [--json FILE]

Reads surface files written by 'landscape-lab landscape --shard i/n' (full-size grids with -1 at
the points a shard did not compute, plus shard_indices) and writes the whole grid, taking every
point from the one shard that computed it. Fails (exit 2) when the shards differ in coordinates,
quantities or dir_file, when two shards computed the same point, or when a point is missing
(the message names example (ix, iy) points). Extra datasets (e.g. the hessian_* of
'landscape --directions hessian') are carried over from the first shard; a warning on stderr
names any that the shards do not all hold with the same value.

  --out FILE.h5   merged surface file (required)
  --json FILE     also write {xcoordinates, ycoordinates, train_loss, train_acc, …} as JSON
Both are checked for writing before the shards are read. No numeric flags, no cap: a merge
reads and writes each point once.`,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, MERGE_FLAGS, 'merge');
    if (values.help) {
      io.stdout(this.help + '\n');
      return 0;
    }
    const out = values.out as string | undefined;
    if (!out) throw new CliError('missing --out FILE.h5');
    if (positionals.length === 0)
      throw new CliError('no shard files given (landscape-lab merge SHARD.h5 … --out FILE.h5)');
    await checkOutputs([
      { flag: 'out', path: out, kind: 'file' },
      { flag: 'json', path: values.json as string | undefined, kind: 'file' },
    ]);
    const parts: SurfaceGrid[] = [];
    const partExtras: SurfaceExtras[] = [];
    for (const file of positionals) {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(file));
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new CliError(
          `cannot read '${file}': ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
        );
      }
      try {
        parts.push(await readSurfaceH5(bytes));
        partExtras.push(await readSurfaceExtras(bytes));
      } catch (e) {
        if (e instanceof H5FormatError) throw new CliError(`${file}: ${e.message}`);
        throw e;
      }
    }
    let merged: SurfaceGrid;
    try {
      merged = mergeSurfaceGrids(parts, { labels: positionals.map((f) => path.basename(f)) });
    } catch (e) {
      if (e instanceof H5FormatError) throw new CliError(e.message);
      throw e;
    }
    const { extras, differing } = mergeSurfaceExtras(partExtras);
    if (differing.length) {
      io.stderr(
        `landscape-lab merge: warning: the shards do not agree on ${differing.join(', ')}; kept the first shard's value\n`,
      );
    }
    try {
      await writeFile(out, await writeSurfaceH5(merged, extras));
      if (values.json) {
        const json: Record<string, unknown> = {
          xcoordinates: Array.from(merged.xcoordinates),
          ycoordinates: merged.ycoordinates ? Array.from(merged.ycoordinates) : null,
          dir_file: merged.meta.dirFile,
        };
        for (const [q, v] of Object.entries(merged.values)) json[q] = Array.from(v as Float64Array);
        await writeFile(values.json as string, JSON.stringify(json) + '\n');
      }
    } catch (e) {
      throw new CliError(`cannot write: ${(e as Error).message}`);
    }
    io.stdout(
      `wrote ${out}: ${parts.length} shard(s), ${merged.values.train_loss.length} points\n`,
    );
    return 0;
  },
};
