#!/usr/bin/env node
/*
 * npm run stop – stoppa det som `npm start` startade.
 *
 *  Windows/macOS: `npx office-addin-debugging stop manifest.xml`.
 *  Linux (och --web): stoppar utvecklingsservern vars PID står i .dev-server.pid.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const PID_FILE = path.join(ROOT, '.dev-server.pid');

const args = process.argv.slice(2);
const webFlow = process.platform === 'linux' || args.includes('--web') || process.env.PLANRAPPORT_WEB === '1';

function readPid() {
  try {
    const pid = Number.parseInt(fs.readFileSync(PID_FILE, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

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
  const res = spawnSync(
    process.platform === 'win32' ? 'npx.cmd' : 'npx',
    ['--yes', 'office-addin-debugging', 'stop', 'manifest.xml'],
    { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' },
  );
  if (res.error) {
    console.error(`Kunde inte köra npx: ${res.error.message}`);
    return 1;
  }
  return res.status ?? 1;
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
