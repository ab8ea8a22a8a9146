/**
 * Planrapport's benchmark: time and peak memory of the use-cases and the CLI, on the demo
 * workbooks and on generated bigger ones, the CLI's start-up, and the office-js request
 * sizes. Prints tables and the targets of issue 7 with pass/fail; writes only into a temp
 * dir that it removes. BENCHMARKS.md explains the cases.
 *
 *   npm run bench                      everything (builds lib/ first)
 *   npm run bench -- --quick           fewer runs, no 200× plan, no 100 MB workbook
 *   npm run bench -- --only startup,indicators
 *                                      sections: startup demo scale indicators big officejs
 *   npm run bench -- --runs 9          runs per case (medians); --json <file> saves the figures;
 *                                      --keep keeps the temp dir with the built workbooks
 *
 * Times are medians of wall time and of CPU time (user + system): in-process cases run in a
 * child process (one per case) after a warm-up run, with a gc() before each run; CLI cases
 * are whole new processes timed from spawn to exit. Peak memory is the RSS high-water mark
 * of a child process that does the case once (in-process cases) or of the CLI process.
 * Slow cases (a run over 5 s) are run at most 3 times. Targets are judged on the wall-time
 * medians and, beside them, on the CPU-time medians (less disturbed by other load, but they
 * count every thread: GC and compiler threads make them exceed wall time on a quiet machine).
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { median, runNode, setScratch, RSS_METHOD } = require('./support/measure');

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'bin', 'planrapport.js');
const WORKER = path.join(__dirname, 'worker.js');
const SECTIONS = ['startup', 'demo', 'scale', 'indicators', 'big', 'officejs'];
const PLAN_FACTORS = [10, 40, 200];
const INDICATOR_ROWS = [1000, 10_000, 50_000];
const BIG_MB = 100;

function parseArgs(argv) {
  const o = { quick: false, only: SECTIONS, runs: undefined, json: undefined, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') o.quick = true;
    else if (a === '--keep') o.keep = true;
    else if (a === '--only' || a.startsWith('--only=')) {
      const v = a.includes('=') ? a.slice(7) : argv[++i];
      o.only = String(v)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const bad = o.only.filter((s) => !SECTIONS.includes(s));
      if (bad.length) throw new Error(`unknown section ${bad.join(', ')}; sections: ${SECTIONS.join(' ')}`);
    } else if (a === '--runs') o.runs = Number(argv[++i]);
    else if (a === '--json') o.json = path.resolve(argv[++i]);
    else if (a === '--help' || a === '-h') {
      console.log(fs.readFileSync(__filename, 'utf8').split('*/')[0]);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  const n = o.runs;
  o.inProcessRuns = n ?? (o.quick ? 3 : 7);
  o.cliRuns = n ?? (o.quick ? 3 : 5);
  o.startupRuns = n ? Math.max(n, 5) : o.quick ? 9 : 21;
  o.rssRuns = o.quick ? 1 : 3;
  return o;
}

// ------------------------------------------------------------------ output

const rows = [];
const results = { machine: {}, cases: [], fixtures: {}, officejs: [], targets: [] };
const fmtMs = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`);
const fmtMB = (mb) => (mb === undefined || Number.isNaN(mb) ? '' : `${mb.toFixed(0)} MB`);

function record(section, name, mode, times, cpus, rssMBs, note = '') {
  const c = {
    section,
    name,
    mode,
    medianMs: median(times),
    minMs: Math.min(...times),
    cpuMs: median(cpus),
    runs: times.length,
    rssMB: rssMBs.length ? median(rssMBs) : undefined,
    note,
  };
  results.cases.push(c);
  const line = [section, name, mode, fmtMs(c.medianMs), fmtMs(c.minMs), fmtMs(c.cpuMs), String(c.runs), fmtMB(c.rssMB), note];
  rows.push(line);
  printRow(line);
  return c;
}

const WIDTHS = [10, 38, 7, 9, 9, 9, 4, 8];
const pad = (s, w, right) => (right ? String(s).padStart(w) : String(s).padEnd(w));
function printRow(cells) {
  console.log(
    cells
      .map((c, i) => (i < WIDTHS.length ? pad(c, WIDTHS[i], i >= 3) : c))
      .join('  ')
      .trimEnd(),
  );
}
function printHeader(title) {
  console.log(`\n## ${title}`);
  printRow(['section', 'case', 'mode', 'wall med', 'wall min', 'CPU med', 'runs', 'peak RSS', 'notes']);
}

