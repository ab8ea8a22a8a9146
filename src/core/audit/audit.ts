/**
 * The accessibility check of a Word document (`planrapport audit`): what the lagen om
 * tillgänglighet till digital offentlig service (WCAG 2.1 AA, EN 301 549) asks of a report a
 * nämnd publishes, as far as it can be read from the document's XML. Works on any .docx, ours
 * or one edited afterwards in Word or LibreOffice. Pure: the parts come parsed (./xml.ts).
 *
 * What it checks:
 * - headings: every paragraph that looks like a heading (a heading style, or a short line all
 *   in bold) has an outline level; no level skipped on the way down (1 → 3); none empty;
 * - tables: the first row is marked as a header row (repeats on each page, read as headers);
 *   no table used only to place text side by side; table text at least 9 pt;
 * - contrast: text at least 4,5:1 against its background (3:1 for large text), symbols at
 *   least 3:1, from the run's colour and the shading of the run, paragraph, cell or page;
 * - no symbol alone (● ◆ ■ ✓ ▶ ○ ❗ ⏸ …): a status or assessment is also said in words;
 * - images have alternative text (or are marked decorative);
 * - the document's language is Swedish, its title is set (with the organisation when the
 *   caller knows it), its author is a person or organisation, not a program's default.
 */
import { contrastRatio, formatRatio } from './contrast';
import { StyleSheet, shadingColour, type RunFormat } from './styles';
import { child, descendants, elements, isElement, path, textContent, val, type DocxParts, type XElement } from './xml';

export type AuditRule =
  | 'heading.not-marked'
  | 'heading.skipped-level'
  | 'heading.empty'
  | 'table.header-missing'
  | 'table.layout'
  | 'table.small-text'
  | 'contrast.text'
  | 'contrast.symbol'
  | 'symbol.alone'
  | 'image.alt-missing'
  | 'doc.language'
  | 'doc.title'
  | 'doc.title-organisation'
  | 'doc.author'
  | 'doc.last-modified-by';

export interface AuditFinding {
  rule: AuditRule;
  /** Where in the document: the heading, paragraph or table (and row), in Swedish. */
  place: string;
  /** What is wrong and what to do, in Swedish. */
  message: string;
}

export interface AuditOptions {
  /** The organisation the document's title should name (when the caller knows it). */
  organisation?: string;
}

/** Minimum sizes and ratios (WCAG 2.1 AA; 9 pt for table text). */
export const AUDIT_LIMITS = {
  textContrast: 4.5,
  largeTextContrast: 3,
  symbolContrast: 3,
  /** Half-points. */
  minTableTextSize: 18,
  /** Large text for contrast: 18 pt, or 14 pt bold (half-points). */
  largeText: 36,
  largeBoldText: 28,
} as const;

/** Symbols (Unicode "other symbol", which holds ● ◆ ■ ✓ ▶ ○ ❗ ⏸ ♀ and the emoji). */
const SYMBOL = /\p{So}/u;
const WORD = /[\p{L}\p{N}]/u;
/** A w:sym (a Wingdings or Symbol character) counts as a symbol. */
const SYM_CHAR = '\u25FC';

/** Word's default size when nothing sets one: 10 pt. */
const WORD_DEFAULT_SIZE = 20;

interface Run {
  text: string;
  format: RunFormat;
}

interface Context {
  /** Table nesting: the current table's style and fills of the table and cell. */
  tableStyle?: string;
  tableFill?: string;
  cellFill?: string;
  /** The table, row being read (for places and the size check). */
  table?: TableState;
  row?: number;
}

interface TableState {
  index: number;
  label: string;
  under: string | undefined;
  smallRows: number[];
  smallest: number;
}

const quote = (s: string, max = 70): string => {
  const t = s.replace(/\s+/g, ' ').trim();
  return `”${t.length > max ? `${t.slice(0, max - 1)}…` : t}”`;
};

const pt = (halfPoints: number) => `${String(halfPoints / 2).replace('.', ',')} pt`;

