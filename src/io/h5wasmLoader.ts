/**
 * The one place that imports h5wasm. Every other module gets the library through
 * `loadH5wasm()` and works on in-memory files: bytes in, bytes out, no host file system.
 *
 * We import the ESM build (`'h5wasm'`, which embeds the wasm binary and uses Emscripten's
 * in-memory FS) in Node, in Vitest and in the browser alike. `'h5wasm/node'` is not used:
 * it maps the FS onto the host disk (NODERAWFS), which a browser does not have.
 * The import is dynamic, so the ~4 MB module is fetched only when a `.h5` file is touched.
 */
import type * as H5 from 'h5wasm';

export type H5wasm = typeof import('h5wasm').default;
export type H5File = H5.File;
export type H5Group = H5.Group;
export type H5Dataset = H5.Dataset;

/** An error raised for a file that cannot be read or written; the message names the problem. */
export class H5FormatError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'H5FormatError';
  }
}

interface MemFS {
  writeFile(path: string, data: Uint8Array): void;
  readFile(path: string): Uint8Array;
  unlink(path: string): void;
  analyzePath(path: string): { exists: boolean };
}

let loading: Promise<{ h5: H5wasm; fs: MemFS }> | null = null;

/**
 * HDF5 prints its error stack (HDF5-DIAG, ~20 lines) to stderr through the function that
 * Emscripten binds to `console.error` when the module is created. We hand it a forwarding
 * wrapper instead, so that while we read a file the stack is captured (its innermost message
 * goes into our error) rather than printed. Outside `captureDiagnostics` it prints as usual.
 */
let captured: string[] | null = null;

/** Loads h5wasm once (later calls share the same promise). */
export function loadH5wasm(): Promise<{ h5: H5wasm; fs: MemFS }> {
  loading ??= (async () => {
    const original = console.error;
    console.error = (...args: unknown[]) => {
      if (captured) captured.push(args.map(String).join(' '));
      else original.apply(console, args);
    };
    let mod: typeof import('h5wasm');
    try {
      mod = await import('h5wasm'); // creates the Emscripten module, which binds console.error now
    } finally {
      console.error = original;
    }
    const h5 = mod.default;
    const module = await h5.ready;
    return { h5, fs: (module as unknown as { FS: MemFS }).FS };
  })().catch((err: unknown) => {
    loading = null; // let a later call try again
    throw new H5FormatError(`could not load the HDF5 library h5wasm (${errText(err)})`, {
      cause: err,
    });
  });
  return loading;
}

/** Runs `fn` with HDF5's diagnostics captured; returns its result and the innermost message. */
function captureDiagnostics<T>(fn: () => T): {
  result?: T;
  error?: unknown;
  diagnostic: string | null;
} {
  const previous = captured;
  const lines: string[] = [];
  captured = lines;
  try {
    return { result: fn(), diagnostic: innermost(lines) };
  } catch (error) {
    return { error, diagnostic: innermost(lines) };
  } finally {
    captured = previous;
  }
}

