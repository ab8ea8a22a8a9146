/** Preloaded (node -r): at exit, writes the files of every module the process loaded (JSON). */
'use strict';
const fs = require('node:fs');

process.on('exit', () => {
  const file = process.env.PLANRAPPORT_BENCH_MODULES;
  if (file) fs.writeFileSync(file, JSON.stringify(Object.keys(require.cache).filter((f) => !f.startsWith(__dirname))));
});
