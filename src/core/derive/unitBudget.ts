/**
 * The verksamhetsplan's budget per verksamhet (mnkr), derived with the same meaning as the
 * sheet's formulas (layout VERKSAMHETSBUDGET): on a Verksamhet row Netto = Kostnader less the
 * intäkter (ABS, so that intäkter written negative, as the city's tables print them, count
 * the same); on a Summa row each column adds the Verksamhet rows above it. Blank cells count
 * as 0 as in Excel (a column with no figure above stays blank); an unreadable cell makes what
 * depends on it unknown.
 */
import { UNIT_BUDGET_AMOUNT_KEYS, type UnitBudgetAmountKey, type UnitBudgetAmounts, type UnitBudgetRowType } from '../model/plan';

export interface UnitBudgetInput {
  rowType?: UnitBudgetRowType;
  /** Numbers in the cells (typed, or a formula's cached result). */
  entered: UnitBudgetAmounts;
  /** Cells that hold something that is not a number. */
  invalid: ReadonlySet<UnitBudgetAmountKey>;
}

/** Rounds away binary noise without hiding real decimals. */
const tidy = (n: number | undefined) => (n === undefined ? undefined : Math.round(n * 1e9) / 1e9);

/** Netto of a Verksamhet row from its Kostnader and Intäkter; none when both are blank, unknown when one is unreadable. */
function netOf(row: UnitBudgetInput): number | undefined {
  if (row.invalid.has('costs') || row.invalid.has('income')) return undefined;
  const { costs, income } = row.entered;
  if (costs === undefined && income === undefined) return undefined;
  return tidy((costs ?? 0) - Math.abs(income ?? 0));
}

/**
 * Each row's amounts: the typed ones with Netto and the sums derived (`fromCells` false: the
 * core's values, for the report), or what each derived cell should hold given the cells as
 * written, typed figures in the derived cells above included (`fromCells` true, for the
 * validator, so that a finding points at the wrong cell only).
 */
export function computeUnitBudget(rows: readonly UnitBudgetInput[], fromCells = false): UnitBudgetAmounts[] {
  const out: UnitBudgetAmounts[] = [];
  /** What SUMIF sees in a Verksamhet row's cell: a number, 0 for text; undefined when nothing (or unknown). */
  const seen = (j: number, key: UnitBudgetAmountKey): { value?: number; unknown?: boolean } => {
    const r = rows[j]!;
    if (key === 'net') {
      if (fromCells && r.entered.net !== undefined) return { value: r.entered.net };
      const net = out[j]!.net;
      const unknown = net === undefined && (r.invalid.has('costs') || r.invalid.has('income'));
      return unknown ? { unknown } : { value: net };
    }
    if (r.invalid.has(key)) return { value: 0 };
    return { value: r.entered[key] };
  };
  rows.forEach((row, i) => {
    const amounts: UnitBudgetAmounts = {};
    if (row.rowType === 'Summa') {
      for (const key of UNIT_BUDGET_AMOUNT_KEYS) {
        // Excel's SUMIF gives 0 over no figures; the report leaves such a cell blank
        let total: number | undefined = fromCells ? 0 : undefined;
        let unknown = false;
        for (let j = 0; j < i; j++) {
          if (rows[j]!.rowType !== 'Verksamhet') continue;
          const v = seen(j, key);
          if (v.unknown) unknown = true;
          if (v.value !== undefined) total = (total ?? 0) + v.value;
        }
        const value = unknown ? undefined : tidy(total);
        if (value !== undefined) amounts[key] = value;
      }
    } else {
      for (const key of ['costs', 'income', 'change'] as const) {
        const v = row.invalid.has(key) ? undefined : row.entered[key];
        if (v !== undefined) amounts[key] = v;
      }
      const blank = row.entered.costs === undefined && row.entered.income === undefined && !row.invalid.has('costs') && !row.invalid.has('income');
      // the formula gives 0 on a row with neither figure; the report leaves it blank
      const derived = fromCells && blank ? 0 : netOf(row);
      const net = row.rowType === 'Verksamhet' ? derived : row.invalid.has('net') ? undefined : row.entered.net;
      if (net !== undefined) amounts.net = net;
    }
    out.push(amounts);
  });
  return out;
}
