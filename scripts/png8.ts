/**
 * Shrinks a screenshot to a 256-colour palette PNG, with nothing but node:zlib (no image tool is
 * assumed on the machine): decode the 8-bit RGB(A) PNG Chromium writes, pick the 256 most
 * common colours at 5 bits a channel (a UI is mostly flat colours; the contour bands are few),
 * map every pixel to its nearest palette colour and write colour type 3 (the chunk framing is
 * src/cli/png.ts's). Screenshots of the
 * race drop to about half their size, under the README's 200 KB a picture.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { PNG_SIGNATURE as SIGNATURE, pngChunk as chunk, pngHeader } from '../src/cli/png';

interface Image {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel. */
  rgba: Uint8Array;
}

function chunks(png: Buffer): { type: string; data: Buffer }[] {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  const out: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < png.length;) {
    const len = png.readUInt32BE(at);
    out.push({
      type: png.toString('latin1', at + 4, at + 8),
      data: png.subarray(at + 8, at + 8 + len),
    });
    at += 12 + len;
  }
  return out;
}

const paeth = (a: number, b: number, c: number) => {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

/** An 8-bit, non-interlaced RGB or RGBA PNG (what Chromium's screenshots are) → RGBA pixels. */
export function decodePng(png: Buffer): Image {
  const all = chunks(png);
  const ihdr = all.find((c) => c.type === 'IHDR')!.data;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const [depth, colorType, , , interlace] = ihdr.subarray(8, 13);
  if (depth !== 8 || (colorType !== 2 && colorType !== 6) || interlace !== 0)
    throw new Error(
      `unsupported PNG (depth ${depth}, colour type ${colorType}, interlace ${interlace})`,
    );
  const bpp = colorType === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(all.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const stride = width * bpp;
  const cur = new Uint8Array(stride);
  let prev = new Uint8Array(stride);
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? cur[i - bpp] : 0;
      const b = prev[i];
      const c = i >= bpp ? prev[i - bpp] : 0;
      const pred =
        f === 1 ? a : f === 2 ? b : f === 3 ? (a + b) >> 1 : f === 4 ? paeth(a, b, c) : 0;
      cur[i] = (line[i] + pred) & 255;
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      rgba[o] = cur[x * bpp];
      rgba[o + 1] = cur[x * bpp + 1];
      rgba[o + 2] = cur[x * bpp + 2];
      rgba[o + 3] = bpp === 4 ? cur[x * bpp + 3] : 255;
    }
    prev = Uint8Array.from(cur);
  }
  return { width, height, rgba };
}

const bin = (r: number, g: number, b: number) => ((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3);

/** The 256 most common colours (5 bits a channel, each the mean of its pixels), alpha dropped. */
function palette(img: Image): Uint8Array {
  const n = new Float64Array(32768);
  const sum = new Float64Array(32768 * 3);
  for (let o = 0; o < img.rgba.length; o += 4) {
    const k = bin(img.rgba[o], img.rgba[o + 1], img.rgba[o + 2]);
    n[k]++;
    sum[3 * k] += img.rgba[o];
    sum[3 * k + 1] += img.rgba[o + 1];
    sum[3 * k + 2] += img.rgba[o + 2];
  }
  const top = [...n.keys()]
    .filter((k) => n[k] > 0)
    .sort((a, b) => n[b] - n[a])
    .slice(0, 256);
  const pal = new Uint8Array(top.length * 3);
  top.forEach((k, i) => {
    for (let c = 0; c < 3; c++) pal[3 * i + c] = Math.round(sum[3 * k + c] / n[k]);
  });
  return pal;
}

/** The image as a palette PNG of its 256 most common colours, each pixel at its nearest one. */
export function toPng8(img: Image): Buffer {
  const pal = palette(img);
  const size = pal.length / 3;
  const nearest = new Map<number, number>();
  const index = (r: number, g: number, b: number) => {
    const key = (r << 16) | (g << 8) | b;
    let best = nearest.get(key);
    if (best === undefined) {
      let bestD = Infinity;
      for (let i = 0; i < size; i++) {
        const d = (pal[3 * i] - r) ** 2 + (pal[3 * i + 1] - g) ** 2 + (pal[3 * i + 2] - b) ** 2;
        if (d < bestD) [bestD, best] = [d, i];
      }
      nearest.set(key, best!);
    }
    return best!;
  };
  const raw = Buffer.alloc(img.height * (img.width + 1));
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      const o = (y * img.width + x) * 4;
      raw[y * (img.width + 1) + 1 + x] = index(img.rgba[o], img.rgba[o + 1], img.rgba[o + 2]);
    }
  return Buffer.concat([
    SIGNATURE,
    pngHeader(img.width, img.height, 3),
    chunk('PLTE', Buffer.from(pal)),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
