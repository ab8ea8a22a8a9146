/** Template planning on snapshots: what `template` adds, and what it never touches. */
import { INDIKATORER, LISTS, LIST_SHEET, SHEETS, TEXTER, headerOf } from '../../../src/core/layout/layout';
import { columnLetter, parseRange } from '../../../src/core/cells/address';
import type { Edit } from '../../../src/core/workbook/edits';
import { readPlan } from '../../../src/core/workbook/readPlan';
import type { SheetSnapshot, WorkbookSnapshot } from '../../../src/core/workbook/snapshot';
import { LIST_SHEET_CANDIDATES, TEMPLATE_SHEETS, listSheetName, planTemplate, type TemplateOptions } from '../../../src/core/workbook/template';
import { validate } from '../../../src/core/rules/validate';
import { CLEAN_T2, templateOptionsOf } from '../../helpers/records';
import { MemoryHost, applyEdits, cloneSnapshot, snapshotOf, templatedSnapshot } from '../../helpers/snapshot';

/** Indikatorer's column of a header (positions follow the declaration). */
const letterOf = (header: string) => columnLetter(INDIKATORER.columns.findIndex((c) => c.header === header) + 1);
const KONTROLL = `${letterOf('Kontroll')}2`;

const T2: TemplateOptions = { kind: 'tertialrapport', year: 2019, tertial: 2, organisation: 'Testnämnden' };
const EMPTY: WorkbookSnapshot = { sheetNames: ['Blad1'], sheets: { Blad1: { name: 'Blad1', values: [], formulas: [] } } };

type Op<K extends Edit['op']> = Extract<Edit, { op: K }>;
const ops = <K extends Edit['op']>(edits: Edit[], op: K, sheet?: string) => edits.filter((e): e is Op<K> => e.op === op && (!sheet || e.sheet === sheet));
/** Every cell a plan writes, as "Sheet!A1" → what it writes. */
function written(edits: Edit[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const e of ops(edits, 'setCells')) {
    const { column, row } = parseRange(e.topLeft);
    e.rows.forEach((cells, r) =>
      cells.forEach((v, c) => {
        if (v !== null) out.set(`${e.sheet}!${columnLetter(column + c)}${row + r}`, v);
      }),
    );
  }
  return out;
}
const applied = (snapshot: WorkbookSnapshot, edits: Edit[]) => {
  const book = cloneSnapshot(snapshot);
  applyEdits(book, edits);
  return book;
};

describe('a new workbook', () => {
  const plan = planTemplate(EMPTY, T2);
  const book = applied(EMPTY, plan.edits);

  test('every sheet is added, in layout order, the hidden list sheet last, before any other edit', () => {
    const added = ops(plan.edits, 'addSheet').map((e) => e.sheet);
    expect(added).toEqual([...SHEETS.map((s) => s.name), LIST_SHEET]);
    expect(plan.edits.slice(0, added.length).every((e) => e.op === 'addSheet')).toBe(true);
    expect(book.sheets[LIST_SHEET]!.hidden).toBe(true);
    expect(plan.notes).toContain('Fliken Indikatorer lades till.');
  });

  test('headers from the layout (the previous year in Indikatorer), Dokument filled from the options', () => {
    expect(book.sheets['Indikatorer']!.values[0]).toEqual(INDIKATORER.columns.map((c) => headerOf(c, { year: 2019 })));
    expect(book.sheets['Indikatorer']!.values[0]).toContain('Periodens utfall VB 2018');
    const reading = readPlan(book);
    expect(reading.findings).toEqual([]);
    expect(reading.plan.info).toEqual({ kind: 'tertialrapport', year: 2019, tertial: 2, organisation: 'Testnämnden' });
  });

  test('the lists are written once each; dropdowns point at them over the template rows', () => {
    const lists = book.sheets[LIST_SHEET]!;
    expect(lists.values[0]).toEqual(Object.values(LISTS).map((l) => l.header));
    const unit = ops(plan.edits, 'validation', 'Indikatorer').find((v) => v.range === 'C2:C2000')!;
    const column = Object.keys(LISTS).indexOf('unit') + 1;
    const letter = columnLetter(column);
    expect(unit.rule).toEqual({ type: 'list', source: `=Listor!$${letter}$2:$${letter}$${LISTS.unit.values.length + 1}`, strict: false });
    expect(
      lists.values
        .slice(1)
        .map((r) => r[column - 1])
        .filter((v) => v !== null && v !== undefined),
    ).toEqual([...LISTS.unit.values]);
  });

  test('a tertial is written only for a tertialrapport', () => {
    const vp = readPlan(applied(EMPTY, planTemplate(EMPTY, { kind: 'verksamhetsplan', year: 2020, tertial: 2 }).edits));
    expect(vp.plan.info).toEqual({ kind: 'verksamhetsplan', year: 2020 });
  });
});

