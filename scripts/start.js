#!/usr/bin/env node
/*
 * npm start – starta Planrapport för utveckling.
 *
 *  Windows/macOS: `npx office-addin-debugging start manifest.xml` (startar
 *                 utvecklingsservern och läser in tillägget i Excel på skrivbordet).
 *  Linux:         det finns inget Excel för skrivbordet, så HTTPS-utvecklingsservern
 *                 (webpack serve) startas i bakgrunden och instruktioner skrivs ut för hur
 *                 manifestet laddas upp i Excel på webben.
 *
 *  Flaggor:  --web         använd webbflödet även på Windows/macOS
 *            --foreground  kör utvecklingsservern i förgrunden (Ctrl+C avslutar)
 *  Stoppa med `npm run stop`.
 */
'use strict';

const fs = require('node:fs');
const https = require('node:https');
const path = require('node:path');
const { spawn } = require('node:child_process');

const { ROOT, PID_FILE, isWebFlow, readPid, isAlive, addinDebugging } = require('./devServer');
const LOG_FILE = path.join(ROOT, '.dev-server.log');
const DEV_URL = 'https://localhost:3000';
const READY_TIMEOUT_MS = 180_000;

const args = process.argv.slice(2);
const webFlow = isWebFlow(args);
const foreground = args.includes('--foreground');

function ping(url) {
  return new Promise((resolve) => {
    const req = https.get(url, { rejectUnauthorized: false, timeout: 3000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

function sideloadHelp() {
  console.log(`
Planrapport körs på ${DEV_URL}/taskpane.html

1. Lita på certifikatet: öppna ${DEV_URL}/taskpane.html i samma webbläsare som du
   använder för Excel. Varnar webbläsaren för certifikatet måste du lita på det (se
   meddelandet om certifikat ovan eller i ${path.relative(process.cwd(), LOG_FILE) || LOG_FILE}) –
   annars förblir aktivitetsfönstret tomt i Excel.
2. Öppna en arbetsbok i Excel på webben (https://www.office.com → Excel).
3. Välj Start (eller Infoga) → Tillägg → Fler inställningar / Mer inställningar →
   Ladda upp mitt tillägg (Upload My Add-in).
4. Välj filen ${path.join(ROOT, 'manifest.xml')} och klicka Ladda upp.
5. Knappen "Öppna Planrapport" finns sedan i gruppen Planrapport på fliken Start.

Stoppa utvecklingsservern med: npm run stop
`);
}

function tailLog(lines = 30) {
  try {
    return fs.readFileSync(LOG_FILE, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function startWeb() {
  const running = readPid();
  if (running && isAlive(running)) {
    console.log(`Utvecklingsservern körs redan (PID ${running}).`);
    sideloadHelp();
    return 0;
  }

  // Samma sak som `npx webpack serve --mode development`, men node startas direkt så att
  // PID-filen pekar på själva serverprocessen.
  const webpackCli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  const cmd = [webpackCli, 'serve', '--mode', 'development'];

  if (foreground) {
    const child = spawn(process.execPath, cmd, { cwd: ROOT, stdio: 'inherit' });
    fs.writeFileSync(PID_FILE, `${child.pid}\n`);
    const cleanup = () => {
      if (readPid() === child.pid) fs.rmSync(PID_FILE, { force: true });
    };
    for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
    sideloadHelp();
    return new Promise((resolve) => {
      child.on('exit', (code) => {
        cleanup();
        resolve(code ?? 0);
      });
    });
  }

  const log = fs.openSync(LOG_FILE, 'w');
  const child = spawn(process.execPath, cmd, {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', log, log],
    windowsHide: true,
  });
  fs.closeSync(log);
  fs.writeFileSync(PID_FILE, `${child.pid}\n`);
  let exited = null;
  child.on('exit', (code) => {
    exited = code ?? 1;
  });
  child.unref();

  console.log(`Startar HTTPS-utvecklingsservern i bakgrunden (PID ${child.pid}), logg: ${LOG_FILE}`);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited !== null) {
      fs.rmSync(PID_FILE, { force: true });
      console.error(`\nUtvecklingsservern avslutades oväntat (kod ${exited}). Slutet av loggen:\n\n${tailLog()}`);
      return 1;
    }
    if (await ping(`${DEV_URL}/taskpane.html`)) {
      const notes = tailLog(200)
        .split('\n')
        .filter((l) => l.startsWith('[Planrapport]') || l.startsWith('  '))
        .join('\n');
      if (notes.trim()) console.log(`\n${notes}`);
      sideloadHelp();
      return 0;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  console.error(`Utvecklingsservern svarade inte inom ${READY_TIMEOUT_MS / 1000} s. Se ${LOG_FILE}. Stoppa med npm run stop.`);
  return 1;
}

function startDesktop() {
  console.log(
    'Startar Planrapport i Excel för skrivbordet med office-addin-debugging (hämtas via npx vid behov).\n' +
      'OBS: office-addin-debugging finns medvetet inte i package.json – dess beroenden bygger den\n' +
      'inbyggda modulen keytar, som på Linux kräver libsecret-1-dev. Vill du hellre använda Excel på\n' +
      'webben kör du: npm start -- --web\n',
  );
  return addinDebugging('start');
}

(webFlow ? startWeb() : Promise.resolve(startDesktop())).then(
  (code) => process.exit(code),
  (e) => {
    console.error(`npm start misslyckades: ${e && e.message ? e.message : e}`);
    process.exit(1);
  },
);
