/**
 * A fast page estimator for the table of contents: lays the report model out on A4 pages
 * with Arial's real character widths and the renderer's own measurements (report/metrics.ts),
 * closely enough to give each heading its page. docx's own layout engine (docx/layout)
 * does this as Word does but takes seconds for a 60-page report; tests compare the two.
 */
import {
  frontLines,
  isShortAnalysis,
  visitBlock,
  type Block,
  type BlockOf,
  type BlockVisitor,
  type ReportModel,
  type Section,
  type TableColumn,
} from '../model';
import type { RichBlock } from '../richText';
import {
  METRICS,
  SIZE,
  TEXT_HEIGHT,
  TEXT_WIDTH,
  columnTwips,
  countLines,
  firstPageFrameIntrusion,
  lineHang,
  lineHeight,
  symbolLineHeight,
  type ParagraphMetrics,
} from '../metrics';

/** Where the layout is: the page and how far down it. */
export class Flow {
  page = 1;
  y = 0;
  /** The space after the last paragraph; the gap to the next is the larger of it and that one's space before. */
  private lastAfter = 0;
  newPage() {
    this.page++;
    this.y = 0;
    this.lastAfter = 0;
  }
  get left() {
    return TEXT_HEIGHT - this.y;
  }
  /** Space before a paragraph: none at the top of a page. */
  before(twips: number) {
    if (this.y > 0) this.y += Math.max(0, twips - this.lastAfter);
    this.lastAfter = 0;
  }
  after(twips: number) {
    this.y += twips;
    this.lastAfter = twips;
  }
  /**
   * Places something that cannot be split; moves to a new page when it does not fit. `hang` is
   * the part of it that may go below the bottom of the page: Word lets the room that multiple
   * line spacing adds below a line's text go there.
   */
  block(height: number, hang = 0) {
    if (this.y > 0 && height - hang > this.left) this.newPage();
    this.y += height;
    this.lastAfter = 0;
  }
  /** Places lines one by one, breaking the page between lines. */
  lines(count: number, height: number, hang = 0) {
    for (let i = 0; i < count; i++) this.block(height, hang);
  }
  /**
   * A paragraph's lines with Word's widow and orphan control: never one line of it alone at
   * the bottom of a page or at the top of the next.
   */
  paragraphLines(count: number, height: number, hang = 0) {
    const fit = this.y > 0 ? Math.max(0, Math.floor((this.left + hang) / height)) : count;
    if (count > 1 && fit < count) {
      if (fit <= 1) this.newPage();
      else if (count - fit === 1 && count >= 3) {
        this.lines(fit - 1, height, hang);
        this.newPage();
        this.lines(count - fit + 1, height, hang);
        return;
      }
    }
    this.lines(count, height, hang);
  }
}

const runText = (b: RichBlock) => b.runs.map((r) => r.text).join('');

/** `symbols`: every line has a symbol on it (the Bedömning line, the legend), so is as tall as a line of the symbols' font. */
function paragraph(flow: Flow, text: string, m: ParagraphMetrics, width = TEXT_WIDTH, keepWith = 0, symbols = false) {
  const lines = countLines(text, m.size, m.bold, width - (m.indent ?? 0));
  const h = symbols ? symbolLineHeight(m) : lineHeight(m);
  const hang = symbols ? h - symbolLineHeight({ size: m.size, line: 240 }) : lineHang(m);
  flow.before(m.before);
  // keep-with-next: the paragraph and the first line of what follows stay on one page
  if (keepWith && flow.y > 0 && lines * h + m.after + keepWith - hang > flow.left) flow.newPage();
  flow.paragraphLines(lines, h, hang);
  flow.after(m.after);
}

/** A paragraph of rich text as the text, metrics and width it is laid out with. */
const richEntry = (b: RichBlock) =>
  [runText(b), b.kind === 'subheading' ? METRICS.subheading : b.kind === 'paragraph' ? METRICS.body : METRICS.list, TEXT_WIDTH] as const;

function richText(flow: Flow, blocks: readonly RichBlock[]) {
  const first = lineHeight(METRICS.body);
  for (const b of blocks) paragraph(flow, ...richEntry(b), b.kind === 'subheading' ? first : 0);
}

