#!/usr/bin/env node
/**
 * The task pane's load cost: every script and style the production build emits, raw and
 * gzipped, the initial payload (what taskpane.html itself loads: its scripts and styles) summed
 * and held to a budget, and a check that no docx code is in it (the generator loads on demand).
 *
 *   npm run payload                  builds dist/ when it is missing or older than the sources
 *   node scripts/payload.js --dist d measures another build folder (built there when needed)
 *   node scripts/payload.js --build  builds first in any case
 *
 * Exits 1 when the initial payload is above the budget or contains docx code. The slow test
 * test/payload.slow.test.ts runs the same measurement.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');

/** Budget of the initial payload, gzipped: Microsoft's one-button React add-in template is 167 KB. */
const BUDGET_BYTES = 170 * 1024;

/** Text only docx's code carries (its WordprocessingML namespace): its presence means the generator is in a chunk. */
const DOCX_MARKER = 'schemas.openxmlformats.org/wordprocessingml/2006/main';

/** What the build is made from: a build older than any of these is rebuilt. */
const SOURCES = ['src', 'webpack.config.js', 'package-lock.json', 'tsconfig.json', 'manifest.xml', 'assets'];

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** Whether `dist` holds a production build at least as new as the sources. */
function isFresh(dist) {
  const html = path.join(dist, 'taskpane.html');
  if (!fs.existsSync(html)) return false;
  // a development build (npm run build:dev, also into dist) has no content hashes and is not measured
  if (!/taskpane\.[0-9a-f]{8}\.js/.test(fs.readFileSync(html, 'utf8'))) return false;
  const built = fs.statSync(html).mtimeMs;
  return SOURCES.every((s) => newestMtime(path.join(ROOT, s)) <= built);
}

/** A production build into `dist` (webpack alone: the CLI's build is not part of the pane). */
function build(dist) {
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  execFileSync(process.execPath, [cli, '--mode', 'production', '--output-path', dist, '--stats', 'errors-warnings'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/** Builds `dist` when it is missing or stale (or always with `force`); returns whether it built. */
function ensureBuilt(dist, force = false) {
  if (!force && isFresh(dist)) return false;
  build(dist);
  return true;
}

function gzipSize(bytes) {
  return zlib.gzipSync(bytes).length; // the default level, as web servers compress on the fly
}

/** The scripts and styles taskpane.html loads itself (not office.js from Microsoft's CDN). */
function initialFiles(dist) {
  const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi),
    ...html.matchAll(/<link\b[^>]*\brel=["']?stylesheet["']?[^>]*\bhref=["']?([^"' >]+)/gi),
  ];
  return refs.map((m) => m[1]).filter((src) => !/^(https?:)?\/\//.test(src));
}

/**
 * Every .js and .css asset of the build: name, raw and gzipped bytes, whether taskpane.html
 * loads it, whether it holds docx code; and the initial payload's sum against the budget.
 */
function measure(dist, budget = BUDGET_BYTES) {
  const initial = new Set(initialFiles(dist));
  const assets = fs
    .readdirSync(dist)
    .filter((f) => /\.(js|css)$/.test(f))
    .map((file) => {
      const bytes = fs.readFileSync(path.join(dist, file));
      return {
        file,
        /** The chunk's name: the file name without its content hash. */
        chunk: file.replace(/\.[0-9a-f]{8}(?=\.(js|css)$)/, ''),
        bytes: bytes.length,
        gzip: gzipSize(bytes),
        initial: initial.has(file),
        docx: bytes.includes(DOCX_MARKER),
      };
    })
    .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);
  const missing = [...initial].filter((f) => !assets.some((a) => a.file === f));
  const initialGzip = assets.filter((a) => a.initial).reduce((n, a) => n + a.gzip, 0);
  const problems = [];
  if (missing.length) problems.push(`taskpane.html hänvisar till filer som saknas: ${missing.join(', ')}`);
  if (initialGzip > budget) problems.push(`den första laddningen är ${kb(initialGzip)} gzip, över budgeten ${kb(budget)}`);
  for (const a of assets.filter((x) => x.initial && x.docx)) problems.push(`${a.file} laddas direkt men innehåller docx-kod`);
  return { assets, initialGzip, budget, problems };
}

function kb(n) {
  return `${(n / 1024).toFixed(1)} KB`;
}

function report({ assets, initialGzip, budget, problems }) {
  const rows = assets.map((a) => [a.initial ? 'första' : 'vid behov', a.chunk + (a.docx ? ' (docx)' : ''), kb(a.bytes), kb(a.gzip)]);
  const header = ['laddas', 'del', 'storlek', 'gzip'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i >= 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  const out = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  const total = assets.reduce((n, a) => n + a.gzip, 0);
  out.push('');
  out.push(`Första laddningen (taskpane.html: skript och stilar): ${kb(initialGzip)} gzip av budgeten ${kb(budget)}.`);
  out.push(`Allt som kan laddas: ${kb(total)} gzip.`);
  for (const p of problems) out.push(`FEL: ${p}`);
  return out.join('\n');
}

function main(argv) {
  const at = argv.indexOf('--dist');
  const dist = path.resolve(ROOT, at >= 0 ? argv[at + 1] : 'dist');
  const built = ensureBuilt(dist, argv.includes('--build'));
  if (!built) console.log(`Mäter ${path.relative(ROOT, dist) || dist} (bygget är nyare än källkoden).`);
  const result = measure(dist);
  console.log(report(result));
  return result.problems.length ? 1 : 0;
}

module.exports = { BUDGET_BYTES, DOCX_MARKER, ensureBuilt, isFresh, measure, report };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
