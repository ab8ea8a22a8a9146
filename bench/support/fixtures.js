/**
 * The workbooks the benchmark measures, built at bench time in a temp dir:
 *
 * - the demo workbooks, and plans of n × the demo verksamhetsplan and of n indicator rows,
 *   all written the way `demo` writes them: XlsxHost.create() + the template +
 *   writeRecords (buildExampleWorkbook, from lib/), then saved;
 * - a ≥ 100 MB workbook: the demo verksamhetsplan with its strings moved to a shared-string
 *   table (as Excel saves them), a big user sheet "Underlag" of random numbers and texts
 *   (its strings first in the table), and a picture of random pixels (an incompressible
 *   PNG, stored) on that sheet. Its parts are generated as XML directly and zipped here
 *   (much faster than going through a host for a million cells).
 */
'use strict';
const fs = require('node:fs');
const zlib = require('node:zlib');
const crypto = require('node:crypto');
const { buildExampleWorkbook } = require('../../lib/demo/buildWorkbook');
const { EXAMPLES, loadTranscription } = require('../../lib/demo/examples');

const PLAN_FILE = '002-plan.json'; // the demo verksamhetsplan
const INDICATOR_FILE = '001-plan.json'; // the demo tertialrapport: every indicator column filled

/**
 * n copies of the transcription's goal tree with its indicators, activities and texts, each
 * copy with ids (and goal ids they point to) made unique by a suffix; Dokument once.
 */
function scaledPlan(t, factor) {
  const id = (v, c) => (c === 0 || v === undefined || v === null || v === '' ? v : `${v}-x${c + 1}`);
  const tag = (v, c) => (c === 0 || typeof v !== 'string' ? v : `${v} [${c + 1}]`);
  const sheets = {};
  for (const [name, rows] of Object.entries(t.sheets)) {
    if (name === 'Dokument') {
      sheets[name] = rows;
      continue;
    }
    const out = [];
    for (let c = 0; c < factor; c++) {
      for (const r of rows) {
        const x = { ...r };
        if (name === 'Mål') Object.assign(x, { Id: id(r['Id'], c), 'Överordnat id': id(r['Överordnat id'], c), Mål: tag(r['Mål'], c) });
        if ('Mål-id' in r) x['Mål-id'] = id(r['Mål-id'], c);
        if (name === 'Indikatorer') x['Indikator'] = tag(r['Indikator'], c);
        if (name === 'Aktiviteter') x['Aktivitet'] = tag(r['Aktivitet'], c);
        if (name === 'Texter') x['Avsnitt'] = tag(r['Avsnitt'], c);
        out.push(x);
      }
    }
    sheets[name] = out;
  }
  const otherTables = [];
  for (let c = 0; c < factor; c++) for (const tb of t.otherTables) otherTables.push({ ...tb, caption: tag(tb.caption, c) });
  return { ...t, sheets, otherTables };
}

/** The transcription with its Indikatorer replaced by n rows cycling through its own (names made unique). */
function withIndicatorRows(t, n) {
  const base = t.sheets['Indikatorer'];
  const rows = Array.from({ length: n }, (_, i) => {
    const r = base[i % base.length];
    return { ...r, Indikator: `${r['Indikator']} #${i + 1}` };
  });
  return { ...t, sheets: { ...t.sheets, Indikatorer: rows } };
}

function count(t) {
  const n = (s) => (t.sheets[s] ?? []).length;
  return { goals: n('Mål'), indicators: n('Indikatorer'), activities: n('Aktiviteter'), texts: n('Texter') };
}

async function writePlan(t, file) {
  const host = await buildExampleWorkbook(t);
  await host.save(file);
  await host.close();
}

/** What one fixture is: `demo:<slug>`, `plan:<factor>` or `indicators:<n>` (built by writeFixture). */
function transcriptionOf(spec) {
  const [kind, arg] = spec.split(':');
  if (kind === 'demo') return loadTranscription(EXAMPLES.find((e) => e.slug === arg).file);
  if (kind === 'plan') return scaledPlan(loadTranscription(PLAN_FILE), Number(arg));
  if (kind === 'indicators') return withIndicatorRows(loadTranscription(INDICATOR_FILE), Number(arg));
  throw new Error(`unknown fixture ${spec}`);
}

async function writeFixture(spec, file) {
  if (spec.startsWith('big:')) return writeBigWorkbook(file, Number(spec.slice(4)));
  const t = transcriptionOf(spec);
  await writePlan(t, file);
  return { ...count(t), bytes: fs.statSync(file).size };
}

