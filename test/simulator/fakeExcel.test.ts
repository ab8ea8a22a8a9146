/**
 * The office-js stand-in refuses what real Excel refuses that we know of: reading a property
 * that was not loaded, more than 5 MB in one request or one response, and data validation
 * formulas Excel does not take. The adapter's own calls (template, validate, generate) pass
 * through it in test/hosts/excelHost.test.ts and test/taskpane.
 */
import { ExcelHost } from '../../src/hosts/excel/excelHost';
import { FakeWorkbook } from '../../src/simulator/excel/fakeExcel';
import { PAYLOAD_LIMIT_BYTES, validationFormulaProblem, validationRuleProblem } from '../../src/simulator/excel/limits';

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code,
  );

describe('reading what was not loaded', () => {
  test('a property read before load + sync throws PropertyNotLoaded; after them it reads', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Blad1').type('B2', 7);
    await book.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Blad1').getRange('B2');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(range.values).toEqual([[7]]);
      expect(() => range.formulas).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Finns inte');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
    });
  });
});

describe('5 MB per request and per response (Excel on the web)', () => {
  const big = (rows: number, text: string) => Array.from({ length: rows }, () => [text, text]);

  test('a write just under the limit goes through, one over it fails whole with RequestPayloadSizeLimitExceeded', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Blad1');
    const text = 'x'.repeat(500);
    const under = Math.floor(PAYLOAD_LIMIT_BYTES / 1010) - 100; // each row ≈ 2 × 502 bytes of JSON
    const ok = await code(
      book.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Blad1').getRange(`A1:B${under}`).values = big(under, text);
        await ctx.sync();
      }),
    );
    expect(ok).toBe('ok');
    expect(book.largest.request).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(book.largest.request).toBeGreaterThan(PAYLOAD_LIMIT_BYTES * 0.95);

    const over = under + 300;
    const other = new FakeWorkbook();
    other.addSheet('Blad1');
    const failed = await code(
      other.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Blad1');
        ws.getRange('D1').values = [['före']];
        ws.getRange(`A1:B${over}`).values = big(over, text);
        await ctx.sync();
      }),
    );
    expect(failed).toBe('RequestPayloadSizeLimitExceeded');
    expect(other.sheet('Blad1')!.cells.size).toBe(0); // nothing of the request was done
  });

  test('a read whose values pass 5 MB fails with ResponsePayloadSizeLimitExceeded, also through the adapter', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('Indikatorer');
    const text = 'Analys '.repeat(100); // 700 characters
    for (let r = 1; r <= 2500; r++) for (let c = 1; c <= 4; c++) sheet.cell(r, c).value = text;
    // values and formulas: 2 × 10 000 × ~700 bytes ≈ 14 MB
    expect(await code(new ExcelHost(book.run).read(['Indikatorer']))).toBe('ResponsePayloadSizeLimitExceeded');
    // a quarter of it is fine
    const small = new FakeWorkbook();
    const s = small.addSheet('Indikatorer');
    for (let r = 1; r <= 600; r++) for (let c = 1; c <= 4; c++) s.cell(r, c).value = text;
    const snapshot = await new ExcelHost(small.run).read(['Indikatorer']);
    expect(snapshot.sheets['Indikatorer']!.values).toHaveLength(600);
    expect(small.largest.response).toBeLessThan(PAYLOAD_LIMIT_BYTES);
  });
});

