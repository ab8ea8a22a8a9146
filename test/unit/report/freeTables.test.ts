/** The free tables (report/blocks/freeTables.ts): formatting, columns, captions and where they go. */
import { FreeTables, freeTableBlock, insertAfterIntroduction, tableDecimals } from '../../../src/core/report/blocks/freeTables';
import type { Block, Section } from '../../../src/core/report/model';
import { parseRichText } from '../../../src/core/report/richText';
import { outlineOf, table } from './plans';

const rich = (text: string): Block => ({ kind: 'richText', blocks: parseRichText(text) });

describe('a free table', () => {
  test('numbers with as many decimals as the most precise one (at most two), the same in every column', () => {
    expect(tableDecimals([{ kind: 'Rad', cells: ['a', 1, 2.5] }])).toBe(1);
    expect(tableDecimals([{ kind: 'Rad', cells: [1.23456, 3] }])).toBe(2);
    expect(tableDecimals([{ kind: 'Rad', cells: ['x', 7] }])).toBe(0);
    const block = freeTableBlock(
      table(
        'Investeringar',
        'Investeringar',
        ['Projekt', 'Belopp'],
        [
          ['Skola', 32],
          ['Förskola', 0.25],
          ['Summa', 32.25],
        ],
        [2],
      ),
    );
    expect(block.rows.map((r) => r.cells)).toEqual([
      ['Skola', '32,00'],
      ['Förskola', '0,25'],
      ['Summa', '32,25'],
    ]);
    expect(block.rows.map((r) => r.sum)).toEqual([false, false, true]);
  });

  test('value columns (numbers, "i.u.", blanks) to the right, the rest to the left; rows as wide as the widest', () => {
    const block = freeTableBlock(
      table(
        'T',
        undefined,
        ['Månad', 'Antal', 'Kommentar'],
        [
          ['Jan', 3, 'Bra'],
          ['Feb', 'i.u.'],
          ['Mar', '', 12],
        ],
      ),
    );
    expect(block.columns.map((c) => c.align)).toEqual(['left', 'right', 'left']);
    expect(block.rows.map((r) => r.cells.length)).toEqual([3, 3, 3]);
    expect(block.columns.reduce((a, c) => a + c.width, 0)).toBeCloseTo(100, 6);
  });

  test('a row with only its first cell filled heads the rows below it', () => {
    const block = freeTableBlock(
      table(
        'T',
        undefined,
        ['Post', 'Belopp'],
        [
          ['Intäkter', ''],
          ['Bidrag', 5],
        ],
      ),
    );
    expect(block.rows.map((r) => r.group)).toEqual([true, false]);
  });

  test('the caption is left out when the section heading or the first column header already says it', () => {
    expect(freeTableBlock(table('Investeringar', 'Investeringar', ['Projekt'], [['a']]), 'Investeringar').caption).toBeUndefined();
    expect(freeTableBlock(table('Projekt', undefined, ['projekt '], [['a']])).caption).toBeUndefined();
    expect(freeTableBlock(table('Större\nprojekt', undefined, ['Projekt'], [['a']]), 'Investeringar').caption).toBe('Större projekt');
  });
});

describe('placing free tables', () => {
  test('after the paragraph that announces them, splitting its text; else at the end', () => {
    const section: Section = { heading: 'S', level: 2, blocks: [rich('Intro.\nSe tabellen nedan:\nEfter.')], children: [] };
    const tableBlock = freeTableBlock(table('T', undefined, ['A'], [['x']]));
    insertAfterIntroduction(section, [tableBlock]);
    expect(section.blocks.map((b) => (b.kind === 'richText' ? b.blocks.length : b.kind))).toEqual([2, 'freeTable', 1]);
    const plain: Section = { heading: 'S', level: 2, blocks: [rich('Ingen inledning.')], children: [] };
    insertAfterIntroduction(plain, [tableBlock]);
    expect(plain.blocks.map((b) => b.kind)).toEqual(['richText', 'freeTable']);
  });

  test('each table to the first section that names it, below too; the others are left for the end', () => {
    const tables = new FreeTables([
      table('A', 'Investeringar', ['x'], [['1']]),
      table('B', 'investeringar', ['x'], [['2']]),
      table('C', 'Lokaler', ['x'], [['3']]),
      table('D', 'Finns inte', ['x'], [['4']]),
      table('E', undefined, ['x'], [['5']]),
    ]);
    const economy: Section = {
      heading: 'Ekonomi',
      level: 1,
      blocks: [],
      children: [
        { heading: 'Investeringar', level: 2, blocks: [], children: [{ heading: 'Lokaler', level: 3, blocks: [], children: [] }] },
        { heading: 'Investeringar', level: 2, blocks: [], children: [] },
      ],
    };
    tables.attachTo(economy);
    expect(outlineOf([economy], true)).toEqual([
      'Ekonomi (1)',
      '  Investeringar (2) [freeTable, freeTable]',
      '    Lokaler (3) [freeTable]',
      '  Investeringar (2)',
    ]);
    expect(tables.rest().map((t) => t.caption)).toEqual(['D', 'E']);
    expect(tables.take('Investeringar')).toEqual([]);
  });
});
