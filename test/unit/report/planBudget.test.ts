/** The verksamhetsplan's budget by kostnadsslag (report/blocks/planBudget.ts). */
import { placePlanBudget, planBudgetBlock } from '../../../src/core/report/blocks/planBudget';
import type { Section } from '../../../src/core/report/model';
import { outlineOf, plan, planBudgetRow } from './plans';

describe('the budget by kostnadsslag', () => {
  const p = plan('verksamhetsplan', {
    info: { administration: 'Förvaltningen', organisation: 'Enheten', unitHead: 'Eva Chef', year: 2025 },
    planBudget: [
      planBudgetRow('Intäkter', 'Rubrik'),
      planBudgetRow('Bidrag', 'Intäkt', 1200),
      planBudgetRow('Summa intäkter', 'Summa intäkter', 1200),
      planBudgetRow('Personal', 'Kostnad', 3400.4),
      planBudgetRow('Summa kostnader', 'Summa kostnader', 3400.4),
      planBudgetRow('Netto', 'Summa netto', 2200.4),
      planBudgetRow('Okänd', undefined),
    ],
  });

  test('the facts above the table, rows styled by type, whole tkr', () => {
    const block = planBudgetBlock(p);
    expect(block.facts).toEqual([
      ['Förvaltning', 'Förvaltningen'],
      ['Budgetår', '2025'],
      ['Enhet', 'Enheten'],
      ['Enhetschef', 'Eva Chef'],
    ]);
    expect(block.columns.map((c) => [c.header, c.width, c.align])).toEqual([
      ['Beloppen anges i tkr', 70, 'left'],
      ['Budget', 30, 'right'],
    ]);
    expect(block.rows.map((r) => [r.label, r.style, r.cells[0]])).toEqual([
      ['Intäkter', 'heading', ''],
      ['Bidrag', 'line', '1\u00a0200'],
      ['Summa intäkter', 'sum', '1\u00a0200'],
      ['Personal', 'line', '3\u00a0400'],
      ['Summa kostnader', 'sum', '3\u00a0400'],
      ['Netto', 'total', '2\u00a0200'],
      ['Okänd', 'line', ''],
    ]);
    expect(planBudgetBlock(plan('verksamhetsplan', { info: { year: undefined } })).facts).toEqual([]);
  });

  test('under the text "Budget <år>" when the workbook has one, else in a new section at the end of the economy', () => {
    const budget = { heading: 'Budget', printed: 'Budget 2025' };
    const withText: Section = {
      heading: 'E',
      level: 1,
      blocks: [],
      children: [
        { heading: 'Budget 2024', level: 2, blocks: [], children: [] },
        { heading: 'Övrigt', level: 2, blocks: [], children: [] },
      ],
    };
    placePlanBudget(withText, budget, p);
    expect(outlineOf([withText], true)).toEqual(['E (1)', '  Budget 2024 (2) [planBudget]', '  Övrigt (2)']);
    const without: Section = { heading: 'E', level: 1, blocks: [], children: [{ heading: 'Resursanvändning', level: 2, blocks: [], children: [] }] };
    placePlanBudget(without, budget, p);
    expect(outlineOf([without], true)).toEqual(['E (1)', '  Resursanvändning (2)', '  Budget 2025 (2) [planBudget]']);
  });
});