// ---------------------------------------------------------------- the big workbook

/** mulberry32: reproducible random numbers. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const col = (c) => {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** A part ready for the zip: its bytes deflated (or stored), with CRC and sizes. */
function zipEntry(name, data, store = false) {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8');
  return {
    name: Buffer.from(name, 'utf8'),
    body: store ? bytes : zlib.deflateRawSync(bytes, { level: 6 }),
    crc: zlib.crc32(bytes),
    raw: bytes.length,
    method: store ? 0 : 8,
  };
}

/** The size zipParts will write for these entries. */
const zipSize = (entries) => entries.reduce((n, e) => n + 30 + 46 + 2 * e.name.length + e.body.length, 22);

/** A minimal zip writer (no zip64: every part and the file stay < 4 GB). */
function zipParts(file, entries) {
  const fd = fs.openSync(file, 'w');
  let offset = 0;
  const put = (buf) => {
    fs.writeSync(fd, buf);
    offset += buf.length;
  };
  const offsets = [];
  for (const e of entries) {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6);
    h.writeUInt16LE(e.method, 8);
    h.writeUInt16LE(0x21, 12); // 1980-01-01
    h.writeUInt32LE(e.crc, 14);
    h.writeUInt32LE(e.body.length, 18);
    h.writeUInt32LE(e.raw, 22);
    h.writeUInt16LE(e.name.length, 26);
    offsets.push(offset);
    put(h);
    put(e.name);
    put(e.body);
  }
  const start = offset;
  entries.forEach((e, i) => {
    const h = Buffer.alloc(46);
    h.writeUInt32LE(0x02014b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(20, 6);
    h.writeUInt16LE(0x0800, 8);
    h.writeUInt16LE(e.method, 10);
    h.writeUInt16LE(0x21, 14);
    h.writeUInt32LE(e.crc, 16);
    h.writeUInt32LE(e.body.length, 20);
    h.writeUInt32LE(e.raw, 24);
    h.writeUInt16LE(e.name.length, 28);
    h.writeUInt32LE(offsets[i], 42);
    put(h);
    put(e.name);
  });
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(offset - start, 12);
  end.writeUInt32LE(start, 16);
  put(end);
  fs.closeSync(fd);
  return offset;
}

/** A PNG of random RGB pixels, its image data stored (zlib level 0): about `bytes` long, incompressible. */
function randomPng(bytes, width = 4096) {
  const rowBytes = 1 + width * 3;
  const height = Math.max(1, Math.ceil(bytes / rowBytes));
  const raw = crypto.randomBytes(rowBytes * height);
  for (let y = 0; y < height; y++) raw[y * rowBytes] = 0; // filter type None
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { png: Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 0 })), chunk('IEND', Buffer.alloc(0))]), width, height };
}

/** Reads the parts of a (small) zip package into a Map name → Buffer. */
async function readParts(buf) {
  const JSZip = require('jszip');
  const zip = await JSZip.loadAsync(buf);
  const parts = new Map();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) parts.set(name, await zip.files[name].async('nodebuffer'));
  return parts;
}

/**
 * The ≥ `targetMB` MB workbook (see the top of this file). User sheet: 100 000 rows × 10
 * columns (8 random numbers, a category and a unique text, both shared strings).
 */
