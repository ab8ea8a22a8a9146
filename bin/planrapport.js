#!/usr/bin/env node
'use strict';
// The CLI entry point (contract §1). The TypeScript sources are compiled to lib/ by
// `npm ci` / `npm install` (the prepare script) or `npm run build:cli`.
let cli;
try {
  cli = require('../lib/cli/main.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('lib/cli/main.js')) {
    process.stderr.write('Planrapport är inte byggt ännu. Kör "npm ci" eller "npm run build:cli" i projektmappen.\n');
    process.exit(2);
  }
  throw e;
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`Oväntat fel: ${e && e.message ? e.message : e}\n`);
    process.exitCode = 2;
  },
);
