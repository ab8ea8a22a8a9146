/**
 * One visitor type for the report's blocks: the renderer (BLOCK_RENDERERS) and the page
 * estimator (BLOCK_LAYOUT, KEEP_WITH_HEADING) each declare a handler for every kind of block as
 * a BlockVisitor, so a kind added to `Block` does not compile until both handle it. The
 * type-level checks below are made by the compiler in `npm run lint` (tsc over src and test;
 * jest only transpiles): a `Same<…>` that is not true fails, and so does an `@ts-expect-error`
 * whose line compiles (a visitor missing a handler that the compiler let through).
 */
import type { FileChild } from 'docx';
import { visitBlock, type Block, type BlockKind, type BlockVisitor } from '../../../src/core/report/model';
import { BLOCK_RENDERERS } from '../../../src/core/report/docx/document';
import { RenderContext } from '../../../src/core/report/docx/text';
import { BLOCK_LAYOUT, Flow, KEEP_WITH_HEADING } from '../../../src/core/report/pages/pager';

/** true when A and B are the same type. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// every visitor handles exactly the kinds of Block
const rendererHandlesAll: Same<keyof typeof BLOCK_RENDERERS, BlockKind> = true;
const layoutHandlesAll: Same<keyof typeof BLOCK_LAYOUT, BlockKind> = true;
const keepHandlesAll: Same<keyof typeof KEEP_WITH_HEADING, BlockKind> = true;

// a renderer or estimator without a handler for a kind (as it would be for a new kind) is refused
const { legend: _legend, ...rendererWithoutLegend } = BLOCK_RENDERERS;
// @ts-expect-error Property 'legend' is missing
const rendererRefused: BlockVisitor<FileChild[], [RenderContext]> = rendererWithoutLegend;
const { freeTable: _freeTable, ...layoutWithoutFreeTable } = BLOCK_LAYOUT;
// @ts-expect-error Property 'freeTable' is missing
const layoutRefused: BlockVisitor<void, [Flow]> = layoutWithoutFreeTable;
const { richText: _richText, ...keepWithoutRichText } = KEEP_WITH_HEADING;
// @ts-expect-error Property 'richText' is missing
const keepRefused: BlockVisitor<{ height: number; through: boolean }> = keepWithoutRichText;

// a handler gets the block of its own kind: `text` is there only on a fieldLabel
const typed: BlockVisitor<string> = {
  assessment: (b) => b.assessment,
  fieldLabel: (b) => b.text,
  richText: (b) => `${b.blocks.length}`,
  indicatorTable: (b) => b.rows.map((r) => r.flag ?? '').join(''),
  activityTable: (b) => b.rows.map((r) => r.status?.symbol ?? '').join(''),
  budgetTable: (b) => b.note ?? '',
  planBudget: (b) => b.facts.join(''),
  freeTable: (b) => b.caption ?? '',
  // @ts-expect-error a legend has no text of its own
  legend: (b) => b.text,
};

const ONE_OF_EACH: Block[] = [
  { kind: 'assessment', assessment: 'Uppfylls delvis' },
  { kind: 'fieldLabel', text: 'Analys' },
  { kind: 'richText', blocks: [{ kind: 'paragraph', runs: [{ text: 'Text.' }] }] },
  {
    kind: 'indicatorTable',
    columns: [
      { header: 'Indikator', width: 80, align: 'left' },
      { header: 'Årsmål', width: 20, align: 'right' },
    ],
    rows: [{ name: 'Andel', flag: '♀', cells: ['50 %'], analysis: [] }],
  },
  {
    kind: 'activityTable',
    columns: [{ header: 'Aktivitet', width: 100, align: 'left' }],
    rows: [{ name: 'Akt', status: { symbol: '✓', color: '0B3F73', label: 'Avslutad' }, cells: [], analysis: [] }],
  },
  {
    kind: 'budgetTable',
    columns: [
      { header: 'Netto', width: 60, align: 'left' },
      { header: 'Budget', width: 40, align: 'right' },
    ],
    rows: [{ label: 'Summa', style: 'sum', cells: ['1,0'] }],
    note: 'Not.',
  },
  {
    kind: 'planBudget',
    facts: [['Budgetår', '2025']],
    columns: [
      { header: 'tkr', width: 70, align: 'left' },
      { header: 'Budget', width: 30, align: 'right' },
    ],
    rows: [{ label: 'Intäkter', style: 'line', cells: ['100'] }],
  },
  { kind: 'freeTable', caption: 'Tabell', columns: [{ header: 'A', width: 100, align: 'left' }], rows: [{ cells: ['x'], sum: false }] },
  { kind: 'legend', items: [{ symbol: '●', color: '2E7D32', text: 'Uppfylls helt' }] },
];

describe('BlockVisitor', () => {
  test('the visitors cover every kind (checked by the compiler above)', () => {
    expect([rendererHandlesAll, layoutHandlesAll, keepHandlesAll]).toEqual([true, true, true]);
    expect([rendererRefused, layoutRefused, keepRefused].map((v) => Object.keys(v).length)).toEqual([8, 8, 8]);
    expect(new Set(ONE_OF_EACH.map((b) => b.kind)).size).toBe(Object.keys(BLOCK_RENDERERS).length);
  });

  test('visitBlock calls the handler of the block’s kind with the block and the arguments', () => {
    expect(ONE_OF_EACH.map((b) => visitBlock(b, typed))).toEqual(['Uppfylls delvis', 'Analys', '1', '♀', '✓', 'Not.', 'Budgetår,2025', 'Tabell', undefined]);
    const seen: string[] = [];
    const visitor = Object.fromEntries(
      Object.keys(BLOCK_RENDERERS).map((k) => [k, (b: Block, n: number) => seen.push(`${b.kind}:${n}`)]),
    ) as unknown as BlockVisitor<number, [number]>;
    visitBlock(ONE_OF_EACH[1]!, visitor, 7);
    expect(seen).toEqual(['fieldLabel:7']);
  });

  test('the renderer writes something for every kind, and the estimator takes room for it', () => {
    const ctx = new RenderContext();
    for (const b of ONE_OF_EACH) {
      expect(visitBlock(b, BLOCK_RENDERERS, ctx).length).toBeGreaterThan(0);
      const flow = new Flow();
      flow.y = 100;
      visitBlock(b, BLOCK_LAYOUT, flow);
      expect({ kind: b.kind, moved: flow.y > 100 }).toEqual({ kind: b.kind, moved: true });
      expect(visitBlock(b, KEEP_WITH_HEADING).height).toBeGreaterThan(0);
    }
  });
});