/** From an HDF5 error stack, the message of its deepest frame ("... in H5F__super_read(): file signature not found"). */
function innermost(lines: string[]): string | null {
  const frames = lines
    .join('\n')
    .split('\n')
    .filter((l) => /^\s*#\d+:/.test(l));
  const last = frames[frames.length - 1];
  if (!last) return null;
  const m = /\(\):\s*(.*)$/.exec(last);
  return (m ? m[1] : last).trim();
}

/** The 8-byte HDF5 superblock signature: \x89 H D F \r \n \x1a \n. */
const SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/** True if `bytes` carries the HDF5 signature at offset 0, 512, 1024, 2048, … (user blocks). */
export function hasHdf5Signature(bytes: Uint8Array): boolean {
  for (let off = 0; off + SIGNATURE.length <= bytes.length; off = off === 0 ? 512 : off * 2) {
    if (SIGNATURE.every((b, i) => bytes[off + i] === b)) return true;
  }
  return false;
}

let counter = 0;
function tempName(): string {
  counter += 1;
  return `/lll-${counter}-${Date.now().toString(36)}.h5`;
}

/**
 * Opens `bytes` as a read-only HDF5 file, hands it to `read`, then closes and deletes it.
 * `what` names the file in error messages (e.g. "surface file").
 */
export async function withH5Bytes<T>(
  bytes: Uint8Array,
  what: string,
  read: (file: H5File) => T,
): Promise<T> {
  if (!(bytes instanceof Uint8Array)) {
    throw new H5FormatError(
      `${what}: expected the file's bytes as a Uint8Array, got ${describe(bytes)}`,
    );
  }
  if (bytes.length === 0) throw new H5FormatError(`${what}: the file is empty (0 bytes)`);
  if (!hasHdf5Signature(bytes)) {
    throw new H5FormatError(
      `${what}: not an HDF5 file (no HDF5 signature in ${bytes.length} bytes)`,
    );
  }
  const { h5, fs } = await loadH5wasm();
  const name = tempName();
  let file: H5File | null = null;
  try {
    try {
      fs.writeFile(name, bytes); // into the library's memory, which stops at 2 GB
    } catch (err) {
      throw new H5FormatError(
        `${what}: the file (${bytes.length} bytes) does not fit in the HDF5 library's memory (${errText(err)})`,
        { cause: err },
      );
    }
    const opened = captureDiagnostics(() => new h5.File(name, 'r'));
    if (opened.error !== undefined || !opened.result || opened.result.file_id < 0n) {
      const why =
        opened.diagnostic ??
        (opened.error !== undefined ? errText(opened.error) : 'damaged or truncated?');
      const cut = /truncated file: eof = (\d+),.*stored_eof = (\d+)/.exec(why);
      throw new H5FormatError(
        cut
          ? `${what}: the file is truncated (${cut[1]} bytes of the ${cut[2]} its header declares)`
          : `${what}: HDF5 could not open the file (${why}); damaged or truncated?`,
        { cause: opened.error },
      );
    }
    file = opened.result;
    const f = file;
    const run = captureDiagnostics(() => read(f));
    if (run.error === undefined) return run.result as T;
    if (run.error instanceof H5FormatError) throw run.error;
    const why = run.diagnostic ?? errText(run.error);
    throw new H5FormatError(
      `${what}: HDF5 failed while reading (${why}); damaged or truncated file?`,
      {
        cause: run.error,
      },
    );
  } finally {
    safeClose(file);
    safeUnlink(fs, name);
  }
}

/** Creates an empty in-memory HDF5 file, lets `write` fill it, and returns the file's bytes. */
export async function h5ToBytes(what: string, write: (file: H5File) => void): Promise<Uint8Array> {
  const { h5, fs } = await loadH5wasm();
  const name = tempName();
  let file: H5File | null = null;
  try {
    file = new h5.File(name, 'w');
    try {
      write(file);
    } catch (err) {
      if (err instanceof H5FormatError) throw err;
      throw new H5FormatError(`${what}: HDF5 failed while writing (${errText(err)})`, {
        cause: err,
      });
    }
    file.close();
    file = null;
    // Copy: the FS buffer is reused once the file is unlinked.
    return new Uint8Array(fs.readFile(name));
  } finally {
    safeClose(file);
    safeUnlink(fs, name);
  }
}

function safeClose(file: H5File | null): void {
  try {
    file?.close();
  } catch {
    /* already closed or never opened */
  }
}

function safeUnlink(fs: MemFS, name: string): void {
  try {
    if (fs.analyzePath(name).exists) fs.unlink(name);
  } catch {
    /* nothing to clean up */
  }
}

export function errText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (typeof x === 'object') return (x as object).constructor?.name ?? 'object';
  return typeof x;
}
