/**
 * The verksamhetsplan's budget by kostnadsslag: sums computed from the typed rows with the
 * same meaning as the sheet's formulas (layout KOSTNADSSLAG): Summa intäkter and Summa
 * kostnader add the Intäkt and Kostnad rows above them; Summa netto is Summa kostnader −
 * Summa intäkter (above it). Blank cells count as 0; unreadable ones make sums unknown.
 */
import type { PlanBudgetRowType } from '../model/plan';

export interface PlanBudgetInput {
  rowType?: PlanBudgetRowType;
  entered?: number;
  invalid: boolean;
}

const SUMS = new Set<PlanBudgetRowType>(['Summa intäkter', 'Summa kostnader', 'Summa netto']);

/**
 * The sums from the typed rows (`fromCells` false: the core's values, for the report), or
 * from the cells as written, a typed sum included (`fromCells` true: what each sum cell
 * should hold, for the validator, so that a finding points at the wrong cell only).
 */
export function computePlanBudget(rows: readonly PlanBudgetInput[], fromCells = false): (number | undefined)[] {
  const out: (number | undefined)[] = [];
  /** What SUMIF sees in a row: a sum row's value, a typed row's number (text counts as 0). */
  const seen = (j: number): number | undefined => {
    const r = rows[j]!;
    if (SUMS.has(r.rowType!)) return fromCells && r.entered !== undefined ? r.entered : out[j];
    return r.invalid ? 0 : (r.entered ?? 0);
  };
  const sumAbove = (i: number, type: PlanBudgetRowType): number | undefined => {
    let total: number | undefined = 0;
    for (let j = 0; j < i; j++) {
      if (rows[j]!.rowType !== type) continue;
      const v = seen(j);
      total = total === undefined || v === undefined ? undefined : total + v;
    }
    return total;
  };
  rows.forEach((row, i) => {
    let value: number | undefined;
    switch (row.rowType) {
      case 'Summa intäkter':
        value = sumAbove(i, 'Intäkt');
        break;
      case 'Summa kostnader':
        value = sumAbove(i, 'Kostnad');
        break;
      case 'Summa netto': {
        const costs = sumAbove(i, 'Summa kostnader');
        const income = sumAbove(i, 'Summa intäkter');
        value = costs === undefined || income === undefined ? undefined : costs - income;
        break;
      }
      default:
        value = row.invalid ? undefined : row.entered;
    }
    out.push(value === undefined ? undefined : Math.round(value * 1e6) / 1e6);
  });
  return out;
}
