/**
 * The report's typography in one place: one sober sans-serif (Arial, which LibreOffice
 * renders with the metric-compatible Liberation Sans), Word's built-in heading styles so
 * that navigation and the contents work, A4 portrait with 2 cm margins. The renderer and the
 * page estimator (report/pages/pager.ts) both read their measurements from here.
 */
import { AlignmentType, LevelFormat, LineRuleType, convertMillimetersToTwip, type INumberingOptions, type IStylesOptions } from 'docx';

export const FONT = 'Arial';
/** Symbols (● ◆ ■ ✓ ▶ ○) in a font that has them on Windows; other systems fall back. */
export const SYMBOL_FONT = 'Segoe UI Symbol';

export const COLORS = {
  text: '1A1A1A',
  heading: '0B3F73', // dark Stockholm blue
  muted: '595959',
  headerFill: 'DCE6F1',
  analysisFill: 'F4F6F9',
  sumFill: 'EEF2F7',
  rule: 'A6B4C4',
} as const;

/** Font sizes in half-points. */
export const SIZE = { body: 21, small: 17, table: 16, tableSmall: 15, header: 16, title: 40, subtitle: 26, front: 26, toc1: 21, toc: 20 } as const;

export const PAGE = {
  width: convertMillimetersToTwip(210),
  height: convertMillimetersToTwip(297),
  margin: convertMillimetersToTwip(20),
};

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

const headingStyle = (m: ParagraphMetrics, color: string) => ({
  run: { font: FONT, size: m.size, bold: true, color },
  paragraph: { spacing: { before: m.before, after: m.after, line: m.line, lineRule: LineRuleType.AUTO }, keepNext: true, keepLines: true },
});

const paragraphStyle = (id: string, name: string, m: ParagraphMetrics, run: Record<string, unknown> = {}, paragraph: Record<string, unknown> = {}) => ({
  id,
  name,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  run: { font: FONT, size: m.size, bold: m.bold, ...run },
  paragraph: { spacing: { before: m.before, after: m.after, line: m.line, lineRule: LineRuleType.AUTO }, ...paragraph },
});

const [h1, h2, h3, h4, h5] = METRICS.headings as [ParagraphMetrics, ParagraphMetrics, ParagraphMetrics, ParagraphMetrics, ParagraphMetrics];

export const STYLES: IStylesOptions = {
  default: {
    document: { run: { font: FONT, size: SIZE.body, color: COLORS.text }, paragraph: { spacing: { after: BODY.after, line: BODY.line, lineRule: LineRuleType.AUTO } } },
    title: {
      run: { font: FONT, size: SIZE.title, bold: true, color: COLORS.heading },
      paragraph: { spacing: { before: METRICS.title.before, after: METRICS.title.after, line: METRICS.title.line, lineRule: LineRuleType.AUTO } },
    },
    heading1: headingStyle(h1, COLORS.heading),
    heading2: headingStyle(h2, COLORS.heading),
    heading3: headingStyle(h3, COLORS.heading),
    heading4: headingStyle(h4, COLORS.heading),
    heading5: headingStyle(h5, COLORS.heading),
    listParagraph: { run: { font: FONT, size: SIZE.body } },
  },
  paragraphStyles: [
    paragraphStyle('FrontHeading', 'Rubrik framsida', METRICS.front, { color: COLORS.heading }, { keepNext: true }),
    paragraphStyle('FieldLabel', 'Fältrubrik', METRICS.fieldLabel, { color: COLORS.muted }, { keepNext: true }),
    paragraphStyle('Subheading', 'Underrubrik i text', METRICS.subheading, { italics: true, color: COLORS.text }, { keepNext: true }),
    paragraphStyle('TableText', 'Tabelltext', METRICS.tableText),
    paragraphStyle('Caption', 'caption', METRICS.caption, { color: COLORS.muted }, { keepNext: true }),
    ...METRICS.toc.map((m, i) => ({
      ...paragraphStyle(`TOC${i + 1}`, `toc ${i + 1}`, m),
      paragraph: { spacing: { before: m.before, after: m.after, line: m.line, lineRule: LineRuleType.AUTO }, indent: { left: m.indent ?? 0 } },
    })),
  ],
};

export const NUMBERING: INumberingOptions = {
  config: [
    {
      reference: 'bullets',
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '•',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: METRICS.list.indent, hanging: 260 }, spacing: { after: METRICS.list.after } } },
        },
      ],
    },
    {
      reference: 'numbers',
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: '%1.',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: METRICS.list.indent, hanging: 300 }, spacing: { after: METRICS.list.after } } },
        },
      ],
    },
  ],
};
