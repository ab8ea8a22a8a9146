import { expandFormula, normaliseFormula, type FormulaPlace } from '../../../src/core/layout/formulas';

const COLUMNS: Record<string, number> = { rowType: 2, outcome: 3, budget: 4, forecast: 5, deviation: 6 };
const at = (row: number, extra: Partial<FormulaPlace> = {}): FormulaPlace => ({ row, columnOf: (k) => COLUMNS[k], ...extra });

describe('expanding a layout formula for its place', () => {
  test('{key} is the same row, relative; {$key} fixes the column', () => {
    expect(expandFormula('={budget}-{forecast}', at(7))).toBe('=D7-E7');
    expect(expandFormula('=AND({$rowType}="Summa",{$budget}>0)', at(2))).toBe('=AND($B2="Summa",$D2>0)');
  });

  test('{key:above} is the column from row 2 to the row above, fixed both ways', () => {
    expect(expandFormula('=SUMIF({rowType:above},"Verksamhet",{outcome:above})', at(6))).toBe('=SUMIF($B$2:$B$5,"Verksamhet",$C$2:$C$5)');
    expect(expandFormula('=SUMIF({rowType:above},"Verksamhet",{outcome:above})', at(3))).toBe('=SUMIF($B$2:$B$2,"Verksamhet",$C$2:$C$2)');
  });

  test('nothing above the first data row: a sum over it is 0', () => {
    expect(expandFormula('=SUMIF({rowType:above},"Verksamhet",{outcome:above})', at(2))).toBe('=0');
  });

  test('{$key:before} and {self:before}: from row 1 to the row above, for conditional formats', () => {
    expect(expandFormula('=SUMIF({$rowType:before},"Verksamhet",{self:before})', at(2, { selfColumn: 4 }))).toBe('=SUMIF($B$1:$B1,"Verksamhet",D$1:D1)');
    expect(expandFormula('=SUMIF({rowType:before},"x",{self:before})', at(9, { selfColumn: 4 }))).toBe('=SUMIF(B$1:B8,"x",D$1:D8)');
  });

  test('{self} is the cell the rule is for; without a self column the template cannot expand', () => {
    expect(expandFormula('=ISNUMBER({self})', at(2, { selfColumn: 6 }))).toBe('=ISNUMBER(F2)');
    expect(expandFormula('=ISNUMBER({self})', at(2))).toBeUndefined();
  });

  test('a column the sheet does not have: undefined, not a formula with a hole', () => {
    expect(expandFormula('={budget}-{missing}', at(2))).toBeUndefined();
  });

  test('{doc:kind} looks the kind up in Dokument wherever Fält and Värde are', () => {
    expect(expandFormula('={doc:kind}="Verksamhetsplan"', at(2))).toBe(
      '=IFERROR(INDEX(Dokument!$B$1:$B$200,MATCH("Dokumenttyp",Dokument!$A$1:$A$200,0)),"")="Verksamhetsplan"',
    );
    expect(expandFormula('={doc:kind}', at(2, { documentColumns: { field: 3, value: 5 } }))).toBe(
      '=IFERROR(INDEX(Dokument!$E$1:$E$200,MATCH("Dokumenttyp",Dokument!$C$1:$C$200,0)),"")',
    );
  });

  test('qualify: same-sheet references carry the sheet name (to evaluate the formula elsewhere)', () => {
    expect(expandFormula('={budget}-{forecast}', at(4, { qualify: 'Driftbudget' }))).toBe('=Driftbudget!D4-Driftbudget!E4');
    expect(expandFormula('=SUM({outcome:above})', at(4, { qualify: 'Budget kostnadsslag' }))).toBe("=SUM('Budget kostnadsslag'!$C$2:$C$3)");
  });

  test('normalised for comparison: spaces and case do not matter', () => {
    expect(normaliseFormula('= sumif( $b$2:$b$5 , "x" )')).toBe(normaliseFormula('=SUMIF($B$2:$B$5,"X")'));
  });
});
