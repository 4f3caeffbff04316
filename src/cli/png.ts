/**
 * PNG writing with nothing but node:zlib (no image package): the chunk framing with its CRC, and
 * an 8-bit RGBA image encoder, plus nearest-neighbour upscaling for pictures of small grids
 * (a 64×64 map is one pixel a cell). `landscape-lab map --png` writes through it; scripts/png8.ts
 * (palette screenshots) shares the framing.
 */
import { deflateSync } from 'node:zlib';

export const PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

export interface RgbaImage {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel, rows top to bottom. */
  rgba: Uint8Array | Uint8ClampedArray;
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** One PNG chunk: length, type, data, CRC of type and data. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

/** The IHDR chunk of an 8-bit, non-interlaced image of `colourType` (2 RGB, 3 palette, 6 RGBA). */
export function pngHeader(width: number, height: number, colourType: 2 | 3 | 6): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, colourType, 0, 0, 0], 8);
  return pngChunk('IHDR', ihdr);
}

/** An RGBA image as a PNG file (colour type 6, filter 0 on every row). */
export function encodePng(img: RgbaImage): Buffer {
  const { width, height, rgba } = img;
  if (rgba.length !== width * height * 4)
    throw new Error(`encodePng: ${rgba.length} bytes for ${width}×${height} RGBA`);
  const stride = width * 4;
  const raw = Buffer.alloc(height * (stride + 1));
  for (let y = 0; y < height; y++)
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return Buffer.concat([
    PNG_SIGNATURE,
    pngHeader(width, height, 6),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The image `k` times larger each way, every pixel a k×k block (no smoothing: cells stay cells). */
export function scaleNearest(img: RgbaImage, k: number): RgbaImage {
  if (k === 1) return img;
  const width = img.width * k,
    height = img.height * k;
  const rgba = new Uint8Array(width * height * 4);
  // Whole pixels as 32-bit words (a copy first where the bytes do not start on a word).
  const bytes = img.rgba.byteOffset % 4 ? img.rgba.slice() : img.rgba;
  const src = new Uint32Array(bytes.buffer, bytes.byteOffset, img.width * img.height);
  const dst = new Uint32Array(rgba.buffer);
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / k) * img.width;
    for (let x = 0; x < width; x++) dst[y * width + x] = src[row + Math.floor(x / k)];
  }
  return { width, height, rgba };
}
