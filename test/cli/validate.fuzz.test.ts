/**
 * Fuzz: 1 000 workbooks with random bad cells (text in numbers, 40 000-character strings,
 * formula errors, control characters, empty or missing sheets, renamed or missing headers,
 * merged cells) never crash the validator or the CLI: each ends in findings (exit 0/1 with
 * a JSON array) or in exit 2 with a Swedish message — never an internal error or a stack trace.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { DOKUMENT, SHEETS, headerOf, type TableSheetSpec } from '../../src/core/layout/layout';
import type { Finding } from '../../src/core/findings/finding';
import { STACK_TRACE } from '../helpers/cli';
import { fcSeed } from '../helpers/fcSeed';

const CONTROL_MARK = 'KTRLTKN';
/** Stands for a 40 000-character string (kept short so that a counterexample stays readable). */
const LONG = 'LÅNG_TEXT_40000';
const expand = (v: ExcelJS.CellValue): ExcelJS.CellValue => (v === LONG ? 'x'.repeat(40_000) : v);
const tableSpecs = SHEETS.filter((s): s is TableSheetSpec => s.kind === 'table');

const badValue: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        'abc',
        '12 kr',
        '1,2,3',
        '0,8 %',
        '−4,3',
        'Tas fram av nämnd',
        'i.u.',
        '-',
        'Uppfylls helt',
        'Tertial 2 2019',
        '2019-13-45',
        'KF1',
        'Verksamhet',
        'Summa',
        'Varav',
        '<p>Hej</p><script>x</script>',
        '=1/0',
        '😀 emoji',
        '   ',
      ),
    ),
  },
  {
    weight: 3,
    arbitrary: fc.oneof(
      fc.integer({ min: -1e9, max: 1e9 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(0, -0, 1e308, -1e-308, 0.008, 2019, 45000),
    ),
  },
  { weight: 1, arbitrary: fc.constant(LONG) },
  { weight: 1, arbitrary: fc.constantFrom('#DIV/0!', '#REF!', '#N/A', '#VALUE!', '#NAME?').map((error) => ({ error }) as ExcelJS.CellErrorValue) },
  { weight: 1, arbitrary: fc.constant(`text${CONTROL_MARK}med styrtecken`) },
  { weight: 1, arbitrary: fc.date({ min: new Date(Date.UTC(1800, 0, 1)), max: new Date(Date.UTC(2200, 0, 1)), noInvalidDate: true }) },
  { weight: 1, arbitrary: fc.boolean() },
  {
    weight: 1,
    arbitrary: fc.constantFrom({ formula: '1/0' }, { formula: 'SUM(A1:A3)', result: 6 }, { formula: 'NOSUCHFN()' }) as fc.Arbitrary<ExcelJS.CellValue>,
  },
  { weight: 3, arbitrary: fc.constant(null) },
);

const headerVariant = (header: string) =>
  fc.oneof(
    { weight: 12, arbitrary: fc.constant(header) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constant(header.toUpperCase()) },
    { weight: 1, arbitrary: fc.constant(`${header.slice(0, -1)}`) },
    { weight: 1, arbitrary: fc.constant(` ${header} `) },
  );

const sheetArb = (spec: TableSheetSpec) =>
  fc.record({
    name: fc.oneof(
      { weight: 10, arbitrary: fc.constant(spec.name) },
      { weight: 1, arbitrary: fc.constant(`${spec.name} (2)`) },
      { weight: 1, arbitrary: fc.constant(null) },
    ),
    headers: fc
      .tuple(...spec.columns.map((c) => headerVariant(headerOf(c, { year: 2019 }))))
      .chain((h) => fc.shuffledSubarray(h, { minLength: 0, maxLength: h.length })),
    duplicate: fc.boolean(),
    rows: fc.array(fc.array(badValue, { maxLength: 20 }), { maxLength: 8 }),
    merge: fc.option(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 10 }))),
  });

const workbookArb = fc.record({
  dokument: fc.option(
    fc.array(fc.tuple(fc.oneof(fc.constantFrom(...DOKUMENT.fields.map((f) => f.label)), fc.string({ maxLength: 8 })), badValue), { maxLength: 12 }),
    { freq: 6 },
  ),
  sheets: fc.tuple(...tableSpecs.map(sheetArb)),
  extraSheet: fc.boolean(),
  /** Some files are not workbooks at all, or have none of Planrapport's sheets. */
  file: fc.oneof(
    { weight: 30, arbitrary: fc.constant('ok' as const) },
    { weight: 1, arbitrary: fc.constantFrom('truncated' as const, 'garbage' as const, 'empty' as const, 'foreign' as const) },
  ),
});