function ranges(rows: number[]): string {
  const out: string[] = [];
  let start = rows[0]!;
  let prev = start;
  for (const r of [...rows.slice(1), Infinity]) {
    if (r === prev + 1) {
      prev = r;
      continue;
    }
    out.push(start === prev ? `${start}` : `${start}–${prev}`);
    start = prev = r;
  }
  return out.join(', ');
}

class Auditor {
  readonly findings: AuditFinding[] = [];
  private readonly styles: StyleSheet;
  private readonly page: string;
  private paragraphs = 0;
  private tables = 0;
  private heading: string | undefined;
  private level = 0;
  /** Contrast failures by colours, counted, with the first place. */
  private readonly contrast = new Map<string, { finding: AuditFinding; count: number }>();

  constructor(private readonly parts: DocxParts) {
    this.styles = new StyleSheet(parts.styles);
    this.page = shadingColour({ name: 'shd', attrs: { fill: val(child(parts.document, 'background'), 'color') ?? '' }, children: [] }) ?? 'FFFFFF';
  }

  private add(rule: AuditRule, place: string, message: string) {
    this.findings.push({ rule, place, message });
  }

  private under(): string {
    return this.heading ? ` under rubriken ${quote(this.heading, 50)}` : ' före första rubriken';
  }

  run(options: AuditOptions): AuditFinding[] {
    this.documentProperties(options);
    const body = child(this.parts.document, 'body');
    this.blocks(body, {});
    for (const part of this.parts.headersFooters ?? []) this.headerOrFooter(part.part, part.root);
    for (const { finding, count } of this.contrast.values()) {
      this.findings.push(count > 1 ? { ...finding, place: `${finding.place} och ${count - 1} ställen till` } : finding);
    }
    return this.findings;
  }

  // ------------------------------------------------------------------ document properties

  private documentProperties(options: AuditOptions) {
    const lang = this.styles.defaultLang;
    if (!lang || !/^sv\b/i.test(lang)) {
      this.add(
        'doc.language',
        'dokumentets standardformat',
        lang
          ? `Dokumentets språk är ${lang}, inte svenska. Ange svenska (sv-SE) som standardspråk, så att skärmläsare läser texten med svenskt uttal.`
          : 'Dokumentet anger inget språk. Ange svenska (sv-SE) som standardspråk, så att skärmläsare läser texten med svenskt uttal.',
      );
    }
    const core = this.parts.core;
    const prop = (name: string) => textContent(child(core, name)).trim();
    const title = prop('title');
    if (!title) {
      this.add(
        'doc.title',
        'dokumentegenskaper',
        'Dokumentet saknar titel. Ange en titel (Arkiv → Information → Egenskaper) med dokumentets namn och organisationen.',
      );
    } else if (options.organisation && !title.toLowerCase().includes(options.organisation.trim().toLowerCase())) {
      this.add(
        'doc.title-organisation',
        'dokumentegenskaper',
        `Dokumentets titel ${quote(title)} nämner inte organisationen (${options.organisation.trim()}).`,
      );
    }
    const creator = prop('creator');
    if (!creator || /^(planrapport|un-named|unknown|okänd)$/i.test(creator)) {
      this.add(
        'doc.author',
        'dokumentegenskaper',
        creator
          ? `Dokumentets författare är ${quote(creator)}, ett programs namn. Ange handläggaren eller organisationen som författare.`
          : 'Dokumentet saknar författare. Ange handläggaren eller organisationen som författare.',
      );
    }
    const modifiedBy = prop('lastModifiedBy');
    if (/^(un-named|unknown)$/i.test(modifiedBy)) {
      this.add('doc.last-modified-by', 'dokumentegenskaper', `”Senast ändrad av” är ${quote(modifiedBy)}. Ange handläggaren eller organisationen.`);
    }
  }

  // ------------------------------------------------------------------ the body

