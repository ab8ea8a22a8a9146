/**
 * The report's page metrics in one place: A4 portrait with 2 cm margins, the font sizes, each
 * kind of paragraph's size and spacing, table cell padding, and how wide a text is in Arial
 * and where Word breaks it into lines. The report model (column widths), the renderer
 * (report/docx) and the page estimator (report/pages) all measure with these, so that what
 * the model fits, the renderer writes and the estimator lays out agree. Pure; no docx here.
 */
import { ARIAL } from './arialMetrics';

/** The font the widths below are Arial's (LibreOffice renders it with the metric-compatible Liberation Sans). */
export const FONT = 'Arial';

/** Font sizes in half-points. Table text (and its headers) at least 9 pt, as accessibility asks. */
export const SIZE = { body: 21, small: 17, table: 18, tableSmall: 18, header: 16, title: 40, subtitle: 26, front: 26, toc1: 21, toc: 20 } as const;

/** Millimetres in twips, rounded down as Word's (and docx's) conversion does. */
const mm = (millimetres: number) => Math.floor((millimetres / 25.4) * 72 * 20);

export const PAGE = {
  width: mm(210),
  height: mm(297),
  margin: mm(20),
  /** From the paper's edge to the header and footer. */
  header: mm(10),
  footer: mm(10),
};

/** A logo's height on page 1, in pixels (96 to the inch): 1 cm; and the space under it, in twips. */
export const LOGO_HEIGHT = 38;
export const LOGO_AFTER = 60;

/** The header's and footer's lines: 8 pt, single spaced. */
export const FRAME_LINE = { size: SIZE.header, line: 240 } as const;

/** Twips available for text across the page and down it. */
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const TEXT_HEIGHT = PAGE.height - 2 * PAGE.margin;

/** Column widths in twips from the columns' shares of the text width. */
export function columnTwips(columns: readonly { width: number }[]): number[] {
  const total = columns.reduce((s, c) => s + c.width, 0) || 1;
  const widths = columns.map((c) => Math.floor((TEXT_WIDTH * c.width) / total));
  widths[widths.length - 1]! += TEXT_WIDTH - widths.reduce((s, w) => s + w, 0);
  return widths;
}

/** A paragraph's measurements: size (half-points), bold, spacing (twips), line (240 = single). */
export interface ParagraphMetrics {
  size: number;
  bold: boolean;
  before: number;
  after: number;
  line: number;
  indent?: number;
}

const BODY: ParagraphMetrics = { size: SIZE.body, bold: false, before: 0, after: 120, line: 276 };

export const METRICS = {
  body: BODY,
  title: { size: SIZE.title, bold: true, before: 480, after: 120, line: 264 },
  subtitle: { size: SIZE.subtitle, bold: false, before: 0, after: 360, line: 276 },
  headings: [
    { size: 32, bold: true, before: 360, after: 160, line: 276 },
    { size: 28, bold: true, before: 300, after: 120, line: 276 },
    { size: 24, bold: true, before: 240, after: 100, line: 276 },
    { size: 22, bold: true, before: 200, after: 80, line: 276 },
    { size: 21, bold: true, before: 160, after: 60, line: 276 },
  ] as ParagraphMetrics[],
  front: { size: SIZE.front, bold: true, before: 240, after: 100, line: 276 },
  /** The Handläggare and Till block on page 1: the space between its two groups. */
  frontLines: { gap: 160 },
  fieldLabel: { size: SIZE.small + 2, bold: true, before: 160, after: 40, line: 276 },
  subheading: { size: SIZE.body, bold: true, before: 120, after: 40, line: 276 },
  list: { size: SIZE.body, bold: false, before: 0, after: 60, line: 276, indent: 360 },
  assessment: { size: SIZE.body, bold: false, before: 60, after: 120, line: 276 },
  legend: { size: SIZE.small, bold: false, before: 0, after: 200, line: 276 },
  note: { size: SIZE.small, bold: false, before: 60, after: 120, line: 276 },
  fact: { size: SIZE.body, bold: false, before: 0, after: 0, line: 276 },
  spacer: { size: SIZE.body, bold: false, before: 0, after: 60, line: 276 },
  caption: { size: SIZE.small, bold: true, before: 160, after: 60, line: 276 },
  tableText: { size: SIZE.table, bold: false, before: 0, after: 0, line: 240 },
  toc: [
    { size: SIZE.toc1, bold: true, before: 100, after: 40, line: 276 },
    { size: SIZE.toc, bold: false, before: 0, after: 40, line: 276, indent: 360 },
    { size: SIZE.toc, bold: false, before: 0, after: 40, line: 276, indent: 720 },
  ] as ParagraphMetrics[],
  /** Cell padding in tables; the analysis rows are indented further. */
  cell: { top: 40, bottom: 40, left: 70, right: 70, analysisLeft: 200, analysisBottom: 80 },
  partIndent: 240,
} as const;

