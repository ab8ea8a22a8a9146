/**
 * Preloaded (node -r) into every process the benchmark measures: at exit, writes the
 * process's CPU time (user + system, µs, since the process started) and peak RSS (kB, used
 * where /usr/bin/time is missing) as JSON to $PLANRAPPORT_BENCH_USAGE.
 */
'use strict';
const fs = require('node:fs');

process.on('exit', () => {
  const file = process.env.PLANRAPPORT_BENCH_USAGE;
  if (!file) return;
  const { user, system } = process.cpuUsage();
  fs.writeFileSync(file, JSON.stringify({ cpuUs: user + system, maxRssKB: process.resourceUsage().maxRSS }));
});
