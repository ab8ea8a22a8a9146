/*
 * Det som `npm start` och `npm run stop` delar: var utvecklingsserverns PID står, om en
 * process lever, vilket flöde som gäller och hur office-addin-debugging körs.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');
const PID_FILE = path.join(ROOT, '.dev-server.pid');

/** Webbflödet: på Linux (inget Excel för skrivbordet), med --web eller PLANRAPPORT_WEB=1. */
function isWebFlow(args) {
  return process.platform === 'linux' || args.includes('--web') || process.env.PLANRAPPORT_WEB === '1';
}

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

/** `npx office-addin-debugging <command> manifest.xml`; returnerar slutkoden. */
function addinDebugging(command) {
  const res = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--yes', 'office-addin-debugging', command, 'manifest.xml'], {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (res.error) {
    console.error(`Kunde inte köra npx: ${res.error.message}`);
    return 1;
  }
  return res.status ?? 1;
}

module.exports = { ROOT, PID_FILE, isWebFlow, readPid, isAlive, addinDebugging };
