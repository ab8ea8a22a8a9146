/**
 * The report's typography as Word styles: one sober sans-serif (Arial), Word's built-in
 * heading styles so that navigation and the contents work, colours. The sizes and spacings
 * come from the page metrics (report/metrics.ts), which the report model and the page
 * estimator measure with too.
 */
import { AlignmentType, LevelFormat, LineRuleType, type INumberingOptions, type IStylesOptions } from 'docx';
import { FONT, METRICS, SIZE, type ParagraphMetrics } from '../metrics';

const BODY = METRICS.body;

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

/** A heading style with its outline level written out (Word gives built-in headings theirs, but not every program does). */
const headingStyle = (m: ParagraphMetrics, color: string, outlineLevel: number) => ({
  run: { font: FONT, size: m.size, bold: true, color },
  paragraph: { spacing: { before: m.before, after: m.after, line: m.line, lineRule: LineRuleType.AUTO }, keepNext: true, keepLines: true, outlineLevel },
});

/**
 * Headings that are not in the table of contents but are real headings all the same (an
 * outline level, for navigation, screen readers and the PDF's structure): the front
 * matter's (Förslag till beslut, Sammanfattning, Ärendets beredning, Innehållsförteckning,
 * Bilagor), a goal's field labels, sub-headings in text, and headings that look a level deeper
 * than they are in the outline (the driftbudget's lines, two levels down). Their styles are
 * not Word's built-in heading styles, which the contents' field (TOC \o) lists; the outline
 * level is the paragraph's own where it depends on the place (see document.ts).
 */
export const OUT_OF_CONTENTS_HEADING = (level: number) => `HeadingOut${level}`;

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
    document: {
      run: { font: FONT, size: SIZE.body, color: COLORS.text },
      paragraph: { spacing: { after: BODY.after, line: BODY.line, lineRule: LineRuleType.AUTO } },
    },
    title: {
      run: { font: FONT, size: SIZE.title, bold: true, color: COLORS.heading },
      paragraph: { spacing: { before: METRICS.title.before, after: METRICS.title.after, line: METRICS.title.line, lineRule: LineRuleType.AUTO } },
    },
    heading1: headingStyle(h1, COLORS.heading, 0),
    heading2: headingStyle(h2, COLORS.heading, 1),
    heading3: headingStyle(h3, COLORS.heading, 2),
    heading4: headingStyle(h4, COLORS.heading, 3),
    heading5: headingStyle(h5, COLORS.heading, 4),
    listParagraph: { run: { font: FONT, size: SIZE.body } },
  },
  paragraphStyles: [
    paragraphStyle('FrontHeading', 'Rubrik framsida', METRICS.front, { color: COLORS.heading }, { keepNext: true, outlineLevel: 0 }),
    ...METRICS.headings.map((m, i) =>
      paragraphStyle(
        OUT_OF_CONTENTS_HEADING(i + 1),
        `Rubrik ${i + 1} utanför innehållsförteckningen`,
        m,
        { color: COLORS.heading },
        { keepNext: true, keepLines: true },
      ),
    ),
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