/** Lines of the paragraphs in a table cell of a given width. */
function cellHeight(texts: string[], width: number, size: number, bold = false): number {
  const inner = width - METRICS.cell.left - METRICS.cell.right;
  const lines = texts.reduce((n, t) => n + countLines(t, size, bold, inner), 0);
  return Math.max(lines, 1) * lineHeight({ size, line: METRICS.tableText.line }) + METRICS.cell.top + METRICS.cell.bottom;
}

interface Row {
  height: number;
  /** Rows that may break across pages are placed line by line. */
  lines?: { count: number; height: number };
  /** The row stays on the page where the next row starts. */
  keepWithNext?: boolean;
  /** The lines of a row's tallest cell, for a row that is not to break but is taller than a page. */
  cellLines?: { count: number; height: number };
}

/** Word adds the borders between rows to their heights: 1/4 pt inside, 1/2 pt at the table's top. */
const INSIDE_BORDER = 5;
const OUTSIDE_BORDER = 10;

function table(flow: Flow, columns: TableColumn[], rows: Row[], hasHeader = true) {
  const widths = columnTwips(columns);
  rows = rows.map((r, i) => (r.lines ? r : { ...r, height: r.height + (i === 0 && !hasHeader ? OUTSIDE_BORDER : INSIDE_BORDER) }));
  // a table without column headers has its first row as its header row (repeated on each page)
  const header = hasHeader
    ? Math.max(...columns.map((c, i) => cellHeight([c.header], widths[i]!, SIZE.tableSmall, true))) + OUTSIDE_BORDER
    : (rows.shift()?.height ?? 0);
  const first = rows[0]?.height ?? 0;
  /** A row that is not to break but is taller than a page (a text pasted into a narrow column). */
  const isTall = (row: Row) => row.cellLines !== undefined && row.height > TEXT_HEIGHT - header;
  // the header goes to the next page with a first row that does not fit (all of a tall one, which never does)
  if (flow.y > 0 && header + (rows[0] && isTall(rows[0]) ? first : Math.min(first, TEXT_HEIGHT / 2)) > flow.left) flow.newPage();
  flow.block(header);
  const firstPage = flow.page;
  rows.forEach((row, i) => {
    const next = rows[i + 1];
    if (row.keepWithNext && next && flow.y > header) {
      // the row and the start of the next one (all of it when it cannot break) on one page
      const need = row.height + (next.lines ? METRICS.cell.top + next.lines.height : next.height);
      if (need > flow.left) {
        flow.newPage();
        flow.y += header;
      }
    }
    if (row.lines) {
      flow.y += METRICS.cell.top;
      for (let i = 0; i < row.lines.count; i++) {
        if (row.lines.height > flow.left) {
          flow.newPage();
          flow.y += header;
        }
        flow.y += row.lines.height;
      }
      flow.y += METRICS.cell.analysisBottom;
      return;
    }
    // a tall row goes to the next page from the table's own header too (not from a repeated one), and breaks
    // there between its lines all the same
    const tall = isTall(row);
    if (row.height > flow.left && (flow.y > header || (tall && flow.page === firstPage))) {
      flow.newPage();
      flow.y += header;
    }
    if (tall && row.cellLines) {
      flow.y += METRICS.cell.top;
      for (let i = 0; i < row.cellLines.count; i++) {
        if (row.cellLines.height > flow.left) {
          flow.newPage();
          flow.y += header;
        }
        flow.y += row.cellLines.height;
      }
      flow.y += METRICS.cell.bottom;
      return;
    }
    flow.y += row.height;
  });
}

function analysisRow(blocks: readonly RichBlock[]): Row | undefined {
  if (!blocks.length) return undefined;
  const width = TEXT_WIDTH - METRICS.cell.analysisLeft - METRICS.cell.right;
  const texts = blocks.map(runText);
  texts[0] = `Analys: ${texts[0]}`;
  const count = texts.reduce((n, t) => n + countLines(t, SIZE.table, false, width), 0);
  const line = lineHeight({ size: SIZE.table, line: METRICS.tableText.line });
  // a short analysis does not break across pages
  if (isShortAnalysis(blocks)) return { height: count * line + METRICS.cell.top + METRICS.cell.analysisBottom };
  return { height: 0, lines: { count, height: line } };
}

