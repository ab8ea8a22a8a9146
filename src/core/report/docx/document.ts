/**
 * The report model → a Word document (docx), one small function per kind of block
 * (`BLOCK_RENDERERS`, a BlockVisitor: every kind must have one).
 * Headings use Word's built-in styles; the table of contents is written with its entries,
 * each page number a page reference to its heading whose result is the estimate of Word's
 * page (pages/pager.ts, or docx/layout), so it is right without a manual update in Word, and
 * in LibreOffice, which works the page references out from its own layout.
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
  TextRun,
  type FileChild,
  type PageNumberEstimator,
  Bookmark,
  ImageRun,
  BuilderElement,
  FileChild as FileChildElement,
  InternalHyperlink,
  Run,
  Tab,
  TabStopType,
  type XmlComponent,
} from 'docx';
import { OUTLINES } from '../outline';
import { frontLines, visitBlock, type Block, type BlockVisitor, type ReportModel, type Section } from '../model';
// docx's layout engine (large; the task pane's bundle leaves it out, see webpack.config.js)
import { estimatePageNumbersWith } from 'docx/layout';
import { NUMBERING, OUT_OF_CONTENTS_HEADING, STYLES, COLORS } from './style';
import { FRAME_LINE, LOGO_AFTER, LOGO_HEIGHT, METRICS, PAGE, SIZE, TEXT_WIDTH } from '../metrics';
import { ENTRIES_WITH_ATTACHMENTS, entryText, estimateTocPages, tocSections } from '../pages/pager';
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
      : [spacer()]),
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
   * them out as Word does but takes seconds; `none` writes them blank, for Word to fill in when
   * its fields are updated (LibreOffice works them out in any case).
   */
  pageNumbers?: 'estimate' | 'layout' | 'none';
  /** docx's layout engine, for `layout` (loaded by packReport only when asked for). */
  layoutEngine?: PageNumberEstimator;
  /** A logo for the top left of page 1, with its alternative text. */
  logo?: Logo;
}

export interface Logo {
  data: Uint8Array;
  type: 'png' | 'jpg';
  /** Its size in pixels (96 to the inch); printed scaled to LOGO_HEIGHT. */
  width: number;
  height: number;
  /** Its alternative text; default "Logotyp för <the sender or organisation>". */
  alt?: string;
}

/** "Sid 3 (60)", as the city's documents number their pages. */
const pageOfPages = () => new TextRun({ children: ['Sid ', PageNumber.CURRENT, ' (', PageNumber.TOTAL_PAGES, ')'], size: SIZE.header, color: COLORS.muted });

/**
 * The frame of a Stockholm tjänsteutlåtande: page 1 with the sender top left and Bilaga, Dnr,
 * date and "Sid 1 (N)" top right, the address block in its footer; later pages with the
 * document's name and "Sid x (N)" in the header. No table: lines with a right tab stop.
 */
function frame(model: ReportModel, logo: Logo | undefined) {
  const { sender, marks, address } = model.front.frame;
  const small = (text: string) => new TextRun({ text, size: SIZE.header, color: COLORS.muted });
  const tabs = [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }];
  const right: TextRun[] = [...marks.map(small), pageOfPages()];
  const lines = Math.max(sender.length, right.length);
  const firstLines = Array.from({ length: lines }, (_, i) => {
    const r = right[i];
    return new Paragraph({
      tabStops: tabs,
      spacing: { before: 0, after: 0, line: FRAME_LINE.line, lineRule: LineRuleType.AUTO },
      children: [...(sender[i] ? [small(sender[i]!)] : []), ...(r ? [new TextRun({ text: '\t', size: SIZE.header }), r] : [])],
    });
  });
  const alt = logo?.alt?.trim() || `Logotyp för ${sender[0] ?? model.subtitle ?? model.title}`;
  const logoParagraph = logo
    ? [
        new Paragraph({
          spacing: { before: 0, after: LOGO_AFTER, line: FRAME_LINE.line, lineRule: LineRuleType.AUTO },
          children: [
            new ImageRun({
              type: logo.type,
              data: logo.data,
              transformation: { width: Math.round((logo.width * LOGO_HEIGHT) / logo.height), height: LOGO_HEIGHT },
              altText: { name: 'Logotyp', title: alt, description: alt },
            }),
          ],
        }),
      ]
    : [];
  const first = new Header({ children: [...logoParagraph, ...firstLines] });
  const pageHeader = new Header({
    children: [new Paragraph({ tabStops: tabs, children: [small(model.header), new TextRun({ text: '\t', size: SIZE.header }), pageOfPages()] })],
  });
  const firstFooter = new Footer({
    children: address.length
      ? address.map(
          (line) =>
            new Paragraph({
              alignment: AlignmentType.CENTER,
              spacing: { before: 0, after: 0, line: FRAME_LINE.line, lineRule: LineRuleType.AUTO },
              children: [small(line)],
            }),
        )
      : [new Paragraph('')],
  });
  const pageFooter = new Footer({ children: [new Paragraph('')] });
  return { first, pageHeader, pageFooter, firstFooter };
}

