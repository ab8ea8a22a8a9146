/** The verksamhetsplan's budget by kostnadsslag (tkr): the facts above it and the table, under "Budget <år>". */
import type { Plan, PlanBudgetRowType } from '../../model/plan';
import { oneLine } from '../../values/text';
import type { BlockOf, BudgetRowStyle, Section } from '../model';
import { sectionKey } from '../outline';
import { columnOf, header, KOSTNADSSLAG } from '../../layout/layout';
import { figures } from '../figures';

const PLAN_BUDGET_STYLE: Record<PlanBudgetRowType, BudgetRowStyle> = {
  Rubrik: 'heading',
  Intäkt: 'line',
  Kostnad: 'line',
  'Summa intäkter': 'sum',
  'Summa kostnader': 'sum',
  'Summa netto': 'total',
};

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

/**
 * Puts the budget into the economy's section whose heading starts with the outline's (a text
 * "Budget 2025"), or into a new one with the heading as printed, at the end of the economy.
 */
export function placePlanBudget(economy: Section, section: { heading: string; printed: string }, plan: Plan): void {
  const key = sectionKey(section.heading);
  const budget = economy.children.find((s) => sectionKey(s.heading).startsWith(key)) ?? { heading: section.printed, level: 2, blocks: [], children: [] };
  if (!economy.children.includes(budget)) economy.children.push(budget);
  budget.blocks.push(planBudgetBlock(plan));
}
