/** The verksamhetsplan's budget by kostnadsslag (report/blocks/planBudget.ts). */
import { placePlanBudget, planBudgetBlock, unitBudgetBlock } from '../../../src/core/report/blocks/planBudget';
import type { Section } from '../../../src/core/report/model';
import { outlineOf, plan, planBudgetRow, unitBudgetRow } from './plans';

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

describe('the budget per verksamhet', () => {
  const rows = [
    unitBudgetRow('Förskola', 'Verksamhet', { costs: 612.8, income: -52.3, net: 560.5, change: 8.9 }),
    unitBudgetRow('Äldreomsorg', 'Verksamhet', { costs: 640.5, income: -75.6, net: 564.9, change: -4 }),
    unitBudgetRow('Ny verksamhet', 'Verksamhet', { costs: 1 }),
    unitBudgetRow('Summa', 'Summa', { costs: 1254.3, income: -127.9, net: 1125.4, change: 4.9 }),
  ];

  test('four columns in mnkr with one decimal, the Summa row as the total; signs as the originals unless Dokument asks for plus and minus', () => {
    const block = unitBudgetBlock(plan('verksamhetsplan', { unitBudget: rows }));
    expect(block.columns.map((c) => [c.header, c.align])).toEqual([
      ['Verksamhet (mnkr)', 'left'],
      ['Kostnader', 'right'],
      ['Intäkter', 'right'],
      ['Netto', 'right'],
      ['Ökning (+)/Minskning (−)', 'right'],
    ]);
    expect(block.columns.reduce((a, c) => a + c.width, 0)).toBe(100);
    expect(block.rows.map((r) => [r.label, r.style, ...r.cells])).toEqual([
      ['Förskola', 'line', '612,8', '-52,3', '560,5', '8,9'],
      ['Äldreomsorg', 'line', '640,5', '-75,6', '564,9', '-4,0'],
      ['Ny verksamhet', 'line', '1,0', '', '', ''],
      ['Summa', 'total', '1\u00a0254,3', '-127,9', '1\u00a0125,4', '4,9'],
    ]);
    const explicit = unitBudgetBlock(plan('verksamhetsplan', { info: { signs: 'explicit' }, unitBudget: rows }));
    expect(explicit.rows.map((r) => [r.cells[1], r.cells[3]])).toEqual([
      ['\u221252,3', '+8,9'],
      ['\u221275,6', '\u22124,0'],
      ['', ''],
      ['\u2212127,9', '+4,9'],
    ]);
  });

  test('under "Budget <år>" before the budget by kostnadsslag', () => {
    const economy: Section = { heading: 'E', level: 1, blocks: [], children: [] };
    placePlanBudget(
      economy,
      { heading: 'Budget', printed: 'Budget 2019' },
      plan('verksamhetsplan', { unitBudget: rows, planBudget: [planBudgetRow('A', 'Kostnad', 1)] }),
    );
    expect(outlineOf([economy], true)).toEqual(['E (1)', '  Budget 2019 (2) [budgetTable, planBudget]']);
  });
});
