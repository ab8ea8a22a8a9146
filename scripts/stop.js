#!/usr/bin/env node
/*
 * npm run stop – stoppa det som `npm start` startade.
 *
 *  Windows/macOS: `npx office-addin-debugging stop manifest.xml`.
 *  Linux (och --web): stoppar utvecklingsservern vars PID står i .dev-server.pid.
 */
'use strict';

const fs = require('node:fs');
const { spawnSync } = require('node:child_process');

const { PID_FILE, isWebFlow, readPid, isAlive, addinDebugging } = require('./devServer');

const args = process.argv.slice(2);
const webFlow = isWebFlow(args);

/** Skyddar mot att PID-filen pekar på en annan process som fått ett återanvänt PID. */
function looksLikeDevServer(pid) {
  if (process.platform !== 'linux') return true;
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('webpack');
  } catch {
    return false;
  }
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

async function stopWebServer() {
  const pid = readPid();
  if (!pid) {
    console.log('Ingen utvecklingsserver startad av npm start hittades (.dev-server.pid saknas).');
    return 0;
  }
  if (!isAlive(pid) || !looksLikeDevServer(pid)) {
    fs.rmSync(PID_FILE, { force: true });
    console.log(`Utvecklingsservern (PID ${pid}) körde inte längre. Tog bort .dev-server.pid.`);
    return 0;
  }
  if (process.platform === 'win32') {
    spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore' });
  } else {
    // Servern startades i en egen processgrupp; stoppa hela gruppen.
    const signal = (sig) => {
      try {
        process.kill(-pid, sig);
      } catch {
        try {
          process.kill(pid, sig);
        } catch {
          /* redan borta */
        }
      }
    };
    signal('SIGTERM');
    for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
    if (isAlive(pid)) signal('SIGKILL');
  }
  fs.rmSync(PID_FILE, { force: true });
  console.log(`Utvecklingsservern (PID ${pid}) är stoppad.`);
  return 0;
}

function stopDesktop() {
  console.log('Stoppar Planrapport med office-addin-debugging (hämtas via npx vid behov).');
  return addinDebugging('stop');
}

async function main() {
  if (webFlow) return stopWebServer();
  const code = stopDesktop();
  // Startades servern med `npm start -- --web` stoppas den också.
  if (readPid()) await stopWebServer();
  return code;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`npm run stop misslyckades: ${e && e.message ? e.message : e}`);
    process.exit(1);
  },
);
