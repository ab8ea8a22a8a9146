/**
 * Driftbudget derived values, computed from the input cells with the same meaning as the
 * sheet's formulas (layout DRIFTBUDGET.rowFormulas):
 * - Verksamhet and Varav rows: Avvikelse = Budget − Prognos; efter prestationsförändring = Avvikelse + Prestationsförändring;
 * - Summa: each column is the sum of the Verksamhet rows above it;
 * - Slutsumma: Summa rows above plus Justering rows above, in the last column.
 * Blank cells count as 0 as in Excel; an unreadable cell makes what depends on it unknown.
 */
import type { BudgetAmountKey, BudgetAmounts, BudgetRowType } from '../model/plan';
import { BUDGET_AMOUNT_KEYS, BUDGET_ROW_TYPES } from '../model/plan';
import { DRIFTBUDGET, formulaColumnsFor } from '../layout/layout';

export interface BudgetInputRow {
  rowType?: BudgetRowType;
  /** Numbers typed in the cells (or a formula's cached result). */
  entered: BudgetAmounts;
  /** Cells that hold something that is not a number (text, an error). */
  invalid: ReadonlySet<BudgetAmountKey>;
}

/** Which amounts a row type derives (those the layout gives a formula); the rest are typed. */
export const DERIVED_BY_TYPE: Record<BudgetRowType, readonly BudgetAmountKey[]> = Object.fromEntries(
  BUDGET_ROW_TYPES.map((type) => [type, BUDGET_AMOUNT_KEYS.filter((key) => formulaColumnsFor(DRIFTBUDGET, type)[key] !== undefined)]),
) as unknown as Record<BudgetRowType, readonly BudgetAmountKey[]>;

type Num = number | undefined; // undefined = unknown (an unreadable operand)

function operand(row: BudgetInputRow, key: BudgetAmountKey): Num {
  if (row.invalid.has(key)) return undefined;
  return row.entered[key] ?? 0;
}

function add(a: Num, b: Num): Num {
  return a === undefined || b === undefined ? undefined : a + b;
}

/** Rounds away binary noise (51,3 − 48,8 = 2,4999999…) without hiding real decimals. */
function tidy(n: Num): Num {
  return n === undefined ? undefined : Math.round(n * 1e9) / 1e9;
}

/**
 * The derived amounts of row i, from what each row above holds for its sums (`seen`): the
 * computed values when deriving, the cells as written when checking them.
 */
function deriveRow(rows: readonly BudgetInputRow[], i: number, seen: (j: number, key: BudgetAmountKey) => Num): BudgetAmounts {
  const row = rows[i]!;
  const out: BudgetAmounts = {};
  const sumAbove = (type: BudgetRowType, key: BudgetAmountKey): Num =>
    rows.slice(0, i).reduce<Num>((acc, r, j) => (r.rowType === type ? add(acc, seen(j, key)) : acc), 0);
  switch (row.rowType) {
    case 'Verksamhet':
    case 'Varav': {
      // Budget − Prognos + Prestationsförändring, whatever the deviation cell holds
      const deviation = add(operand(row, 'budget'), negate(operand(row, 'forecast')));
      out.deviation = tidy(deviation);
      out.deviationAfter = tidy(add(deviation, operand(row, 'performanceChange')));
      break;
    }
    case 'Summa':
      for (const key of BUDGET_AMOUNT_KEYS) out[key] = tidy(sumAbove('Verksamhet', key));
      break;
    case 'Slutsumma':
      out.deviationAfter = tidy(add(sumAbove('Summa', 'deviationAfter'), sumAbove('Justering', 'deviationAfter')));
      break;
    default:
      break;
  }
  return out;
}

function withoutUnknown(out: BudgetAmounts): BudgetAmounts {
  for (const key of BUDGET_AMOUNT_KEYS) if (out[key] === undefined) delete out[key];
  return out;
}

export function computeBudget(rows: readonly BudgetInputRow[]): BudgetAmounts[] {
  const result: BudgetAmounts[] = [];
  rows.forEach((row, i) => {
    const out: BudgetAmounts = {};
    const derived = row.rowType ? DERIVED_BY_TYPE[row.rowType] : [];
    for (const key of BUDGET_AMOUNT_KEYS) {
      if (!derived.includes(key) && !row.invalid.has(key) && row.entered[key] !== undefined) out[key] = row.entered[key];
    }
    Object.assign(
      out,
      deriveRow(rows, i, (j, key) => valueOf(result[j]!, rows[j]!, key)),
    );
    result.push(withoutUnknown(out));
  });
  return result;
}

/** The value SUMIF sees in a row: the derived value where the row derives it, else the typed one (text counts as 0). */
function valueOf(computed: BudgetAmounts, row: BudgetInputRow, key: BudgetAmountKey): Num {
  const derived = row.rowType ? DERIVED_BY_TYPE[row.rowType].includes(key) : false;
  if (derived) return computed[key];
  if (row.invalid.has(key)) return 0; // SUMIF ignores text
  return row.entered[key] ?? 0;
}

/**
 * What each derived cell should hold given the cells as they are written (a typed value, or
 * the computed one where the cell is empty): the sheet's formulas see the cells, so a sum
 * over a typed, wrong deviation is right for the sheet. The validator compares with this,
 * so that a finding points at the cell that is wrong, not at every sum below it.
 */
export function expectedFromCells(rows: readonly BudgetInputRow[], computed: readonly BudgetAmounts[]): BudgetAmounts[] {
  const cell = (j: number, key: BudgetAmountKey): Num => {
    const r = rows[j]!;
    if (r.invalid.has(key)) return DERIVED_BY_TYPE[r.rowType ?? 'Justering']?.includes(key) ? undefined : 0;
    return r.entered[key] ?? computed[j]![key] ?? 0;
  };
  return rows.map((_, i) => withoutUnknown(deriveRow(rows, i, cell)));
}

function negate(n: Num): Num {
  return n === undefined ? undefined : -n;
}