/** A complex field's character, written clean: Word shows the result it is written with. */
const fieldChar = (type: 'begin' | 'separate' | 'end') =>
  new BuilderElement({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: type } } });

/**
 * A PAGEREF field to a heading's bookmark whose result is written as `page`: Word shows that
 * result as it is (the estimate is made against Word's layout; "Uppdatera fält" works it out
 * again), LibreOffice works the page out from its own layout.
 */
function pageReference(bookmark: string, page: number | undefined): Run[] {
  const instruction = new BuilderElement({
    name: 'w:instrText',
    attributes: { space: { key: 'xml:space', value: 'preserve' } },
    children: [` PAGEREF ${bookmark} \\h ` as unknown as XmlComponent],
  });
  return [
    new Run({ children: [fieldChar('begin')] }),
    new Run({ children: [instruction] }),
    new Run({ children: [fieldChar('separate')] }),
    new TextRun(page === undefined ? '' : String(page)),
    new Run({ children: [fieldChar('end')] }),
  ];
}

/**
 * The table of contents, in a content control of Word's "Table of Contents" gallery as Word
 * writes its own: one paragraph per heading in the TOC styles, a link to the heading and its
 * page number as a page reference to the heading's bookmark. It is not wrapped in a TOC field:
 * LibreOffice takes a TOC field's entries as static text and never updates them when it lays
 * the document out or converts it to PDF, whereas it works each page reference out itself.
 * So Word shows the estimate (right for its layout) and LibreOffice its own layout's pages.
 * What Word's user gives up is "Uppdatera tabell" adding or removing entries after editing the
 * headings; the page numbers update with the fields (F9).
 */
class Contents extends FileChildElement {
  constructor(alias: string, paragraphs: Paragraph[]) {
    super('w:sdt');
    this.root.push(
      new BuilderElement({
        name: 'w:sdtPr',
        children: [
          new BuilderElement({ name: 'w:alias', attributes: { val: { key: 'w:val', value: alias } } }),
          new BuilderElement({
            name: 'w:docPartObj',
            children: [
              new BuilderElement({ name: 'w:docPartGallery', attributes: { val: { key: 'w:val', value: 'Table of Contents' } } }),
              new BuilderElement({ name: 'w:docPartUnique' }),
            ],
          }),
        ],
      }),
      new BuilderElement({ name: 'w:sdtContent', children: paragraphs }),
    );
  }
}

function tableOfContents(model: ReportModel, options: RenderOptions, ctx: RenderContext): FileChild {
  const maxLevel = OUTLINES[model.kind].tocLevels;
  // `layout`: docx's layout engine writes the page references' results (the document's `pageNumbers`)
  const entries =
    options.pageNumbers === 'none' || options.pageNumbers === 'layout'
      ? tocSections(model, maxLevel).map((section) => ({ section, page: undefined }))
      : estimateTocPages(model, maxLevel, { logo: options.logo !== undefined });
  if (!entries.length) return new Paragraph('');
  const keepFrom = model.attachments.length ? entries.length - ENTRIES_WITH_ATTACHMENTS : entries.length;
  return new Contents(
    'Innehållsförteckning',
    entries.map((e, i) => {
      const id = `_Toc${String(i + 1).padStart(4, '0')}`;
      ctx.bookmarks.set(e.section, id);
      const level = Math.min(e.section.level, maxLevel);
      return new Paragraph({
        style: `TOC${level}`,
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.DOT }],
        keepNext: i >= keepFrom || undefined,
        children: [
          new InternalHyperlink({
            anchor: id,
            children: [new TextRun(entryText(e.section, model)), new TextRun({ children: [new Tab()] }), ...pageReference(id, e.page)],
          }),
        ],
      });
    }),
  );
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
    // the contents start page 2, as in every reference document (after the title page or the front sections)
    frontHeading('Innehållsförteckning', ctx, true),
    toc,
    // Bilagor stays with the contents: the heading and the list kept together, with the contents' last entries
    ...(model.attachments.length ? [frontHeading('Bilagor', ctx), ...richText(model.attachments, ctx, { keepTogether: true })] : []),
  ];
  const body = model.body.flatMap((s) => section(s, ctx));
  const { first, pageHeader, pageFooter, firstFooter } = frame(model, options.logo);
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
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: PAGE.header, footer: PAGE.footer },
          },
        },
        headers: { default: pageHeader, first },
        footers: { default: pageFooter, first: firstFooter },
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
