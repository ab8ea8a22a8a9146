/**
 * The report model: what goes into the Word document, in order, with every number already
 * formatted the Swedish way. Built from the plan, rendered by report/docx. Pure.
 */
import type { Assessment, DocumentKind } from '../model/plan';
import type { RichBlock } from './richText';

export type TableCellAlign = 'left' | 'right';

export interface TableColumn {
  header: string;
  /** Share of the table width, in percent. */
  width: number;
  align: TableCellAlign;
}

/** A symbol printed with its words under a row's name ("◆ Uppfylls delvis", "❗ Försenad"): never a symbol alone. */
export interface RowMark {
  symbol: string;
  color: string;
  label: string;
}

export interface IndicatorRow {
  name: string;
  /** ♀, § or — as the reference documents print them before the name. */
  flag?: string;
  /** The indicator's assessment in follow-ups (the controller's, else the sheet's suggestion). */
  mark?: RowMark;
  cells: string[];
  analysis: RichBlock[];
}

export interface ActivityRow {
  name: string;
  /** The activity's status in follow-ups, symbol and words. */
  status?: RowMark;
  cells: string[];
  analysis: RichBlock[];
}

export type BudgetRowStyle = 'heading' | 'line' | 'part' | 'sum' | 'adjustment' | 'total';

export interface BudgetTableRow {
  label: string;
  style: BudgetRowStyle;
  cells: string[];
}

export type Block =
  | { kind: 'assessment'; assessment: Assessment }
  | { kind: 'fieldLabel'; text: string }
  | { kind: 'richText'; blocks: RichBlock[] }
  | { kind: 'indicatorTable'; columns: TableColumn[]; rows: IndicatorRow[] }
  | { kind: 'activityTable'; columns: TableColumn[]; rows: ActivityRow[] }
  | { kind: 'budgetTable'; columns: TableColumn[]; rows: BudgetTableRow[]; note?: string }
  | { kind: 'planBudget'; facts: [string, string][]; columns: TableColumn[]; rows: BudgetTableRow[] }
  | { kind: 'freeTable'; caption?: string; columns: TableColumn[]; rows: { cells: string[]; sum: boolean; group?: boolean }[] }
  | { kind: 'legend'; items: { symbol: string; color: string; text: string }[] };

export type BlockKind = Block['kind'];
export type BlockOf<K extends BlockKind> = Extract<Block, { kind: K }>;

/**
 * One handler for each kind of block, given the block of that kind (and `A`, what the walk
 * passes along: the renderer's context, the estimator's page flow). The renderer
 * (docx/document.ts) and the page estimator (pages/pager.ts) each declare theirs as a
 * `BlockVisitor`, so that a new kind added to `Block` does not compile until both handle it
 * (test/unit/report/visitor.test.ts shows the compiler refusing one that is not handled).
 */
export type BlockVisitor<R, A extends unknown[] = []> = { readonly [K in BlockKind]: (block: BlockOf<K>, ...args: A) => R };

/** Calls the visitor's handler for the block's kind. */
export function visitBlock<R, A extends unknown[]>(block: Block, visitor: BlockVisitor<R, A>, ...args: A): R {
  return (visitor[block.kind] as (block: Block, ...args: A) => R)(block, ...args);
}

export interface Section {
  heading: string;
  /** Word heading level 1–5 (Rubrik 1–5). */
  level: number;
  /** For a goal: its label ("Nämndmål:"), printed before the heading text. */
  label?: string;
  /** The section starts on a new page (the main parts: introduction, goals, economy). */
  pageBreak?: boolean;
  /** Levels below its parent (default 1); 2 keeps a heading out of the table of contents. */
  depth?: number;
  blocks: Block[];
  children: Section[];
}

export interface FrontMatter {
  handler?: string;
  phone?: string;
  to?: string;
  date?: string;
  frame: Frame;
}

/** The decision document's frame on page 1 (a Stockholm tjänsteutlåtande); only what the Dokument sheet fills in. */
export interface Frame {
  /** Top left: förvaltning, avdelning, enhet. */
  sender: string[];
  /** Top right, above "Sid 1 (N)": Bilaga, Dnr, date. */
  marks: string[];
  /** The page-1 footer: the sender's address block. */
  address: string[];
}

/** The document's properties (File → Properties; a PDF's title and author). */
export interface DocumentProperties {
  /** The title with the organisation (report/title.ts, propertiesTitle). */
  title: string;
  /** The Handläggare, else the organisation; none when the workbook has neither. */
  author?: string;
}

/** A line of the Handläggare and Till block on page 1; `label` lines are the small grey ones. */
export interface FrontLine {
  text: string;
  label: boolean;
}

/**
 * The Handläggare and Till block as groups of lines, one after the other in reading order
 * (Handläggare, name, telephone; Till, recipient, date). Nothing for empty fields.
 */
export function frontLines(front: FrontMatter): FrontLine[][] {
  const { handler, phone, to, date } = front;
  const left: FrontLine[] = [];
  if (handler) left.push({ text: 'Handläggare', label: true }, { text: handler, label: false });
  if (phone) left.push({ text: `Telefon: ${phone}`, label: false });
  const right: FrontLine[] = [];
  if (to || date) right.push({ text: 'Till', label: true });
  if (to) right.push({ text: to, label: false });
  if (date) right.push({ text: date, label: false });
  return [left, right].filter((g) => g.length > 0);
}

export interface ReportModel {
  kind: DocumentKind;
  title: string;
  properties: DocumentProperties;
  subtitle?: string;
  /** Page header text: organisation and title. */
  header: string;
  front: FrontMatter;
  /** Förslag till beslut, Sammanfattning, Ärendets beredning: before the table of contents. */
  frontSections: Section[];
  /** Bilagor, after the table of contents (lines). */
  attachments: RichBlock[];
  body: Section[];
  /**
   * Whether the contents list goal headings with their labels ("KF:s inriktningsmål: 1. …"),
   * as the 2025 documents do; the 2019/2020 documents list the goal alone ("1. …").
   */
  contentsLabels: boolean;
}

/** Bedömning symbols and colours (green ●, yellow ◆, red ■, grey —). */
export const ASSESSMENT_STYLE: Record<Assessment, { symbol: string; color: string }> = {
  'Uppfylls helt': { symbol: '●', color: '2E7D32' },
  'Uppfylls delvis': { symbol: '◆', color: 'B07D00' },
  'Uppfylls inte': { symbol: '■', color: 'C62828' },
  Ingen: { symbol: '—', color: '757575' },
};

/** An analysis short enough to stay on one page with its row (longer ones may break across pages). */
export function isShortAnalysis(blocks: readonly RichBlock[]): boolean {
  return blocks.reduce((n, b) => n + b.runs.reduce((m, r) => m + r.text.length, 0), 0) <= 700;
}
