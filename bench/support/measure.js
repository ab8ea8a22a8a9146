/**
 * Measuring child processes: wall time (around the spawn, in this process), CPU time and
 * peak memory (the child's RSS high-water mark, from `/usr/bin/time -v` where it exists,
 * otherwise from process.resourceUsage().maxRSS written by a preloaded hook at exit).
 */
'use strict';
const { performance } = require('node:perf_hooks');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const TIME_BIN = '/usr/bin/time';
const HAS_GNU_TIME = (() => {
  try {
    return fs.existsSync(TIME_BIN) && spawnSync(TIME_BIN, ['-v', 'true'], { encoding: 'utf8' }).stderr.includes('Maximum resident set size');
  } catch {
    return false;
  }
})();
const USAGE_HOOK = path.join(__dirname, 'usage-hook.js');

const median = (xs) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

let scratch;
/** Where the measuring files go (set once by the driver to its temp dir). */
function setScratch(dir) {
  scratch = dir;
}

function check(r, argv, okStatus) {
  if (r.error) throw r.error;
  if (!okStatus.includes(r.status)) {
    throw new Error(`${argv.join(' ')} exited ${r.status ?? r.signal}:\n${String(r.stderr).slice(-2000)}`);
  }
}

/**
 * Runs `node <args>` once: its wall time in ms (spawn to exit, measured here), its CPU time
 * in ms (user + system, from a preloaded hook) and, with `rss`, its peak RSS in MB (from
 * /usr/bin/time -v, or from the hook where that is missing). Without `rss` the child is
 * spawned directly, so that nothing but node itself sits between spawn and exit.
 */
function runNode(args, { rss = false, okStatus = [0], env, cwd, maxBuffer = 256 * 1024 * 1024 } = {}) {
  const node = process.execPath;
  const usage = path.join(scratch, `usage-${process.pid}.json`);
  const timeOut = path.join(scratch, `time-${process.pid}.txt`);
  const opts = { encoding: 'utf8', env: { ...process.env, ...env, PLANRAPPORT_BENCH_USAGE: usage }, cwd, maxBuffer };
  const argv = [node, '-r', USAGE_HOOK, ...args];
  const viaTime = rss && HAS_GNU_TIME;
  fs.rmSync(usage, { force: true });
  const t = performance.now();
  const r = viaTime ? spawnSync(TIME_BIN, ['-v', '-o', timeOut, ...argv], opts) : spawnSync(argv[0], argv.slice(1), opts);
  const ms = performance.now() - t;
  check(r, [node, ...args], okStatus);
  const u = JSON.parse(fs.readFileSync(usage, 'utf8'));
  let rssMB;
  if (viaTime) {
    rssMB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(fs.readFileSync(timeOut, 'utf8'))?.[1]) / 1024;
    fs.rmSync(timeOut, { force: true });
  } else if (rss) rssMB = u.maxRssKB / 1024;
  fs.rmSync(usage, { force: true });
  return { ms, cpuMs: u.cpuUs / 1000, rssMB, stdout: r.stdout };
}

module.exports = { median, runNode, setScratch, HAS_GNU_TIME, RSS_METHOD: HAS_GNU_TIME ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS' };