  /** Paragraphs, tables and the containers around them (content controls, custom XML). */
  private blocks(parent: XElement | undefined, ctx: Context) {
    for (const c of parent?.children ?? []) {
      if (!isElement(c)) continue;
      if (c.name === 'p') this.paragraph(c, ctx);
      else if (c.name === 'tbl') this.table(c, ctx);
      else if (c.name === 'sdt') this.blocks(child(c, 'sdtContent'), ctx);
      else if (c.name === 'customXml' || c.name === 'ins' || c.name === 'smartTag') this.blocks(c, ctx);
      else if (c.name === 'AlternateContent') this.blocks(child(c, 'Fallback') ?? child(c, 'Choice'), ctx);
    }
  }

  private runsOf(p: XElement, ctx: Context): Run[] {
    const pPr = child(p, 'pPr');
    const styleId = this.styles.paragraphStyleId(pPr);
    const out: Run[] = [];
    const walk = (el: XElement) => {
      for (const c of el.children) {
        if (!isElement(c)) continue;
        switch (c.name) {
          case 'r':
            out.push({ text: runText(c), format: this.styles.runFormat(styleId, ctx.tableStyle, child(c, 'rPr')) });
            break;
          case 'hyperlink':
          case 'ins':
          case 'moveTo':
          case 'smartTag':
          case 'customXml':
          case 'fldSimple':
          case 'dir':
          case 'bdo':
            walk(c);
            break;
          case 'sdt':
            walk(child(c, 'sdtContent') ?? c);
            break;
          default:
            break;
        }
      }
    };
    walk(p);
    return out;
  }

  private place(ctx: Context): string {
    if (ctx.table) return `tabell ${ctx.table.index}${ctx.table.label}, rad ${ctx.row}${this.under()}`;
    return `stycke ${this.paragraphs}${this.under()}`;
  }

  private paragraph(p: XElement, ctx: Context) {
    if (!ctx.table) this.paragraphs++;
    const pPr = child(p, 'pPr');
    const runs = this.runsOf(p, ctx).filter((r) => !r.format.hidden);
    const text = runs.map((r) => r.text).join('');
    this.images(p, ctx);
    const outline = this.styles.outlineLevel(pPr);
    if (!ctx.table) {
      if (outline !== undefined) this.headingParagraph(text, outline);
      else this.headingLike(pPr, runs, text);
    }
    const bg = this.styles.paragraphFill(pPr) ?? ctx.cellFill ?? ctx.tableFill ?? this.page;
    for (const r of runs) this.runContrast(r, bg, ctx);
    if (!ctx.table && isSymbolOnly(text)) {
      this.add(
        'symbol.alone',
        this.place(ctx),
        `Stycket består bara av symbolen ${quote(text)}. Skriv ut vad symbolen betyder i ord (t.ex. ”● Uppfylls helt”).`,
      );
    }
    if (ctx.table) {
      for (const r of runs) {
        if (!r.text.trim()) continue;
        const size = r.format.size ?? WORD_DEFAULT_SIZE;
        if (size < AUDIT_LIMITS.minTableTextSize) {
          const t = ctx.table;
          if (t.smallRows.at(-1) !== ctx.row) t.smallRows.push(ctx.row!);
          t.smallest = Math.min(t.smallest, size);
        }
      }
    }
  }

  private headingParagraph(text: string, level: number) {
    const t = text.trim();
    if (!t) {
      this.add('heading.empty', this.place({}), `En tom rubrik (nivå ${level}). Ta bort den eller skriv rubriken; skärmläsare läser upp tomma rubriker.`);
      return;
    }
    if (level > this.level + 1) {
      this.add(
        'heading.skipped-level',
        `rubriken ${quote(t, 60)} (stycke ${this.paragraphs})`,
        this.level === 0
          ? `Första rubriken har nivå ${level}. Dokumentets första rubrik ska ha nivå 1.`
          : `Rubriken har nivå ${level} men kommer efter en rubrik på nivå ${this.level}${this.heading ? ` (${quote(this.heading, 50)})` : ''}: nivå ${this.level + 1} hoppas över. Ge den nivå ${this.level + 1}.`,
      );
    }
    this.level = level;
    this.heading = t;
  }

