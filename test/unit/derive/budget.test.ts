import { DERIVED_BY_TYPE, computeBudget, expectedFromCells, type BudgetInputRow } from '../../../src/core/derive/budget';
import { BUDGET_AMOUNT_KEYS, BUDGET_ROW_TYPES, type BudgetAmountKey, type BudgetAmounts, type BudgetRowType } from '../../../src/core/model/plan';

const row = (rowType: BudgetRowType | undefined, entered: BudgetAmounts = {}, invalid: BudgetAmountKey[] = []): BudgetInputRow => ({
  rowType,
  entered,
  invalid: new Set(invalid),
});

/** The clean tertialrapport's driftbudget (test/helpers/records.ts CLEAN_T2). */
const CLEAN: BudgetInputRow[] = [
  row('Verksamhet', { outcome: 10, budget: 20, forecast: 18, performanceChange: 0 }),
  row('Varav', { outcome: 5, budget: 10, forecast: 9, performanceChange: 0 }),
  row('Verksamhet', { outcome: 5, budget: 8, forecast: 9, performanceChange: 0.5 }),
  row('Summa'),
  row('Justering', { deviationAfter: 1 }),
  row('Slutsumma'),
];

describe('driftbudget derived values, as the sheet formulas compute them', () => {
  test('lines: Avvikelse = Budget − Prognos, efter = Avvikelse + Prestationsförändring; Summa over Verksamhet rows; Slutsumma = Summa + Justering', () => {
    expect(computeBudget(CLEAN)).toEqual([
      { outcome: 10, budget: 20, forecast: 18, performanceChange: 0, deviation: 2, deviationAfter: 2 },
      { outcome: 5, budget: 10, forecast: 9, performanceChange: 0, deviation: 1, deviationAfter: 1 },
      { outcome: 5, budget: 8, forecast: 9, performanceChange: 0.5, deviation: -1, deviationAfter: -0.5 },
      { outcome: 15, budget: 28, forecast: 27, deviation: 1, performanceChange: 0.5, deviationAfter: 1.5 },
      { deviationAfter: 1 },
      { deviationAfter: 2.5 },
    ]);
  });

  test('binary noise is rounded away, real decimals are kept', () => {
    const [line] = computeBudget([row('Verksamhet', { budget: 51.3, forecast: 48.8 })]);
    expect(line!.deviation).toBe(2.5);
    expect(computeBudget([row('Verksamhet', { budget: 0.123456, forecast: 0 })])[0]!.deviation).toBe(0.123456);
  });

  test('blank cells count as 0, as in Excel', () => {
    expect(computeBudget([row('Verksamhet', { budget: 5 })])[0]).toEqual({ budget: 5, deviation: 5, deviationAfter: 5 });
    expect(computeBudget([row('Summa')])[0]).toEqual({ outcome: 0, budget: 0, forecast: 0, deviation: 0, performanceChange: 0, deviationAfter: 0 });
  });

  test('a typed value in a derived cell does not win over the computed one', () => {
    const [line, sum] = computeBudget([row('Verksamhet', { budget: 10, forecast: 8, deviation: 5 }), row('Summa', { budget: 99 })]);
    expect(line!.deviation).toBe(2);
    expect(sum!.budget).toBe(10);
    expect(sum!.deviation).toBe(2);
  });

  test('an unreadable cell makes what depends on it unknown, and counts as 0 in the sums (SUMIF ignores text)', () => {
    const [line, other, sum] = computeBudget([row('Verksamhet', { forecast: 8 }, ['budget']), row('Verksamhet', { budget: 4, forecast: 1 }), row('Summa')]);
    expect(line).toEqual({ forecast: 8 });
    expect(other!.deviation).toBe(3);
    expect(sum!.budget).toBe(4);
    expect(sum!.forecast).toBe(9);
    expect(sum!.deviation).toBeUndefined();
    expect(sum!.deviationAfter).toBeUndefined();
  });

  test('rows without a type keep what they hold; Summa sums only the Verksamhet rows above it', () => {
    const out = computeBudget([
      row(undefined, { budget: 3, deviation: 7 }),
      row('Verksamhet', { budget: 1 }),
      row('Summa'),
      row('Verksamhet', { budget: 100 }),
      row('Summa'),
    ]);
    expect(out[0]).toEqual({ budget: 3, deviation: 7 });
    expect(out[2]!.budget).toBe(1);
    expect(out[4]!.budget).toBe(101);
  });

  test('which amounts each row type derives', () => {
    expect(Object.keys(DERIVED_BY_TYPE).sort()).toEqual([...BUDGET_ROW_TYPES].sort());
    expect(DERIVED_BY_TYPE.Summa).toEqual(BUDGET_AMOUNT_KEYS);
    expect(DERIVED_BY_TYPE.Justering).toEqual([]);
    expect(DERIVED_BY_TYPE.Slutsumma).toEqual(['deviationAfter']);
  });
});

describe('what each derived cell should hold given the cells as written (for the validator)', () => {
  test('on the clean budget, the same as the computed values', () => {
    const computed = computeBudget(CLEAN);
    const expected = expectedFromCells(CLEAN, computed);
    expected.forEach((e, i) => {
      for (const [key, value] of Object.entries(e)) expect([i, key, value]).toEqual([i, key, computed[i]![key as BudgetAmountKey]]);
    });
  });

  test('a sum over a typed, wrong deviation is right for the sheet: only the wrong cell is off', () => {
    const rows = [row('Verksamhet', { budget: 10, forecast: 8, deviation: 5 }), row('Summa', { deviation: 5 })];
    const computed = computeBudget(rows);
    const expected = expectedFromCells(rows, computed);
    expect(expected[0]!.deviation).toBe(2); // the line: 5 typed, 2 expected → a finding there
    expect(expected[1]!.deviation).toBe(5); // the sum of what the cells hold → no finding on Summa
    expect(computed[1]!.deviation).toBe(2);
  });

  test('an unreadable derived cell above makes the sum unknown; an unreadable typed one counts as 0', () => {
    const rows = [row('Verksamhet', { budget: 2 }, ['deviation']), row('Verksamhet', { forecast: 1 }, ['budget']), row('Summa')];
    const expected = expectedFromCells(rows, computeBudget(rows));
    expect(expected[2]!.deviation).toBeUndefined();
    expect(expected[2]!.budget).toBe(2);
  });
});
