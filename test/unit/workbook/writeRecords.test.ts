import { appendRecords, setFields } from '../../../src/core/workbook/writeRecords';
import type { Edit } from '../../../src/core/workbook/edits';
import { snapshotOf } from '../../helpers/snapshot';

type SetCells = Extract<Edit, { op: 'setCells' }>;
const cells = (edits: Edit[]) => (edits as SetCells[]).map((e) => [e.topLeft, e.rows[0]!.map((v) => v)]);

describe('records written under their headers', () => {
  const snapshot = snapshotOf(
    { Dokument: { År: 2019 }, Driftbudget: [{ Verksamhet: 'Befintlig', Radtyp: 'Verksamhet', Budget: 1 }] },
    { headers: { Driftbudget: ['Radtyp', 'Egen', 'Verksamhet', 'Budget', 'Prognos', 'Avvikelse budget prognos'] } },
  );

  test('below the last data row, in whatever column each header is; other columns left alone (null)', () => {
    const { edits, unplaced } = appendRecords(snapshot, 'Driftbudget', [
      { Verksamhet: 'Ny', Radtyp: 'Verksamhet', Budget: 5, Prognos: 4 },
      { Verksamhet: 'Summa', Radtyp: 'Summa', Kommentar: '', Analys: null },
    ]);
    expect(cells(edits)).toEqual([
      ['A3', ['Verksamhet', null, 'Ny', 5, 4, null]],
      ['A4', ['Summa', null, 'Summa', null, null, null]],
    ]);
    expect(unplaced).toEqual([]);
  });

  test('keys without a column are reported, blank ones are not', () => {
    const { unplaced } = appendRecords(snapshot, 'Driftbudget', [{ Verksamhet: 'X', Utfall: 3, Analys: 'text', Tom: '' }]);
    expect(unplaced.sort()).toEqual(['Analys', 'Utfall']);
  });

  test('leaveDerived: the row type’s derived cells are left for the formulas', () => {
    const { edits } = appendRecords(snapshot, 'Driftbudget', [{ Verksamhet: 'Ny', Radtyp: 'Verksamhet', Budget: 5, 'Avvikelse budget prognos': 9 }], {
      leaveDerived: true,
    });
    expect(cells(edits)).toEqual([['A3', ['Verksamhet', null, 'Ny', 5, null, null]]]);
  });

  test('dates as dates in date columns; "Periodens utfall VB" with any year goes to its column', () => {
    const book = snapshotOf({ Dokument: { År: 2020 } });
    const activity = appendRecords(book, 'Aktiviteter', [{ Aktivitet: 'A', Startdatum: '2020-01-01', Avvikelse: '2020-01-01' }]);
    expect(cells(activity.edits)[0]![1]).toEqual([null, 'A', { date: '2020-01-01' }, null, null, '2020-01-01', null]);
    const indicator = appendRecords(book, 'Indikatorer', [{ Indikator: 'I', 'Periodens utfall VB 2017': 0.5 }]);
    expect(indicator.unplaced).toEqual([]);
    expect(cells(indicator.edits)[0]![1]![8]).toBe(0.5);
  });

  test('a sheet the workbook or the layout lacks is an error to fix in the test', () => {
    expect(() => appendRecords(snapshotOf({}, { only: true }), 'Texter', [])).toThrow(/Fliken Texter finns inte/);
    expect(() => appendRecords(snapshot, 'Listor', [])).toThrow(/Fliken Listor/);
  });
});

describe('Dokument fields written into Värde', () => {
  test('only fields with a row; a date as a date', () => {
    const snapshot = snapshotOf({ Dokument: { Dokumenttyp: null, År: null, Datum: null } });
    expect(cells(setFields(snapshot, { År: 2019, Datum: '2019-09-26', Organisation: 'N', Okänt: 'x' }))).toEqual([
      ['B3', [2019]],
      ['B4', [{ date: '2019-09-26' }]],
    ]);
  });

  test('without Dokument: an error', () => {
    expect(() => setFields(snapshotOf({ Texter: [] }, { only: true }), {})).toThrow(/Fliken Dokument finns inte/);
  });
});
