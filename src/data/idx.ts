/**
 * The IDX format of (Fashion-)MNIST: a 4-byte magic (0, 0, type code, number of dimensions),
 * one big-endian uint32 per dimension, then the row-major data. Only unsigned bytes (0x08) are
 * supported, which is what MNIST-style files hold. Takes bytes (already gunzipped); does no I/O.
 */
export interface IdxArray {
  shape: number[];
  data: Uint8Array;
}

export function parseIdx(bytes: Uint8Array, what = 'IDX file'): IdxArray {
  if (bytes.length < 4)
    throw new Error(`${what}: ${bytes.length} bytes is too short for an IDX header`);
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    const gz =
      bytes[0] === 0x1f && bytes[1] === 0x8b ? ' (it is gzip-compressed: gunzip it first)' : '';
    throw new Error(`${what}: bad magic number, not an IDX file${gz}`);
  }
  if (bytes[2] !== 0x08)
    throw new Error(
      `${what}: element type 0x${bytes[2].toString(16)} unsupported (only 0x08 unsigned bytes)`,
    );
  const dims = bytes[3];
  const header = 4 + 4 * dims;
  if (dims === 0 || bytes.length < header)
    throw new Error(`${what}: header declares ${dims} dimensions but is truncated`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shape = Array.from({ length: dims }, (_, i) => view.getUint32(4 + 4 * i, false));
  const size = shape.reduce((a, b) => a * b, 1);
  if (bytes.length - header !== size) {
    throw new Error(
      `${what}: shape [${shape}] needs ${size} data bytes but the file has ${bytes.length - header}`,
    );
  }
  return { shape, data: bytes.subarray(header) };
}

/**
 * k×k average pooling of n single-channel uint8 images (h×w, both divisible by k), rounding
 * half up: out = floor((sum + k²/2) / k²).
 */
export function averagePoolUint8(
  images: Uint8Array,
  n: number,
  h: number,
  w: number,
  k: number,
): Uint8Array {
  if (h % k !== 0 || w % k !== 0)
    throw new Error(`averagePool: ${h}×${w} is not divisible by ${k}`);
  if (images.length !== n * h * w)
    throw new Error(`averagePool: ${images.length} bytes for ${n} images of ${h}×${w}`);
  const oh = h / k;
  const ow = w / k;
  const area = k * k;
  const out = new Uint8Array(n * oh * ow);
  for (let img = 0; img < n; img++) {
    const src = img * h * w;
    const dst = img * oh * ow;
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++) {
        let sum = 0;
        for (let dy = 0; dy < k; dy++) {
          const row = src + (oy * k + dy) * w + ox * k;
          for (let dx = 0; dx < k; dx++) sum += images[row + dx];
        }
        out[dst + oy * ow + ox] = Math.floor((sum + area / 2) / area);
      }
    }
  }
  return out;
}
