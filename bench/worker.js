/**
 * The benchmark's child process (run by bench/index.js, one case per process, so that its
 * peak RSS is the case's own). Prints one line of JSON on stdout.
 *
 *   node bench/worker.js run <validate|template|generate|rules> <file.xlsx> <scratch dir> <runs> <warm-up runs>
 *       in-process wall and CPU times (ms) of the use-case on the file, after the warm-up runs
 *   node bench/worker.js build <fixture> <file.xlsx>     writes a fixture (bench/support/fixtures.js)
 *   node bench/worker.js officejs <scratch dir> <fixture>…  office-js request sizes (bench/support/officejs.js)
 */
'use strict';
const { performance } = require('node:perf_hooks');
const fs = require('node:fs');
const path = require('node:path');

const gc = typeof global.gc === 'function' ? global.gc : () => undefined;

async function timed(runs, warmup, once) {
  const times = [];
  const cpu = [];
  const parts = {};
  for (let i = 0; i < warmup + runs; i++) {
    gc();
    const c = process.cpuUsage();
    const t = performance.now();
    const split = await once();
    const ms = performance.now() - t;
    const { user, system } = process.cpuUsage(c);
    if (i < warmup) {
      if (ms > 5000) runs = Math.min(runs, 3); // slow cases: at most 3 timed runs
      continue;
    }
    times.push(ms);
    cpu.push((user + system) / 1000);
    for (const [k, v] of Object.entries(split ?? {})) (parts[k] ??= []).push(v);
  }
  return { times, cpu, parts };
}

async function run(op, file, scratch, runs, warmup) {
  const { XlsxHost } = require('../lib/hosts/xlsx/xlsxHost');
  const { SHEET_NAMES } = require('../lib/core/layout/layout');
  let info = {};
  let once;
  if (op === 'validate') {
    const { validateWorkbook } = require('../lib/usecases/validate');
    once = async () => {
      const host = await XlsxHost.open(file);
      const report = await validateWorkbook(host);
      await host.close();
      info = { errors: report.errors, warnings: report.warnings };
    };
  } else if (op === 'template') {
    const { applyTemplate } = require('../lib/usecases/template');
    const out = path.join(scratch, `template-${process.pid}.xlsx`);
    once = async () => {
      const host = await XlsxHost.open(file);
      const result = await applyTemplate(host, {});
      await host.save(out);
      await host.close();
      info = { edits: result.edits, bytes: fs.statSync(out).size };
    };
  } else if (op === 'generate') {
    const { generateReport } = require('../lib/usecases/generate');
    const out = path.join(scratch, `generate-${process.pid}.docx`);
    once = async () => {
      const host = await XlsxHost.open(file);
      const report = await generateReport(host);
      await host.close();
      fs.writeFileSync(out, report.bytes);
      info = { bytes: report.bytes.length, errors: report.validation.errors };
    };
  } else if (op === 'rules') {
    // the rules alone: readPlan + validate over a snapshot read once beforehand
    const { readPlan } = require('../lib/core/workbook/readPlan');
    const { validate } = require('../lib/core/rules/validate');
    const host = await XlsxHost.open(file);
    const t = performance.now();
    const snapshot = await host.read(SHEET_NAMES);
    const readMs = performance.now() - t;
    await host.close();
    once = async () => {
      const a = performance.now();
      const reading = readPlan(snapshot);
      const b = performance.now();
      const findings = validate(reading);
      const c = performance.now();
      info = { findings: findings.length, indicators: reading.plan.indicators?.length, firstReadMs: readMs };
      return { readPlan: b - a, validate: c - b };
    };
  } else {
    throw new Error(`unknown op ${op}`);
  }
  return { ...(await timed(runs, warmup, once)), info };
}

async function main() {
  const [cmd, ...args] = process.argv.slice(2);
  let result;
  if (cmd === 'run') {
    const [op, file, scratch, runs, warmup] = args;
    result = await run(op, file, scratch, Number(runs), Number(warmup));
  } else if (cmd === 'build') {
    const { writeFixture } = require('./support/fixtures');
    const t = performance.now();
    result = await writeFixture(args[0], args[1]);
    result.buildMs = performance.now() - t;
  } else if (cmd === 'officejs') {
    const { officeJsRequests } = require('./support/officejs');
    result = await officeJsRequests(args[0], args.slice(1));
  } else {
    throw new Error(`unknown command ${cmd}`);
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
  process.exitCode = 1;
});