// ------------------------------------------------------------------ measuring

function worker(args, { rss = false } = {}) {
  const r = runNode(['--expose-gc', WORKER, ...args], { rss });
  const value = JSON.parse(r.stdout.trim().split('\n').pop());
  return Array.isArray(value) ? value : { ...value, rssMB: r.rssMB };
}

/** An in-process case: timings from one child (warm-up + runs), peak RSS from children doing it once. */
function inProcess(o, scratch, section, name, op, file, note = () => '') {
  const timing = worker(['run', op, file, scratch, String(o.inProcessRuns), '1']);
  const rss = [];
  const rssRuns = median(timing.times) > 1000 ? 1 : o.rssRuns; // slow cases: one child for the peak RSS
  for (let i = 0; i < rssRuns; i++) rss.push(worker(['run', op, file, scratch, '1', '0'], { rss: true }).rssMB);
  const c = record(section, name, 'in-proc', timing.times, timing.cpu, rss, note(timing.info, timing.parts));
  c.info = timing.info;
  c.parts = Object.fromEntries(Object.entries(timing.parts).map(([k, v]) => [k, median(v)]));
  return c;
}

/** The CLI as a new process, each run timed from spawn to exit with its peak RSS. */
function cli(o, scratch, section, name, argv, { okStatus = [0], before } = {}) {
  const times = [];
  const cpu = [];
  const rss = [];
  let runs = o.cliRuns;
  for (let i = 0; i < runs; i++) {
    before?.();
    const r = runNode([CLI, ...argv], { rss: true, okStatus });
    if (i === 0 && r.ms > 5000) runs = Math.min(runs, 3); // slow cases: at most 3 runs
    times.push(r.ms);
    cpu.push(r.cpuMs);
    rss.push(r.rssMB);
  }
  return record(section, name, 'CLI', times, cpu, rss);
}

function fixture(scratch, spec) {
  const file = path.join(scratch, `${spec.replace(/[^a-z0-9]+/gi, '-')}.xlsx`);
  if (!results.fixtures[spec]) {
    process.stdout.write(`  (building ${spec} …`);
    const info = worker(['build', spec, file]);
    results.fixtures[spec] = { file, ...info };
    process.stdout.write(` ${(info.bytes / 2 ** 20).toFixed(1)} MB in ${fmtMs(info.buildMs)})\n`);
  }
  return file;
}

/** validate, template, generate in-process and as the CLI. */
function threeUseCases(o, scratch, section, label, file, { cliToo = true } = {}) {
  const out = {};
  out.validate = inProcess(o, scratch, section, `${label}: validate`, 'validate', file, (i) => `${i.errors} errors, ${i.warnings} warnings`);
  out.template = inProcess(o, scratch, section, `${label}: template`, 'template', file, (i) => `${i.edits} edits`);
  out.generate = inProcess(o, scratch, section, `${label}: generate`, 'generate', file, (i) => `${(i.bytes / 1024).toFixed(0)} KiB docx`);
  if (cliToo) {
    const copy = path.join(scratch, 'cli-copy.xlsx');
    const docx = path.join(scratch, 'cli-out.docx');
    out.cliValidate = cli(o, scratch, section, `${label}: validate`, ['validate', file], { okStatus: [0, 1] });
    out.cliTemplate = cli(o, scratch, section, `${label}: template`, ['template', copy], { before: () => fs.copyFileSync(file, copy) });
    out.cliGenerate = cli(o, scratch, section, `${label}: generate`, ['generate', file, '--out', docx]);
  }
  return out;
}

