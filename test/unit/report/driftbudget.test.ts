/** The driftbudget builder and its placement (report/blocks/driftbudget.ts). */
import { budgetBlock, placeDriftbudget } from '../../../src/core/report/blocks/driftbudget';
import { figures } from '../../../src/core/report/figures';
import { FreeTables } from '../../../src/core/report/blocks/freeTables';
import type { Section } from '../../../src/core/report/model';
import { budgetRow, outlineOf, table } from './plans';

const economy = (...children: Section[]): Section => ({ heading: 'Uppföljning av ekonomi', level: 1, blocks: [], children });

describe('the driftbudget table', () => {
  test('figures as the reference documents print them: a hyphen-minus and no plus sign', () => {
    const fig = figures();
    expect([2.54, -4.3, 0, 0.04, -0.04].map(fig.deviation)).toEqual(['2,5', '-4,3', '0,0', '0,0', '0,0']);
    expect(fig.deviation(1299.06)).toBe('1\u00a0299,1');
  });

  test('with "Tecken i tal" set to plus and minus: deviations carry their sign; a deviation that rounds to zero has none', () => {
    const fig = figures('explicit');
    expect([2.54, -4.3, 0, 0.04, -0.04].map(fig.deviation)).toEqual(['+2,5', '−4,3', '0,0', '0,0', '0,0']);
    expect(fig.deviation(1299.06)).toBe('+1\u00a0299,1');
  });

  test('the outcome column is named by the period; rows by their type; amounts in mnkr with one decimal', () => {
    const rows = [
      budgetRow('Förskola', { outcome: 10.04, budget: 20, forecast: 19.5, deviation: 0.5, performanceChange: -0.2, deviationAfter: 0.3 }),
      budgetRow('varav lokaler', { budget: 5 }, { rowType: 'Varav' }),
      budgetRow('Summa', { budget: 25, deviation: -1 }, { rowType: 'Summa' }),
      budgetRow('Justering', {}, { rowType: 'Justering' }),
      budgetRow('Slutsumma', { budget: 25 }, { rowType: 'Slutsumma' }),
      budgetRow('Utan typ', {}, { rowType: undefined }),
    ];
    const t1 = budgetBlock('tertialrapport', 1, rows);
    expect(t1.columns.map((c) => c.header)).toEqual([
      'Netto (mnkr)',
      'Utfall per april',
      'Budget',
      'Prognos',
      'Avvikelse budget prognos',
      'Prestations\u00adförändring',
      'Avvikelse efter prestations\u00adförändring',
    ]);
    expect(budgetBlock('tertialrapport', 2, rows).columns[1]!.header).toBe('Utfall per aug');
    expect(budgetBlock('verksamhetsberattelse', undefined, rows).columns[1]!.header).toBe('Utfall');
    expect(t1.rows.map((r) => r.style)).toEqual(['line', 'part', 'sum', 'adjustment', 'total', 'line']);
    expect(t1.rows[0]!.cells).toEqual(['10,0', '20,0', '19,5', '0,5', '-0,2', '0,3']);
    expect(t1.rows[2]!.cells).toEqual(['', '25,0', '', '-1,0', '', '']);
    expect(budgetBlock('tertialrapport', 1, rows, figures('explicit')).rows[0]!.cells).toEqual(['10,0', '20,0', '19,5', '+0,5', '−0,2', '+0,3']);
    expect(t1.note).toBe('Positiv avvikelse = överskott.');
  });
});

describe('placing the driftbudget', () => {
  test('in a section of its own, first in the economy, when the workbook has no text for it; lines with analysis below it', () => {
    const other: Section = { heading: 'Investeringar', level: 2, blocks: [], children: [] };
    const e = economy(other);
    const rows = [budgetRow('Förskola', { budget: 1 }, { analysis: 'Lägre kostnader.' }), budgetRow('Skola', { budget: 2 })];
    placeDriftbudget(e, 'Uppföljning av driftbudget', 'tertialrapport', 2, rows, new FreeTables([]));
    expect(outlineOf([e], true)).toEqual([
      'Uppföljning av ekonomi (1)',
      '  Uppföljning av driftbudget (2) [budgetTable]',
      '    Förskola (4) [richText]',
      '  Investeringar (2)',
    ]);
    expect(e.children[0]!.children[0]!.depth).toBe(2);
  });

  test("in the workbook's section of that name, after its text; a table that names a line goes there after its introduction", () => {
    const text: Section = {
      heading: 'uppföljning av  driftbudget',
      level: 2,
      blocks: [{ kind: 'richText', blocks: [{ kind: 'paragraph', runs: [{ text: 'Prognosen.' }] }] }],
      children: [],
    };
    const e = economy(text);
    const tables = new FreeTables([table('Barn', 'Förskola', ['Enhet', 'Antal'], [['A', 1]]), table('Annat', 'Annat', ['A'], [['x']])]);
    placeDriftbudget(
      e,
      'Uppföljning av driftbudget',
      'tertialrapport',
      2,
      [budgetRow('Förskola', { budget: 1 }, { analysis: 'Fler barn enligt tabell:\nSlut.' })],
      tables,
    );
    expect(outlineOf([e], true)).toEqual([
      'Uppföljning av ekonomi (1)',
      '  uppföljning av  driftbudget (2) [richText, budgetTable]',
      '    Förskola (4) [richText, freeTable, richText]',
    ]);
    expect(tables.rest().map((t) => t.caption)).toEqual(['Annat']);
  });
});
