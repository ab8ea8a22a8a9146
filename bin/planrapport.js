#!/usr/bin/env node
'use strict';
// The CLI entry point (contract §1). The TypeScript sources are compiled to lib/ by
// `npm ci` / `npm install` (the prepare script) or `npm run build:cli`.
// Nothing here may end in a stack trace unless PLANRAPPORT_DEBUG=1.

const debug = !!process.env.PLANRAPPORT_DEBUG && process.env.PLANRAPPORT_DEBUG !== '0';

// A reader that stops early (`planrapport validate plan.xlsx | head -1`) closes the pipe:
// the rest of the output is dropped quietly and the command finishes as it would have.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e && (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED')) return;
    if (debug && stream !== process.stderr) process.stderr.write(`Utskriften misslyckades: ${e && e.stack}\n`);
  });
}

function fail(e) {
  let text = `Oväntat fel i Planrapport: ${e && e.message ? e.message : String(e)}\n`;
  if (debug && e && e.stack) text += `${e.stack}\n`;
  else text += 'Kör kommandot igen med PLANRAPPORT_DEBUG=1 för detaljer, och rapportera felet till den som förvaltar Planrapport.\n';
  try {
    process.stderr.write(text);
  } catch {
    // stderr closed: nothing to tell
  }
  process.exitCode = 2;
}

process.on('uncaughtException', (e) => {
  fail(e);
  process.exit(2);
});
process.on('unhandledRejection', (e) => {
  fail(e);
  process.exit(2);
});

let cli;
try {
  cli = require('../lib/cli/main.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('main.js')) {
    process.stderr.write('Planrapport är inte byggt ännu. Kör "npm ci" eller "npm run build:cli" i projektmappen.\n');
    process.exit(2);
  }
  fail(e);
  process.exit(2);
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => fail(e),
);
