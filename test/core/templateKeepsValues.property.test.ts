/**
 * Property: over many randomized workbooks in which a user has typed values into every
 * column (in any order, some of our columns missing), an extra column with their own
 * formulas, an extra sheet, cell styles, notes and defined names, running `template` again
 * leaves every typed value, formula, style, note and name unchanged, every part it does not
 * own byte for byte, and re-applies the formulas and validations. Runs through the real
 * .xlsx round trip (exceljs writes the input; the package adapter writes the output).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import fc from 'fast-check';
import { DRIFTBUDGET, DOKUMENT, LISTS, SHEETS, headerOf, type ColumnSpec, type TableSheetSpec } from '../../src/core/layout/layout';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';
import { applyTemplate } from '../../src/usecases/template';
import { expandFormula } from '../../src/core/layout/formulas';
import { cellAddress, columnIndex } from '../../src/core/cells/address';
import { hasInvalidCharacters } from '../../src/core/values/text';
import { fcSeed } from '../helpers/fcSeed';

type Typed = string | number | boolean | Date;

const text = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 30 }),
    fc.constantFrom('=1+1', '<p>Analys</p>', 'Tas fram av nämnd', '0,8 %', '1 050 st', '−4,3', 'i.u.', 'Åäö – "citat" & <b>', 'rad 1\nrad 2'),
  )
  .filter((s) => s.trim() !== '' && !hasInvalidCharacters(s));
const number = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((d) => Math.round(d * 1000) / 1000),
);
const date = fc
  .date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true })
  .map((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())));

const tableSpecs = SHEETS.filter((s): s is TableSheetSpec => s.kind === 'table');

function valueFor(col: ColumnSpec): fc.Arbitrary<Typed> {
  if (col.list) return fc.oneof(fc.constantFrom(...(LISTS[col.list].values as (string | number)[])), text);
  switch (col.kind) {
    case 'date':
      return fc.oneof(date, text);
    case 'amount':
    case 'integer':
      return fc.oneof(number, text);
    case 'value':
      return fc.oneof(number, text);
    default:
      return fc.oneof(text, number, fc.boolean());
  }
}

interface SheetPlan {
  sheet: string;
  columns: string[]; // column keys in sheet order, 'extra' for the user's own column
  rows: (Typed | null)[][];
}

function sheetPlan(spec: TableSheetSpec): fc.Arbitrary<SheetPlan> {
  return fc
    .tuple(
      fc.shuffledSubarray(
        spec.columns.map((c) => c.key),
        { minLength: Math.max(1, spec.columns.length - 3) },
      ),
      fc.nat({ max: spec.columns.length }),
    )
    .chain(([keys, extraAt]) => {
      const columns = [...keys];
      columns.splice(Math.min(extraAt, columns.length), 0, 'extra');
      const cell = (key: string) => fc.option(key === 'extra' ? text : valueFor(spec.columns.find((c) => c.key === key)!), { freq: 3 });
      const row = fc.tuple(...columns.map(cell));
      return fc.array(row, { minLength: 1, maxLength: 6 }).map((rows) => ({ sheet: spec.name, columns, rows }));
    });
}

const specOf = (name: string) => tableSpecs.find((s) => s.name === name)!;

const workbookPlan = fc.record({
  sheets: fc.tuple(...tableSpecs.map(sheetPlan)),
  dokument: fc.subarray(
    DOKUMENT.fields.map((f) => f.label),
    { minLength: 1 },
  ),
  dokumentValues: fc.array(fc.oneof(text, number), { minLength: DOKUMENT.fields.length, maxLength: DOKUMENT.fields.length }),
  notes: fc.array(fc.oneof(text, number), { minLength: 1, maxLength: 5 }),
});

type WorkbookPlan = typeof workbookPlan extends fc.Arbitrary<infer T> ? T : never;

async function build(plan: WorkbookPlan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const doc = wb.addWorksheet('Dokument');
  doc.getCell('A1').value = 'Fält';
  doc.getCell('B1').value = 'Värde';
  doc.getCell('C1').value = 'Min kommentar';
  plan.dokument.forEach((label, i) => {
    doc.getCell(i + 2, 1).value = label;
    doc.getCell(i + 2, 2).value = plan.dokumentValues[i]!;
    doc.getCell(i + 2, 3).value = `kommentar ${i}`;
  });
  for (const s of plan.sheets) {
    const spec = specOf(s.sheet);
    const ws = wb.addWorksheet(spec.name);
    s.columns.forEach(
      (key, j) =>
        (ws.getCell(1, j + 1).value =
          key === 'extra'
            ? 'Egen kolumn'
            : headerOf(
                spec.columns.find((c) => c.key === key)!,
                { year: 2019 },
              )),
    );
    s.rows.forEach((row, i) => row.forEach((v, j) => v !== null && (ws.getCell(i + 2, j + 1).value = v)));
  }
  const notes = wb.addWorksheet('Anteckningar');
  plan.notes.forEach((v, i) => (notes.getCell(i + 1, 2).value = v));
  // the user's own work beyond values: formulas, styles, notes, names
  notes.getCell('D1').value = { formula: 'COUNTA(B1:B10)*Faktor', result: plan.notes.length * 2 } as ExcelJS.CellFormulaValue;
  notes.getCell('D1').note = 'Räknar anteckningarna';
  wb.definedNames.add('Anteckningar!$B$1:$B$10', 'Anteckningsområde');
  plan.sheets.forEach((s, k) => {
    const ws = wb.getWorksheet(s.sheet)!;
    const extra = s.columns.indexOf('extra') + 1;
    ws.getCell(2, extra).value = { formula: `ROW()*${k + 1}`, result: 2 * (k + 1) } as ExcelJS.CellFormulaValue;
    ws.getCell(2, 1).note = `Anteckning ${k}`;
    s.rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || (i + j + k) % 3 !== 0) return;
        const cell = ws.getCell(i + 2, j + 1);
        cell.font = { bold: true, italic: (i + j) % 2 === 0, color: { argb: 'FF7030A0' } };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: (i + k) % 2 ? 'FFFFFF00' : 'FFC6EFCE' } };
      }),
    );
  });
  // a constant name (exceljs writes only range names): added to workbook.xml as Excel writes it
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  zip.file('xl/workbook.xml', workbook.replace('</definedNames>', `<definedName name="Faktor">${FAKTOR}</definedName></definedNames>`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const FAKTOR = '2';

/** The parts Planrapport may change when it templates an existing workbook; every other part must come back byte for byte. */
const OWNED = /^(xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|\[Content_Types\]\.xml|xl\/styles\.xml|xl\/worksheets\/sheet\d+\.xml)$/;