// ------------------------------------------------------------------ sections

/** tertialrapport-2-2019-… → TR 2019, verksamhetsplan-2025-… → VP 2025, verksamhetsberattelse-2020-… → VB 2020 */
function shortName(slug) {
  const kind = { tertialrapport: 'TR', verksamhetsplan: 'VP', verksamhetsberattelse: 'VB' }[slug.split('-')[0]] ?? slug;
  return `${kind} ${/\d{4}/.exec(slug)?.[0] ?? ''}`.trim();
}

/** `node -e` source that requires these lib/ modules. */
const requireAll = (mods) => mods.map((m) => `require(${JSON.stringify(path.join(ROOT, 'lib', ...m.split('/')))})`).join(';');

function startup(o, scratch) {
  printHeader('Start-up (new processes; runs interleaved)');
  const demo = fixture(scratch, 'demo:verksamhetsplan-2025-grupp-och-servicebostader');
  const cases = [
    { name: 'node -e 0', args: ['-e', '0'] },
    { name: 'planrapport --help', args: [CLI, '--help'] },
    { name: 'planrapport validate <demo VP>', args: [CLI, 'validate', demo], okStatus: [0, 1] },
    // a command's own start-up: node plus loading (and compiling) the code the command needs
    { name: "load validate's code", args: ['-e', requireAll(['hosts/xlsx/xlsxHost', 'usecases/validate'])] },
    { name: "load generate's code", args: ['-e', requireAll(['hosts/xlsx/xlsxHost', 'usecases/generate'])] },
  ];
  for (const c of cases) {
    c.times = [];
    c.cpu = [];
    c.rss = [];
    runNode(c.args, { okStatus: c.okStatus ?? [0] }); // warm the file cache
  }
  for (let i = 0; i < o.startupRuns; i++) {
    for (const c of cases) {
      const r = runNode(c.args, { okStatus: c.okStatus ?? [0] });
      c.times.push(r.ms);
      c.cpu.push(r.cpuMs);
    }
  }
  for (let i = 0; i < o.rssRuns; i++) for (const c of cases) c.rss.push(runNode(c.args, { rss: true, okStatus: c.okStatus ?? [0] }).rssMB);
  // which modules each loads
  const modules = (args, okStatus = [0]) => {
    const out = path.join(scratch, 'modules.json');
    runNode(['-r', path.join(__dirname, 'support', 'probe-modules.js'), ...args], { env: { PLANRAPPORT_BENCH_MODULES: out }, okStatus });
    const list = JSON.parse(fs.readFileSync(out, 'utf8'));
    const pkgs = new Set(list.map((f) => /node_modules[\\/](@[^\\/]+[\\/][^\\/]+|[^\\/]+)/.exec(f)?.[1]).filter(Boolean));
    return {
      count: list.length,
      ownKiB: list.filter((f) => !f.includes('node_modules')).reduce((n, f) => n + fs.statSync(f).size, 0) / 1024,
      packages: [...pkgs].sort(),
    };
  };
  const help = modules([CLI, '--help']);
  const validate = modules([CLI, 'validate', demo], [0, 1]);
  const base = median(cases[0].times);
  const baseCpu = median(cases[0].cpu);
  for (const c of cases) {
    const ratios = `${(median(c.times) / base).toFixed(2)}× node (CPU ${(median(c.cpu) / baseCpu).toFixed(2)}×)`;
    const mods = (m) => `; ${m.count} modules, packages: ${m.packages.join(', ') || 'none'}`;
    const note = c === cases[0] ? '' : `${ratios}${c === cases[1] ? mods(help) : c === cases[2] ? mods(validate) : ''}`;
    c.result = record('startup', c.name, 'process', c.times, c.cpu, c.rss, note);
  }
  const ratio = median(cases[1].times) / base;
  const cpuRatio = median(cases[1].cpu) / median(cases[0].cpu);
  const heavy = help.packages.filter((p) => p === 'exceljs' || p === 'docx');
  results.startup = { nodeMs: base, helpMs: median(cases[1].times), ratio, cpuRatio, helpModules: help, validateModules: validate };
  target(
    'start-up: planrapport --help ≤ 3× node -e 0',
    [ratio <= 3, cpuRatio <= 3],
    `${fmtMs(median(cases[1].times))} vs ${fmtMs(base)} wall = ${ratio.toFixed(2)}× (CPU ${fmtMs(median(cases[1].cpu))} vs ${fmtMs(median(cases[0].cpu))} = ${cpuRatio.toFixed(2)}×)`,
  );
  for (const c of cases.slice(3)) {
    const r = median(c.times) / base;
    const rc = median(c.cpu) / baseCpu;
    target(
      `start-up: ${c.name} ≤ 3× node -e 0`,
      [r <= 3, rc <= 3],
      `${fmtMs(median(c.times))} wall = ${r.toFixed(2)}×, CPU ${fmtMs(median(c.cpu))} = ${rc.toFixed(2)}×`,
    );
  }
  target(
    'start-up: --help loads neither exceljs nor docx',
    heavy.length === 0,
    heavy.length ? `loads ${heavy.join(' and ')} (${help.count} modules)` : `${help.count} modules, packages: ${help.packages.join(', ') || 'none'}`,
  );
}

