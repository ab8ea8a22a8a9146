/** Preloaded (node -r) where /usr/bin/time is missing: writes the process's peak RSS (kB) at exit. */
'use strict';
const fs = require('node:fs');

process.on('exit', () => {
  const file = process.env.PLANRAPPORT_BENCH_RSS;
  if (file) fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
});