async function partsOf(buf: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(buf);
  const out = new Map<string, Buffer>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) out.set(name, await file.async('nodebuffer'));
  return out;
}

const DEFAULT_FONT = JSON.stringify({ color: { theme: 1 }, family: 2, scheme: 'minor', size: 11, name: 'Calibri' });

/** Font and fill of every cell below the header rows, as exceljs reads them. */
function looks(wb: ExcelJS.Workbook): Map<string, string> {
  const out = new Map<string, string>();
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (r === 1) return;
        // a cell format that only repeats the defaults looks like none
        const font = cell.font && JSON.stringify(cell.font) !== DEFAULT_FONT ? cell.font : null;
        const fill = cell.fill && !(cell.fill.type === 'pattern' && cell.fill.pattern === 'none') ? cell.fill : null;
        out.set(`${ws.name}!${cellAddress(c, r)}`, JSON.stringify({ font, fill }));
      }),
    ),
  );
  return out;
}

/**
 * What a cell holds, as Excel stores it: a date is its serial number, so a number typed in a
 * cell the template then formats as a date (Dokument's Datum) is the same value it was.
 */
const excelSerial = (d: Date) => d.getTime() / 86_400_000 + 25_569;

function cells(wb: ExcelJS.Workbook): Map<string, unknown> {
  const out = new Map<string, unknown>();
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const v = cell.value;
        if (v !== null && v !== undefined) out.set(`${ws.name}!${cellAddress(c, r)}`, v instanceof Date ? excelSerial(v) : v);
      }),
    ),
  );
  return out;
}

