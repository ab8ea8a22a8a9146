import { DOKUMENT, INDIKATORER, TEXTER, derivedKeys } from '../../../src/core/layout/layout';
import { cellAt, isBlank, isErrorText, isErrorValue, type SheetSnapshot } from '../../../src/core/workbook/snapshot';
import { lastDataRow, mapColumns, readFields, readRecords } from '../../../src/core/workbook/table';

const sheet = (values: SheetSnapshot['values'], formulas: SheetSnapshot['formulas'] = [], extra: Partial<SheetSnapshot> = {}): SheetSnapshot => ({
  name: 'Blad',
  values,
  formulas,
  ...extra,
});

describe('what a host read', () => {
  const s = sheet([['a', null], [1]], [[undefined, '=1']]);

  test('cells by 1-based row and column; beyond the read area is empty', () => {
    expect(cellAt(s, 1, 1)).toBe('a');
    expect(cellAt(s, 2, 1)).toBe(1);
    expect(cellAt(s, 2, 5)).toBeNull();
    expect(cellAt(s, 9, 1)).toBeNull();
  });

  test('blank: null or whitespace; 0, false and errors are not blank', () => {
    expect(isBlank(null)).toBe(true);
    expect(isBlank(' \n\t')).toBe(true);
    for (const v of [0, false, 'x', { error: '#N/A' }, new Date(0)]) expect(isBlank(v)).toBe(false);
  });

  test('error values and error texts', () => {
    expect(isErrorValue({ error: '#REF!' })).toBe(true);
    expect(isErrorValue(new Date(0))).toBe(false);
    expect(isErrorValue('#REF!')).toBe(false);
    expect(isErrorText(' #div/0! ')).toBe(true);
    expect(isErrorText('#SPILL!')).toBe(true);
    expect(isErrorText('#hashtag')).toBe(false);
    expect(isErrorText('Se #REF! i cellen ovanför, som är fel')).toBe(false);
  });
});

describe('columns found by header text', () => {
  test('any order; unknown and doubled headers are listed; numbers count as header text', () => {
    const map = mapColumns(sheet([['Text', 2019, ' Avsnitt ', 'Egen', 'Text', null, '']]), TEXTER.columns);
    const header = (key: string) => TEXTER.columns.find((c) => c.key === key)!.header;
    expect([...map.byKey].map(([k, c]) => [header(k), c])).toEqual([
      ['Text', 1],
      ['Avsnitt', 3],
    ]);
    expect(map.headerByKey.get([...map.byKey.keys()][1]!)).toBe('Avsnitt');
    expect(map.unknownHeaders).toEqual([
      { column: 2, text: '2019' },
      { column: 4, text: 'Egen' },
    ]);
    expect(map.duplicates).toEqual([{ key: [...map.byKey.keys()][0], column: 5 }]);
    expect(map.lastUsedColumn).toBe(5);
  });

  test('the last used column counts data, formulas and what the host saw beyond its limit', () => {
    expect(mapColumns(sheet([['Avsnitt'], [null, null, 'x']]), TEXTER.columns).lastUsedColumn).toBe(3);
    expect(mapColumns(sheet([['Avsnitt']], [[], [undefined, undefined, undefined, '=1']]), TEXTER.columns).lastUsedColumn).toBe(4);
    expect(mapColumns(sheet([['Avsnitt']], [], { usedColumns: 1200 }), TEXTER.columns).lastUsedColumn).toBe(1200);
    expect(mapColumns(sheet([]), TEXTER.columns).lastUsedColumn).toBe(0);
  });

  test('the year-dependent header is found with whatever year it has', () => {
    const map = mapColumns(sheet([['Periodens utfall VB 2017']]), INDIKATORER.columns);
    expect(map.byKey.size).toBe(1);
    expect([...map.headerByKey.values()]).toEqual(['Periodens utfall VB 2017']);
  });
});

describe('records', () => {
  const derived = derivedKeys(INDIKATORER);
  const s = sheet(
    [['Indikator', 'Kontroll', 'Egen'], ['A', null, 'x'], [null, null, 'bara i egen kolumn'], ['  ', 'OK', null], [null, null], ['B']],
    [[], [], [], [undefined, '=IF(1,"OK")'], [undefined, '=IF(1,"")']],
  );
  const map = mapColumns(s, INDIKATORER.columns);

  test('rows with input in a layout column, from row 2; derived columns and formulas are not input', () => {
    const records = readRecords(s, map, derived);
    expect(records.map((r) => r.row)).toEqual([2, 6]);
    expect(Object.values(records[0]!.cells)).toEqual(['A', null]);
    expect(readRecords(s, map).map((r) => r.row)).toEqual([2, 6]);
  });

  test('a derived column with a typed value still is no input; without the derived set it is', () => {
    const typed = sheet([
      ['Indikator', 'Kontroll'],
      [null, 'typed'],
    ]);
    const m = mapColumns(typed, INDIKATORER.columns);
    expect(readRecords(typed, m, derived)).toEqual([]);
    expect(readRecords(typed, m).map((r) => r.row)).toEqual([2]);
  });

  test('the last data row, or 1 when there is none', () => {
    expect(lastDataRow(s, map, derived)).toBe(6);
    expect(lastDataRow(sheet([['Indikator'], [null]]), map, derived)).toBe(1);
  });
});

describe('Dokument fields', () => {
  test('by label, any case, the first of each; Fält and Värde wherever they are', () => {
    const s = sheet(
      [
        ['Not', 'Värde', 'Fält'],
        [null, 'Tertialrapport', 'dokumenttyp'],
        [null, 2019, 'År '],
        [null, 2020, 'År'],
        [null, 'x', 'Egen rad'],
        [null, 'y', 42],
      ],
      [[], [], [undefined, '=2018+1']],
    );
    const { map, fields } = readFields(s, DOKUMENT);
    expect(map.byKey.get('field')).toBe(3);
    expect(map.byKey.get('value')).toBe(2);
    expect([...fields.values()]).toEqual([
      { row: 2, label: 'dokumenttyp', value: 'Tertialrapport', formula: undefined },
      { row: 3, label: 'År', value: 2019, formula: '=2018+1' },
    ]);
  });

  test('without a header row: Fält in A, Värde in B', () => {
    const { fields } = readFields(sheet([[null], ['Organisation', 'Nämnden']]), DOKUMENT);
    expect([...fields.values()].map((f) => f.value)).toEqual(['Nämnden']);
  });
});
