import { findingsOf, plan, where } from '../../helpers/plans';
import { BUDGET_000, BUDGET_2019 } from '../../helpers/records';

type Row = Record<string, string | number | null>;
const line = (Verksamhet: string, Budget: number, Prognos: number, extra: Row = {}): Row => ({
  Verksamhet,
  Radtyp: 'Verksamhet',
  Utfall: 0,
  Budget,
  Prognos,
  ...extra,
});
const budget = (doc: Parameters<typeof plan>[0], rows: Row[]) => plan(doc, { Driftbudget: rows });

describe('driftbudget rules', () => {
  test('formulas left empty: the core computes every derived cell, nothing to report', () => {
    expect(
      where(
        budget('t2', [
          line('A', 20, 18),
          { Verksamhet: 'varav', Radtyp: 'Varav', Budget: 10, Prognos: 9 },
          { Verksamhet: 'Summa', Radtyp: 'Summa' },
          { Verksamhet: 'Slut', Radtyp: 'Slutsumma' },
        ]),
      ),
    ).toEqual([]);
  });

  test('a typed deviation must be Budget − Prognos (within half a decimal), the one after it that plus Prestationsförändring', () => {
    expect(where(budget('t2', [line('A', 20, 18, { 'Avvikelse budget prognos': 2.04 }), { Verksamhet: 'S', Radtyp: 'Summa' }]))).toEqual([]);
    expect(where(budget('t2', [line('A', 20, 18, { 'Avvikelse budget prognos': 2.1 }), { Verksamhet: 'S', Radtyp: 'Summa' }]))).toEqual([
      'budget.deviation Driftbudget!F2',
    ]);
    const [after] = findingsOf(
      budget('t2', [line('A', 20, 18, { Prestationsförändring: 1, 'Avvikelse efter prestationsförändring': 2 }), { Verksamhet: 'S', Radtyp: 'Summa' }]),
    );
    expect(`${after!.rule} ${after!.cell}`).toBe('budget.deviation H2');
    expect(after!.message).toContain('Avvikelse + Prestationsförändring = 3,0 mnkr');
  });

  test('a typed Summa or Slutsumma must add up; a wrong line is reported on the line only', () => {
    expect(where(budget('t2', [line('A', 20, 18), { Verksamhet: 'S', Radtyp: 'Summa', Budget: 21 }]))).toEqual(['budget.sum Driftbudget!D3']);
    expect(
      where(
        budget('t2', [
          line('A', 20, 18),
          { Verksamhet: 'S', Radtyp: 'Summa' },
          { Verksamhet: 'J', Radtyp: 'Justering', 'Avvikelse efter prestationsförändring': 1 },
          { Verksamhet: 'Slut', Radtyp: 'Slutsumma', 'Avvikelse efter prestationsförändring': 2 },
        ]),
      ),
    ).toEqual(['budget.final-sum Driftbudget!H5']);
    expect(
      where(budget('t2', [line('A', 20, 18, { 'Avvikelse budget prognos': 5 }), { Verksamhet: 'S', Radtyp: 'Summa', 'Avvikelse budget prognos': 5 }])),
    ).toEqual(['budget.deviation Driftbudget!F2']);
  });

  test('varav rows: part of the Verksamhet row above, never larger (negative amounts aside)', () => {
    const varav = (Budget: number, extra: Row = {}): Row => ({ Verksamhet: 'varav', Radtyp: 'Varav', Budget, Prognos: 0, ...extra });
    expect(where(budget('t2', [line('A', 20, 18), varav(25), { Verksamhet: 'S', Radtyp: 'Summa' }]))).toEqual(['budget.part-exceeds-whole Driftbudget!D3']);
    expect(where(budget('t2', [line('A', -20, -18), varav(-25), { Verksamhet: 'S', Radtyp: 'Summa' }]))).toEqual([]);
    expect(where(budget('t2', [varav(1), line('A', 20, 18), { Verksamhet: 'S', Radtyp: 'Summa' }]))).toEqual(['budget.part-without-whole Driftbudget!B2']);
    expect(where(budget('t2', [line('A', 20, 18), { Verksamhet: 'S', Radtyp: 'Summa' }, varav(1)]))).toEqual(['budget.part-without-whole Driftbudget!B4']);
  });

  test('names and row types; a follow-up with lines needs a Summa row, a plan does not', () => {
    expect(where(budget('t2', [line('', 1, 1), { Verksamhet: 'X', Radtyp: null, Budget: 3 }, { Verksamhet: 'S', Radtyp: 'Summa' }]))).toEqual([
      'budget.label-missing Driftbudget!A2',
      'budget.row-type-missing Driftbudget!B3',
    ]);
    expect(where(budget('t2', [line('A', 1, 1), line('B', 1, 1)]))).toEqual(['budget.sum-missing Driftbudget!B3']);
    expect(where(budget('vp', [line('A', 1, 1)]))).toEqual([]);
  });
});

