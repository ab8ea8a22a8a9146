/**
 * The verksamhetsplan's budget under "Budget <år>": the budget per verksamhet (mnkr, the 2019
 * nämnd plan's table) and the budget by kostnadsslag (tkr) with the facts above it.
 */
import type { Plan, PlanBudgetRowType, UnitBudgetAmountKey, UnitBudgetRowType } from '../../model/plan';
import { oneLine } from '../../values/text';
import type { BlockOf, BudgetRowStyle, Section, TableColumn } from '../model';
import { sectionKey } from '../outline';
import { columnOf, header, KOSTNADSSLAG, VERKSAMHETSBUDGET } from '../../layout/layout';
import { figures } from '../figures';

const PLAN_BUDGET_STYLE: Record<PlanBudgetRowType, BudgetRowStyle> = {
  Rubrik: 'heading',
  Intäkt: 'line',
  Kostnad: 'line',
  'Summa intäkter': 'sum',
  'Summa kostnader': 'sum',
  'Summa netto': 'total',
};

const UNIT_BUDGET_STYLE: Record<UnitBudgetRowType, BudgetRowStyle> = { Verksamhet: 'line', Summa: 'total' };

export function planBudgetBlock(plan: Plan): BlockOf<'planBudget'> {
  const facts: [string, string][] = [];
  if (plan.info.administration) facts.push(['Förvaltning', oneLine(plan.info.administration)]);
  if (plan.info.year) facts.push(['Budgetår', String(plan.info.year)]);
  if (plan.info.organisation) facts.push(['Enhet', oneLine(plan.info.organisation)]);
  if (plan.info.unitHead) facts.push(['Enhetschef', oneLine(plan.info.unitHead)]);
  return {
    kind: 'planBudget',
    facts,
    columns: [
      { header: `Beloppen anges i ${columnOf(KOSTNADSSLAG, 'budget').unit}`, width: 70, align: 'left' },
      { header: header(KOSTNADSSLAG, 'budget'), width: 30, align: 'right' },
    ],
    rows: plan.planBudget.map((row) => ({
      label: oneLine(row.label),
      style: (row.rowType && PLAN_BUDGET_STYLE[row.rowType]) || 'line',
      cells: [row.rowType === 'Rubrik' || row.amount === undefined ? '' : figures(plan.info.signs).number(row.amount, 0, 0)],
    })),
  };
}

/** The amount columns of the budget per verksamhet, as the sheet heads them; the change with its sign as Dokument says. */
const UNIT_COLUMNS: { key: UnitBudgetAmountKey; signed?: boolean }[] = [{ key: 'costs' }, { key: 'income' }, { key: 'net' }, { key: 'change', signed: true }];

/** The budget per verksamhet: Kostnader, Intäkter, Netto and the change, one decimal, the Summa row as the total. */
export function unitBudgetBlock(plan: Plan): BlockOf<'budgetTable'> {
  const fig = figures(plan.info.signs);
  const columns: TableColumn[] = [
    { header: `${header(VERKSAMHETSBUDGET, 'label')} (${columnOf(VERKSAMHETSBUDGET, 'costs').unit})`, width: 36, align: 'left' },
    ...UNIT_COLUMNS.map(({ key }): TableColumn => ({ header: header(VERKSAMHETSBUDGET, key), width: 16, align: 'right' })),
  ];
  return {
    kind: 'budgetTable',
    columns,
    rows: plan.unitBudget.map((row) => ({
      label: oneLine(row.label),
      style: (row.rowType && UNIT_BUDGET_STYLE[row.rowType]) || 'line',
      cells: UNIT_COLUMNS.map(({ key, signed }) => {
        const v = row.amounts[key];
        if (v === undefined) return '';
        return signed ? fig.deviation(v) : fig.mnkr(v);
      }),
    })),
  };
}

/**
 * Puts the budget into the economy's section whose heading starts with the outline's (a text
 * "Budget 2025"), or into a new one with the heading as printed, at the end of the economy:
 * the budget per verksamhet first, then the budget by kostnadsslag.
 */
export function placePlanBudget(economy: Section, section: { heading: string; printed: string }, plan: Plan): void {
  if (!plan.planBudget.length && !plan.unitBudget.length) return;
  const key = sectionKey(section.heading);
  const budget = economy.children.find((s) => sectionKey(s.heading).startsWith(key)) ?? { heading: section.printed, level: 2, blocks: [], children: [] };
  if (!economy.children.includes(budget)) economy.children.push(budget);
  if (plan.unitBudget.length) budget.blocks.push(unitBudgetBlock(plan));
  if (plan.planBudget.length) budget.blocks.push(planBudgetBlock(plan));
}
