import { computeUnitBudget, type UnitBudgetInput } from '../../../src/core/derive/unitBudget';
import type { UnitBudgetAmountKey, UnitBudgetAmounts, UnitBudgetRowType } from '../../../src/core/model/plan';

const r = (rowType: UnitBudgetRowType | undefined, entered: UnitBudgetAmounts = {}, invalid: UnitBudgetAmountKey[] = []): UnitBudgetInput => ({
  rowType,
  entered,
  invalid: new Set(invalid),
});

describe('budget per verksamhet', () => {
  test('Netto = Kostnader less the intäkter, written negative as the city prints them or positive; Summa adds the Verksamhet rows', () => {
    const rows = [r('Verksamhet', { costs: 612.8, income: -52.3, change: 8.9 }), r('Verksamhet', { costs: 640.5, income: 75.6, change: -4 }), r('Summa')];
    expect(computeUnitBudget(rows)).toEqual([
      { costs: 612.8, income: -52.3, net: 560.5, change: 8.9 },
      { costs: 640.5, income: 75.6, net: 564.9, change: -4 },
      { costs: 1253.3, income: 23.3, net: 1125.4, change: 4.9 },
    ]);
  });

  test('blank rows and columns: blank in the report, 0 where the sheet formula gives 0', () => {
    const rows = [r('Verksamhet', { costs: 10 }), r('Verksamhet'), r('Summa')];
    expect(computeUnitBudget(rows)).toEqual([{ costs: 10, net: 10 }, {}, { costs: 10, net: 10 }]);
    expect(computeUnitBudget(rows, true)).toEqual([{ costs: 10, net: 10 }, { net: 0 }, { costs: 10, income: 0, net: 10, change: 0 }]);
  });

  test('a typed Netto is ignored for the core value, used for what the Summa cell should hold', () => {
    const rows = [r('Verksamhet', { costs: 10, income: -2, net: 9 }), r('Summa')];
    expect(computeUnitBudget(rows)[1]!.net).toBe(8);
    expect(computeUnitBudget(rows, true)[1]!.net).toBe(9);
  });

  test('text in Kostnader: that Netto and the Netto sums unknown, the Kostnader sum counts it as 0 (as SUMIF)', () => {
    const rows = [r('Verksamhet', { costs: 5 }), r('Verksamhet', { income: -1 }, ['costs']), r('Summa')];
    expect(computeUnitBudget(rows, true)).toEqual([{ costs: 5, net: 5 }, { income: -1 }, { costs: 5, income: -1, change: 0 }]);
  });
});
