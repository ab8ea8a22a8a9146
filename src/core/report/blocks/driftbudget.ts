/**
 * The driftbudget of the follow-ups: the table (mnkr, deviations with their sign) in the
 * outline's driftbudget section, and under it each line's analysis and tables.
 */
import type { BudgetAmountKey, BudgetRow, DocumentKind } from '../../model/plan';
import { figures, type Figures } from '../figures';
import { oneLine } from '../../values/text';
import type { BlockOf, BudgetRowStyle, Section, TableColumn } from '../model';
import { sectionKey } from '../outline';
import { insertAfterIntroduction, type FreeTables } from './freeTables';
import { textBlocks } from './textSections';
import { columnOf, DRIFTBUDGET, header } from '../../layout/layout';

/** An amount column: header, share of the width, the amount it shows, and whether with its sign. */
interface AmountColumn {
  header: string;
  width: number;
  key: BudgetAmountKey;
  signed?: boolean;
}

/** A header as the sheet has it (src/core/layout), with Word allowed to break "prestations-förändring". */
const sheetHeader = (key: BudgetAmountKey) => header(DRIFTBUDGET, key).replace(/restationsförändring/, 'restations\u00adförändring');

/** The columns after the line's name, one line each (the outcome's header names the period). */
function amountColumns(outcomeHeader: string): AmountColumn[] {
  return [
    { header: outcomeHeader, width: 11, key: 'outcome' },
    { header: sheetHeader('budget'), width: 11, key: 'budget' },
    { header: sheetHeader('forecast'), width: 11, key: 'forecast' },
    { header: sheetHeader('deviation'), width: 11, key: 'deviation', signed: true },
    { header: sheetHeader('performanceChange'), width: 11, key: 'performanceChange' },
    { header: sheetHeader('deviationAfter'), width: 11, key: 'deviationAfter', signed: true },
  ];
}

function rowStyle(row: BudgetRow): BudgetRowStyle {
  switch (row.rowType) {
    case 'Varav':
      return 'part';
    case 'Summa':
      return 'sum';
    case 'Justering':
      return 'adjustment';
    case 'Slutsumma':
      return 'total';
    default:
      return 'line';
  }
}

export function budgetBlock(kind: DocumentKind, tertial: number | undefined, rows: readonly BudgetRow[], fig: Figures = figures()): BlockOf<'budgetTable'> {
  const outcomeHeader = kind === 'tertialrapport' ? (tertial === 1 ? 'Utfall per april' : 'Utfall per aug') : 'Utfall';
  const amounts = amountColumns(outcomeHeader);
  const columns: TableColumn[] = [
    { header: `Netto (${columnOf(DRIFTBUDGET, 'budget').unit})`, width: 34, align: 'left' },
    ...amounts.map(({ header, width }): TableColumn => ({ header, width, align: 'right' })),
  ];
  return {
    kind: 'budgetTable',
    columns,
    rows: rows.map((row) => ({
      label: oneLine(row.label),
      style: rowStyle(row),
      cells: amounts.map(({ key, signed }) => {
        const v = row.amounts[key];
        if (v === undefined) return '';
        return signed ? fig.deviation(v) : fig.mnkr(v);
      }),
    })),
    note: 'Positiv avvikelse = överskott.',
  };
}

/**
 * Puts the driftbudget into its section of the economy (made first in the economy when the
 * workbook has no text for it), and under it, two levels down and out of the table of
 * contents as in the reference, a section for each line that has an analysis or tables.
 */
export function placeDriftbudget(
  economy: Section,
  heading: string,
  kind: DocumentKind,
  tertial: number | undefined,
  rows: readonly BudgetRow[],
  tables: FreeTables,
  fig: Figures = figures(),
): void {
  const key = sectionKey(heading);
  const section = economy.children.find((s) => sectionKey(s.heading) === key) ?? { heading, level: 2, blocks: [], children: [] };
  if (!economy.children.includes(section)) economy.children.unshift(section);
  section.blocks.push(budgetBlock(kind, tertial, rows, fig));
  for (const row of rows) {
    const analysis = textBlocks(row.analysis);
    const rowTables = tables.take(row.label);
    if (!analysis.length && !rowTables.length) continue;
    const line: Section = { heading: oneLine(row.label), level: 4, depth: 2, blocks: analysis, children: [] };
    insertAfterIntroduction(line, rowTables);
    section.children.push(line);
  }
}