describe('applying the template again', () => {
  let book: WorkbookSnapshot;
  beforeAll(async () => {
    book = await templatedSnapshot(CLEAN_T2);
  });

  test('to a templated workbook with data writes no cell and adds no sheet', () => {
    const again = planTemplate(book, templateOptionsOf(CLEAN_T2));
    expect(ops(again.edits, 'addSheet')).toEqual([]);
    expect([...written(again.edits)]).toEqual([]);
    expect(again.notes).toEqual([]);
  });

  test('the templated workbook reads as the records do, without findings', () => {
    const templated = readPlan(book);
    const plain = readPlan(snapshotOf(CLEAN_T2));
    expect(templated.findings).toEqual([]);
    expect(validate(templated)).toEqual([]);
    expect(templated.plan).toEqual(plain.plan);
  });

  test('the same edits through the host port (MemoryHost) as applied directly', async () => {
    const host = new MemoryHost(EMPTY);
    await host.update(TEMPLATE_SHEETS, (s) => ({ edits: planTemplate(s, T2).edits, result: undefined }));
    expect(host.edits).toEqual(planTemplate(EMPTY, T2).edits);
    expect(host.snapshot()).toEqual(applied(EMPTY, host.edits));
  });
});

describe('what the user typed is kept', () => {
  const budget = () =>
    snapshotOf({
      Dokument: { Dokumenttyp: 'Tertialrapport', År: 2019 },
      Driftbudget: [
        { Verksamhet: 'A', Radtyp: 'Verksamhet', Budget: 20, Prognos: 18, 'Avvikelse budget prognos': 5 },
        { Verksamhet: 'B', Radtyp: 'Verksamhet', Budget: 8, Prognos: 9, 'Avvikelse budget prognos': { formula: '=D3-E3+1', value: 0 } },
        { Verksamhet: 'Summa', Radtyp: 'Summa', 'Avvikelse budget prognos': { formula: '=D4-E4', value: 0 } },
        { Verksamhet: 'C', Radtyp: 'verksamhet', Budget: 1 },
      ],
    });

  test('a typed value or the user’s own formula in a derived cell stays; empty cells and our own formulas get the formula', () => {
    const plan = planTemplate(budget(), T2);
    const cells = written(plan.edits);
    expect(cells.has('Driftbudget!F2')).toBe(false);
    expect(cells.has('Driftbudget!F3')).toBe(false);
    // row 4 held the formula Planrapport writes for a Verksamhet row; it is a Summa row now
    expect(cells.get('Driftbudget!F4')).toEqual({ formula: '=SUMIF($B$2:$B$3,"Verksamhet",$F$2:$F$3)' });
    expect(cells.get('Driftbudget!F5')).toEqual({ formula: '=D5-E5' });
    expect(cells.get('Driftbudget!H2')).toEqual({ formula: '=F2+G2' });
    expect(cells.get('Driftbudget!C4')).toEqual({ formula: '=SUMIF($B$2:$B$3,"Verksamhet",$C$2:$C$3)' });
    expect(plan.notes).toContain('Driftbudget: 2 egna värden eller formler i beräknade celler behölls (valideringen jämför dem med det beräknade).');
  });

  test('no cell holding a typed value is ever written, in any sheet', () => {
    const snapshot = budget();
    const cells = written(planTemplate(snapshot, T2).edits);
    for (const [ref] of cells) {
      const [sheet, address] = ref.split('!') as [string, string];
      const { column, row } = parseRange(address);
      if (snapshot.sheets[sheet]?.formulas[row - 1]?.[column - 1]) continue;
      const v = snapshot.sheets[sheet]?.values[row - 1]?.[column - 1] ?? null;
      expect([ref, v]).toEqual([ref, null]);
    }
  });

  test('a typed value in a formula column of Indikatorer stays; the formula goes on every other row and 200 below', () => {
    const snapshot = snapshotOf({ Dokument: { År: 2019 }, Indikatorer: [{ Indikator: 'A' }, { Indikator: 'B', Kontroll: 'OK för hand' }, { Indikator: 'C' }] });
    const block = ops(planTemplate(snapshot, T2).edits, 'setCells', 'Indikatorer').find((e) => e.topLeft === KONTROLL)!;
    expect(block.rows).toHaveLength(4 + 200 - 1);
    expect(block.rows[1]).toEqual([null]);
    expect(block.rows[0]![0]).toEqual({ formula: expect.stringMatching(/^=IF\(OR\(NOT\(ISNUMBER\(F2\)\)/) });
  });

  test('Dokument: a value already there is kept (with a note), missing fields are added below', () => {
    const snapshot = snapshotOf({ Dokument: { År: 2018, Egen: 'x', Organisation: null } });
    const plan = planTemplate(snapshot, T2);
    const cells = written(plan.edits);
    expect(cells.has('Dokument!B2')).toBe(false);
    expect(cells.get('Dokument!B4')).toBe('Testnämnden');
    expect(cells.get('Dokument!A5')).toBe('Dokumenttyp');
    expect(cells.get('Dokument!B5')).toBe('Tertialrapport');
    expect(plan.notes).toContain('Dokument: År är redan "2018" och behölls (angivet: "2019").');
    expect(plan.notes.find((n) => n.startsWith('Dokument: fälten'))).toMatch(/^Dokument: fälten Dokumenttyp, Tertial, Handläggare/);
  });
});

describe('Dokument without its header row', () => {
  test('Fält and Värde headers go to A and B when free, else after the last used column', () => {
    const free = snapshotOf({ Dokument: { År: 2019 } }, { headers: { Dokument: [null, null] } });
    expect(
      ops(planTemplate(free, T2).edits, 'setCells', 'Dokument')
        .slice(0, 2)
        .map((e) => [e.topLeft, e.rows]),
    ).toEqual([
      ['A1', [['Fält']]],
      ['B1', [['Värde']]],
    ]);
    const taken = snapshotOf({ Dokument: { År: 2019 } }, { headers: { Dokument: ['Fält', 'Anteckning', 'Mer'] } });
    expect(ops(planTemplate(taken, T2).edits, 'setCells', 'Dokument')[0]).toMatchObject({ topLeft: 'D1', rows: [['Värde']] });
  });

  test('without a year in the options, the headers take the year of Dokument', () => {
    const plan = planTemplate(snapshotOf({ Dokument: { År: '2021' } }, { only: true }), { kind: 'verksamhetsberattelse' });
    expect(written(plan.edits).get('Indikatorer!I1')).toBe('Periodens utfall VB 2020');
    const none = planTemplate(snapshotOf({ Dokument: { År: 'snart' } }, { only: true }), {});
    expect(written(none.edits).get('Indikatorer!I1')).toBe('Periodens utfall VB');
    expect(written(planTemplate(EMPTY, {}).edits).get('Indikatorer!I1')).toBe('Periodens utfall VB');
  });
});

describe('columns and sheets the workbook lacks', () => {
  test('missing columns go after the last used one (the user’s own included), with header, width and formats', () => {
    const headers = INDIKATORER.columns.map((c) => headerOf(c, { year: 2019 })).filter((h) => h !== 'Flagga' && h !== 'Kontroll');
    const snapshot = snapshotOf({ Dokument: { År: 2019 }, Indikatorer: [{ Indikator: 'A', Egen: 'min' }] }, { headers: { Indikatorer: [...headers, 'Egen'] } });
    const plan = planTemplate(snapshot, T2);
    const cells = written(plan.edits);
    // the user's Egen is the last of headers.length + 1 columns
    const [flagga, kontroll] = [columnLetter(headers.length + 2), columnLetter(headers.length + 3)];
    expect(cells.get(`Indikatorer!${flagga}1`)).toBe('Flagga');
    expect(cells.get(`Indikatorer!${kontroll}1`)).toBe('Kontroll');
    expect(cells.get(`Indikatorer!${kontroll}2`)).toEqual({ formula: expect.stringMatching(/^=IF\(OR\(NOT\(ISNUMBER\(F2\)\)/) });
    expect(ops(plan.edits, 'columnWidth', 'Indikatorer').map((e) => e.column)).toEqual([flagga, kontroll]);
    expect(plan.notes).toContain('Indikatorer: kolumnerna "Flagga", "Kontroll" lades till sist.');
    expect(readPlan(applied(snapshot, plan.edits)).findings).toEqual([]);
  });

  test('a missing sheet is added with all its columns; the others are left as they are', () => {
    const snapshot = snapshotOf(CLEAN_T2);
    const plan = planTemplate(snapshot, T2);
    expect(ops(plan.edits, 'addSheet').map((e) => e.sheet)).toEqual(['Budget kostnadsslag', 'Budget verksamhet', 'Tabeller', 'Listor']);
    expect(ops(plan.edits, 'setCells', 'Texter')).toEqual([]);
  });

  test('percent rows of Indikatorer get a percent format in their value cells, in runs', () => {
    const rows = ['%', '%', 'st', '%'].map((Enhet, i) => ({ Indikator: `I${i}`, Enhet }));
    const formats = ops(planTemplate(snapshotOf({ Dokument: { År: 2019 }, Indikatorer: rows }), T2).edits, 'numberFormat', 'Indikatorer').filter((e) =>
      e.format.includes('%'),
    );
    expect(formats.filter((e) => e.range.startsWith('F'))).toEqual([
      { op: 'numberFormat', sheet: 'Indikatorer', range: 'F2:F3', format: '0.0#\\ %' },
      { op: 'numberFormat', sheet: 'Indikatorer', range: 'F5:F5', format: '0.0#\\ %' },
    ]);
    expect(formats).toHaveLength(7 * 2);
  });
});

describe('the list sheet', () => {
  test('a user’s own "Listor" is never taken over: the lists go to a hidden sheet of their own', () => {
    for (const name of ['Listor', 'listor']) {
      const snapshot = snapshotOf(CLEAN_T2, { extra: { [name]: [['Mina saker'], ['a']] } });
      const plan = planTemplate(snapshot, T2);
      expect(listSheetName(snapshot)).toBe('Listor (Planrapport)');
      expect(ops(plan.edits, 'addSheet').map((e) => e.sheet)).toContain('Listor (Planrapport)');
      expect(ops(plan.edits, 'setCells', name)).toEqual([]);
      expect(ops(plan.edits, 'setSheetVisible')).toEqual([{ op: 'setSheetVisible', sheet: 'Listor (Planrapport)', visible: false }]);
      expect(plan.notes).toContain('Fliken Listor är din egen och lämnades orörd; Planrapports listor ligger i den dolda fliken Listor (Planrapport).');
      const level = ops(plan.edits, 'validation', 'Mål').find((v) => v.rule.type === 'list')!;
      expect(level.rule).toMatchObject({ source: expect.stringMatching(/^='Listor \(Planrapport\)'!\$[A-Z]+\$2:/) });
    }
  });

  test('Planrapport’s own list sheet is reused and completed, keeping what the user added', () => {
    const header = Object.values(LISTS).map((l) => l.header);
    const unitColumn = header.indexOf('Enhet');
    const rows: (string | null)[][] = [header, ...['%', 'st', 'barn/avd.'].map((u) => header.map((_, i) => (i === unitColumn ? u : null)))];
    const snapshot = snapshotOf(CLEAN_T2, { extra: { Listor: rows } });
    expect(listSheetName(snapshot)).toBe('Listor');
    const plan = planTemplate(snapshot, T2);
    const letter = columnLetter(unitColumn + 1);
    const appended = ops(plan.edits, 'setCells', 'Listor').find((e) => e.topLeft === `${letter}5`)!;
    expect(appended.rows.map((r) => r[0])).toEqual(LISTS.unit.values.filter((v) => !['%', 'st'].includes(v)));
    const total = 3 + appended.rows.length + 1;
    expect(ops(plan.edits, 'validation', 'Indikatorer').find((v) => v.range === 'C2:C2000')!.rule).toMatchObject({
      source: `=Listor!$${letter}$2:$${letter}$${total}`,
    });
  });

  test('every candidate name taken by the user: a name of its own', () => {
    const names = ['Blad1', ...LIST_SHEET_CANDIDATES];
    const snapshot: WorkbookSnapshot = { sheetNames: names, sheets: {} };
    expect(listSheetName(snapshot)).toBe(`Listor (Planrapport ${names.length + 1})`);
    expect(TEMPLATE_SHEETS).toEqual(expect.arrayContaining([...SHEETS.map((s) => s.name), ...LIST_SHEET_CANDIDATES]));
  });
});

describe('ranges stay within the data and the sheet', () => {
  const lastRow = (range: string) => parseRange(range).lastRow;
  const maxRow = (edits: Edit[], sheet: string) =>
    Math.max(
      ...edits.flatMap((e) => {
        if (e.sheet !== sheet) return [];
        if ('range' in e) return [lastRow(e.range)];
        if (e.op === 'setCells') return [parseRange(e.topLeft).row + e.rows.length - 1];
        return [];
      }),
    );

  test('checks reach 2000 rows, or the data plus 500; formulas the data plus 200', () => {
    const rows = Array.from({ length: 1600 }, (_, i) => ({ Indikator: `I${i}` }));
    const plan = planTemplate(snapshotOf({ Dokument: { År: 2019 }, Indikatorer: rows }), T2);
    expect(maxRow(plan.edits, 'Indikatorer')).toBe(1601 + 500);
    expect(ops(plan.edits, 'setCells', 'Indikatorer').find((e) => e.topLeft === KONTROLL)!.rows).toHaveLength(1601 + 200 - 1);
    expect(maxRow(plan.edits, 'Texter')).toBe(2000);
  });

  test('a stray value beyond the read limits (row 1 048 576) is left where it is, noted, and changes no range', () => {
    const snapshot = snapshotOf(CLEAN_T2);
    snapshot.sheets['Indikatorer']!.outside = { row: 1_048_576, column: 2 };
    const plan = planTemplate(snapshot, T2);
    expect(maxRow(plan.edits, 'Indikatorer')).toBe(2000);
    expect(plan.notes).toContain('Indikatorer!B1048576: ett värde långt utanför tabellen lämnades orört och läses inte (se "planrapport validate").');
  });

  test('a stray value read near the bottom of the sheet: no range goes past row 1 048 576', () => {
    const texter: SheetSnapshot = { name: 'Texter', values: new Array<SheetSnapshot['values'][number]>(1_048_570).fill([]), formulas: [] };
    texter.values[0] = TEXTER.columns.map((c) => c.header);
    texter.values[1_048_569] = ['Glömt avsnitt'];
    const snapshot = snapshotOf(CLEAN_T2);
    snapshot.sheets['Texter'] = texter;
    const plan = planTemplate(snapshot, T2);
    expect(maxRow(plan.edits, 'Texter')).toBe(1_048_576);
  });
});

describe('"Uppdatera mallar" with other document values (replaceDocument)', () => {
  const dokument = () =>
    snapshotOf({
      Dokument: { Dokumenttyp: 'Tertialrapport', År: 2019, Tertial: 1, Organisation: 'Gamla nämnden', Datum: { formula: '=TODAY()', value: 43800 } },
      Indikatorer: [{ Indikator: 'A', 'Periodens utfall VB 2018': 3 }],
    });

  test('without it (the CLI) the typed values are kept, with a note', () => {
    const plan = planTemplate(dokument(), { kind: 'tertialrapport', year: 2020, tertial: 2, organisation: 'Nya nämnden' });
    const cells = written(plan.edits);
    expect([...cells.keys()].filter((k) => k.startsWith('Dokument!B'))).toEqual([]);
    expect(plan.notes).toContain('Dokument: År är redan "2019" och behölls (angivet: "2020").');
  });

  test('with it the year, tertial, kind and organisation are replaced and the document reads as the form said', () => {
    const snapshot = dokument();
    const options: TemplateOptions = { kind: 'tertialrapport', year: 2020, tertial: 2, organisation: 'Nya nämnden', replaceDocument: true };
    const plan = planTemplate(snapshot, options);
    const book = applied(snapshot, plan.edits);
    expect(readPlan(book).plan.info).toEqual({ kind: 'tertialrapport', year: 2020, tertial: 2, organisation: 'Nya nämnden', date: expect.anything() });
    expect(plan.notes).toContain('Dokument: År ändrades från "2019" till "2020".');
    expect(plan.notes).toContain('Dokument: Tertial ändrades från "1" till "2".');
    expect(plan.notes).toContain('Dokument: Organisation ändrades från "Gamla nämnden" till "Nya nämnden".');
    // the header that carries the previous year follows; the value under it stays
    expect(book.sheets['Indikatorer']!.values[0]).toContain('Periodens utfall VB 2019');
    expect(book.sheets['Indikatorer']!.values[0]).not.toContain('Periodens utfall VB 2018');
    expect(plan.notes).toContain('Indikatorer: rubriken "Periodens utfall VB 2018" ändrades till "Periodens utfall VB 2019".');
    expect(readPlan(book).plan.indicators[0]!.previousOutcome).toEqual(readPlan(snapshot).plan.indicators[0]!.previousOutcome);
    // applying it again changes nothing more
    const again = planTemplate(book, options);
    expect([...written(again.edits)]).toEqual([]);
    expect(again.notes).toEqual([]);
  });

  test('another kind: Dokumenttyp changes, a formula in Dokument is never written over', () => {
    const plan = planTemplate(dokument(), { kind: 'verksamhetsplan', year: 2019, replaceDocument: true });
    const book = applied(dokument(), plan.edits);
    expect(readPlan(book).plan.info.kind).toBe('verksamhetsplan');
    const datum = ops(plan.edits, 'setCells', 'Dokument').filter((e) => e.rows.some((r) => r.some((c) => typeof c === 'object' && c !== null)));
    expect(datum).toEqual([]);
  });
});