  /** A paragraph that looks like a heading but has no outline level. */
  private headingLike(pPr: XElement | undefined, runs: Run[], text: string) {
    const t = text.trim();
    if (!t || !WORD.test(t)) return;
    const style = this.styles.paragraphStyleName(pPr);
    if (/^(title|subtitle|toc heading|caption|toc \d)$/.test(style) || /^toc\d$/i.test(style)) return;
    const styleSaysHeading = /heading|rubrik/i.test(style);
    const visible = runs.filter((r) => r.text.trim());
    const allBold = visible.length > 0 && visible.every((r) => r.format.bold);
    const short = t.length <= 100 && t.split(/\s+/).length <= 14 && !/[.,;:!?…]$/.test(t);
    if (styleSaysHeading || (allBold && short && !this.styles.isListItem(pPr))) {
      this.add(
        'heading.not-marked',
        `stycke ${this.paragraphs}${this.under()}`,
        `${quote(t, 60)} ser ut som en rubrik (${styleSaysHeading ? `formatmallen ”${style}”` : 'fetstil'}) men har ingen rubriknivå, så skärmläsare och navigeringsfönstret hittar den inte. Använd en rubrikformatmall (Rubrik 1–9) eller ange en dispositionsnivå.`,
      );
    }
  }

  private runContrast(r: Run, background: string, ctx: Context) {
    const visible = r.text.replace(/\s/g, '');
    if (!visible || !r.format.color) return; // automatic colour is black on light and white on dark
    const bg = r.format.fill ?? background;
    const ratio = contrastRatio(r.format.color, bg);
    const symbol = isSymbolText(visible);
    const size = r.format.size ?? WORD_DEFAULT_SIZE;
    const large = size >= AUDIT_LIMITS.largeText || (r.format.bold === true && size >= AUDIT_LIMITS.largeBoldText);
    const need = symbol ? AUDIT_LIMITS.symbolContrast : large ? AUDIT_LIMITS.largeTextContrast : AUDIT_LIMITS.textContrast;
    if (ratio >= need) return;
    const key = `${symbol}|${r.format.color}|${bg}|${need}`;
    const known = this.contrast.get(key);
    if (known) {
      known.count++;
      return;
    }
    const what = symbol ? `Symbolen ${quote(visible, 20)}` : `Texten ${quote(r.text, 50)}`;
    this.contrast.set(key, {
      count: 1,
      finding: {
        rule: symbol ? 'contrast.symbol' : 'contrast.text',
        place: this.place(ctx),
        message: `${what} har kontrasten ${formatRatio(ratio)} mot bakgrunden (färg #${r.format.color} på #${bg}); ${symbol ? 'symboler' : large ? 'stor text' : 'text'} behöver minst ${formatRatio(need)}. Välj en mörkare färg.`,
      },
    });
  }

  private images(p: XElement, ctx: Context) {
    for (const drawing of descendants(p, 'drawing')) {
      for (const docPr of descendants(drawing, 'docPr')) {
        const alt = (docPr.attrs['descr'] ?? '').trim() || (docPr.attrs['title'] ?? '').trim();
        const decorative = descendants(docPr, 'decorative').some((d) => val(d) === '1' || val(d) === 'true');
        if (!alt && !decorative) {
          this.add(
            'image.alt-missing',
            this.place(ctx),
            `Bilden ${docPr.attrs['name'] ? quote(docPr.attrs['name'], 40) : ''} saknar alternativtext. Beskriv vad bilden visar (Högerklicka → Visa alternativtext), eller markera den som dekorativ.`.replace(
              'Bilden  ',
              'Bilden ',
            ),
          );
        }
      }
    }
  }

  // ------------------------------------------------------------------ tables

