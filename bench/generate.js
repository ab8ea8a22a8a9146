/**
 * Benchmark: generating the demo reports (the tertialrapport is the big one, 60+ pages).
 * Run: npm run bench [-- runs]   (builds lib/ first). Prints median and min per step, in ms.
 * Steps: the whole generate use-case (read the workbook, validate, build, write the .docx),
 * building the report model alone, and writing the .docx alone (its table of contents'
 * page numbers are laid out as Word would, which is most of the time).
 */
'use strict';
const { performance } = require('node:perf_hooks');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { buildExampleWorkbook } = require('../lib/demo/buildWorkbook');
const { EXAMPLES, loadTranscription } = require('../lib/demo/examples');
const { generateReport } = require('../lib/usecases/generate');
const { readWorkbook } = require('../lib/usecases/readWorkbook');
const { buildReport } = require('../lib/core/report/build');
const { packReport } = require('../lib/core/report/docx/document');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) => `median ${median(xs).toFixed(0).padStart(5)} ms, min ${Math.min(...xs).toFixed(0).padStart(5)} ms`;

async function main() {
  const runs = Number(process.argv[2] || 7);
  console.log(`node ${process.version}, ${runs} runs per step after one warm-up run`);
  for (const example of EXAMPLES) {
    const host = await buildExampleWorkbook(loadTranscription(example.file));
    const { plan } = await readWorkbook(host);
    const whole = [];
    const model = [];
    const pack = [];
    let size = 0;
    for (let i = 0; i <= runs; i++) {
      let t = performance.now();
      const report = await generateReport(host);
      if (i) whole.push(performance.now() - t);
      t = performance.now();
      const m = buildReport(plan);
      if (i) model.push(performance.now() - t);
      t = performance.now();
      size = (await packReport(m)).length;
      if (i) pack.push(performance.now() - t);
      void report;
    }
    console.log(`${example.slug} (${Math.round(size / 1024)} KiB)`);
    console.log(`  generate (read, validate, build, write): ${fmt(whole)}`);
    console.log(`  build the report model:                  ${fmt(model)}`);
    console.log(`  write the .docx incl. page layout:       ${fmt(pack)}`);
    // the whole command in a new process: node start, loading exceljs and docx, reading the .xlsx
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planrapport-bench-'));
    const xlsx = path.join(dir, 'demo.xlsx');
    await host.save(xlsx);
    const cli = [];
    for (let i = 0; i <= Math.min(runs, 5); i++) {
      const t = performance.now();
      const r = spawnSync(process.execPath, [path.join(__dirname, '..', 'bin', 'planrapport.js'), 'generate', xlsx, '--out', path.join(dir, 'r.docx')]);
      if (r.status !== 0) throw new Error(String(r.stderr));
      if (i) cli.push(performance.now() - t);
    }
    console.log(`  planrapport generate (new process):      ${fmt(cli)}`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