/** A table row; `markLine`: the first cell has a line with a symbol under its text (a status or assessment). */
function dataRow(columns: TableColumn[], cells: (string | string[])[], bold = false, markLine = false): Row {
  const widths = columnTwips(columns);
  const mark = markLine ? symbolLineHeight({ size: SIZE.table, line: METRICS.tableText.line }) : 0;
  const height = Math.max(...cells.map((t, i) => cellHeight(Array.isArray(t) ? t : [t], widths[i]!, SIZE.table, bold) + (i === 0 ? mark : 0)));
  const line = lineHeight({ size: SIZE.table, line: METRICS.tableText.line });
  return { height, cellLines: { count: Math.round((height - METRICS.cell.top - METRICS.cell.bottom) / line), height: line } };
}

/** The rows of an indicator or activity table: each with its analysis beneath it, kept with it. */
function namedRows(b: BlockOf<'indicatorTable'> | BlockOf<'activityTable'>): Row[] {
  const rows: Row[] = [];
  for (const r of b.rows) {
    const prefix = 'flag' in r && r.flag ? `${r.flag} ` : '';
    // a status or assessment goes on a line of its own under the name
    const mark = 'mark' in r ? r.mark : 'status' in r ? r.status : undefined;
    // the mark's line is as tall as a line of the symbols' font (dataRow's markLine)
    const a = analysisRow(r.analysis);
    rows.push({ ...dataRow(b.columns, [`${prefix}${r.name}`, ...r.cells], false, mark !== undefined), keepWithNext: a !== undefined });
    if (a) rows.push(a);
  }
  return rows;
}

/** How each kind of block takes room on the pages (a new kind of block does not compile until it is here). */
export const BLOCK_LAYOUT: BlockVisitor<void, [Flow]> = {
  assessment: (b, flow) => paragraph(flow, `Bedömning: ● ${b.assessment}`, METRICS.assessment, TEXT_WIDTH, 0, true),
  fieldLabel: (b, flow) => paragraph(flow, b.text, METRICS.fieldLabel, TEXT_WIDTH, lineHeight(METRICS.body)),
  richText: (b, flow) => richText(flow, b.blocks),
  legend: (b, flow) => paragraph(flow, legendText(b), METRICS.legend, TEXT_WIDTH, 0, true),
  indicatorTable: (b, flow) => {
    table(flow, b.columns, namedRows(b));
    paragraph(flow, '', METRICS.spacer);
  },
  activityTable: (b, flow) => {
    table(flow, b.columns, namedRows(b));
    paragraph(flow, '', METRICS.spacer);
  },
  budgetTable: (b, flow) => {
    table(
      flow,
      b.columns,
      b.rows.map((r) => dataRow(b.columns, [r.label, ...r.cells], r.style === 'sum' || r.style === 'total')),
    );
    if (b.note) paragraph(flow, b.note, METRICS.note);
    else paragraph(flow, '', METRICS.spacer);
  },
  planBudget: (b, flow) => {
    b.facts.forEach(([k, v]) => paragraph(flow, `${k}: ${v}`, METRICS.fact));
    paragraph(flow, '', METRICS.spacer);
    table(
      flow,
      b.columns,
      b.rows.map((r) => dataRow(b.columns, [r.label, ...r.cells], r.style === 'sum' || r.style === 'total')),
    );
    paragraph(flow, '', METRICS.spacer);
  },
  freeTable: (b, flow) => {
    if (b.caption) paragraph(flow, b.caption, METRICS.caption, TEXT_WIDTH, lineHeight(METRICS.tableText) * 2);
    table(
      flow,
      b.columns,
      b.rows.map((r) => dataRow(b.columns, r.cells, r.sum)),
      b.columns.some((c) => c.header),
    );
    paragraph(flow, '', METRICS.spacer);
  },
};

function block(flow: Flow, b: Block) {
  visitBlock(b, BLOCK_LAYOUT, flow);
}

const legendText = (b: BlockOf<'legend'>) => b.items.map((i) => `${i.symbol} ${i.text}`).join('   ');

/** A table's header row and first row: what a paragraph kept with the table keeps with it. */
function tableStart(columns: TableColumn[], firstRow: string[] | undefined): number {
  const widths = columnTwips(columns);
  const header = columns.some((c) => c.header) ? Math.max(...columns.map((c, i) => cellHeight([c.header], widths[i]!, SIZE.tableSmall, true))) : 0;
  if (!firstRow) return header;
  return header + dataRow(columns, firstRow).height;
}