  private table(tbl: XElement, outer: Context) {
    const tblPr = child(tbl, 'tblPr');
    const index = ++this.tables;
    const rows = rowsOf(tbl);
    const firstText = rows[0]
      ? cellsOf(rows[0])
          .map((c) => plainText(c).trim())
          .filter(Boolean)
          .join(' | ')
      : '';
    const state: TableState = { index, label: firstText ? ` (${quote(firstText, 40)})` : '', under: this.heading, smallRows: [], smallest: Infinity };
    const ctx: Context = {
      tableStyle: this.styles.tableStyleId(tblPr),
      tableFill: shadingColour(child(tblPr, 'shd')) ?? outer.cellFill ?? outer.tableFill,
      table: state,
    };
    const header = rows[0] && isOn(path(rows[0], 'trPr', 'tblHeader'));
    if (!header && rows.length) {
      if (this.isLayoutTable(tbl, rows)) {
        this.add(
          'table.layout',
          `tabell ${index}${state.label}${this.under()}`,
          'Tabellen används för att placera text (inga kantlinjer, ingen rubrikrad). Skärmläsare läser den som en tabell; skriv texten som vanliga stycken eller med tabbar i stället.',
        );
      } else {
        this.add(
          'table.header-missing',
          `tabell ${index}${state.label}${this.under()}`,
          'Tabellens första rad är inte markerad som rubrikrad. Markera den (Tabellegenskaper → Rad → Upprepa som rubrikrad överst på varje sida), så att skärmläsare kan läsa kolumnernas rubriker.',
        );
      }
    }
    rows.forEach((tr, i) => {
      cellsOf(tr).forEach((tc, k) => {
        const fill = shadingColour(path(tc, 'tcPr', 'shd'));
        this.blocks(tc, { ...ctx, row: i + 1, cellFill: fill ?? ctx.tableFill });
        const text = elements(tc, 'p').map(plainText).join(' ');
        if (isSymbolOnly(text)) {
          this.add(
            'symbol.alone',
            `tabell ${index}${state.label}, rad ${i + 1}, kolumn ${k + 1}${this.under()}`,
            `Cellen innehåller bara symbolen ${quote(text, 20)}. Skriv ut vad symbolen betyder i ord (t.ex. ”✓ Klar”, ”◆ Uppfylls delvis”).`,
          );
        }
      });
    });
    if (state.smallRows.length) {
      this.add(
        'table.small-text',
        `tabell ${index}${state.label}, rad ${ranges(state.smallRows)}${state.under ? ` under rubriken ${quote(state.under, 50)}` : ''}`,
        `Tabellens text är ${pt(state.smallest)}; text i tabeller ska vara minst ${pt(AUDIT_LIMITS.minTableTextSize)}.`,
      );
    }
  }

  private isLayoutTable(tbl: XElement, rows: XElement[]): boolean {
    const borders = path(tbl, 'tblPr', 'tblBorders');
    const none = (b: XElement | undefined) => !b || elements(b).every((e) => ['nil', 'none'].includes(val(e) ?? 'none'));
    if (borders ? !none(borders) : this.styles.tableStyleId(child(tbl, 'tblPr')) && this.styleHasBorders(tbl)) return false;
    return rows.every((tr) => cellsOf(tr).every((tc) => none(path(tc, 'tcPr', 'tcBorders')) && !shadingColour(path(tc, 'tcPr', 'shd'))));
  }

  private styleHasBorders(tbl: XElement): boolean {
    const id = this.styles.tableStyleId(child(tbl, 'tblPr'));
    const s = this.styles.style(id);
    // a table style with borders (e.g. "Table Grid"): the name says enough
    return s !== undefined && !/^(normal table|table normal)$/i.test(s.name ?? s.id);
  }

  // ------------------------------------------------------------------ headers and footers

