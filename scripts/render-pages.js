#!/usr/bin/env node
/**
 * Renders the demo reports' first pages as PNG images, for people to look at:
 * demo → .docx → PDF (LibreOffice) → PNG (pdftoppm). Needs soffice and pdftoppm
 * (Debian: libreoffice-writer-nogui, poppler-utils).
 *
 *   npm run render-pages [-- --out <dir>] [--pages N] [--dpi D]
 *
 * Writes <dir>/<report>-<page>.png (default test-output/pages, first 4 pages, 80 dpi).
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error && r.error.code === 'ENOENT') {
    console.error(`${cmd} saknas. Installera libreoffice-writer-nogui och poppler-utils.`);
    process.exit(2);
  }
  if (r.status !== 0) {
    console.error(`${cmd} misslyckades:\n${r.stdout}\n${r.stderr}`);
    process.exit(1);
  }
  return r.stdout;
}

const out = path.resolve(arg('out', path.join(__dirname, '..', 'test-output', 'pages')));
const pages = Number(arg('pages', '4'));
const dpi = Number(arg('dpi', '80'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'planrapport-pages-'));
fs.mkdirSync(out, { recursive: true });

run(process.execPath, [path.join(__dirname, '..', 'bin', 'planrapport.js'), 'demo', '--out', work]);
const reports = fs.readdirSync(work).filter((f) => f.endsWith('.docx'));
const profile = `-env:UserInstallation=file://${path.join(work, 'lo-profile')}`;
run('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', work, ...reports.map((f) => path.join(work, f))]);
for (const report of reports) {
  const stem = report.replace(/\.docx$/, '');
  run('pdftoppm', ['-r', String(dpi), '-png', '-f', '1', '-l', String(pages), path.join(work, `${stem}.pdf`), path.join(out, stem)]);
}
const written = fs
  .readdirSync(out)
  .filter((f) => f.endsWith('.png'))
  .sort();
console.log(`${written.length} sidor i ${out}:`);
for (const f of written) console.log(`  ${f}`);
fs.rmSync(work, { recursive: true, force: true });
