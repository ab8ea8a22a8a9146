/** Rules for the Driftbudget sheet: sums, deviations and varav rows (mnkr). */
import { BUDGET_AMOUNT_KEYS, UNIT_BUDGET_AMOUNT_KEYS, type BudgetAmountKey, type BudgetRow } from '../model/plan';
import { formatMnkr, formatNumber } from '../values/swedish';
import { quote, type RuleContext } from './context';
import { columnOf, DRIFTBUDGET, header, KOSTNADSSLAG, VERKSAMHETSBUDGET } from '../layout/layout';

/** The units the sheets keep their amounts in (the layout declares them). */
const DRIFT_UNIT = columnOf(DRIFTBUDGET, 'budget').unit;
const PLAN_UNIT = columnOf(KOSTNADSSLAG, 'budget').unit;
const UNIT_BUDGET_UNIT = columnOf(VERKSAMHETSBUDGET, 'costs').unit;
import { TOLERANCE } from '../values/limits';

/** The column's header as messages name it. */
const HEADER = (key: BudgetAmountKey): string => header(DRIFTBUDGET, key);

/** Amounts are printed with one decimal: differences below half of that are rounding. */
const MNKR = TOLERANCE.oneDecimal + TOLERANCE.exact;

function differs(a: number | undefined, b: number | undefined): boolean {
  return a !== undefined && b !== undefined && Math.abs(a - b) > MNKR;
}

export function budgetRules(ctx: RuleContext) {
  const rows = ctx.plan.budget;
  let parent: BudgetRow | undefined;
  let hasLines = false;
  let hasSum = false;
  for (const row of rows) {
    const name = row.label ? quote(row.label, 50) : `rad ${row.source.row}`;
    if (!row.label)
      ctx.report(
        'budget.label-missing',
        row.source,
        'label',
        `${ctx.where(row.source, 'label')}: raden saknar namn. Skriv verksamhetens namn som det ska stå i tabellen.`,
      );
    if (!row.rowType) {
      ctx.report(
        'budget.row-type-missing',
        row.source,
        'rowType',
        `${ctx.where(row.source, 'rowType')}: Radtyp saknas för ${name}. Välj Verksamhet, Varav, Summa, Justering eller Slutsumma.`,
      );
      continue;
    }
    switch (row.rowType) {
      case 'Verksamhet':
        parent = row;
        hasLines = true;
        break;
      case 'Varav':
        if (!parent) {
          ctx.report(
            'budget.part-without-whole',
            row.source,
            'rowType',
            `${ctx.where(row.source, 'rowType')}: varav-raden ${name} har ingen Verksamhet-rad ovanför. Flytta den under raden den är en del av.`,
          );
          break;
        }
        for (const key of ['outcome', 'budget', 'forecast'] as const) {
          const part = row.amounts[key];
          const whole = parent.amounts[key];
          if (part !== undefined && whole !== undefined && part >= 0 && whole >= 0 && part > whole + TOLERANCE.exact) {
            ctx.report(
              'budget.part-exceeds-whole',
              row.source,
              key,
              `${ctx.where(row.source, key)}: ${name} (${formatMnkr(part)} ${DRIFT_UNIT}) är större än ${quote(parent.label, 40)} (${formatMnkr(whole)} ${DRIFT_UNIT}) i ${HEADER(key)}. En varav-rad är en del av raden ovanför.`,
            );
          }
        }
        break;
      case 'Summa':
        hasSum = true;
        parent = undefined;
        break;
      default:
        parent = undefined;
    }
    // cells that hold a number (typed, or a formula's cached result) must agree with what the core derives
    for (const key of BUDGET_AMOUNT_KEYS) {
      const entered = row.entered[key];
      const computed = row.expected[key];
      if (!differs(entered, computed) || entered === undefined || computed === undefined) continue;
      const e = formatMnkr(entered);
      const c = formatMnkr(computed);
      if (row.rowType === 'Summa') {
        ctx.report(
          'budget.sum',
          row.source,
          key,
          `${ctx.where(row.source, key)}: Summa ${e} stämmer inte med summan av Verksamhet-raderna ovanför, ${c} ${DRIFT_UNIT} (${HEADER(key)}). Använd formeln (kör Uppdatera mallar) eller rätta raderna.`,
        );
      } else if (row.rowType === 'Slutsumma') {
        ctx.report(
          'budget.final-sum',
          row.source,
          key,
          `${ctx.where(row.source, key)}: Slutsumma ${e} stämmer inte med Summa plus justeringarna, ${c} ${DRIFT_UNIT}. Använd formeln (kör Uppdatera mallar) eller rätta raderna.`,
        );
      } else if (key === 'deviation' || key === 'deviationAfter') {
        const how = key === 'deviation' ? 'Budget − Prognos' : 'Avvikelse + Prestationsförändring';
        ctx.report(
          'budget.deviation',
          row.source,
          key,
          `${ctx.where(row.source, key)}: inskriven avvikelse ${e} för ${name} stämmer inte med ${how} = ${c} ${DRIFT_UNIT}. Ta bort det inskrivna värdet så räknar formeln.`,
        );
      }
    }
  }
  if (hasLines && !hasSum && ctx.plan.info.kind && ctx.plan.info.kind !== 'verksamhetsplan') {
    const last = rows[rows.length - 1]!;
    ctx.report('budget.sum-missing', last.source, 'rowType', `Driftbudget saknar en Summa-rad. Lägg till en rad med Radtyp Summa under verksamheterna.`);
  }
}

