import { computePlanBudget, type PlanBudgetInput } from '../../../src/core/derive/planBudget';
import type { PlanBudgetRowType } from '../../../src/core/model/plan';

const r = (rowType: PlanBudgetRowType | undefined, entered?: number, invalid = false): PlanBudgetInput => ({ rowType, entered, invalid });

/** The reference verksamhetsplan's budget by kostnadsslag (tkr; BUDGET_000 in test/helpers/records.ts). */
const BUDGET: PlanBudgetInput[] = [
  r('Rubrik'),
  r('Intäkt', 33700),
  r('Intäkt', 500),
  r('Summa intäkter'),
  r('Rubrik'),
  r('Kostnad', 21600),
  r('Kostnad', 573600),
  r('Summa kostnader'),
  r('Summa netto'),
];

describe('budget by kostnadsslag', () => {
  test('Summa intäkter and Summa kostnader add their rows above; Summa netto = kostnader − intäkter', () => {
    expect(computePlanBudget(BUDGET)).toEqual([undefined, 33700, 500, 34200, undefined, 21600, 573600, 595200, 561000]);
  });

  test('a typed sum is ignored for the core value, used for what the cells below should hold', () => {
    const rows = [r('Kostnad', 10), r('Summa kostnader', 1), r('Summa netto')];
    expect(computePlanBudget(rows)).toEqual([10, 10, 10]);
    expect(computePlanBudget(rows, true)).toEqual([10, 10, 1]);
  });

  test('text in an amount cell: that row unknown, the sums count it as 0', () => {
    expect(computePlanBudget([r('Intäkt', 5), r('Intäkt', undefined, true), r('Summa intäkter')])).toEqual([5, undefined, 5]);
  });

  test('a blank amount counts as 0; sums are rounded to millionths; rows without a type keep their value', () => {
    expect(computePlanBudget([r('Kostnad'), r('Kostnad', 0.1), r('Kostnad', 0.2), r('Summa kostnader'), r(undefined, 7)])).toEqual([
      undefined,
      0.1,
      0.2,
      0.3,
      7,
    ]);
  });

  test('Summa netto with nothing above is 0', () => {
    expect(computePlanBudget([r('Summa netto')])).toEqual([0]);
  });
});