function demo(o, scratch) {
  printHeader('Demo workbooks');
  const { EXAMPLES } = require('./support/fixtures');
  for (const e of EXAMPLES) {
    const file = fixture(scratch, `demo:${e.slug}`);
    threeUseCases(o, scratch, 'demo', shortName(e.slug), file);
  }
}

function scale(o, scratch) {
  printHeader('Generated plans: n × the demo verksamhetsplan');
  const factors = o.quick ? PLAN_FACTORS.filter((f) => f !== 200) : PLAN_FACTORS;
  const by = {};
  for (const f of factors) {
    const file = fixture(scratch, `plan:${f}`);
    const fx = results.fixtures[`plan:${f}`];
    by[f] = { ...threeUseCases(o, scratch, 'scale', `VP ${f}× (${fx.indicators} ind.)`, file), indicators: fx.indicators };
  }
  results.scale = {};
  const slope = (a, b, key, field) => (by[b][key][field] - by[a][key][field]) / (by[b].indicators - by[a].indicators);
  for (const key of ['generate', 'cliGenerate', 'validate', 'template', 'cliValidate', 'cliTemplate']) {
    const m = {};
    for (const field of ['medianMs', 'cpuMs']) {
      m[field] = { from10to40: slope(10, 40, key, field), from40to200: by[200] ? slope(40, 200, key, field) : undefined };
    }
    m.rssMBPerIndicator = { from10to40: slope(10, 40, key, 'rssMB'), from40to200: by[200] ? slope(40, 200, key, 'rssMB') : undefined };
    results.scale[key] = m;
  }
  const g = results.scale.generate;
  console.log('  marginal cost per indicator row (with its share of goals, activities, texts), 10×→40× | 40×→200×:');
  const pair = (x, f) => `${f(x.from10to40)}${x.from40to200 !== undefined ? ` | ${f(x.from40to200)}` : ''}`;
  for (const [key, label] of [
    ['validate', 'validate in-proc'],
    ['template', 'template in-proc'],
    ['generate', 'generate in-proc'],
    ['cliGenerate', 'generate CLI'],
  ]) {
    const m = results.scale[key];
    console.log(
      `    ${label.padEnd(17)} wall ${pair(m.medianMs, (v) => `${v.toFixed(2)} ms`)};  CPU ${pair(m.cpuMs, (v) => `${v.toFixed(2)} ms`)};  peak RSS ${pair(m.rssMBPerIndicator, (v) => `${(v * 1024).toFixed(0)} KB`)}`,
    );
  }
  target(
    'generation: 40× plan marginal cost < 3 ms per indicator row',
    [g.medianMs.from10to40 < 3, g.cpuMs.from10to40 < 3],
    `wall ${g.medianMs.from10to40.toFixed(2)} ms, CPU ${g.cpuMs.from10to40.toFixed(2)} ms per indicator row (10×→40×, in-process generate)`,
  );
  if (g.medianMs.from40to200 !== undefined) {
    const lin = (x) => x.from40to200 / x.from10to40;
    const ok = (r) => r <= 1.5 && r >= 1 / 1.5;
    target(
      'generation: linear (marginal cost 40×→200× within 1.5× of 10×→40×)',
      [ok(lin(g.medianMs)), ok(lin(g.cpuMs))],
      `wall ${g.medianMs.from40to200.toFixed(2)} vs ${g.medianMs.from10to40.toFixed(2)} ms per row (${lin(g.medianMs).toFixed(2)}×), CPU ${g.cpuMs.from40to200.toFixed(2)} vs ${g.cpuMs.from10to40.toFixed(2)} ms (${lin(g.cpuMs).toFixed(2)}×)`,
    );
  }
}