  private headerOrFooter(part: string, root: XElement) {
    const saved = { paragraphs: this.paragraphs, heading: this.heading };
    const kind = /footer/i.test(part) ? 'sidfoten' : 'sidhuvudet';
    const check = (parent: XElement | undefined, bg: string, tableStyle?: string) => {
      for (const c of parent?.children ?? []) {
        if (!isElement(c)) continue;
        if (c.name === 'p') {
          const pPr = child(c, 'pPr');
          const fill = this.styles.paragraphFill(pPr) ?? bg;
          for (const r of this.runsOf(c, { tableStyle })) {
            if (r.format.hidden) continue;
            const before = this.findings.length + this.contrast.size;
            this.runContrast(r, fill, {});
            if (this.findings.length + this.contrast.size !== before) {
              const last = [...this.contrast.values()].at(-1)!;
              if (last.count === 1) last.finding.place = `${kind} (${part})`;
            }
          }
        } else if (c.name === 'tbl') {
          const style = this.styles.tableStyleId(child(c, 'tblPr'));
          for (const tr of rowsOf(c)) for (const tc of cellsOf(tr)) check(tc, shadingColour(path(tc, 'tcPr', 'shd')) ?? bg, style);
        } else if (c.name === 'sdt') check(child(c, 'sdtContent'), bg, tableStyle);
      }
    };
    check(root, this.page);
    this.paragraphs = saved.paragraphs;
    this.heading = saved.heading;
  }
}

function isOn(el: XElement | undefined): boolean {
  if (!el) return false;
  const v = val(el);
  return v === undefined || !['false', '0', 'off'].includes(v);
}

/** Rows of a table, through content controls and custom XML around them. */
function rowsOf(tbl: XElement): XElement[] {
  const out: XElement[] = [];
  const walk = (el: XElement) => {
    for (const c of elements(el)) {
      if (c.name === 'tr') out.push(c);
      else if (c.name === 'sdt') walk(child(c, 'sdtContent') ?? c);
      else if (c.name === 'customXml') walk(c);
    }
  };
  walk(tbl);
  return out;
}

function cellsOf(tr: XElement): XElement[] {
  const out: XElement[] = [];
  const walk = (el: XElement) => {
    for (const c of elements(el)) {
      if (c.name === 'tc') out.push(c);
      else if (c.name === 'sdt') walk(child(c, 'sdtContent') ?? c);
      else if (c.name === 'customXml') walk(c);
    }
  };
  walk(tr);
  return out;
}

/** The text of a run: text, tabs and breaks; not deleted text or field codes. */
function runText(r: XElement): string {
  let s = '';
  for (const c of r.children) {
    if (!isElement(c)) continue;
    switch (c.name) {
      case 't':
        s += textContent(c);
        break;
      case 'tab':
      case 'ptab':
        s += '\t';
        break;
      case 'br':
      case 'cr':
        s += '\n';
        break;
      case 'noBreakHyphen':
        s += '-';
        break;
      case 'sym':
        s += SYM_CHAR;
        break;
      default:
        break;
    }
  }
  return s;
}

/** The text of a cell or any element: its runs' text. */
function plainText(el: XElement): string {
  return descendants(el, 'r').map(runText).join('');
}

function isSymbolText(visible: string): boolean {
  return SYMBOL.test(visible) && !WORD.test(visible);
}

/** A text that is only symbols (and punctuation or spaces), no words or numbers. */
export function isSymbolOnly(text: string): boolean {
  const t = text.replace(/[\s\u00a0]/g, '');
  return t.length > 0 && isSymbolText(t);
}

/** The accessibility findings of a Word document's parts, in document order (document properties first). */
export function auditDocx(parts: DocxParts, options: AuditOptions = {}): AuditFinding[] {
  return new Auditor(parts).run(options).sort((a, b) => order(a) - order(b));
}

const ORDER: AuditRule[] = [
  'doc.language',
  'doc.title',
  'doc.title-organisation',
  'doc.author',
  'doc.last-modified-by',
  'heading.skipped-level',
  'heading.not-marked',
  'heading.empty',
  'table.header-missing',
  'table.layout',
  'table.small-text',
  'symbol.alone',
  'contrast.text',
  'contrast.symbol',
  'image.alt-missing',
];
const order = (f: AuditFinding) => ORDER.indexOf(f.rule);
