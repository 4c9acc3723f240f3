// Small screenshots for the repository: a form's flat colours and antialiased text need few
// colours, so a palette PNG is a fraction of Chromium's true-colour PNG and looks the same.

import { deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) {
    c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc = CRC_TABLE[(crc ^ b) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** Pixels of an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium writes) as RGB bytes. */
export function decode(png) {
  let width;
  let height;
  let channels;
  const data = [];
  for (let pos = SIGNATURE.length; pos < png.length;) {
    const length = png.readUInt32BE(pos);
    const type = png.toString('ascii', pos + 4, pos + 8);
    const body = png.subarray(pos + 8, pos + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      channels = { 2: 3, 6: 4 }[body[9]];
      if (body[8] !== 8 || !channels || body[12] !== 0) {
        throw new Error('only 8-bit RGB(A) PNGs without interlacing are read');
      }
    } else if (type === 'IDAT') {
      data.push(body);
    }
    pos += length + 12;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? row[x - channels] : 0;
      const b = up[x];
      const c = x >= channels ? up[x - channels] : 0;
      let predicted = 0;
      if (filter === 1) predicted = a;
      else if (filter === 2) predicted = b;
      else if (filter === 3) predicted = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      row[x] = (line[x] + predicted) & 0xff;
    }
  }
  const rgb = new Uint32Array(width * height);
  for (let i = 0; i < rgb.length; i++) {
    const p = i * channels;
    rgb[i] = (pixels[p] << 16) | (pixels[p + 1] << 8) | pixels[p + 2];
  }
  return { width, height, rgb };
}

/** An 8-bit palette PNG of the image with its `colours` most frequent colours (others mapped to the nearest). */
export function encodePalette({ width, height, rgb }, colours) {
  const counts = new Map();
  for (const c of rgb) {
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const palette = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, colours).map(([c]) => c);
  const index = new Map(palette.map((c, i) => [c, i]));
  const nearest = (c) => {
    let best = 0;
    let distance = Infinity;
    palette.forEach((p, i) => {
      const dr = (p >> 16) - (c >> 16);
      const dg = ((p >> 8) & 0xff) - ((c >> 8) & 0xff);
      const db = (p & 0xff) - (c & 0xff);
      const d = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
      if (d < distance) {
        [best, distance] = [i, d];
      }
    });
    index.set(c, best);
    return best;
  };
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const c = rgb[y * width + x];
      raw[y * (width + 1) + 1 + x] = index.get(c) ?? nearest(c);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 3;
  const plte = Buffer.alloc(palette.length * 3);
  palette.forEach((c, i) => plte.writeUIntBE(c, i * 3, 3));
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', plte),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The screenshot as a palette PNG with as many colours as fit in `limit` bytes (at least 8). */
export function shrink(png, limit) {
  const image = decode(png);
  let out;
  for (const colours of [256, 64, 32, 16, 8]) {
    out = encodePalette(image, colours);
    if (out.length <= limit) {
      break;
    }
  }
  return out;
}
