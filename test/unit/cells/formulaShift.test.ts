import { shiftFormula } from '../../../src/core/cells/formulaShift';

describe('a formula moved as Excel fills it', () => {
  test.each([
    ['=D2-E2', 1, 0, '=D3-E3'],
    ['=D2-E2', 0, 1, '=E2-F2'],
    ['=$D$2-E$2+$F3', 3, 2, '=$D$2-G$2+$F6'],
    ['=SUMIF($B$2:$B$6,"Verksamhet",C2:C6)', 1, 0, '=SUMIF($B$2:$B$6,"Verksamhet",C3:C7)'],
    ['=SUM(A:A)', 0, 1, '=SUM(B:B)'],
    ['=SUM(2:3)', 2, 0, '=SUM(4:5)'],
    ['=SUM($A:A)', 0, 1, '=SUM($A:B)'],
    ['D2*2', 1, 0, 'D3*2'],
    ['=1E+5+A1', 1, 0, '=1E+5+A2'],
    ['=A1*1.5', 1, 1, '=B2*1.5'],
  ])('%s by %i rows, %i columns → %s', (formula, rows, columns, expected) => {
    expect(shiftFormula(formula, rows, columns)).toBe(expected);
  });

  test('nothing to do for a zero move', () => {
    expect(shiftFormula('=anything(', 0, 0)).toBe('=anything(');
  });

  test('string literals, sheet names, structured and external references, errors and functions stay', () => {
    expect(shiftFormula('=IF(A1="B2","C3 ""D4""",A1)', 1, 0)).toBe('=IF(A2="B2","C3 ""D4""",A2)');
    expect(shiftFormula("='Budget 2019'!B2+Listor!C2", 1, 0)).toBe("='Budget 2019'!B3+Listor!C3");
    expect(shiftFormula('=SUM(Tabell1[Belopp])+Tabell1[[#This Row],[Pris]]', 1, 0)).toBe('=SUM(Tabell1[Belopp])+Tabell1[[#This Row],[Pris]]');
    expect(shiftFormula('=[1]Blad1!A1', 1, 0)).toBe('=[1]Blad1!A2');
    expect(shiftFormula('=IFERROR(A1,#N/A)+#REF!', 1, 0)).toBe('=IFERROR(A2,#N/A)+#REF!');
    expect(shiftFormula('=LOG10(A1)+ATAN2(B1,C1)', 1, 0)).toBe('=LOG10(A2)+ATAN2(B2,C2)');
  });

  test('names that look like references are not references (too many letters, a defined name)', () => {
    expect(shiftFormula('=ABCD1+Faktor*A1', 1, 0)).toBe('=ABCD1+Faktor*A2');
    expect(shiftFormula('=_xlfn.XLOOKUP(A1,B:B,C:C)', 1, 0)).toBe('=_xlfn.XLOOKUP(A2,B:B,C:C)');
  });

  test('a reference moved off the sheet becomes #REF!', () => {
    expect(shiftFormula('=A1+B2', -1, 0)).toBe('=#REF!+B1');
    expect(shiftFormula('=A1:B2', 0, -1)).toBe('=#REF!');
    expect(shiftFormula('=XFD1', 0, 1)).toBe('=#REF!');
    expect(shiftFormula('=A1048576', 1, 0)).toBe('=#REF!');
  });
});
