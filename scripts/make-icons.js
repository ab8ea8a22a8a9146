#!/usr/bin/env node
/*
 * Ritar tilläggets ikoner (assets/icon-*.png, assets/logo-filled.png) utan externa
 * beroenden: en liten rasteriserare med 4×4 översampling och en PNG-kodare
 * (zlib deflate + CRC32) ur nodes inbyggda moduler.
 *
 * Motiv: ett vitt dokumentblad med textrader och ett litet stapeldiagram
 * (grönt/blått) på en Stockholmsblå kvadrat med rundade hörn.
 *
 *   node scripts/make-icons.js          # skriver till assets/
 *   node scripts/make-icons.js utkatalog
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

// ---------------------------------------------------------------- PNG-kodare

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Kodar RGBA-pixlar (Uint8Array, 4 byte per pixel) som PNG (färgtyp 6, 8 bitar). */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bitdjup
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0; // komprimering
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // ingen interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filtertyp None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------- former

function hex(color) {
  const n = parseInt(color.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

const rect = (x0, y0, x1, y1, color) => ({
  color: hex(color),
  hit: (x, y) => x >= x0 && x < x1 && y >= y0 && y < y1,
});

const roundRect = (x0, y0, x1, y1, r, color) => ({
  color: hex(color),
  hit: (x, y) => {
    if (x < x0 || x >= x1 || y < y0 || y >= y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  },
});

/** Konvex polygon, hörnen medurs i bildkoordinater (y nedåt). */
const polygon = (points, color) => ({
  color: hex(color),
  hit: (x, y) => {
    for (let i = 0; i < points.length; i++) {
      const [ax, ay] = points[i];
      const [bx, by] = points[(i + 1) % points.length];
      if ((bx - ax) * (y - ay) - (by - ay) * (x - ax) < 0) return false;
    }
    return true;
  },
});

// ---------------------------------------------------------------- motiv

const PALETTE = {
  background: '#1e5aa0', // Stockholmsblå
  sheet: '#ffffff',
  fold: '#b9cce6',
  text: '#8fa6c4',
  barGreen: '#2e9e4f',
  barBlue: '#1e5aa0',
  barLight: '#4b9be0',
};

/**
 * Motivet i pixelkoordinater för en given storlek. Rektanglarnas kanter läggs på
 * hela pixlar så att ikonen blir skarp även i 16 px; bara rundade hörn och det
 * vikta hörnet kantutjämnas. 16 px har en egen handritad layout.
 */
function shapes(size) {
  return size <= 20 ? shapes16(size) : shapesScaled(size);
}

function sheetWithFold(x0, y0, x1, y1, fold) {
  return [
    polygon(
      [
        [x0, y0],
        [x1 - fold, y0],
        [x1, y0 + fold],
        [x1, y1],
        [x0, y1],
      ],
      PALETTE.sheet,
    ),
    polygon(
      [
        [x1 - fold, y0],
        [x1, y0 + fold],
        [x1 - fold, y0 + fold],
      ],
      PALETTE.fold,
    ),
  ];
}

function bars(x0, x1, baseY, chartH, barGap) {
  const colors = [PALETTE.barLight, PALETTE.barBlue, PALETTE.barGreen];
  const fractions = [0.45, 0.72, 1];
  const barW = Math.floor((x1 - x0 - 2 * barGap) / 3);
  return fractions.map((f, i) => {
    const bx = x0 + i * (barW + barGap);
    return rect(bx, baseY - Math.max(1, Math.round(chartH * f)), bx + barW, baseY, colors[i]);
  });
}

/** 16 px: blad 12×12, två textrader, tre staplar 2 px breda. */
function shapes16(size) {
  const o = Math.floor((size - 16) / 2);
  return [
    roundRect(0, 0, size, size, 2.6, PALETTE.background),
    ...sheetWithFold(o + 2, o + 2, o + 14, o + 14, 3),
    rect(o + 4, o + 4, o + 9, o + 5, PALETTE.text),
    rect(o + 4, o + 6, o + 12, o + 7, PALETTE.text),
    ...bars(o + 4, o + 12, o + 13, 5, 1),
  ];
}

function shapesScaled(size) {
  const p = (u) => Math.round(u * size);
  const out = [roundRect(0, 0, size, size, size * 0.18, PALETTE.background)];
  // Dokumentblad med vikt hörn uppe till höger
  const sx0 = p(0.19);
  const sx1 = size - sx0;
  const sy0 = p(0.12);
  const sy1 = size - sy0;
  const sheetH = sy1 - sy0;
  const fold = p(0.18);
  out.push(...sheetWithFold(sx0, sy0, sx1, sy1, fold));
  // Textrader (två i 32 px, annars tre)
  const inset = Math.max(3, p(0.09));
  const lx0 = sx0 + inset;
  const lx1 = sx1 - inset;
  const lineH = Math.max(2, Math.round(sheetH * 0.05));
  const pitch = lineH + Math.max(2, Math.round(sheetH * 0.07));
  const lines = size <= 40 ? [0.55, 1] : [0.55, 1, 0.8];
  // Första (korta) raden går vänster om vikningen, den andra ligger under den.
  let ly = Math.max(sy0 + Math.round(sheetH * 0.15), sy0 + fold + Math.max(2, p(0.03)) - pitch);
  for (const frac of lines) {
    out.push(rect(lx0, ly, lx0 + Math.round((lx1 - lx0) * frac), ly + lineH, PALETTE.text));
    ly += pitch;
  }
  // Stapeldiagram i nedre delen av bladet
  const baseY = sy1 - Math.round(sheetH * 0.1);
  const chartTop = ly - pitch + lineH + Math.max(2, Math.round(sheetH * 0.08));
  out.push(...bars(lx0, lx1, baseY, baseY - chartTop, Math.max(1, Math.round(size * 0.04))));
  return out;
}

// ---------------------------------------------------------------- rastrering

function render(size) {
  const list = shapes(size);
  const ss = 4;
  const out = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const px = x + (sx + 0.5) / ss;
          const py = y + (sy + 0.5) / ss;
          let color = null;
          for (const s of list) if (s.hit(px, py)) color = s.color;
          if (color) {
            r += color[0];
            g += color[1];
            b += color[2];
            a += 1;
          }
        }
      }
      const i = (y * size + x) * 4;
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
        out[i + 3] = Math.round((255 * a) / (ss * ss));
      }
    }
  }
  return out;
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, '..', 'assets'));
  fs.mkdirSync(outDir, { recursive: true });
  // Knappen i menyfliksområdet: 16, 32 och 80 px krävs, 20, 24, 40, 48 och 64 px stöds (för
  // skärmskalning 100–250 %); tilläggets ikon (IconUrl, HighResolutionIconUrl): 32 och 64 px;
  // 128 px för en katalog- eller administrationslistning.
  const targets = [...[16, 20, 24, 32, 40, 48, 64, 80, 128].map((size) => [`icon-${size}.png`, size]), ['logo-filled.png', 256]];
  for (const [name, size] of targets) {
    const png = encodePng(size, size, render(size));
    fs.writeFileSync(path.join(outDir, name), png);
    console.log(`Skrev ${path.relative(process.cwd(), path.join(outDir, name))} (${size}×${size}, ${png.length} byte)`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, crc32, render };