describe('template on an existing workbook', () => {
  test('keeps every typed value and re-applies formulas and validations', async () => {
    await fc.assert(
      fc.asyncProperty(workbookPlan, async (plan) => {
        const before = await build(plan);
        const original = new ExcelJS.Workbook();
        await original.xlsx.load(before as unknown as ArrayBuffer);
        const typed = cells(original);

        const host = await XlsxHost.fromBuffer(before);
        await applyTemplate(host, { kind: 'tertialrapport', year: 2019, tertial: 2, organisation: 'X' });
        const after = new ExcelJS.Workbook();
        await after.xlsx.load((await host.toBuffer()) as unknown as ArrayBuffer);
        const now = cells(after);

        // 1. nothing the user typed is changed or lost: values, formulas, styles, notes, names, parts
        for (const [key, value] of typed) expect([key, now.get(key)]).toEqual([key, value]);
        expect(after.getWorksheet('Anteckningar')).toBeDefined();
        const lookBefore = looks(original);
        const lookAfter = looks(after);
        for (const [key, look] of lookBefore) expect([key, lookAfter.get(key)]).toEqual([key, look]);
        const partsBefore = await partsOf(before);
        const partsAfter = await partsOf(await host.toBuffer());
        for (const [name, bytes] of partsBefore) {
          expect([name, partsAfter.has(name)]).toEqual([name, true]);
          if (!OWNED.test(name)) expect([name, partsAfter.get(name)!.equals(bytes)]).toEqual([name, true]);
        }
        const workbookXml = partsAfter.get('xl/workbook.xml')!.toString('utf8');
        expect(workbookXml).toContain(`<definedName name="Faktor">${FAKTOR}</definedName>`);
        expect(workbookXml).toMatch(/<definedName name="Anteckningsområde">Anteckningar!\$B\$1:\$B\$10<\/definedName>/);
        expect(after.getWorksheet('Anteckningar')!.getCell('D1').formula).toBe('COUNTA(B1:B10)*Faktor');
        // notes (exceljs does not read them back): their parts are unchanged above; each sheet still points at them
        for (const [name, bytes] of partsBefore) {
          if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
          const drawing = /<legacyDrawing r:id="[^"]+"\/>/.exec(bytes.toString('utf8'))?.[0];
          if (drawing) expect([name, partsAfter.get(name)!.toString('utf8').includes(drawing)]).toEqual([name, true]);
        }
        expect([...partsBefore.keys()].filter((n) => /comments\d+\.xml$/.test(n)).length).toBe(plan.sheets.length + 1);

        // 2. every layout column has a header now, and choice columns have their dropdown on the data rows
        for (const s of plan.sheets) {
          const spec = specOf(s.sheet);
          const ws = after.getWorksheet(spec.name)!;
          const headers = new Map<string, number>();
          ws.getRow(1).eachCell((cell, c) => headers.set(String(cell.value), c));
          for (const col of spec.columns) {
            const c = headers.get(headerOf(col, { year: 2019 }));
            expect([spec.name, col.header, c !== undefined]).toEqual([spec.name, col.header, true]);
            if (col.list) {
              const dv = (ws as unknown as { dataValidations: { model: Record<string, { type: string }> } }).dataValidations.model;
              for (let row = 2; row <= s.rows.length + 1; row++) {
                const hit = Object.entries(dv).find(([range]) => {
                  const [a, b] = range.split(':');
                  const from = a!.match(/^([A-Z]+)(\d+)$/)!;
                  const to = (b ?? a)!.match(/^([A-Z]+)(\d+)$/)!;
                  return columnIndex(from[1]!) <= c! && c! <= columnIndex(to[1]!) && Number(from[2]) <= row && Number(to[2]) >= row;
                });
                expect([spec.name, col.header, row, hit?.[1].type]).toEqual([spec.name, col.header, row, 'list']);
              }
            }
          }
          // 3. Driftbudget: derived cells that were empty (or in a column just added) now hold the formula
          if (spec === DRIFTBUDGET) {
            const col = (key: string) => headers.get(spec.columns.find((x) => x.key === key)!.header);
            s.rows.forEach((_, i) => {
              const row = i + 2;
              const type = ws.getCell(row, col('rowType')!).value;
              const formulas = typeof type === 'string' ? DRIFTBUDGET.rowFormulas!.byType[type] : undefined;
              for (const [key, template] of Object.entries(formulas ?? {})) {
                const cell = ws.getCell(row, col(key)!);
                if (typed.has(`${spec.name}!${cellAddress(col(key)!, row)}`)) continue;
                const expected = expandFormula(template!, { row, columnOf: (k) => col(k) })!.slice(1);
                expect(cell.formula).toBe(expected);
              }
            });
          }
        }
        // 4. every Dokument field is there
        const doc = after.getWorksheet('Dokument')!;
        const labels: string[] = [];
        doc.getColumn(1).eachCell((cell) => labels.push(String(cell.value)));
        for (const f of DOKUMENT.fields) expect(labels).toContain(f.label);
      }),
      { numRuns: 60, ...fcSeed() },
    );
  }, 240_000); // 60 workbooks: room for a slow, shared CI machine (this is not a timing test)
});