/**
 * What of a block a heading before it keeps on its page: a short paragraph all of it, and the
 * chain goes on to the next block (`through`); text its first two lines, a table its header and
 * first row, and the chain ends there. A new kind of block does not compile until it is here.
 */
export const KEEP_WITH_HEADING: BlockVisitor<{ height: number; through: boolean }> = {
  assessment: (b) => ({ height: paragraphHeight(`Bedömning: ● ${b.assessment}`, METRICS.assessment, TEXT_WIDTH, true), through: true }),
  fieldLabel: (b) => ({ height: paragraphHeight(b.text, METRICS.fieldLabel), through: true }),
  legend: (b) => ({ height: paragraphHeight(legendText(b), METRICS.legend, TEXT_WIDTH, true), through: true }),
  richText: (b) => ({ height: textStart(b.blocks), through: false }),
  indicatorTable: (b) => ({ height: tableStart(b.columns, b.rows[0] && [b.rows[0].name, ...b.rows[0].cells]), through: false }),
  activityTable: (b) => ({ height: tableStart(b.columns, b.rows[0] && [b.rows[0].name, ...b.rows[0].cells]), through: false }),
  budgetTable: (b) => ({ height: tableStart(b.columns, b.rows[0] && [b.rows[0].label, ...b.rows[0].cells]), through: false }),
  planBudget: (b) => ({ height: tableStart(b.columns, b.rows[0] && [b.rows[0].label, ...b.rows[0].cells]), through: false }),
  freeTable: (b) => ({ height: tableStart(b.columns, b.rows[0]?.cells), through: false }),
};

/**
 * What of a text a paragraph kept with it holds on its page: with widow and orphan control a
 * paragraph of up to three lines moves whole, a longer one keeps its first two lines; a
 * sub-heading is kept with what follows it too.
 */
function textStart(blocks: readonly RichBlock[]): number {
  const first = blocks[0];
  if (!first) return 0;
  const m: ParagraphMetrics = first.kind === 'subheading' ? METRICS.subheading : first.kind === 'paragraph' ? METRICS.body : METRICS.list;
  const lines = countLines(runText(first), m.size, m.bold, TEXT_WIDTH - (m.indent ?? 0));
  if (first.kind === 'subheading') return m.before + lines * lineHeight(m) + m.after + textStart(blocks.slice(1));
  return (lines <= 3 ? lines : 2) * lineHeight(m);
}

function paragraphHeight(text: string, m: ParagraphMetrics, width = TEXT_WIDTH, symbols = false): number {
  return m.before + countLines(text, m.size, m.bold, width - (m.indent ?? 0)) * (symbols ? symbolLineHeight(m) : lineHeight(m)) + m.after;
}

/**
 * Height of what a heading keeps on its page: Word keeps a paragraph marked "keep with next"
 * with what follows, in a chain through the Bedömning line, field labels and the headings
 * after it (those below it, and those after a section without text), to the first line of
 * text or the first rows of a table. `next`: the section after each in the document.
 */
function keepChain(s: Section, withHeading: boolean, next: Map<Section, Section>): number {
  let h = 0;
  for (let at: Section | undefined = s, first = true; at; at = next.get(at), first = false) {
    const m = METRICS.headings[Math.min(Math.max(at.level, 1), 5) - 1]!;
    if (!(first && withHeading)) h += paragraphHeight(headingText(at), m);
    for (const b of at.blocks) {
      const keep = visitBlock(b, KEEP_WITH_HEADING);
      if (!keep.through) return h + keep.height;
      h += keep.height;
    }
  }
  return h;
}

/** The section after each one in the document (its first sub-section, or the section after it). */
function nextSections(body: readonly Section[]): Map<Section, Section> {
  const order: Section[] = [];
  const walk = (s: Section) => {
    order.push(s);
    s.children.forEach(walk);
  };
  body.forEach(walk);
  return new Map(order.slice(0, -1).map((s, i) => [s, order[i + 1]!]));
}

/** The last entries of the contents that go to a new page with the Bilagor after them, when these do not fit on its last page. */
export const ENTRIES_WITH_ATTACHMENTS = 3;

export interface EstimatedEntry {
  section: Section;
  title: string;
  level: number;
  page: number;
}

export function headingText(s: Section): string {
  return s.label ? `${s.label} ${s.heading}` : s.heading;
}

