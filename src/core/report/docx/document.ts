/**
 * The report model → a Word document (docx), one small function per kind of block
 * (`BLOCK_RENDERERS`, a BlockVisitor: every kind must have one).
 * Headings use Word's built-in styles; the table of contents is written with its entries
 * and page numbers (docx/layout lays the pages out as Word does), so it shows without a
 * manual update in Word and LibreOffice.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LeaderType,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TableOfContents,
  TextRun,
  type FileChild,
  type PageNumberEstimator,
  Bookmark,
} from 'docx';
import { OUTLINES } from '../outline';
import { frontLines, visitBlock, type Block, type BlockVisitor, type ReportModel, type Section } from '../model';
// docx's layout engine (large; the task pane's bundle leaves it out, see webpack.config.js)
import { estimatePageNumbersWith } from 'docx/layout';
import { NUMBERING, OUT_OF_CONTENTS_HEADING, STYLES, COLORS } from './style';
import { METRICS, PAGE, SIZE, TEXT_WIDTH } from '../metrics';
import { estimateTocPages, headingText, tocSections } from '../pages/pager';
import { boundedEstimator, LONG_WORDS } from '../pages/longWords';
import { activityTable, budgetTable, freeTable, indicatorTable } from './tables';
import { assessmentParagraph, richText, RenderContext, symbolRun } from './text';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5] as const;

function heading(section: Section, ctx: RenderContext): Paragraph {
  const runs: TextRun[] = [];
  if (section.label) runs.push(new TextRun({ text: `${section.label} `, bold: false, color: COLORS.muted }));
  runs.push(new TextRun({ text: section.heading }));
  const bookmark = ctx.bookmarks.get(section);
  const level = Math.min(Math.max(section.level, 1), 5);
  // a heading that looks deeper than it is in the outline (the driftbudget's lines) keeps its look, out of the contents
  const outline = Math.min(level, ctx.lastOutline + 1);
  ctx.enter(outline);
  return new Paragraph({
    ...(outline === level ? { heading: HEADINGS[level - 1] } : { style: OUT_OF_CONTENTS_HEADING(level), outlineLevel: outline - 1 }),
    children: bookmark ? [new Bookmark({ id: bookmark, children: runs })] : runs,
    // the document's main parts start on a new page
    pageBreakBefore: section.pageBreak === true,
  });
}

/** Each kind of block as docx paragraphs and tables (a new kind of block does not compile until it is here). */
export const BLOCK_RENDERERS: BlockVisitor<FileChild[], [RenderContext]> = {
  assessment: (b) => [assessmentParagraph(b.assessment)],
  fieldLabel: (b, ctx) => [new Paragraph({ style: 'FieldLabel', text: b.text, outlineLevel: ctx.innerHeading('label') - 1 })],
  richText: (b, ctx) => richText(b.blocks, ctx),
  indicatorTable: (b, ctx) => [indicatorTable(b.columns, b.rows, ctx), spacer()],
  activityTable: (b, ctx) => [activityTable(b.columns, b.rows, ctx), spacer()],
  budgetTable: (b) => [
    budgetTable(b.columns, b.rows),
    ...(b.note
      ? [
          new Paragraph({
            children: [new TextRun({ text: b.note, size: SIZE.small, color: COLORS.muted })],
            spacing: { before: METRICS.note.before, after: METRICS.note.after },
          }),
        ]
      : []),
  ],
  planBudget: (b) => [
    ...b.facts.map(
      ([k, v]) => new Paragraph({ children: [new TextRun({ text: `${k}: `, bold: true }), new TextRun(v)], spacing: { after: METRICS.fact.after } }),
    ),
    spacer(),
    budgetTable(b.columns, b.rows),
    spacer(),
  ],
  freeTable: (b) => [...(b.caption ? [new Paragraph({ style: 'Caption', text: b.caption })] : []), freeTable(b.columns, b.rows), spacer()],
  legend: (b) => [
    new Paragraph({
      spacing: { after: METRICS.legend.after },
      children: b.items.flatMap((item, i) => [
        ...(i ? [new TextRun({ text: '   ', size: SIZE.small })] : []),
        symbolRun(item.symbol, item.color, { size: SIZE.small }),
        new TextRun({ text: `\u00a0${item.text}`, size: SIZE.small, color: COLORS.muted }),
      ]),
    }),
  ],
};

function block(b: Block, ctx: RenderContext): FileChild[] {
  return visitBlock(b, BLOCK_RENDERERS, ctx);
}

function spacer(): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: METRICS.spacer.after }, children: [] });
}

function section(s: Section, ctx: RenderContext): FileChild[] {
  return [heading(s, ctx), ...s.blocks.flatMap((b) => block(b, ctx)), ...s.children.flatMap((c) => section(c, ctx))];
}

/**
 * Handläggare and Till on page 1: two small groups of lines, one after the other (read in that
 * order; no table to place them side by side).
 */
function frontBlock(model: ReportModel): FileChild[] {
  const groups = frontLines(model.front);
  return groups.flatMap((group, g) =>
    group.map(
      (l, i) =>
        new Paragraph({
          keepNext: l.label,
          spacing: { after: g === 0 && groups.length > 1 && i === group.length - 1 ? METRICS.frontLines.gap : 0 },
          children: [l.label ? new TextRun({ text: l.text, size: SIZE.small, color: COLORS.muted }) : new TextRun(l.text)],
        }),
    ),
  );
}

