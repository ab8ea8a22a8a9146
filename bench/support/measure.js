/**
 * Measuring child processes: wall time (around the spawn, in this process) and peak memory
 * (the child's RSS high-water mark, from `/usr/bin/time -v` where it exists, otherwise from
 * process.resourceUsage().maxRSS written by a preloaded hook at the child's exit).
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
const RSS_HOOK = path.join(__dirname, 'rss-hook.js');

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
 * Runs `node <args>` once and returns its wall time in ms (spawn to exit, measured here) and,
 * with `rss`, its peak RSS in MB.
 */
function runNode(args, { rss = false, okStatus = [0], env, cwd, maxBuffer = 256 * 1024 * 1024 } = {}) {
  const node = process.execPath;
  const opts = { encoding: 'utf8', env: { ...process.env, ...env }, cwd, maxBuffer };
  if (!rss) {
    const t = performance.now();
    const r = spawnSync(node, args, opts);
    const ms = performance.now() - t;
    check(r, [node, ...args], okStatus);
    return { ms, stdout: r.stdout };
  }
  if (HAS_GNU_TIME) {
    const out = path.join(scratch, `time-${process.pid}.txt`);
    const t = performance.now();
    const r = spawnSync(TIME_BIN, ['-v', '-o', out, node, ...args], opts);
    const ms = performance.now() - t;
    check(r, [node, ...args], okStatus);
    const text = fs.readFileSync(out, 'utf8');
    fs.rmSync(out, { force: true });
    const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1]);
    return { ms, rssMB: kb / 1024, stdout: r.stdout };
  }
  const out = path.join(scratch, `rss-${process.pid}.txt`);
  const t = performance.now();
  const r = spawnSync(node, ['-r', RSS_HOOK, ...args], { ...opts, env: { ...opts.env, PLANRAPPORT_BENCH_RSS: out } });
  const ms = performance.now() - t;
  check(r, [node, ...args], okStatus);
  const kb = Number(fs.readFileSync(out, 'utf8'));
  fs.rmSync(out, { force: true });
  return { ms, rssMB: kb / 1024, stdout: r.stdout };
}

module.exports = { median, runNode, setScratch, HAS_GNU_TIME, RSS_METHOD: HAS_GNU_TIME ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS' };