describe('budget by kostnadsslag rules', () => {
  const costs = (rows: Row[]) => plan('vp', { 'Budget kostnadsslag': rows });

  test('the reference budget with its sums as formulas: nothing to report', () => {
    expect(where(costs(BUDGET_000 as Row[]))).toEqual([]);
  });

  test('a typed sum must agree within half a tkr; every row needs its type', () => {
    expect(
      where(
        costs([
          { Kostnadsslag: 'A', Radtyp: 'Kostnad', Budget: 10 },
          { Kostnadsslag: 'S', Radtyp: 'Summa kostnader', Budget: 10.4 },
        ]),
      ),
    ).toEqual([]);
    const findings = findingsOf(
      costs([
        { Kostnadsslag: 'A', Radtyp: 'Kostnad', Budget: 1000 },
        { Kostnadsslag: 'S', Radtyp: 'Summa kostnader', Budget: 1200 },
        { Kostnadsslag: 'B', Budget: 1 },
      ]),
    );
    expect(findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(['plan-budget.sum C3', 'plan-budget.row-type-missing B4']);
    expect(findings[0]!.message).toMatch(/Summa kostnader 1.200 tkr stämmer inte med raderna ovanför, 1.000 tkr/);
  });
});

describe('budget per verksamhet rules', () => {
  const units = (rows: Row[], extra = {}) => plan('vp', { 'Budget verksamhet': rows, ...extra });
  const CHANGE = 'Ökning (+)/Minskning (−)';

  test("the 2019 plan's budget with Netto and Summa as formulas: nothing to report", () => {
    expect(where(units(BUDGET_2019 as Row[]))).toEqual([]);
  });

  test('Netto is Kostnader less the intäkter, written with or without a minus; Summa adds the Verksamhet rows; every row needs its type', () => {
    expect(
      where(
        units([
          { Verksamhet: 'A', Radtyp: 'Verksamhet', Kostnader: 10, Intäkter: -2, Netto: 8 },
          { Verksamhet: 'B', Radtyp: 'Verksamhet', Kostnader: 10, Intäkter: 2, Netto: 8.04 },
          { Verksamhet: 'S', Radtyp: 'Summa', Kostnader: 20, Intäkter: 0, Netto: 16, [CHANGE]: null },
        ]),
      ),
    ).toEqual([]);
    const findings = findingsOf(
      units([
        { Verksamhet: 'Förskola', Radtyp: 'Verksamhet', Kostnader: 612.8, Intäkter: -52.3, Netto: 612.8, [CHANGE]: 8.9 },
        { Verksamhet: 'Äldreomsorg', Radtyp: 'Verksamhet', Kostnader: 640.5, Intäkter: -75.6, [CHANGE]: -4 },
        { Verksamhet: 'Summa', Radtyp: 'Summa', Kostnader: 1250, [CHANGE]: 4.9 },
        { Verksamhet: 'Utan typ', Kostnader: 1 },
      ]),
    );
    expect(findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(['unit-budget.net E2', 'unit-budget.sum C4', 'unit-budget.row-type-missing B5']);
    expect(findings[0]!.message).toBe(
      'Budget verksamhet!E2: Netto 612,8 för "Förskola" stämmer inte med Kostnader minus Intäkter, 560,5 mnkr. Ta bort det inskrivna värdet så räknar formeln, eller rätta Kostnader och Intäkter.',
    );
    expect(findings[1]!.message).toMatch(
      /^Budget verksamhet!C4: Summa 1.250,0 stämmer inte med summan av Verksamhet-raderna ovanför, 1.253,3 mnkr \(Kostnader\)/,
    );
  });
});

describe('free tables', () => {
  const tables = (rows: Row[]) => plan('vp', { Tabeller: rows });

  test('a table whose Avsnitt names a section the document has or the outline knows: nothing to report', () => {
    expect(
      where(
        tables([
          { Tabell: 'Budget', Avsnitt: 'Budget 2019', Tabellrad: 'Rubrik', 'Kolumn 1': 'Verksamhet', 'Kolumn 2': 'Netto' },
          { Tabell: 'Budget', Avsnitt: 'Budget 2019', Tabellrad: 'Rad', 'Kolumn 1': 'Förskola', 'Kolumn 2': 1 },
          { Tabell: 'Inledande', Avsnitt: 'Inledning', 'Kolumn 1': 'a' },
          { Tabell: 'Resurser', Avsnitt: 'Resursanvändning', 'Kolumn 1': 'a' },
        ]),
      ),
    ).toEqual([]);
  });

  test('an Avsnitt that names no section: a warning at the cell with the names it can take', () => {
    const findings = findingsOf(
      tables([
        { Tabell: 'Personal', Avsnitt: 'Personalen', 'Kolumn 1': 'a' },
        { Tabell: 'Utan', 'Kolumn 1': 'b' },
      ]),
    );
    expect(findings.map((f) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell}`)).toEqual([
      'warning table.section-unknown Tabeller!B2',
      'warning table.section-unknown Tabeller!B3',
    ]);
    expect(findings[0]!.message).toMatch(
      /^Tabeller!B2: tabellen "Personal": Avsnitt "Personalen" finns inte i dokumentet, så tabellen skrivs direkt under ekonomirubriken\. Skriv avsnittet den hör till, t\.ex\. Resursanvändning, Budget 2019, Förslag till beslut, .*Inledning.* eller ett annat avsnitt i dokumentet\.$/,
    );
    expect(findings[1]!.message).toMatch(/Avsnitt är tomt/);
  });
});
