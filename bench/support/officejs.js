/**
 * office-js request sizes: the task pane's adapter (src/hosts/excel/excelHost.ts) driven
 * through the office-js stand-in (src/simulator/excel/fakeExcel.ts), which applies office-js's
 * batching rules (loads and writes are queued and happen at context.sync()). Both are
 * TypeScript outside lib/: they are transpiled here (typescript's transpileModule, no type
 * check) into the scratch dir, next to links to lib/ for everything they import.
 *
 * Counted per sync: the queued operations, the cells of the ranges loaded and the values
 * transferred (cells × matrix properties loaded: values, formulas, valueTypes, numberFormat),
 * the cells written through values/formulas/numberFormat, and the JSON size of the matrices
 * in both directions (what office-js would serialise for them).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const MATRIX = new Set(['values', 'formulas', 'valueTypes', 'numberFormat']);

function transpile(scratch) {
  const ts = require('typescript');
  const dir = path.join(scratch, 'officejs');
  const put = (rel) => {
    const source = fs.readFileSync(path.join(ROOT, rel), 'utf8');
    const js = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
      fileName: rel,
    }).outputText;
    const out = path.join(dir, rel.replace(/\.ts$/, '.js'));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, js);
    return out;
  };
  const host = put('src/hosts/excel/excelHost.ts');
  put('src/simulator/excel/limits.ts');
  const fake = put('src/simulator/excel/fakeExcel.ts');
  // src/<x> → lib/<x> (node resolves the links to lib/, so the modules are the ones the bench uses)
  const lib = path.join(ROOT, 'lib');
  for (const entry of fs.readdirSync(lib)) {
    if (entry === 'hosts' || entry.startsWith('.')) continue;
    fs.symlinkSync(path.join(lib, entry), path.join(dir, 'src', entry));
  }
  for (const entry of fs.readdirSync(path.join(lib, 'hosts'))) {
    if (entry !== 'excel') fs.symlinkSync(path.join(lib, 'hosts', entry), path.join(dir, 'src', 'hosts', entry));
  }
  return { ExcelHost: require(host).ExcelHost, FakeWorkbook: require(fake).FakeWorkbook };
}

const cellsOf = (m) => (Array.isArray(m) ? m.reduce((n, row) => n + (Array.isArray(row) ? row.length : 1), 0) : 0);

/** Instruments the fake: every sync of every Excel.run is recorded in `book.bench`. */
function instrument(FakeWorkbook, book) {
  // the fake's classes are not exported: reach them through instances
  let FakeRange;
  new FakeWorkbook().run(async (ctx) => {
    FakeRange = Object.getPrototypeOf(ctx.workbook.worksheets.getItem('x').getRange('A1')).constructor;
    ctx.queue.length = 0;
  });
  if (!FakeRange.prototype.benchPatched) {
    FakeRange.prototype.benchPatched = true;
    const load = FakeRange.prototype.load;
    FakeRange.prototype.load = function (spec) {
      const r = load.call(this, spec);
      const wanted = (Array.isArray(spec) ? spec : String(spec ?? '').split(',')).map((s) => s.trim()).filter((p) => MATRIX.has(p));
      this.ctx.queue.push(() => {
        const rec = this.ctx.book.bench?.current;
        if (!rec || !wanted.length || this.isNullObject) return;
        let area = 0;
        for (const p of wanted) {
          const m = this.loaded.get(p);
          area = Math.max(area, cellsOf(m));
          rec.loadedValues += cellsOf(m);
          rec.loadedBytes += JSON.stringify(m).length;
        }
        rec.loadedCells += area;
      });
      return r;
    };
    for (const p of ['values', 'formulas', 'numberFormat']) {
      const d = Object.getOwnPropertyDescriptor(FakeRange.prototype, p);
      Object.defineProperty(FakeRange.prototype, p, {
        ...d,
        set(v) {
          const pending = this.ctx.book.bench?.pending;
          if (pending) {
            pending.writtenCells += cellsOf(v);
            pending.writtenBytes += JSON.stringify(v).length;
          }
          d.set.call(this, v);
        },
      });
    }
  }
  const blank = () => ({ ops: 0, loadedCells: 0, loadedValues: 0, loadedBytes: 0, writtenCells: 0, writtenBytes: 0 });
  book.bench = { runs: 0, syncs: [], pending: blank(), current: undefined };
  const run = book.run;
  book.run = (batch) =>
    run(async (ctx) => {
      book.bench.runs++;
      const sync = ctx.sync.bind(ctx);
      ctx.sync = async () => {
        const rec = { ...book.bench.pending, ops: ctx.queue.length };
        book.bench.pending = blank();
        book.bench.current = rec;
        await sync();
        book.bench.current = undefined;
        book.bench.syncs.push(rec);
      };
      return batch(ctx);
    });
  return () => {
    const out = { runs: book.bench.runs, syncs: book.bench.syncs };
    book.bench.runs = 0;
    book.bench.syncs = [];
    return out;
  };
}