describe('data validation formulas Excel refuses', () => {
  test.each([
    ['255 characters', `=LEN(A1)<${'9'.repeat(246)}`, undefined],
    ['256 characters', `=LEN(A1)<${'9'.repeat(247)}`, /255/],
    ['an array constant', '=OR(A1={1,2,3})', /matriskonstant/],
    ['a reference to another workbook', '=[Budget.xlsx]Blad1!$A$1:$A$9', /andra arbetsböcker/],
    ['a quoted reference to another workbook', "='C:\\Mappar\\[Budget.xlsx]Blad1'!$A$1", /andra arbetsböcker/],
    ['a structured reference', '=Tabell1[Kolumn]', /tabellkolumner/],
    ['braces and brackets inside text', '=A1<>"{x} [y]"', undefined],
    ['a cross-sheet list', "='Listor (Planrapport)'!$A$2:$A$9", undefined],
    ['a number', 12, undefined],
  ])('%s', (_, formula, expected) => {
    const problem = validationFormulaProblem(formula);
    if (expected) expect(problem).toMatch(expected);
    else expect(problem).toBeUndefined();
  });

  test('a list typed out in the rule may hold 255 characters, not more', () => {
    expect(validationRuleProblem({ list: { inCellDropDown: true, source: 'a,'.repeat(127) + 'b' } })).toBeUndefined();
    expect(validationRuleProblem({ list: { inCellDropDown: true, source: 'a,'.repeat(128) } })).toMatch(/255/);
  });

  test('every formula of a rule is checked: formula1, formula2, custom, list source', () => {
    expect(validationRuleProblem({ decimal: { formula1: 0, formula2: '={1}', operator: 'Between' } })).toMatch(/matris/);
    expect(validationRuleProblem({ custom: { formula: '=[a.xlsx]b!A1' } })).toMatch(/arbetsböcker/);
    expect(validationRuleProblem({ wholeNumber: { formula1: 0, formula2: 10, operator: 'Between' } })).toBeUndefined();
  });

  test('the sync fails with InvalidArgument at that rule; what was queued before it stays done (as in Excel)', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Blad1');
    const result = await code(
      book.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Blad1');
        ws.getRange('A1').values = [['före']];
        ws.getRange('B2:B9').dataValidation.rule = { custom: { formula: `=LEN(B2)<${'1'.repeat(300)}` } };
        ws.getRange('A2').values = [['efter']];
        await ctx.sync();
      }),
    );
    expect(result).toBe('InvalidArgument');
    expect(book.sheet('Blad1')!.peek('A1')?.value).toBe('före');
    expect(book.sheet('Blad1')!.peek('A2')).toBeUndefined();
    expect(book.sheet('Blad1')!.validations.get('B2:B9')).toBeUndefined();
  });
});

describe('what the simulator listens to', () => {
  test('Worksheet.onChanged is raised for typed cells and for writes through the API; listeners hear selections', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('Blad1');
    const events: string[] = [];
    const changes: string[] = [];
    book.subscribe((c) => changes.push(...c.map((x) => x.type)));
    await book.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Blad1').onChanged.add(async (e) => void events.push(e.address));
      await ctx.sync();
    });
    sheet.type('C3', 'hej');
    await book.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Blad1');
      ws.getRange('A1:B1').values = [[1, 2]];
      ws.getRange('A1').select();
      await ctx.sync();
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(events).toEqual(['C3', 'A1:B1']);
    expect(changes).toEqual(['cells', 'cells', 'selection']);
    expect(book.selected).toEqual({ sheet: 'Blad1', address: 'A1' });
    sheet.type('C3', '=A1+B1');
    expect(sheet.peek('C3')).toEqual({ formula: '=A1+B1' });
  });

  test('sheets added and deleted raise WorksheetCollection.onAdded/onDeleted; a deleted sheet takes its handlers; a closed pane its own', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Blad1');
    const events: string[] = [];
    const changes: string[] = [];
    book.subscribe((c) => changes.push(...c.map((x) => x.type)));
    await book.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.onAdded.add(async (e) => void events.push(`${e.type} ${e.worksheetId}`));
      sheets.onDeleted.add(async (e) => void events.push(`${e.type} ${e.worksheetId}`));
      sheets.getItem('Blad1').onChanged.add(async () => void events.push('changed'));
      await ctx.sync();
    });
    const id = book.sheet('Blad1')!.id;
    expect(book.handlers.changed.get(id)).toHaveLength(1);
    await book.run(async (ctx) => {
      ctx.workbook.worksheets.add('Blad2');
      await ctx.sync();
    });
    const added = book.sheet('Blad2')!.id;
    book.deleteSheet('Blad1');
    await new Promise((r) => setTimeout(r, 5));
    expect(events).toEqual([`WorksheetAdded ${added}`, `WorksheetDeleted ${id}`]);
    expect(changes).toEqual(['sheets', 'sheets']);
    expect(book.handlers.changed.has(id)).toBe(false);
    book.removeHandlers();
    book.deleteSheet('Blad2');
    await new Promise((r) => setTimeout(r, 5));
    expect(events).toHaveLength(2);
  });
});