export interface RenderOptions {
  /**
   * How the table of contents gets its page numbers: `estimate` (default) lays the pages out
   * with Arial's widths in a few milliseconds; `layout` uses docx's layout engine, which lays
   * them out as Word does but takes seconds; `none` leaves them for Word to fill in.
   */
  pageNumbers?: 'estimate' | 'layout' | 'none';
  /** docx's layout engine, for `layout` (loaded by packReport only when asked for). */
  layoutEngine?: PageNumberEstimator;
}

/** A table of contents whose page numbers sit at the right margin of our text width. */
class ReportTableOfContents extends TableOfContents {}
(ReportTableOfContents.prototype as unknown as { getTabStopsForLevel: (level: number, leader: string) => unknown[] }).getTabStopsForLevel = (
  _level,
  leader,
) => [{ type: 'right', position: TEXT_WIDTH, leader }];

function tableOfContents(model: ReportModel, options: RenderOptions, ctx: RenderContext): FileChild {
  const maxLevel = OUTLINES[model.kind].tocLevels;
  const fieldOptions = { hyperlink: true, headingStyleRange: `1-${maxLevel}`, tabLeader: LeaderType.DOT } as const;
  if (options.pageNumbers === 'layout') return new ReportTableOfContents('Innehållsförteckning', fieldOptions);
  const entries =
    options.pageNumbers === 'none' ? tocSections(model, maxLevel).map((section) => ({ section, page: undefined })) : estimateTocPages(model, maxLevel);
  if (!entries.length) return new Paragraph('');
  return new ReportTableOfContents('Innehållsförteckning', {
    ...fieldOptions,
    beginDirty: false,
    cachedEntries: entries.map((e, i) => {
      const id = `_Toc${String(i + 1).padStart(4, '0')}`;
      ctx.bookmarks.set(e.section, id);
      return { title: headingText(e.section), level: Math.min(e.section.level, maxLevel), page: e.page, href: id };
    }),
  });
}

/** A heading of the front matter: level 1 in the outline (its style's), not in the table of contents. */
function frontHeading(text: string, ctx: RenderContext, pageBreakBefore = false): Paragraph {
  ctx.enter(1);
  return new Paragraph({ style: 'FrontHeading', text, pageBreakBefore });
}

export function renderReport(model: ReportModel, options: RenderOptions = {}): Document {
  const ctx = new RenderContext();
  const toc = tableOfContents(model, options, ctx);
  const front: FileChild[] = [
    ...frontBlock(model),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      text: model.title,
      spacing: { line: METRICS.title.line, lineRule: LineRuleType.AUTO, before: METRICS.title.before, after: METRICS.title.after },
    }),
    ...(model.subtitle
      ? [
          new Paragraph({
            children: [new TextRun({ text: model.subtitle, size: SIZE.subtitle, color: COLORS.muted })],
            spacing: { after: METRICS.subtitle.after },
          }),
        ]
      : []),
    ...model.frontSections.flatMap((s) => [frontHeading(s.heading, ctx), ...s.blocks.flatMap((b) => block(b, ctx))]),
    frontHeading('Innehållsförteckning', ctx, model.frontSections.length > 0),
    toc,
    ...(model.attachments.length ? [frontHeading('Bilagor', ctx), ...richText(model.attachments, ctx)] : []),
  ];
  const body = model.body.flatMap((s) => section(s, ctx));
  const pageHeader = new Header({
    children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: model.header, size: SIZE.header, color: COLORS.muted })] })],
  });
  const pageFooter = () =>
    new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: ['Sida ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES], size: SIZE.header, color: COLORS.muted })],
        }),
      ],
    });
  return new Document({
    // the author is the Handläggare (else the organisation), not the program; "last modified by" the same
    creator: model.properties.author ?? '',
    lastModifiedBy: model.properties.author ?? '',
    title: model.properties.title,
    description: model.header,
    styles: {
      ...STYLES,
      default: { ...STYLES.default, document: { ...STYLES.default!.document, run: { ...STYLES.default!.document!.run, language: { value: 'sv-SE' } } } },
    },
    numbering: NUMBERING,
    pageNumbers: options.pageNumbers === 'layout' ? options.layoutEngine : undefined,
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 567, footer: 567 },
          },
        },
        headers: { default: pageHeader, first: new Header({ children: [new Paragraph('')] }) },
        footers: { default: pageFooter(), first: pageFooter() },
        children: [...front, ...body],
      },
    ],
  });
}

/** The finished .docx as bytes (works in Node and in the browser). */
export async function packReport(model: ReportModel, options: RenderOptions = {}): Promise<Uint8Array> {
  if (options.pageNumbers === 'layout' && !options.layoutEngine) {
    // words wider than a line cost the engine their length squared: it gets them pre-broken (layout/longWords.ts)
    const engine = estimatePageNumbersWith({ guess: true });
    options = { ...options, layoutEngine: boundedEstimator(engine, { lineWidth: TEXT_WIDTH, minSize: Math.min(...Object.values(SIZE)), ...LONG_WORDS }) };
  }
  return new Uint8Array(await Packer.toArrayBuffer(renderReport(model, options)));
}