/** A heading as the contents list it: with its label as the 2025 documents, without as those of 2019/2020. */
export function entryText(s: Section, model: Pick<ReportModel, 'contentsLabels'>): string {
  return model.contentsLabels ? headingText(s) : s.heading;
}

function sectionFlow(flow: Flow, s: Section, pages: Map<Section, number>, next: Map<Section, Section>) {
  const m = METRICS.headings[Math.min(Math.max(s.level, 1), 5) - 1]!;
  if (s.pageBreak && flow.y > 0) flow.newPage();
  const lines = countLines(headingText(s), m.size, true, TEXT_WIDTH);
  const h = lineHeight(m);
  const hang = lineHang(m);
  flow.before(m.before);
  // a chain taller than a page breaks where it must
  const kept = lines * h + m.after + keepChain(s, true, next) - hang;
  if (flow.y > 0 && kept > flow.left && kept <= TEXT_HEIGHT) flow.newPage();
  pages.set(s, flow.page);
  flow.lines(lines, h, hang);
  flow.after(m.after);
  s.blocks.forEach((b) => block(flow, b));
  s.children.forEach((c) => sectionFlow(flow, c, pages, next));
}

/** The sections that the table of contents lists, in order. */
export function tocSections(model: ReportModel, maxLevel: number): Section[] {
  const out: Section[] = [];
  const walk = (s: Section) => {
    if (s.level <= maxLevel) out.push(s);
    s.children.forEach(walk);
  };
  model.body.forEach(walk);
  return out;
}

/** Lays the whole report out and returns the page of every section listed in the table of contents. */
export function estimateTocPages(model: ReportModel, maxLevel: number, options: { logo?: boolean } = {}): EstimatedEntry[] {
  const flow = new Flow();
  const entries = tocSections(model, maxLevel);
  // front page: below a header (or above a footer) taller than the margin leaves room for
  const { sender, marks, address } = model.front.frame;
  flow.y += firstPageFrameIntrusion({ headerLines: Math.max(sender.length, marks.length + 1), footerLines: address.length, logo: options.logo === true });
  const groups = frontLines(model.front);
  groups.forEach((group, g) => {
    for (const l of group) paragraph(flow, l.text, { ...METRICS.body, size: l.label ? SIZE.small : SIZE.body, before: 0, after: 0 });
    if (g === 0 && groups.length > 1) flow.after(METRICS.frontLines.gap);
  });
  paragraph(flow, model.title, METRICS.title);
  if (model.subtitle) paragraph(flow, model.subtitle, METRICS.subtitle);
  for (const s of model.frontSections) {
    paragraph(flow, s.heading, METRICS.front, TEXT_WIDTH, lineHeight(METRICS.body));
    s.blocks.forEach((b) => block(flow, b));
  }
  // table of contents
  flow.newPage(); // the contents start page 2, as in the reference documents
  paragraph(flow, 'Innehållsförteckning', METRICS.front);
  // the entry's text wraps before the page number at the right margin
  const entry = (s: Section) => [entryText(s, model), METRICS.toc[Math.min(s.level, 3) - 1]!, TEXT_WIDTH - 350] as const;
  const keepFrom = model.attachments.length ? entries.length - ENTRIES_WITH_ATTACHMENTS : entries.length;
  entries.forEach((s, i) => {
    if (i === Math.max(keepFrom, 0) && flow.y > 0) {
      // Bilagor stays with the contents: the last entries, the heading and the list go to a new page together
      const kept = [...entries.slice(i).map(entry), ['Bilagor', METRICS.front, TEXT_WIDTH] as const, ...model.attachments.map(richEntry)];
      const last = kept.at(-1)![1];
      const height = kept.reduce((h, [text, m, width]) => h + paragraphHeight(text, m, width), 0) - last.after - lineHang(last);
      if (height <= TEXT_HEIGHT && height > flow.left) flow.newPage();
    }
    paragraph(flow, ...entry(s));
  });
  if (model.attachments.length) {
    paragraph(flow, 'Bilagor', METRICS.front);
    richText(flow, model.attachments);
  }
  // body
  const pages = new Map<Section, number>();
  const next = nextSections(model.body);
  model.body.forEach((s) => sectionFlow(flow, s, pages, next));
  return entries.map((s) => ({ section: s, title: entryText(s, model), level: s.level, page: pages.get(s) ?? 0 }));
}