type WorkbookPlan = typeof workbookArb extends fc.Arbitrary<infer T> ? T : never;

async function write(plan: WorkbookPlan, file: string): Promise<void> {
  if (plan.file === 'garbage') return writeFileSync(file, 'PK\u0003\u0004 inte en arbetsbok');
  if (plan.file === 'empty') return writeFileSync(file, '');
  const wb = new ExcelJS.Workbook();
  if (plan.file === 'foreign') {
    wb.addWorksheet('Blad1').getCell('A1').value = 'Något helt annat';
    return writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  }
  if (plan.dokument) {
    const ws = wb.addWorksheet('Dokument');
    ws.getRow(1).values = ['Fält', 'Värde'];
    plan.dokument.forEach(([label, value], i) => {
      ws.getCell(i + 2, 1).value = label;
      ws.getCell(i + 2, 2).value = expand(value);
    });
  }
  for (const s of plan.sheets) {
    if (!s.name || wb.getWorksheet(s.name)) continue;
    const ws = wb.addWorksheet(s.name);
    const headers = s.duplicate && s.headers.length ? [...s.headers, s.headers[0]!] : s.headers;
    headers.forEach((h, j) => (ws.getCell(1, j + 1).value = h));
    s.rows.forEach((row, i) => row.forEach((v, j) => (ws.getCell(i + 2, j + 1).value = expand(v))));
    if (s.merge) {
      const [r, c] = s.merge;
      try {
        ws.mergeCells(r + 1, c, r + 2, c + 1);
      } catch {
        /* overlapping merge: skip */
      }
    }
  }
  if (plan.extraSheet || wb.worksheets.length === 0) wb.addWorksheet('Anteckningar').getCell('A1').value = 'egna anteckningar';
  let data: Buffer = Buffer.from(await wb.xlsx.writeBuffer());
  if (data.includes(CONTROL_MARK)) {
    const zip = await JSZip.loadAsync(data);
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
      const xml = await zip.file(name)!.async('string');
      if (xml.includes(CONTROL_MARK)) zip.file(name, xml.split(CONTROL_MARK).join('_x0001__x001F_'));
    }
    data = await zip.generateAsync({ type: 'nodebuffer' });
  }
  writeFileSync(file, plan.file === 'truncated' ? data.subarray(0, Math.floor(data.length / 2)) : data);
}

describe('validate on 1 000 broken workbooks', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'planrapport-fuzz-'));
  const outcomes = { 0: 0, 1: 0, 2: 0 } as Record<number, number>;

  test('never crashes: findings, or exit 2 with a Swedish message', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(workbookArb, async (plan) => {
        const file = path.join(dir, `fuzz-${n++ % 20}.xlsx`);
        await write(plan, file);
        let stdout = '';
        let stderr = '';
        const code = await main(['validate', file, '--json'], { log: (t) => (stdout += t), error: (t) => (stderr += t) });
        outcomes[code] = (outcomes[code] ?? 0) + 1;
        expect(stderr).not.toMatch(/Oväntat fel/);
        expect(stdout + stderr).not.toMatch(STACK_TRACE);
        if (code === 2) {
          expect(stdout).toBe('');
          expect(stderr).toMatch(/(ingen Planrapport-arbetsbok|ingen läsbar Excel-arbetsbok|inte en Excel-arbetsbok|är skadad)/);
          return;
        }
        expect([0, 1]).toContain(code);
        const findings = JSON.parse(stdout) as Finding[];
        expect(Array.isArray(findings)).toBe(true);
        for (const f of findings) {
          expect(['error', 'warning']).toContain(f.severity);
          expect(typeof f.sheet).toBe('string');
          expect(f.cell).toMatch(/^([A-Z]+\d+(:[A-Z]+\d+)?)?$/);
          expect(f.message.length).toBeGreaterThan(10);
          expect(f.message.length).toBeLessThan(1000);
        }
        expect(code).toBe(findings.some((f) => f.severity === 'error') ? 1 : 0);
      }),
      { numRuns: 1000, ...fcSeed() },
    );
    // the generator reaches every outcome
    expect(outcomes[1]).toBeGreaterThan(100);
    expect(outcomes[2]).toBeGreaterThan(0);
  }, 240_000); // 1 000 workbooks: room for a slow, shared CI machine (this is not a timing test)
});