function indicators(o, scratch) {
  printHeader('Validation of n indicator rows (the demo tertialrapport with n indicators)');
  const by = {};
  for (const n of INDICATOR_ROWS) {
    const file = fixture(scratch, `indicators:${n}`);
    const label = `${n / 1000}k indicator rows`;
    const rules = inProcess(
      o,
      scratch,
      'indicators',
      `${label}: rules`,
      'rules',
      file,
      (i, p) => `readPlan ${fmtMs(median(p.readPlan))} + validate() ${fmtMs(median(p.validate))}; ${i.findings} findings`,
    );
    const whole = inProcess(o, scratch, 'indicators', `${label}: validate (.xlsx)`, 'validate', file, (i) => `${i.errors} errors, ${i.warnings} warnings`);
    const proc = cli(o, scratch, 'indicators', `${label}: validate`, ['validate', file], { okStatus: [0, 1] });
    by[n] = { rules, whole, proc };
  }
  results.indicators = by;
  const r = by[10_000].rules;
  target(
    'validation of 10 000 indicator rows < 200 ms in-process (rules)',
    [r.medianMs < 200, r.cpuMs < 200],
    `wall ${fmtMs(r.medianMs)}, CPU ${fmtMs(r.cpuMs)} (the whole use-case, read .xlsx + rules: wall ${fmtMs(by[10_000].whole.medianMs)}, CPU ${fmtMs(by[10_000].whole.cpuMs)})`,
  );
}

function big(o, scratch) {
  printHeader(`A ${BIG_MB} MB workbook`);
  const file = fixture(scratch, `big:${BIG_MB}`);
  const fx = results.fixtures[`big:${BIG_MB}`];
  const c = cli(o, scratch, 'big', `${(fx.bytes / 2 ** 20).toFixed(0)} MB workbook: validate`, ['validate', file], { okStatus: [0, 1] });
  target(
    `${BIG_MB} MB workbook validated < 15 s and < 1 GB`,
    [c.medianMs < 15_000 && c.rssMB < 1024, c.cpuMs < 15_000 && c.rssMB < 1024],
    `wall ${fmtMs(c.medianMs)}, CPU ${fmtMs(c.cpuMs)}, ${fmtMB(c.rssMB)} peak RSS`,
  );
}

