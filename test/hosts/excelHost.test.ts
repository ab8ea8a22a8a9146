import { ExcelHost } from '../../src/hosts/excel/excelHost';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';
import { applyTemplate } from '../../src/usecases/template';
import { readWorkbook } from '../../src/usecases/readWorkbook';
import { SHEETS, SHEET_NAMES, headerOf, LIST_SHEET } from '../../src/core/layout/layout';
import { FakeWorkbook } from '../../src/simulator/excel/fakeExcel';
import { budgetRows, fillWorkbook, indicatorRows } from '../helpers/records';
import type { WorkbookSnapshot } from '../../src/core/workbook/snapshot';

const options = { kind: 'tertialrapport' as const, year: 2019, tertial: 2 as const, organisation: 'Testnämnden' };

describe('office-js adapter against a fake Excel that counts context.sync()', () => {
  test('creating the whole template in an empty workbook: one Excel.run, at most 3 syncs', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Blad1');
    await applyTemplate(new ExcelHost(book.run), options);
    expect(book.runs).toBe(1);
    expect(book.syncs).toBeLessThanOrEqual(3);
    for (const spec of SHEETS) {
      const sheet = book.sheet(spec.name)!;
      expect(sheet).toBeDefined();
      spec.columns.forEach((col, i) => expect(sheet.peek(`${String.fromCharCode(65 + i)}1`)?.value).toBe(headerOf(col, { year: 2019 })));
      expect(sheet.frozenRows).toBe(1);
    }
    expect(book.sheet(LIST_SHEET)!.visibility).toBe('Hidden');
    expect(book.sheet('Dokument')!.peek('B2')?.value).toBe('Tertialrapport');
    // live checks: dropdowns from Listor, custom number checks, conditional formats, derived formulas
    const ind = book.sheet('Indikatorer')!;
    expect(ind.validations.get('C2:C2000')?.rule).toEqual({ list: { inCellDropDown: true, source: '=Listor!$E$2:$E$9' } });
    expect(ind.validations.get('F2:F2000')?.rule).toEqual({
      custom: { formula: '=OR(ISNUMBER(F2),F2="-",F2="–",F2="—",F2="i.u.",F2="i.u",F2="iu",F2="ej aktuell",F2="saknas")' },
    });
    expect(ind.validations.get('F2:F2000')?.errorAlert).toMatchObject({ showAlert: true, style: 'Warning' });
    expect(ind.conditionalFormats).toEqual([
      { range: 'N2:N2000', formula: '=AND($R2="Uppfylls inte",LEN(TRIM(N2))=0)', fill: '#F8CBAD' },
      { range: 'F2:F2000', formula: '=AND($S2<>"",$S2<>"OK")', fill: '#F8CBAD' },
    ]);
    expect(ind.peek('R2')?.formula).toMatch(/^=IF\(OR\(IFERROR\(INDEX\(Dokument!/);
    expect(ind.peek('S201')?.formula).toMatch(/^=IF\(OR\(NOT\(ISNUMBER\(F201\)\)/);
  });

  test('re-applying the template does not pile up conditional formats', async () => {
    const book = new FakeWorkbook();
    const host = new ExcelHost(book.run);
    await applyTemplate(host, options);
    const count = book.sheets.reduce((n, s) => n + s.conditionalFormats.length, 0);
    await applyTemplate(host, options);
    await applyTemplate(host, options);
    expect(book.sheets.reduce((n, s) => n + s.conditionalFormats.length, 0)).toBe(count);
  });

  test.each([10, 2000])('re-applying the template over %i data rows still takes at most 3 syncs', async (n) => {
    const book = new FakeWorkbook();
    const host = new ExcelHost(book.run);
    await fillWorkbook(host, { Driftbudget: budgetRows(n), Indikatorer: indicatorRows(n) }, { options, retemplate: false });
    book.syncs = 0;
    book.runs = 0;
    await applyTemplate(host, options);
    expect(book.runs).toBe(1);
    expect(book.syncs).toBeLessThanOrEqual(3);
    const budget = book.sheet('Driftbudget')!;
    expect(budget.peek('F2')?.formula).toBe('=D2-E2');
    expect(budget.peek(`C${n + 2}`)?.formula).toBe(`=SUMIF($B$2:$B$${n + 1},"Verksamhet",$C$2:$C$${n + 1})`);
  });

  test('reading the workbook is one Excel.run and one sync', async () => {
    const book = new FakeWorkbook();
    const host = new ExcelHost(book.run);
    await applyTemplate(host, options);
    book.syncs = 0;
    book.runs = 0;
    const reading = await readWorkbook(host);
    expect(reading.isTemplate).toBe(true);
    expect(reading.plan.info).toMatchObject({ kind: 'tertialrapport', year: 2019, tertial: 2, organisation: 'Testnämnden' });
    expect(book.runs).toBe(1);
    expect(book.syncs).toBe(1);
  });

  test('both adapters turn the same use-cases into the same cells', async () => {
    const book = new FakeWorkbook();
    const hosts = [new ExcelHost(book.run), XlsxHost.create()];
    const snapshots: WorkbookSnapshot[] = [];
    for (const host of hosts) {
      await fillWorkbook(host, { Driftbudget: budgetRows(5) }, { options });
      snapshots.push(await host.read(SHEET_NAMES));
    }
    const [excel, xlsx] = snapshots as [WorkbookSnapshot, WorkbookSnapshot];
    expect(excel.sheetNames.filter((n) => n !== 'Blad1')).toEqual(xlsx.sheetNames);
    const trim = <T>(rows: T[][]) =>
      rows
        .map((r) => {
          const c = Array.from(r, (v) => v ?? null);
          while (c.length && (c[c.length - 1] === null || c[c.length - 1] === undefined)) c.pop();
          return c;
        })
        .filter((r, i, all) => r.length || all.slice(i).some((x) => x.length));
    for (const name of SHEET_NAMES) {
      expect(trim(excel.sheets[name]!.formulas)).toEqual(trim(xlsx.sheets[name]!.formulas));
      // the fake does not calculate: compare values where no formula is
      const values = (s: WorkbookSnapshot) =>
        trim(s.sheets[name]!.values.map((row, r) => Array.from(row, (v, c) => (s.sheets[name]!.formulas[r]?.[c] ? null : v))));
      expect(values(excel)).toEqual(values(xlsx));
    }
  });

  test('select takes the user to the cell', async () => {
    const book = new FakeWorkbook();
    const host = new ExcelHost(book.run);
    await applyTemplate(host, options);
    await host.select('Indikatorer', 'F7');
    expect(book.selected).toEqual({ sheet: 'Indikatorer', address: 'F7' });
    expect(book.active).toBe('Indikatorer');
  });
});

describe('the office-js adapter tells when the workbook changes (Worksheet.onChanged, ExcelApi 1.7)', () => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

  test('one Excel.run and two syncs to start; a typed cell in a watched sheet is reported, other sheets are not', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Blad1');
    const host = new ExcelHost(book.run);
    await applyTemplate(host, options);
    book.runs = 0;
    book.syncs = 0;
    const changes: unknown[] = [];
    const stop = await host.watch(SHEET_NAMES, (c) => changes.push(c));
    expect(book.runs).toBe(1);
    expect(book.syncs).toBe(2);
    book.edit('Indikatorer', 'F2', 12);
    book.edit('Blad1', 'A1', 'mitt eget');
    await tick();
    expect(changes).toEqual([{ sheet: 'Indikatorer' }]);
    // a second listener adds no handler to a sheet that has one
    const other: unknown[] = [];
    await host.watch(['Mål'], (c) => other.push(c));
    expect(book.handlers.changed.get(book.sheet('Mål')!.id)).toHaveLength(1);
    stop();
    book.edit('Mål', 'A2', 'N9');
    await tick();
    expect(changes).toHaveLength(1);
    expect(other).toEqual([{ sheet: 'Mål' }]);
  });

  test('sheets added later (by "Skapa mallar") get their handlers in one more run; an addition or deletion is reported', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Blad1');
    const host = new ExcelHost(book.run);
    const changes: unknown[] = [];
    await host.watch(SHEET_NAMES, (c) => changes.push(c));
    book.runs = 0;
    await applyTemplate(host, options);
    await tick();
    expect(book.runs).toBe(2); // the template, then one run for all the added sheets' handlers
    expect(changes).toEqual([{}]);
    book.edit('Driftbudget', 'A2', 'Förskola');
    await tick();
    expect(changes).toEqual([{}, { sheet: 'Driftbudget' }]);
    book.deleteSheet('Blad1');
    await tick();
    expect(changes).toEqual([{}, { sheet: 'Driftbudget' }, {}]);
  });

  test('select without a cell shows the sheet and leaves its selection alone (never A1)', async () => {
    const book = new FakeWorkbook();
    const host = new ExcelHost(book.run);
    await applyTemplate(host, options);
    await host.select('Texter', '');
    expect(book.active).toBe('Texter');
    expect(book.selected).toBeUndefined();
  });
});