/** Budget kostnadsslag: every row has a type, and the sums add up (tkr, rounded to whole). */
export function planBudgetRules(ctx: RuleContext) {
  for (const row of ctx.plan.planBudget) {
    const name = row.label ? quote(row.label, 50) : `rad ${row.source.row}`;
    if (!row.rowType) {
      ctx.report(
        'plan-budget.row-type-missing',
        row.source,
        'rowType',
        `${ctx.where(row.source, 'rowType')}: Radtyp saknas för ${name}. Välj Rubrik, Intäkt, Kostnad, Summa intäkter, Summa kostnader eller Summa netto.`,
      );
      continue;
    }
    if (
      row.rowType.startsWith('Summa') &&
      row.entered !== undefined &&
      row.expected !== undefined &&
      Math.abs(row.entered - row.expected) > TOLERANCE.wholeNumber
    ) {
      ctx.report(
        'plan-budget.sum',
        row.source,
        'budget',
        `${ctx.where(row.source, 'budget')}: ${row.rowType} ${formatNumber(row.entered, 0)} ${PLAN_UNIT} stämmer inte med raderna ovanför, ${formatNumber(row.expected, 0)} ${PLAN_UNIT}. Använd formeln (kör Uppdatera mallar) eller rätta raderna.`,
      );
    }
  }
}

/** Budget verksamhet: every row has a type, Netto is Kostnader less Intäkter, and Summa adds the Verksamhet rows (mnkr, one decimal). */
export function unitBudgetRules(ctx: RuleContext) {
  for (const row of ctx.plan.unitBudget) {
    const name = row.label ? quote(row.label, 50) : `rad ${row.source.row}`;
    if (!row.rowType) {
      ctx.report(
        'unit-budget.row-type-missing',
        row.source,
        'rowType',
        `${ctx.where(row.source, 'rowType')}: Radtyp saknas för ${name}. Välj Verksamhet, eller Summa för raden som summerar verksamheterna ovanför.`,
      );
      continue;
    }
    for (const key of UNIT_BUDGET_AMOUNT_KEYS) {
      const entered = row.entered[key];
      const computed = row.expected[key];
      if (entered === undefined || computed === undefined || !differs(entered, computed)) continue;
      const e = formatMnkr(entered);
      const c = formatMnkr(computed);
      if (row.rowType === 'Summa') {
        ctx.report(
          'unit-budget.sum',
          row.source,
          key,
          `${ctx.where(row.source, key)}: Summa ${e} stämmer inte med summan av Verksamhet-raderna ovanför, ${c} ${UNIT_BUDGET_UNIT} (${header(VERKSAMHETSBUDGET, key)}). Använd formeln (kör Uppdatera mallar) eller rätta raderna.`,
        );
      } else if (key === 'net') {
        ctx.report(
          'unit-budget.net',
          row.source,
          key,
          `${ctx.where(row.source, key)}: Netto ${e} för ${name} stämmer inte med Kostnader minus Intäkter, ${c} ${UNIT_BUDGET_UNIT}. Ta bort det inskrivna värdet så räknar formeln, eller rätta Kostnader och Intäkter.`,
        );
      }
    }
  }
}