// ---------------------------------------------------------------- text widths and line breaks

/** Width of a character Arial's table does not have (an average digit's). */
const AVERAGE = 556;

/** Width of one character in twips at a size in half-points. */
export function charWidth(ch: string, size: number, bold = false): number {
  return (((bold ? ARIAL.bold : ARIAL.regular)[ch.codePointAt(0)!] ?? AVERAGE) * size * 10) / 1000;
}

/** Width of a text in twips at a size in half-points. */
export function textWidth(text: string, size: number, bold = false): number {
  const table = bold ? ARIAL.bold : ARIAL.regular;
  let units = 0;
  for (const ch of text) units += table[ch.codePointAt(0)!] ?? AVERAGE;
  return (units * size * 10) / 1000;
}

/**
 * Where Word may break a line in the report's text: at ordinary spaces, tabs and line breaks
 * only. Not at a no-break space ("1 050 st", "♀ Andel"), not after "/" ("kvinnor/flickor"),
 * not at a hyphen in what the report measures (a column is made wide enough for the whole
 * hyphenated word). The words of a text, between such breaks.
 */
export function words(text: string): string[] {
  return text.split(/[ \t\n]+/).filter(Boolean);
}

/** How many lines a text wraps into, word by word, in a width (twips). */
export function countLines(text: string, size: number, bold: boolean, width: number): number {
  if (width <= 0) return 1;
  const space = textWidth(' ', size, bold);
  let lines = 1;
  let x = 0;
  for (const word of words(text)) {
    let w = textWidth(word, size, bold);
    if (x > 0 && x + space + w > width) {
      lines++;
      x = 0;
    } else if (x > 0) x += space;
    if (w > TEXT_WIDTH) {
      // a word wider than any line (pasted without spaces): Word breaks it before each character that no longer fits
      w = 0;
      for (const ch of word) {
        const c = charWidth(ch, size, bold);
        if (w > 0 && w + c > width) {
          lines++;
          w = 0;
        }
        w += c;
      }
    }
    while (w > width) {
      // a word longer than the line breaks where it must
      lines++;
      w -= width;
    }
    x += w;
  }
  return lines;
}

/** Height of a line in twips at a paragraph's size and line spacing. */
export function lineHeight(m: Pick<ParagraphMetrics, 'size' | 'line'>): number {
  return (m.size / 2) * 20 * ARIAL.lineHeight * (m.line / 240);
}

/**
 * A line with a symbol (● ◆ ■ ✓ ▶ ○ ❗ ⏸), which the report writes in Segoe UI Symbol: Word makes
 * room for that font's ascent and descent (1,079 and 0,251 em), taller than Arial's line.
 */
export const SYMBOL_LINE_EM = 1.33;

/** Height of a line with a symbol on it, in twips, at a paragraph's size and line spacing. */
export function symbolLineHeight(m: Pick<ParagraphMetrics, 'size' | 'line'>): number {
  return (m.size / 2) * 20 * Math.max(SYMBOL_LINE_EM, ARIAL.lineHeight) * (m.line / 240);
}

/** What multiple line spacing adds below a line's text: Word lets it go below the bottom of a page. */
export function lineHang(m: Pick<ParagraphMetrics, 'size' | 'line'>): number {
  return Math.max(0, lineHeight(m) - lineHeight({ size: m.size, line: 240 }));
}

/**
 * How far page 1's header and footer reach into its text area: Word moves the text down (and its
 * bottom up) for a header or footer taller than the room between the paper's edge and the margin.
 */
export function firstPageFrameIntrusion(frame: { headerLines: number; footerLines: number; logo: boolean }): number {
  const line = lineHeight(FRAME_LINE);
  const header = (frame.logo ? LOGO_HEIGHT * 15 + LOGO_AFTER : 0) + frame.headerLines * line;
  const footer = frame.footerLines * line;
  return Math.max(0, header - (PAGE.margin - PAGE.header)) + Math.max(0, footer - (PAGE.margin - PAGE.footer));
}
