/**
 * Tables of the report: indicators, activities, driftbudget, plan budget and free tables.
 * Header rows repeat on every page; rows are not split across pages (analysis rows may be);
 * widths fit A4 portrait.
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ITableBordersOptions,
} from 'docx';
import { isShortAnalysis, type ActivityRow, type BudgetTableRow, type IndicatorRow, type RowMark, type TableColumn } from '../model';
import { COLORS } from './style';
import { METRICS, SIZE, TEXT_WIDTH, columnTwips, textWidth } from '../metrics';
import { richText, symbolRun, type RenderContext } from './text';

const NONE = { style: BorderStyle.NIL, size: 0, color: 'auto' };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: COLORS.rule };
const THIN = { style: BorderStyle.SINGLE, size: 2, color: 'D0D7E0' };

const BORDERS: ITableBordersOptions = {
  top: LINE,
  bottom: LINE,
  left: NONE,
  right: NONE,
  insideHorizontal: THIN,
  insideVertical: NONE,
};

const { top, bottom, left, right } = METRICS.cell;
const MARGINS = { top, bottom, left, right };
const twips = columnTwips;

interface CellOptions {
  bold?: boolean;
  italic?: boolean;
  fill?: string;
  indent?: number;
  size?: number;
  prefix?: TextRun[];
  /** A line under the text: a status or assessment, symbol and words. */
  mark?: RowMark;
}

function cell(text: string, column: TableColumn, width: number, o: CellOptions = {}): TableCell {
  // numbers line up on the right, and so does a short text in a number column ("i.u."); a text
  // that needs more than one line there ("Tas fram av nämnden") reads from the left
  const t = text.trim();
  const right =
    column.align === 'right' &&
    (t === '' || /^[-−+]?\d/.test(t) || textWidth(t, o.size ?? SIZE.table, o.bold) <= width - METRICS.cell.left - METRICS.cell.right);
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: MARGINS,
    verticalAlign: VerticalAlign.TOP,
    shading: o.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: o.fill } : undefined,
    children: [
      new Paragraph({
        style: 'TableText',
        alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: o.indent ? { left: o.indent } : undefined,
        children: [...(o.prefix ?? []), new TextRun({ text, bold: o.bold, italics: o.italic, size: o.size ?? SIZE.table })],
      }),
      ...(o.mark
        ? [
            new Paragraph({
              style: 'TableText',
              children: [
                symbolRun(o.mark.symbol, o.mark.color, { size: SIZE.table }),
                new TextRun({ text: `\u00a0${o.mark.label}`, size: SIZE.table, color: COLORS.muted }),
              ],
            }),
          ]
        : []),
    ],
  });
}

function headerRow(columns: TableColumn[], widths: number[]): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          margins: MARGINS,
          verticalAlign: VerticalAlign.BOTTOM,
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLORS.headerFill },
          children: [
            new Paragraph({
              style: 'TableText',
              alignment: c.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
              children: [new TextRun({ text: c.header, bold: true, size: SIZE.tableSmall })],
            }),
          ],
        }),
    ),
  });
}

function spanRow(children: Paragraph[], columns: number, keepTogether: boolean): TableRow {
  return new TableRow({
    cantSplit: keepTogether,
    children: [
      new TableCell({
        columnSpan: columns,
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        margins: { ...MARGINS, left: METRICS.cell.analysisLeft, bottom: METRICS.cell.analysisBottom },
        shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLORS.analysisFill },
        children,
      }),
    ],
  });
}

function table(columns: TableColumn[], rows: TableRow[]): Table {
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: twips(columns),
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
  });
}

function analysisRow(analysis: IndicatorRow['analysis'], columns: number, ctx: RenderContext): TableRow | undefined {
  if (!analysis.length) return undefined;
  const paragraphs = richText(analysis, ctx, {
    style: 'TableText',
    size: SIZE.table,
    lead: [new TextRun({ text: 'Analys: ', bold: true, size: SIZE.table, color: COLORS.muted })],
  });
  return spanRow(paragraphs, columns, isShortAnalysis(analysis));
}

/** A table of named rows, each with its analysis beneath it (kept on the page of its row). */
function rowsWithAnalyses<R extends IndicatorRow | ActivityRow>(columns: TableColumn[], rows: R[], prefixOf: (row: R) => TextRun[], ctx: RenderContext): Table {
  const widths = twips(columns);
  const body: TableRow[] = [headerRow(columns, widths)];
  for (const row of rows) {
    const analysis = analysisRow(row.analysis, columns.length, ctx);
    body.push(
      new TableRow({
        cantSplit: true,
        keepNext: analysis !== undefined,
        children: [
          cell(row.name, columns[0]!, widths[0]!, { prefix: prefixOf(row), mark: 'mark' in row ? row.mark : 'status' in row ? row.status : undefined }),
          ...row.cells.map((text, i) => cell(text, columns[i + 1]!, widths[i + 1]!)),
        ],
      }),
    );
    if (analysis) body.push(analysis);
  }
  return table(columns, body);
}

export function indicatorTable(columns: TableColumn[], rows: IndicatorRow[], ctx: RenderContext): Table {
  return rowsWithAnalyses(columns, rows, ({ flag }) => (flag ? [new TextRun({ text: `${flag}\u00a0`, size: SIZE.table, color: COLORS.muted })] : []), ctx);
}

export function activityTable(columns: TableColumn[], rows: ActivityRow[], ctx: RenderContext): Table {
  // the status goes under the name, symbol and words (see cell's `mark`)
  return rowsWithAnalyses(columns, rows, () => [], ctx);
}

export function budgetTable(columns: TableColumn[], rows: BudgetTableRow[]): Table {
  const widths = twips(columns);
  const body: TableRow[] = [headerRow(columns, widths)];
  for (const row of rows) {
    const strong = row.style === 'sum' || row.style === 'total';
    const o: CellOptions = {
      bold: strong || row.style === 'heading',
      italic: row.style === 'adjustment' || row.style === 'heading',
      fill: strong ? COLORS.sumFill : undefined,
    };
    body.push(
      new TableRow({
        cantSplit: true,
        children: [
          cell(row.label, columns[0]!, widths[0]!, { ...o, indent: row.style === 'part' ? METRICS.partIndent : undefined }),
          ...row.cells.map((text, i) => cell(text, columns[i + 1]!, widths[i + 1]!, o)),
        ],
      }),
    );
  }
  return table(columns, body);
}

export function freeTable(columns: TableColumn[], rows: { cells: string[]; sum: boolean; group?: boolean }[]): Table {
  const widths = twips(columns);
  const body: TableRow[] = [];
  const hasHeader = columns.some((c) => c.header);
  if (hasHeader) body.push(headerRow(columns, widths));
  for (const [i, row] of rows.entries()) {
    body.push(
      new TableRow({
        // without column headers the first row heads the table (a data table always has a header row)
        tableHeader: !hasHeader && i === 0 ? true : undefined,
        cantSplit: true,
        children: row.cells.map((text, i) => cell(text, columns[i]!, widths[i]!, { bold: row.sum || row.group, fill: row.sum ? COLORS.sumFill : undefined })),
      }),
    );
  }
  return table(columns, body);
}
