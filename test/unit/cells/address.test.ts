import { cellAddress, columnIndex, columnLetter, parseCell, parseRange, sheetRef } from '../../../src/core/cells/address';

describe('A1 addresses', () => {
  test.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [702, 'ZZ'],
    [703, 'AAA'],
    [1000, 'ALL'],
    [16384, 'XFD'],
  ])('column %i is %s and back', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
    expect(columnIndex(letters.toLowerCase())).toBe(index);
  });

  test('cells and ranges', () => {
    expect(cellAddress(3, 7)).toBe('C7');
    expect(parseCell('C7')).toEqual({ column: 3, row: 7 });
    expect(parseCell(' $XFD$1048576 ')).toEqual({ column: 16384, row: 1_048_576 });
    expect(parseCell('ab12')).toEqual({ column: 28, row: 12 });
    expect(parseRange('B2:D5')).toEqual({ column: 2, row: 2, lastColumn: 4, lastRow: 5 });
    expect(parseRange('B2')).toEqual({ column: 2, row: 2, lastColumn: 2, lastRow: 2 });
  });

  test.each(['', 'A', '7', 'A0B', 'R1C1', 'A1:B2'])('%j is no cell', (text) => {
    expect(() => parseCell(text)).toThrow(/Ogiltig celladress/);
  });

  test('sheet names are quoted in formulas when they need it', () => {
    expect(sheetRef('Listor')).toBe('Listor');
    expect(sheetRef('_x1')).toBe('_x1');
    expect(sheetRef('Budget kostnadsslag')).toBe("'Budget kostnadsslag'");
    expect(sheetRef('Mål')).toBe("'Mål'");
    expect(sheetRef("Anna's")).toBe("'Anna''s'");
    expect(sheetRef('2019')).toBe("'2019'");
  });
});
