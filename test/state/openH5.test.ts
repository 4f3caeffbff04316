/**
 * Opening .h5 files on the landscape page: a bad file after a good one names the bad one and
 * leaves the good one shown (issue 16: it used to fall back to the shipped slice).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openH5, openH5File } from '../../src/state/landscapeRunner';
import { useLandscapeStore } from '../../src/state/landscapeStore';
import { referencePath } from '../referencePath';

const good = () => new Uint8Array(readFileSync(referencePath('sample_surface.h5')));

describe('openH5', () => {
  it('shows a good file, then keeps it shown when a bad file fails, naming the bad file', async () => {
    await openH5('sample_surface.h5', good());
    const shown = useLandscapeStore.getState();
    expect(shown.h5).toMatchObject({
      status: 'ready',
      fileName: 'sample_surface.h5',
      attempt: null,
    });
    expect(shown.showing).toBe('h5');
    const view = shown.h5.view;
    expect(view).not.toBeNull();

    const truncated = good().slice(0, 300);
    await openH5('broken.h5', truncated);
    const after = useLandscapeStore.getState();
    expect(after.h5).toMatchObject({
      status: 'error',
      attempt: 'broken.h5',
      fileName: 'sample_surface.h5',
    });
    expect(after.h5.error).toEqual(expect.any(String));
    expect(after.h5.view).toBe(view);
    expect(after.showing).toBe('h5');

    await openH5('sample_surface.h5', good());
    expect(useLandscapeStore.getState().h5).toMatchObject({ status: 'ready', error: null });
  });
});

describe('openH5File', () => {
  it('refuses a file over the size limit before reading it, keeping the shown file', async () => {
    await openH5('sample_surface.h5', good());
    let read = false;
    await openH5File({
      name: 'huge.h5',
      size: 3 * 2 ** 30,
      arrayBuffer: () => {
        read = true;
        return Promise.reject(new Error('NotReadableError'));
      },
    });
    expect(read).toBe(false);
    const s = useLandscapeStore.getState().h5;
    expect(s).toMatchObject({ status: 'error', attempt: 'huge.h5', fileName: 'sample_surface.h5' });
    expect(s.error).toBe(
      'the file is 3,072 MB, over the limit of 256 MB for a surface file (at most 1,048,576 grid points)',
    );
  });

  it('names a read that fails, and opens a file that reads', async () => {
    await openH5File({
      name: 'gone.h5',
      size: 10,
      arrayBuffer: () => Promise.reject(new Error('the file could not be read')),
    });
    expect(useLandscapeStore.getState().h5).toMatchObject({
      status: 'error',
      attempt: 'gone.h5',
      error: 'the file could not be read',
    });
    const bytes = good();
    await openH5File({
      name: 'sample_surface.h5',
      size: bytes.byteLength,
      arrayBuffer: () => Promise.resolve(bytes.buffer.slice(0) as ArrayBuffer),
    });
    expect(useLandscapeStore.getState().h5).toMatchObject({ status: 'ready', error: null });
  });
});