/** Fills an ExcelHost with a transcription the way buildExampleWorkbook fills an XlsxHost. */
async function fill(host, t) {
  const { applyTemplate } = require('../../lib/usecases/template');
  const { DOKUMENT, TABELLER, SHEET_NAMES } = require('../../lib/core/layout/layout');
  const { appendRecords, setFields } = require('../../lib/core/workbook/writeRecords');
  const { freeTableRecords } = require('../../lib/demo/buildWorkbook');
  const org = t.sheets[DOKUMENT.name]?.find((r) => r['Fält'] === 'Organisation')?.['Värde'];
  const options = { kind: t.kind, year: t.year, tertial: t.tertial, organisation: typeof org === 'string' ? org : undefined };
  await applyTemplate(host, options);
  await host.update(SHEET_NAMES, (snapshot) => {
    const edits = [];
    const fields = {};
    for (const r of t.sheets[DOKUMENT.name] ?? []) fields[String(r['Fält'])] = r['Värde'] ?? null;
    edits.push(...setFields(snapshot, fields));
    for (const [sheet, records] of Object.entries(t.sheets)) {
      if (sheet !== DOKUMENT.name) edits.push(...appendRecords(snapshot, sheet, records, { leaveDerived: true }).edits);
    }
    if (t.otherTables.length) edits.push(...appendRecords(snapshot, TABELLER.name, freeTableRecords(t)).edits);
    return { edits, result: undefined };
  });
  return options;
}

/**
 * For each fixture: template in an empty workbook ("Skapa mallar"), template over the filled
 * workbook ("Uppdatera mallar"), validate, generate, each from the counters reset.
 */
async function officeJsRequests(scratch, specs) {
  const { ExcelHost, FakeWorkbook } = transpile(scratch);
  const { transcriptionOf, count } = require('./fixtures');
  const { applyTemplate } = require('../../lib/usecases/template');
  const { validateWorkbook } = require('../../lib/usecases/validate');
  const { generateReport } = require('../../lib/usecases/generate');
  const rows = [];
  for (const spec of specs) {
    const t = transcriptionOf(spec);
    const empty = new FakeWorkbook();
    empty.addSheet('Blad1');
    const takeEmpty = instrument(FakeWorkbook, empty);
    const org = t.sheets['Dokument']?.find((r) => r['Fält'] === 'Organisation')?.['Värde'];
    await applyTemplate(new ExcelHost(empty.run), { kind: t.kind, year: t.year, tertial: t.tertial, organisation: org });
    rows.push({ fixture: spec, action: 'template (new)', ...takeEmpty() });

    const book = new FakeWorkbook();
    book.addSheet('Blad1');
    const take = instrument(FakeWorkbook, book);
    const host = new ExcelHost(book.run);
    await fill(host, t);
    take();
    await applyTemplate(host, {});
    rows.push({ fixture: spec, action: 'template (update)', ...take() });
    const v = await validateWorkbook(host);
    rows.push({ fixture: spec, action: 'validate', ...take(), findings: v.findings.length });
    await generateReport(host);
    rows.push({ fixture: spec, action: 'generate', ...take(), ...count(t) });
  }
  return rows;
}

module.exports = { officeJsRequests };