function officejs(o, scratch) {
  console.log('\n## office-js requests through the fake Excel host (per sync: operations queued / cells loaded (values) / cells written / JSON KiB)');
  const { EXAMPLES } = require('./support/fixtures');
  const specs = [...EXAMPLES.map((e) => `demo:${e.slug}`), 'plan:10', 'plan:40', ...(o.quick ? [] : ['plan:200'])];
  const r = worker(['officejs', scratch, ...specs]);
  const list = r;
  results.officejs = list;
  console.log(`${pad('workbook', 10)}  ${pad('action', 18)}  runs  syncs  per sync`);
  for (const x of list) {
    const label = x.fixture.startsWith('demo:') ? shortName(x.fixture.slice(5)) : x.fixture.replace(/^plan:(\d+)/, 'VP $1×');
    // Excel on the web refuses a request or response over 5 MB (Office Add-ins resource limits)
    const over = (s) => (s.loadedBytes + s.writtenBytes > 5 * 2 ** 20 ? ' (> 5 MB)' : '');
    const per = x.syncs
      .map((s) => `${s.ops} ops / ${s.loadedCells} (${s.loadedValues}) / ${s.writtenCells} / ${((s.loadedBytes + s.writtenBytes) / 1024).toFixed(0)}${over(s)}`)
      .join('  |  ');
    console.log(`${pad(label, 10)}  ${pad(x.action, 18)}  ${pad(x.runs, 4, true)}  ${pad(x.syncs.length, 5, true)}  ${per}`);
  }
}

// ------------------------------------------------------------------ targets

/** A target, judged on wall time and (where given) on CPU time; `pass` is [wall, cpu] or one verdict. */
function target(name, pass, detail) {
  const [wall, cpu] = Array.isArray(pass) ? pass : [pass, pass];
  const verdict = wall && cpu ? 'PASS' : !wall && !cpu ? 'FAIL' : `${wall ? 'PASS' : 'FAIL'} (wall) / ${cpu ? 'PASS' : 'FAIL'} (CPU)`;
  results.targets.push({ name, pass: wall && cpu, wall, cpu, verdict, detail });
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    ramGB: os.totalmem() / 2 ** 30,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString(),
    load: os.loadavg(),
    rss: RSS_METHOD,
  };
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'planrapport-bench-'));
  setScratch(scratch);
  const cleanup = () => {
    if (!o.keep) fs.rmSync(scratch, { recursive: true, force: true });
  };
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      cleanup();
      process.exit(130);
    });
  }
  results.machine = machine();
  results.options = { quick: o.quick, only: o.only, inProcessRuns: o.inProcessRuns, cliRuns: o.cliRuns, startupRuns: o.startupRuns, rssRuns: o.rssRuns };
  const m = results.machine;
  console.log(
    `Planrapport benchmark — ${m.cpu}, ${m.cores} cores, ${m.ramGB.toFixed(0)} GB RAM, node ${m.node}, ${m.os}, load ${m.load.map((x) => x.toFixed(1)).join(' ')}`,
  );
  console.log(
    `${o.quick ? 'quick: ' : ''}in-process cases: median of ${o.inProcessRuns} runs after 1 warm-up (at most 3 when one run takes > 5 s); CLI: ${o.cliRuns} runs; start-up: ${o.startupRuns} runs; peak RSS (${m.rss}): median of ${o.rssRuns}`,
  );
  const t0 = Date.now();
  try {
    const run = { startup, demo, scale, indicators, big, officejs };
    for (const s of SECTIONS) {
      if (!o.only.includes(s)) continue;
      if (o.quick && s === 'big') {
        console.log(`\n## A ${BIG_MB} MB workbook: skipped (--quick)`);
        continue;
      }
      run[s](o, scratch);
    }
    if (results.targets.length) {
      console.log('\n## Targets (issue 7, item 5)');
      for (const t of results.targets) console.log(`${t.verdict}  ${t.name}: ${t.detail}`);
    }
    console.log(`\n(${((Date.now() - t0) / 1000).toFixed(0)} s; fixtures were built in ${scratch}${o.keep ? ', kept' : ', now removed'})`);
    if (o.json) fs.writeFileSync(o.json, JSON.stringify(results, null, 2));
  } finally {
    cleanup();
  }
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exitCode = 1;
});