async function writeBigWorkbook(file, targetMB, rows = 100_000) {
  const host = await buildExampleWorkbook(loadTranscription(PLAN_FILE));
  const parts = await readParts(await host.toBuffer());
  const random = rng(20250101);
  const sst = [];
  const words = ['Lokalhyra', 'Personal', 'Material', 'Tjänster', 'Resor', 'Konsulter', 'Utbildning', 'Livsmedel', 'IT', 'Övrigt'];
  const catIndex = words.map((w) => sst.push(w) - 1);
  const header = ['Datum', 'Konto', 'Ansvar', 'Belopp', 'Moms', 'Antal', 'Pris', 'Andel', 'Kategori', 'Text'].map((h) => sst.push(h) - 1);
  const chunks = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:J' +
      (rows + 1) +
      '"/><sheetData>',
    `<row r="1">${header.map((s, i) => `<c r="${col(i + 1)}1" t="s"><v>${s}</v></c>`).join('')}</row>`,
  ];
  for (let r = 2; r <= rows + 1; r++) {
    let row = `<row r="${r}">`;
    row += `<c r="A${r}"><v>${45658 + Math.floor(random() * 365)}</v></c>`;
    row += `<c r="B${r}"><v>${4000 + Math.floor(random() * 6000)}</v></c>`;
    row += `<c r="C${r}"><v>${Math.floor(random() * 100000)}</v></c>`;
    for (let c = 4; c <= 8; c++) row += `<c r="${col(c)}${r}"><v>${(random() * 1e6 - 2e5).toFixed(2 + (c % 3))}</v></c>`;
    row += `<c r="I${r}" t="s"><v>${catIndex[Math.floor(random() * words.length)]}</v></c>`;
    const text = `Verifikation ${r - 1} ${Math.floor(random() * 1e9).toString(36)} ${words[Math.floor(random() * words.length)].toLowerCase()}`;
    row += `<c r="J${r}" t="s"><v>${sst.push(text) - 1}</v></c></row>`;
    chunks.push(row);
  }
  chunks.push('</sheetData><drawing r:id="rId1"/></worksheet>');
  const dataSheet = Buffer.from(chunks.join(''), 'utf8');
  chunks.length = 0;

  // the plan's inline strings → shared strings after the user sheet's, as Excel would save them
  for (const [name, buf] of parts) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    const xml = buf
      .toString('utf8')
      .replace(/<c\b([^>]*?)\st="inlineStr"([^>]*)><is>([\s\S]*?)<\/is><\/c>/g, (_, a, b, inner) => `<c${a} t="s"${b}><v>${sst.push(inner) - 1}</v></c>`);
    parts.set(name, Buffer.from(xml, 'utf8'));
  }
  // sst entries: plain strings are escaped, inline-string contents (already XML) are kept
  const sstXml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sst.length}" uniqueCount="${sst.length}">` +
    sst.map((s, i) => (i < words.length + header.length + rows ? `<si><t>${esc(s)}</t></si>` : `<si>${s}</si>`)).join('') +
    '</sst>';
  sst.length = 0;

  const text = (n) => parts.get(n).toString('utf8');
  let workbook = text('xl/workbook.xml');
  const maxId = Math.max(...[...workbook.matchAll(/sheetId="(\d+)"/g)].map((m) => Number(m[1])));
  workbook = workbook.replace('<sheets>', `<sheets><sheet name="Underlag" sheetId="${maxId + 1}" r:id="rIdBench1"/>`);
  const rels = text('xl/_rels/workbook.xml.rels').replace(
    '</Relationships>',
    '<Relationship Id="rIdBench1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/underlag.xml"/>' +
      '<Relationship Id="rIdBench2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
  );
  const types = text('[Content_Types].xml').replace(
    '</Types>',
    '<Default Extension="png" ContentType="image/png"/>' +
      '<Override PartName="/xl/worksheets/underlag.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>',
  );
  parts.set('xl/workbook.xml', Buffer.from(workbook));
  parts.set('xl/_rels/workbook.xml.rels', Buffer.from(rels));
  parts.set('[Content_Types].xml', Buffer.from(types));
  parts.set('xl/worksheets/underlag.xml', dataSheet);
  parts.set('xl/sharedStrings.xml', Buffer.from(sstXml, 'utf8'));
  parts.set(
    'xl/worksheets/_rels/underlag.xml.rels',
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>',
    ),
  );
  parts.set(
    'xl/drawings/drawing1.xml',
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<xdr:oneCellAnchor><xdr:from><xdr:col>11</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="2857500" cy="2857500"/>' +
        '<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Bild 1"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>' +
        '<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2857500" cy="2857500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>',
    ),
  );
  parts.set(
    'xl/drawings/_rels/drawing1.xml.rels',
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/image1.png"/></Relationships>',
    ),
  );

  // everything but the picture, deflated, then a picture that brings the file to the target
  const entries = [...parts].map(([name, data]) => zipEntry(name, data));
  parts.clear();
  const target = targetMB * 1024 * 1024;
  const { png, width, height } = randomPng(Math.max(1024, target - zipSize(entries) + 64 * 1024));
  const size = zipParts(file, [...entries, zipEntry('xl/media/image1.png', png, true)]);
  const sheetBytes = dataSheet.length;
  const sstBytes = Buffer.byteLength(sstXml);
  return {
    bytes: size,
    userSheet: { rows, columns: 10, xmlMB: sheetBytes / 2 ** 20 },
    sharedStringsMB: sstBytes / 2 ** 20,
    picture: { width, height, MB: png.length / 2 ** 20 },
  };
}

module.exports = { EXAMPLES, scaledPlan, withIndicatorRows, transcriptionOf, writeFixture, count, PLAN_FILE, INDICATOR_FILE };
