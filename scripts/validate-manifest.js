#!/usr/bin/env node
/*
 * npm run validate – kontrollerar manifest.xml offline med xmllint mot Microsofts
 * XML-scheman för Office-tillägg (test/schemas/office-addin-manifest/).
 *
 *   node scripts/validate-manifest.js [manifest.xml]
 *
 * Slutkod 0 = giltigt, 1 = ogiltigt, 2 = xmllint saknas eller kunde inte köras.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const SCHEMA = path.join(ROOT, 'test', 'schemas', 'office-addin-manifest', 'OfficeAppManifestV1_1.xsd');
const manifest = path.resolve(process.argv[2] || path.join(ROOT, 'manifest.xml'));
const rel = (p) => path.relative(process.cwd(), p) || p;

if (!fs.existsSync(manifest)) {
  console.error(`Hittar inte manifestet ${rel(manifest)}.`);
  process.exit(1);
}
if (!fs.existsSync(SCHEMA)) {
  console.error(`Hittar inte XML-schemat ${rel(SCHEMA)}.`);
  process.exit(2);
}

const res = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, manifest], { encoding: 'utf8' });
if (res.error) {
  if (res.error.code === 'ENOENT') {
    console.error(
      'xmllint saknas – manifestet kan inte valideras offline.\n' +
        '  Debian/Ubuntu: sudo apt-get install libxml2-utils\n' +
        '  macOS:         xmllint ingår i systemet (annars: brew install libxml2)\n' +
        '  Windows:       installera libxml2 (t.ex. via MSYS2 eller Chocolatey) och lägg xmllint i PATH',
    );
  } else {
    console.error(`Kunde inte köra xmllint: ${res.error.message}`);
  }
  process.exit(2);
}

const output = `${res.stderr || ''}${res.stdout || ''}`.trim();
if (res.status === 0) {
  console.log(`✓ ${rel(manifest)} är giltigt enligt ${path.basename(SCHEMA)}.`);
  process.exit(0);
}

const errors = output
  .split('\n')
  .filter((line) => line && !/fails to validate$/.test(line))
  .map((line) => `  ${line}`);
console.error(`✗ ${rel(manifest)} är inte giltigt enligt ${path.basename(SCHEMA)} (xmllint slutkod ${res.status}):`);
console.error(errors.join('\n') || `  ${output}`);
console.error(
  '\nObs: schemana är gamla (före 2020) och känner inte till nyare element som Runtimes och\n' +
    'ExtendedOverrides; se test/schemas/office-addin-manifest/README.md.',
);
process.exit(1);
