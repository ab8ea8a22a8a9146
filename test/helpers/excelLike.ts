/**
 * Workbooks written the way Microsoft Excel writes them: hand-written SpreadsheetML parts
 * zipped with jszip (never exceljs), so that a test sees exactly what a controller's file
 * holds. `buildWorkbook(features)` starts from a Planrapport tertialrapport workbook typed
 * as a user would (Dokument, Texter, Mål, Indikatorer, Aktiviteter, Driftbudget and the
 * user's own sheet "Underlag") and lets each feature add its parts and XML: charts, pivot
 * tables, comments, names, protection, labels … (issue 7, the preservation corpus).
 */
import { WORKSHEET_ORDER } from '../../src/hosts/xlsx/ooxml/sheetEditor';
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { columnIndex, columnLetter } from '../../src/core/cells/address';
import { LISTS, LIST_ORDER, LIST_SHEET, TABELLER, KOSTNADSSLAG, VERKSAMHETSBUDGET } from '../../src/core/layout/layout';
import { CONTRACT_HEADERS } from './contract';

// ---------------------------------------------------------------------------------------
// Namespaces, relationship types and content types as Excel writes them
// ---------------------------------------------------------------------------------------

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  x14ac: 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac',
  x14: 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main',
  x15: 'http://schemas.microsoft.com/office/spreadsheetml/2010/11/main',
  x15ac: 'http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac',
  xm: 'http://schemas.microsoft.com/office/excel/2006/main',
  xr: 'http://schemas.microsoft.com/office/spreadsheetml/2014/revision',
  xr2: 'http://schemas.microsoft.com/office/spreadsheetml/2015/revision2',
  xr3: 'http://schemas.microsoft.com/office/spreadsheetml/2016/revision3',
  xr6: 'http://schemas.microsoft.com/office/spreadsheetml/2016/revision6',
  xr10: 'http://schemas.microsoft.com/office/spreadsheetml/2016/revision10',
  x16r2: 'http://schemas.microsoft.com/office/spreadsheetml/2015/02/main',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  pkgRels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  ct: 'http://schemas.openxmlformats.org/package/2006/content-types',
} as const;

const OD = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL = {
  officeDocument: `${OD}/officeDocument`,
  coreProps: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  extendedProps: `${OD}/extended-properties`,
  customProps: `${OD}/custom-properties`,
  classificationLabels: 'http://schemas.microsoft.com/office/2020/02/relationships/classificationlabels',
  worksheet: `${OD}/worksheet`,
  theme: `${OD}/theme`,
  styles: `${OD}/styles`,
  sharedStrings: `${OD}/sharedStrings`,
  calcChain: `${OD}/calcChain`,
  drawing: `${OD}/drawing`,
  chart: `${OD}/chart`,
  chartStyle: 'http://schemas.microsoft.com/office/2011/relationships/chartStyle',
  chartColors: 'http://schemas.microsoft.com/office/2011/relationships/chartColorStyle',
  image: `${OD}/image`,
  comments: `${OD}/comments`,
  vmlDrawing: `${OD}/vmlDrawing`,
  threadedComment: 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment',
  person: 'http://schemas.microsoft.com/office/2017/10/relationships/person',
  pivotCacheDefinition: `${OD}/pivotCacheDefinition`,
  pivotCacheRecords: `${OD}/pivotCacheRecords`,
  pivotTable: `${OD}/pivotTable`,
  externalLink: `${OD}/externalLink`,
  externalLinkPath: `${OD}/externalLinkPath`,
  sheetMetadata: `${OD}/sheetMetadata`,
  table: `${OD}/table`,
  printerSettings: `${OD}/printerSettings`,
} as const;

const SML_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
export const CT = {
  workbook: `${SML_CT}.sheet.main+xml`,
  worksheet: `${SML_CT}.worksheet+xml`,
  theme: 'application/vnd.openxmlformats-officedocument.theme+xml',
  styles: `${SML_CT}.styles+xml`,
  sharedStrings: `${SML_CT}.sharedStrings+xml`,
  calcChain: `${SML_CT}.calcChain+xml`,
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
  custom: 'application/vnd.openxmlformats-officedocument.custom-properties+xml',
  labelInfo: 'application/vnd.ms-office.classificationlabels+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  chartStyle: 'application/vnd.ms-office.chartstyle+xml',
  chartColors: 'application/vnd.ms-office.chartcolorstyle+xml',
  comments: `${SML_CT}.comments+xml`,
  threadedComments: 'application/vnd.ms-excel.threadedcomments+xml',
  person: 'application/vnd.ms-excel.person+xml',
  pivotCacheDefinition: `${SML_CT}.pivotCacheDefinition+xml`,
  pivotCacheRecords: `${SML_CT}.pivotCacheRecords+xml`,
  pivotTable: `${SML_CT}.pivotTable+xml`,
  externalLink: `${SML_CT}.externalLink+xml`,
  sheetMetadata: `${SML_CT}.sheetMetadata+xml`,
  table: `${SML_CT}.table+xml`,
} as const;

const DEFAULT_TYPES: Record<string, string> = {
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  xml: 'application/xml',
  png: 'image/png',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  bin: `${SML_CT}.printerSettings`,
};

// ---------------------------------------------------------------------------------------
// Small XML helpers
// ---------------------------------------------------------------------------------------

/** Escapes text for an XML text node or attribute value. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Text as Excel stores it in a `<t>`: characters XML cannot carry (and `\r`) as `_xHHHH_`,
 * and a literal `_xHHHH_` in the text protected as `_x005F_xHHHH_`.
 */
export function excelEscape(text: string): string {
  return esc(
    text
      .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
      // eslint-disable-next-line no-control-regex -- these are the characters Excel escapes
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\r]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`),
  );
}

/** A `<t>` element, with xml:space="preserve" where Excel writes it. */
export function tElement(text: string, prefix = ''): string {
  const preserve = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<${prefix}t${preserve}>${excelEscape(text)}</${prefix}t>`;
}

let guidCounter = 0;
/** A GUID in Excel's `{…}` form, deterministic per build. */
export function guid(): string {
  guidCounter++;
  const hex = guidCounter.toString(16).toUpperCase().padStart(12, '0');
  return `{5F1C3A2B-7D4E-4A6B-9C8D-${hex}}`;
}

/** A SHA-512-sized password hash and a salt, base64 as Excel writes them. */
function hash(seed: string): string {
  return createHash('sha512').update(seed).digest('base64');
}
function salt(seed: string): string {
  return createHash('md5').update(seed).digest('base64');
}

export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

export function parseRef(ref: string): { col: number; row: number } {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!m) throw new Error(`excelLike: bad cell reference ${ref}`);
  return { col: columnIndex(m[1]!), row: Number(m[2]) };
}

/** The Excel serial number of an ISO date (1900 date system). */
export function serial(iso: string): number {
  return (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

// ---------------------------------------------------------------------------------------
// The workbook model the features edit
// ---------------------------------------------------------------------------------------

export interface Rel {
  id: string;
  type: string;
  target: string;
  external?: boolean;
}

/** Worksheet elements after sheetData, in the order CT_Worksheet declares them (the schema check in the tests holds the list). */
export const TAIL_ORDER = WORKSHEET_ORDER.slice(WORKSHEET_ORDER.indexOf('sheetData') + 1, WORKSHEET_ORDER.indexOf('extLst')) as TailElement[];
export type TailElement = Exclude<(typeof WORKSHEET_ORDER)[number], 'sheetPr' | 'dimension' | 'sheetViews' | 'sheetFormatPr' | 'cols' | 'sheetData' | 'extLst'>;

export class Sheet {
  readonly cells = new Map<number, Map<number, string>>();
  readonly rowAttrs = new Map<number, string>();
  /** Raw attributes of the single `<sheetView>` (workbookViewId is added). */
  viewAttrs = '';
  /** Children of `<sheetView>` (pane, selections). */
  viewInner = '';
  sheetPr = '';
  cols: string[] = [];
  readonly tail = new Map<TailElement, string[]>();
  /** `<ext>` elements of the worksheet's extLst. */
  readonly ext: string[] = [];
  readonly rels: Rel[] = [];
  state?: 'hidden' | 'veryHidden';

  constructor(
    readonly wb: ExcelWorkbook,
    readonly name: string,
    readonly sheetId: number,
    readonly file: string,
  ) {}

  get path(): string {
    return `xl/worksheets/${this.file}`;
  }

  /** Puts raw cell XML (`<c r="…">…</c>`) at its reference. */
  put(xml: string): this {
    const m = /^<c r="([A-Z]+\d+)"/.exec(xml);
    if (!m) throw new Error(`excelLike: cell XML without r: ${xml}`);
    const { col, row } = parseRef(m[1]!);
    let r = this.cells.get(row);
    if (!r) this.cells.set(row, (r = new Map()));
    r.set(col, xml);
    return this;
  }

  remove(ref: string): this {
    const { col, row } = parseRef(ref);
    this.cells.get(row)?.delete(col);
    return this;
  }

  cellXml(ref: string): string | undefined {
    const { col, row } = parseRef(ref);
    return this.cells.get(row)?.get(col);
  }

  /** A text cell (shared string). */
  text(ref: string, text: string, style?: number): this {
    return this.put(`<c r="${ref}"${sAttr(style)} t="s"><v>${this.wb.sst.add(text)}</v></c>`);
  }

  num(ref: string, value: number, style?: number): this {
    return this.put(`<c r="${ref}"${sAttr(style)}><v>${value}</v></c>`);
  }

  /** A typed date: the serial number with the date format, as Excel stores it. */
  date(ref: string, iso: string): this {
    return this.num(ref, serial(iso), STYLE.date);
  }

  /** A formula with its cached value (a number, or text with t="str"). */
  formula(ref: string, formula: string, cached: number | string, style?: number): this {
    const t = typeof cached === 'string' ? ' t="str"' : '';
    return this.put(`<c r="${ref}"${sAttr(style)}${t}><f>${esc(formula)}</f><v>${typeof cached === 'string' ? esc(cached) : cached}</v></c>`);
  }

  /** Cells of one row from `ref` rightwards: strings are shared strings, numbers numbers, null skips. */
  row(ref: string, values: readonly (string | number | null)[], style?: number): this {
    const { col, row } = parseRef(ref);
    values.forEach((v, i) => {
      const at = `${columnLetter(col + i)}${row}`;
      if (v === null) return;
      if (typeof v === 'number') this.num(at, v, style);
      else this.text(at, v, style);
    });
    return this;
  }

  add(element: TailElement, xml: string): this {
    const list = this.tail.get(element) ?? [];
    list.push(xml);
    this.tail.set(element, list);
    return this;
  }

  /** Adds a relationship from this sheet; returns its id. */
  rel(type: string, target: string, external = false): string {
    const id = `rId${this.rels.length + 1}`;
    this.rels.push({ id, type, target, external });
    return id;
  }

  /** The header texts of row 1 by column letter. */
  headerColumn(header: string): string {
    const row = this.cells.get(1);
    for (const [col, xml] of row ?? []) {
      const m = /<v>(\d+)<\/v>/.exec(xml);
      if (/t="s"/.test(xml) && m && this.wb.sst.plain(Number(m[1])) === header) return columnLetter(col);
    }
    throw new Error(`excelLike: ${this.name} has no header ${header}`);
  }

  toXml(): string {
    const rowNumbers = [...this.cells.keys()].filter((r) => (this.cells.get(r)?.size ?? 0) > 0 || this.rowAttrs.has(r)).sort((a, b) => a - b);
    let minCol = Infinity;
    let maxCol = 0;
    for (const r of rowNumbers) {
      for (const c of this.cells.get(r)?.keys() ?? []) {
        minCol = Math.min(minCol, c);
        maxCol = Math.max(maxCol, c);
      }
    }
    const dimension =
      rowNumbers.length && maxCol
        ? `${columnLetter(minCol)}${rowNumbers[0]}:${columnLetter(maxCol)}${rowNumbers[rowNumbers.length - 1]}`.replace(/^([A-Z]+\d+):\1$/, '$1')
        : 'A1';
    // spans: per block of 16 rows, the columns the block uses (Excel's optimisation hint)
    const spans = new Map<number, string>();
    for (const r of rowNumbers) {
      const block = Math.floor((r - 1) / 16);
      if (spans.has(block)) continue;
      let lo = Infinity;
      let hi = 0;
      for (const rr of rowNumbers) {
        if (Math.floor((rr - 1) / 16) !== block) continue;
        for (const c of this.cells.get(rr)?.keys() ?? []) {
          lo = Math.min(lo, c);
          hi = Math.max(hi, c);
        }
      }
      if (hi) spans.set(block, `${lo}:${hi}`);
    }
    const rows = rowNumbers
      .map((r) => {
        const cells = [...(this.cells.get(r) ?? new Map<number, string>()).entries()].sort((a, b) => a[0] - b[0]).map(([, x]) => x);
        const span = spans.get(Math.floor((r - 1) / 16));
        const attrs = `${span ? ` spans="${span}"` : ''}${this.rowAttrs.get(r) ?? ''} x14ac:dyDescent="0.25"`;
        return cells.length ? `<row r="${r}"${attrs}>${cells.join('')}</row>` : `<row r="${r}"${attrs}/>`;
      })
      .join('');
    const tail = TAIL_ORDER.map((name) => {
      const parts = this.tail.get(name);
      if (name === 'pageMargins' && !parts) return '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
      return parts ? parts.join('') : '';
    }).join('');
    const extLst = this.ext.length ? `<extLst>${this.ext.join('')}</extLst>` : '';
    const view = `<sheetView${this.viewAttrs} workbookViewId="0"${this.viewInner ? `>${this.viewInner}</sheetView>` : '/>'}`;
    return (
      XML_DECL +
      `<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}" xmlns:mc="${NS.mc}" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="${NS.x14ac}" xmlns:xr="${NS.xr}" xmlns:xr2="${NS.xr2}" xmlns:xr3="${NS.xr3}" xr:uid="${guid()}">` +
      (this.sheetPr ? `<sheetPr>${this.sheetPr}</sheetPr>` : '') +
      `<dimension ref="${dimension}"/>` +
      `<sheetViews>${view}</sheetViews>` +
      '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>' +
      (this.cols.length ? `<cols>${this.cols.join('')}</cols>` : '') +
      (rows ? `<sheetData>${rows}</sheetData>` : '<sheetData/>') +
      tail +
      extLst +
      '</worksheet>'
    );
  }
}

function sAttr(style: number | undefined): string {
  return style ? ` s="${style}"` : '';
}

/** Shared strings: plain ones deduplicated, rich ones as given. */
export class SharedStrings {
  private readonly items: string[] = [];
  private readonly plainIndex = new Map<string, number>();
  private readonly plainText: (string | undefined)[] = [];
  private refs = 0;

  add(text: string): number {
    this.refs++;
    const known = this.plainIndex.get(text);
    if (known !== undefined) return known;
    const i = this.items.push(`<si>${tElement(text)}</si>`) - 1;
    this.plainIndex.set(text, i);
    this.plainText[i] = text;
    return i;
  }

  /** A rich string: runs of [text, rPr children]. */
  addRich(runs: readonly [string, string][]): number {
    this.refs++;
    return this.items.push(`<si>${runs.map(([text, rPr]) => `<r>${rPr ? `<rPr>${rPr}</rPr>` : ''}${tElement(text)}</r>`).join('')}</si>`) - 1;
  }

  plain(i: number): string | undefined {
    return this.plainText[i];
  }

  get size(): number {
    return this.items.length;
  }

  toXml(): string {
    return XML_DECL + `<sst xmlns="${NS.main}" count="${this.refs}" uniqueCount="${this.items.length}">${this.items.join('')}</sst>`;
  }
}

/** Rich-run properties as Excel writes them for Calibri 11. */
export const RUN = {
  plain: '<sz val="11"/><color theme="1"/><rFont val="Calibri"/><family val="2"/><scheme val="minor"/>',
  bold: '<b/><sz val="11"/><color theme="1"/><rFont val="Calibri"/><family val="2"/><scheme val="minor"/>',
  italic: '<i/><sz val="11"/><color theme="1"/><rFont val="Calibri"/><family val="2"/><scheme val="minor"/>',
  red: '<sz val="11"/><color rgb="FFFF0000"/><rFont val="Calibri"/><family val="2"/><scheme val="minor"/>',
} as const;

/** The cellXfs of the base workbook. */
export const STYLE = {
  normal: 0,
  date: 1,
  header: 2,
  percent: 3,
  amount: 4,
  wrap: 5,
} as const;

export class Styles {
  numFmts = ['<numFmt numFmtId="164" formatCode="#,##0.0"/>'];
  fonts = [
    '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
    '<font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
  ];
  fills = [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
    '<fill><patternFill patternType="solid"><fgColor theme="4" tint="0.79998168889431442"/><bgColor indexed="64"/></patternFill></fill>',
  ];
  borders = ['<border><left/><right/><top/><bottom/><diagonal/></border>'];
  cellStyleXfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'];
  cellXfs = [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>',
    '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1"/></xf>',
  ];
  cellStyles = ['<cellStyle name="Normal" xfId="0" builtinId="0"/>'];
  dxfs: string[] = [];

  toXml(): string {
    const list = (name: string, items: string[], extra = '') => `<${name} count="${items.length}"${extra}>${items.join('')}</${name}>`;
    return (
      XML_DECL +
      `<styleSheet xmlns="${NS.main}" xmlns:mc="${NS.mc}" mc:Ignorable="x14ac x16r2 xr" xmlns:x14ac="${NS.x14ac}" xmlns:x16r2="${NS.x16r2}" xmlns:xr="${NS.xr}">` +
      (this.numFmts.length ? list('numFmts', this.numFmts) : '') +
      list('fonts', this.fonts, ' x14ac:knownFonts="1"') +
      list('fills', this.fills) +
      list('borders', this.borders) +
      list('cellStyleXfs', this.cellStyleXfs) +
      list('cellXfs', this.cellXfs) +
      list('cellStyles', this.cellStyles) +
      (this.dxfs.length ? list('dxfs', this.dxfs) : '<dxfs count="0"/>') +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      `<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="${NS.x14}"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext>` +
      `<ext uri="{9260A510-F301-46a8-8635-F512D64BE5F5}" xmlns:x15="${NS.x15}"><x15:timelineStyles defaultTimelineStyle="TimeSlicerStyleLight1"/></ext></extLst>` +
      '</styleSheet>'
    );
  }
}

export class ExcelWorkbook {
  readonly sheets: Sheet[] = [];
  readonly sst = new SharedStrings();
  readonly styles = new Styles();
  /** Further parts by path (xl/charts/chart1.xml …) with their content type (undefined: by extension). */
  readonly parts = new Map<string, { data: string | Buffer; type?: string }>();
  readonly rootRels: Rel[] = [
    { id: 'rId3', type: REL.extendedProps, target: 'docProps/app.xml' },
    { id: 'rId2', type: REL.coreProps, target: 'docProps/core.xml' },
    { id: 'rId1', type: REL.officeDocument, target: 'xl/workbook.xml' },
  ];
  /** Workbook relationships beyond sheets, theme, styles, sharedStrings and calcChain. */
  readonly workbookRels: Rel[] = [];
  definedNames: string[] = [];
  workbookProtection = '';
  externalReferences: string[] = [];
  pivotCaches: string[] = [];
  customWorkbookViews = '';
  activeTab = 0;
  /** Parts whose names are written in the package's relationship file, keyed by folder: for numbering. */
  private readonly counters = new Map<string, number>();

  constructor() {
    guidCounter = 0;
  }

  sheet(name: string): Sheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`excelLike: no sheet ${name}`);
    return s;
  }

  addSheet(name: string): Sheet {
    const s = new Sheet(this, name, this.sheets.length + 1, `sheet${this.sheets.length + 1}.xml`);
    this.sheets.push(s);
    return s;
  }

  /** The next number for a numbered part kind (chart → 1, 2 …). */
  next(kind: string): number {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return n;
  }

  addPart(path: string, data: string | Buffer, type?: string): void {
    this.parts.set(path, { data: typeof data === 'string' && !data.startsWith('<?xml') && path.endsWith('.xml') ? XML_DECL + data : data, type });
  }

  /** A workbook relationship (rIds after the sheets and the fixed parts). */
  workbookRel(type: string, target: string): string {
    const id = `rId${this.sheets.length + 4 + this.workbookRels.length + 1}`;
    this.workbookRels.push({ id, type, target });
    return id;
  }

  addName(xml: string): void {
    this.definedNames.push(xml);
  }

  /** Builds the package. */
  async toBuffer(): Promise<Buffer> {
    const zip = new JSZip();
    const date = new Date(Date.UTC(1980, 0, 1));
    const files = new Map<string, { data: string | Buffer; type?: string }>();
    const overrides = new Map<string, string>();

    // worksheets and their relationships
    for (const s of this.sheets) {
      files.set(s.path, { data: s.toXml(), type: CT.worksheet });
      if (s.rels.length) files.set(`xl/worksheets/_rels/${s.file}.rels`, { data: relsXml(s.rels) });
    }
    // formula cells → calcChain, as Excel keeps it
    const chain: string[] = [];
    for (const s of this.sheets) {
      for (const r of [...s.cells.keys()].sort((a, b) => a - b)) {
        for (const [c, xml] of [...(s.cells.get(r) ?? new Map<number, string>())].sort((a, b) => a[0] - b[0])) {
          if (!/<f[ >/]/.test(xml)) continue;
          const array = /<f [^>]*t="array"/.test(xml) ? ' a="1"' : '';
          chain.push(`<c r="${columnLetter(c)}${r}" i="${s.sheetId}"${array}/>`);
        }
      }
    }
    const fixed: Rel[] = [
      { id: `rId${this.sheets.length + 1}`, type: REL.theme, target: 'theme/theme1.xml' },
      { id: `rId${this.sheets.length + 2}`, type: REL.styles, target: 'styles.xml' },
      { id: `rId${this.sheets.length + 3}`, type: REL.sharedStrings, target: 'sharedStrings.xml' },
    ];
    if (chain.length) fixed.push({ id: `rId${this.sheets.length + 4}`, type: REL.calcChain, target: 'calcChain.xml' });
    const wbRels: Rel[] = [
      ...this.sheets.map((s, i) => ({ id: `rId${i + 1}`, type: REL.worksheet, target: `worksheets/${s.file}` })),
      ...fixed,
      ...this.workbookRels,
    ];

    files.set('xl/workbook.xml', { data: this.workbookXml(), type: CT.workbook });
    files.set('xl/_rels/workbook.xml.rels', { data: relsXml(wbRels) });
    files.set('xl/theme/theme1.xml', { data: THEME, type: CT.theme });
    files.set('xl/styles.xml', { data: this.styles.toXml(), type: CT.styles });
    files.set('xl/sharedStrings.xml', { data: this.sst.toXml(), type: CT.sharedStrings });
    if (chain.length) files.set('xl/calcChain.xml', { data: XML_DECL + `<calcChain xmlns="${NS.main}">${chain.join('')}</calcChain>`, type: CT.calcChain });
    files.set('docProps/core.xml', { data: CORE, type: CT.core });
    files.set('docProps/app.xml', { data: this.appXml(), type: CT.app });
    for (const [path, part] of this.parts) files.set(path, part);
    files.set('_rels/.rels', { data: relsXml(this.rootRels) });

    for (const [path, part] of files) if (part.type) overrides.set(`/${path}`, part.type);
    const defaults = new Set(['rels', 'xml']);
    for (const path of files.keys()) {
      const ext = path.split('.').pop()!.toLowerCase();
      if (DEFAULT_TYPES[ext] && !files.get(path)!.type) defaults.add(ext);
    }
    const contentTypes =
      XML_DECL +
      `<Types xmlns="${NS.ct}">` +
      [...defaults]
        .sort()
        .map((e) => `<Default Extension="${e}" ContentType="${DEFAULT_TYPES[e]}"/>`)
        .join('') +
      [...overrides].map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`).join('') +
      '</Types>';

    // Excel's order: content types and package relationships first
    zip.file('[Content_Types].xml', contentTypes, { date });
    zip.file('_rels/.rels', files.get('_rels/.rels')!.data, { date });
    for (const [path, part] of files) if (path !== '_rels/.rels') zip.file(path, part.data, { date });
    return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }

  private workbookXml(): string {
    const sheets = this.sheets
      .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${s.sheetId}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
      .join('');
    const names = [...this.definedNames].sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'en', { sensitivity: 'base' }));
    return (
      XML_DECL +
      `<workbook xmlns="${NS.main}" xmlns:r="${NS.r}" xmlns:mc="${NS.mc}" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="${NS.x15}" xmlns:xr="${NS.xr}" xmlns:xr6="${NS.xr6}" xmlns:xr10="${NS.xr10}" xmlns:xr2="${NS.xr2}">` +
      '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27425"/>' +
      '<workbookPr defaultThemeVersion="166925"/>' +
      `<mc:AlternateContent xmlns:mc="${NS.mc}"><mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\anna.andersson\\Documents\\Planering\\" xmlns:x15ac="${NS.x15ac}"/></mc:Choice></mc:AlternateContent>` +
      '<xr:revisionPtr revIDLastSave="0" documentId="8_{B5E7A6C1-3F0D-4B52-A1D4-2E9C5B7F1A30}" xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/>' +
      this.workbookProtection +
      `<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840"${this.activeTab ? ` activeTab="${this.activeTab}"` : ''} xr2:uid="{9D4C2B1A-0E3F-4C5D-8A7B-6F1E2D3C4B5A}"/></bookViews>` +
      `<sheets>${sheets}</sheets>` +
      (this.externalReferences.length
        ? `<externalReferences>${this.externalReferences.map((id) => `<externalReference r:id="${id}"/>`).join('')}</externalReferences>`
        : '') +
      (names.length ? `<definedNames>${names.join('')}</definedNames>` : '') +
      '<calcPr calcId="191029"/>' +
      this.customWorkbookViews +
      (this.pivotCaches.length ? `<pivotCaches>${this.pivotCaches.join('')}</pivotCaches>` : '') +
      `<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="${NS.x15}"><x15:workbookPr chartTrackingRefBase="1"/></ext>` +
      `<ext uri="{B58B0392-4F1F-4190-BB64-5DF3571DCE5F}" xmlns:xcalcf="http://schemas.microsoft.com/office/spreadsheetml/2018/calcfeatures"><xcalcf:calcFeatures>` +
      `<xcalcf:feature name="microsoft.com:RD"/><xcalcf:feature name="microsoft.com:Single"/><xcalcf:feature name="microsoft.com:FV"/><xcalcf:feature name="microsoft.com:CNMTM"/>` +
      `<xcalcf:feature name="microsoft.com:LET_WF"/><xcalcf:feature name="microsoft.com:LAMBDA_WF"/><xcalcf:feature name="microsoft.com:ARRAYTEXT_WF"/></xcalcf:calcFeatures>` +
      `</ext></extLst>` +
      '</workbook>'
    );
  }

  private appXml(): string {
    const names = this.sheets.map((s) => `<vt:lpstr>${esc(s.name)}</vt:lpstr>`).join('');
    return (
      XML_DECL +
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      '<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>' +
      `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Kalkylblad</vt:lpstr></vt:variant><vt:variant><vt:i4>${this.sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
      `<TitlesOfParts><vt:vector size="${this.sheets.length}" baseType="lpstr">${names}</vt:vector></TitlesOfParts>` +
      '<Company>Stockholms stad</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion>' +
      '</Properties>'
    );
  }
}

function nameOf(definedName: string): string {
  return /name="([^"]+)"/.exec(definedName)?.[1] ?? '';
}

export function relsXml(rels: readonly Rel[]): string {
  return (
    XML_DECL +
    `<Relationships xmlns="${NS.pkgRels}">` +
    rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${esc(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`).join('') +
    '</Relationships>'
  );
}

const CORE =
  XML_DECL +
  '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
  '<dc:title>Tertialrapport 2 2019</dc:title><dc:creator>Anna Andersson</dc:creator><cp:lastModifiedBy>Anna Andersson</cp:lastModifiedBy>' +
  '<dcterms:created xsi:type="dcterms:W3CDTF">2019-08-12T07:41:09Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2019-09-20T13:02:44Z</dcterms:modified>' +
  '</cp:coreProperties>';

const SCHEME_COLORS: [string, string][] = [
  ['dk1', '<a:sysClr val="windowText" lastClr="000000"/>'],
  ['lt1', '<a:sysClr val="window" lastClr="FFFFFF"/>'],
  ['dk2', '<a:srgbClr val="44546A"/>'],
  ['lt2', '<a:srgbClr val="E7E6E6"/>'],
  ['accent1', '<a:srgbClr val="4472C4"/>'],
  ['accent2', '<a:srgbClr val="ED7D31"/>'],
  ['accent3', '<a:srgbClr val="A5A5A5"/>'],
  ['accent4', '<a:srgbClr val="FFC000"/>'],
  ['accent5', '<a:srgbClr val="5B9BD5"/>'],
  ['accent6', '<a:srgbClr val="70AD47"/>'],
  ['hlink', '<a:srgbClr val="0563C1"/>'],
  ['folHlink', '<a:srgbClr val="954F72"/>'],
];
const solid = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>';
const line = (w: number) => `<a:ln w="${w}" cap="flat" cmpd="sng" algn="ctr">${solid}<a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>`;
/** A short but complete Office theme (colours, fonts, formats). */
export const THEME =
  XML_DECL +
  `<a:theme xmlns:a="${NS.a}" name="Office-tema"><a:themeElements>` +
  `<a:clrScheme name="Office">${SCHEME_COLORS.map(([n, c]) => `<a:${n}>${c}</a:${n}>`).join('')}</a:clrScheme>` +
  '<a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri Light" panose="020F0302020204030204"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>' +
  '<a:minorFont><a:latin typeface="Calibri" panose="020F0502020204030204"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>' +
  `<a:fmtScheme name="Office"><a:fillStyleLst>${solid}${solid}${solid}</a:fillStyleLst>` +
  `<a:lnStyleLst>${line(6350)}${line(12700)}${line(19050)}</a:lnStyleLst>` +
  '<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>' +
  `<a:bgFillStyleLst>${solid}${solid}${solid}</a:bgFillStyleLst></a:fmtScheme>` +
  '</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>';

// ---------------------------------------------------------------------------------------
// The base workbook: a tertialrapport typed as a controller would
// ---------------------------------------------------------------------------------------

export const HEADERS = CONTRACT_HEADERS;

/** Underlag!B2:B7: SUM = 2137,5, so that SUM(Dyn)*(1+Moms) = 2671,875 as in the issue. */
export const UNDERLAG_COSTS = [300, 350.5, 412, 375, 400, 300];
export const UNDERLAG_INCOME = [50, 40, 60, 55, 45, 70];
export const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni'];

function widths(sheet: Sheet, w: readonly number[]): void {
  sheet.cols = w.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`);
}

function baseWorkbook(): ExcelWorkbook {
  const wb = new ExcelWorkbook();
  const dok = wb.addSheet('Dokument');
  dok.viewAttrs = ' tabSelected="1"';
  widths(dok, [18.7109375, 45.7109375]);
  dok.row('A1', HEADERS.Dokument, STYLE.header);
  dok.row('A2', ['Dokumenttyp', 'Tertialrapport']);
  dok.row('A3', ['År', 2019]);
  dok.row('A4', ['Tertial', 2]);
  dok.row('A5', ['Organisation', 'Hägersten-Liljeholmens stadsdelsnämnd']);
  dok.row('A6', ['Handläggare', 'Anna Andersson']);
  dok.row('A7', ['Telefon', '08-508 000 00']);
  dok.row('A8', ['Till', 'Hägersten-Liljeholmens stadsdelsnämnd']);
  dok.text('A9', 'Datum').date('B9', '2019-09-26');

  const tex = wb.addSheet('Texter');
  widths(tex, [28.7109375, 90.7109375]);
  tex.row('A1', HEADERS.Texter, STYLE.header);
  tex.text('A2', 'Förslag till beslut').text('B2', '1. Nämnden godkänner tertialrapporten.\n2. Paragrafen justeras omedelbart.', STYLE.wrap);
  tex.text('A3', 'Sammanfattning').put(
    `<c r="B3" s="${STYLE.wrap}" t="s"><v>${wb.sst.addRich([
      ['Nämnden', RUN.bold],
      [' bedöms nå sina mål för året.', RUN.plain],
    ])}</v></c>`,
  );
  tex.text('A4', 'Ärendets beredning').text('B4', 'Ärendet har beretts inom förvaltningen.', STYLE.wrap);
  tex.text('A5', 'Sammanfattande analys').text('B5', 'Verksamheten har bedrivits enligt plan.', STYLE.wrap);

  const mal = wb.addSheet('Mål');
  widths(mal, [10.7109375, 30.7109375, 14.7109375, 50.7109375, 16.7109375, 40.7109375, 20, 40.7109375, 12, 12, 12, 12]);
  mal.row('A1', HEADERS.Mål, STYLE.header);
  mal.row('A2', ['IM1', 'KF:s inriktningsmål', null, '1. En stad för alla']);
  mal.row('A3', ['KF1', 'KF:s mål för verksamhetsområdet', 'IM1', '1.1 Människor är självförsörjande', 'Uppfylls helt', null, null, 'Målet nås.']);
  mal.row('A4', ['N1', 'Nämndmål', 'KF1', 'Invånarna är självförsörjande', 'Uppfylls helt', 'Arbetet sker i samverkan.']);
  mal.row('A5', ['N2', 'Nämndmål', 'KF1', 'Unga får stöd', 'Uppfylls helt']);

  const ind = wb.addSheet('Indikatorer');
  widths(ind, [10.7109375, 40.7109375, 8, 16.7109375, 12, 14, 14, 14, 16, 14, 14, 18, 16, 40]);
  ind.row('A1', HEADERS.Indikatorer, STYLE.header);
  ind.row('A2', ['KF1', 'Andel A', '%', 'Högre är bättre', 'Tertial']);
  ind.row('F2', [0.5, 0.4, 0.6, 0.45, 0.6, 0.55, 0.5], STYLE.percent);
  ind.text('M2', 'Tertial 2 2019');
  ind.row('A3', ['N1', 'Antal B', 'st', 'Högre är bättre', 'Tertial', 25, 15, 10, null, 20, 20, 'Tas fram av nämnd', 'Tertial 2 2019']);
  ind.row('A4', ['N1', 'Andel C', '%', 'Lägre är bättre', 'År']);
  ind.num('K4', 0.1, STYLE.percent).text('M4', '2019');

  const akt = wb.addSheet('Aktiviteter');
  widths(akt, [10.7109375, 40.7109375, 12, 12, 13, 30, 40]);
  akt.row('A1', HEADERS.Aktiviteter, STYLE.header);
  akt.row('A2', ['KF1', 'Aktivitet 1']).date('C2', '2019-01-01').date('D2', '2019-12-31').text('E2', 'Pågående');
  akt.row('A3', ['N1', 'Aktivitet 2']).date('C3', '2019-01-01').date('D3', '2019-06-30').text('E3', 'Avslutad');

  const drift = wb.addSheet('Driftbudget');
  widths(drift, [36.7109375, 12, 10, 10, 10, 14, 14, 14, 40]);
  drift.row('A1', HEADERS.Driftbudget, STYLE.header);
  drift.row('A2', ['Verksamhet A', 'Verksamhet']).row('C2', [10, 20, 18, 2, 0, 2], STYLE.amount);
  drift.row('A3', ['varav a1', 'Varav']).row('C3', [5, 10, 9, 1, 0, 1], STYLE.amount);
  drift.row('A4', ['Verksamhet B', 'Verksamhet']).row('C4', [5, 8, 9, -1, 0.5, -0.5], STYLE.amount);
  drift.row('A5', ['Summa', 'Summa']);
  drift.formula('C5', 'SUM(C2,C4)', 15, STYLE.amount).formula('D5', 'SUM(D2,D4)', 28, STYLE.amount).formula('E5', 'SUM(E2,E4)', 27, STYLE.amount);

  const und = wb.addSheet('Underlag');
  widths(und, [14, 12, 12]);
  und.row('A1', ['Månad', 'Kostnad', 'Intäkt'], STYLE.header);
  MONTHS.forEach((m, i) =>
    und
      .text(`A${i + 2}`, m)
      .num(`B${i + 2}`, UNDERLAG_COSTS[i]!)
      .num(`C${i + 2}`, UNDERLAG_INCOME[i]!),
  );
  und.put(
    `<c r="A9" t="s"><v>${wb.sst.addRich([
      ['Obs: ', RUN.bold],
      ['augusti är preliminärt', RUN.red],
    ])}</v></c>`,
  );
  return wb;
}

// ---------------------------------------------------------------------------------------
// Features
// ---------------------------------------------------------------------------------------

export interface Feature {
  id: string;
  /** What the workbook has, in a few words (for test names). */
  title: string;
  apply(wb: ExcelWorkbook): void;
}

/** Builds the base workbook with the features applied, as an .xlsx package. */
export async function buildWorkbook(features: readonly Feature[] = []): Promise<Buffer> {
  const wb = baseWorkbook();
  for (const f of features) f.apply(wb);
  return wb.toBuffer();
}

const f = (id: string, title: string, apply: (wb: ExcelWorkbook) => void): Feature => ({ id, title, apply });

/** A drawing part for a sheet (one per sheet, as Excel keeps it); returns the drawing's number. */
function drawingFor(wb: ExcelWorkbook, sheet: Sheet, anchors: string, rels: Rel[]): number {
  const n = wb.next('drawing');
  wb.addPart(`xl/drawings/drawing${n}.xml`, `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors}</xdr:wsDr>`, CT.drawing);
  if (rels.length) wb.addPart(`xl/drawings/_rels/drawing${n}.xml.rels`, relsXml(rels));
  sheet.add('drawing', `<drawing r:id="${sheet.rel(REL.drawing, `../drawings/drawing${n}.xml`)}"/>`);
  return n;
}

function anchor(fromCol: number, fromRow: number, toCol: number, toRow: number, body: string, editAs = ''): string {
  const pos = (c: number, r: number) => `<xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return `<xdr:twoCellAnchor${editAs ? ` editAs="${editAs}"` : ''}><xdr:from>${pos(fromCol, fromRow)}</xdr:from><xdr:to>${pos(toCol, toRow)}</xdr:to>${body}<xdr:clientData/></xdr:twoCellAnchor>`;
}

const CREATION_ID = (id: string) =>
  `<a:extLst><a:ext uri="{FF2B5EF4-FFF2-40B4-BE49-F238E27FC236}"><a16:creationId xmlns:a16="http://schemas.microsoft.com/office/drawing/2014/main" id="${id}"/></a:ext></a:extLst>`;

const CHART_STYLE_ENTRIES = [
  'axisTitle',
  'categoryAxis',
  'chartArea',
  'dataLabel',
  'dataLabelCallout',
  'dataPoint',
  'dataPoint3D',
  'dataPointLine',
  'dataPointMarker',
  'dataPointMarkerLayout',
  'dataPointWireframe',
  'dataTable',
  'downBar',
  'dropLine',
  'errorBar',
  'floor',
  'gridlineMajor',
  'gridlineMinor',
  'hiLoLine',
  'leaderLine',
  'legend',
  'plotArea',
  'plotArea3D',
  'seriesAxis',
  'seriesLine',
  'title',
  'trendline',
  'trendlineLabel',
  'upBar',
  'valueAxis',
  'wall',
];

function chartStyleXml(): string {
  const CS = 'http://schemas.microsoft.com/office/drawing/2012/chartStyle';
  const entry = (name: string) =>
    name === 'dataPointMarkerLayout'
      ? '<cs:dataPointMarkerLayout symbol="circle" size="5"/>'
      : `<cs:${name}><cs:lnRef idx="0"/><cs:fillRef idx="0"/><cs:effectRef idx="0"/><cs:fontRef idx="minor"><a:schemeClr val="tx1"/></cs:fontRef></cs:${name}>`;
  return `<cs:chartStyle xmlns:cs="${CS}" xmlns:a="${NS.a}" id="201">${CHART_STYLE_ENTRIES.map(entry).join('')}</cs:chartStyle>`;
}

const CHART_COLORS =
  '<cs:colorStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" meth="cycle" id="10">' +
  '<a:schemeClr val="accent1"/><a:schemeClr val="accent2"/><a:schemeClr val="accent3"/><a:schemeClr val="accent4"/><a:schemeClr val="accent5"/><a:schemeClr val="accent6"/>' +
  '<cs:variation/><cs:variation><a:lumMod val="60000"/></cs:variation><cs:variation><a:lumMod val="80000"/><a:lumOff val="20000"/></cs:variation></cs:colorStyle>';

/** A clustered column chart as Excel writes it (chart part, style, colours, drawing, rels). */
function addChart(
  wb: ExcelWorkbook,
  sheet: Sheet,
  opts: { title: string; titleRef: string; catRef: string; cats: string[]; valRef: string; vals: number[]; at: [number, number] },
): number {
  const n = wb.next('chart');
  const strCache = (items: string[]) =>
    `<c:strCache><c:ptCount val="${items.length}"/>${items.map((v, i) => `<c:pt idx="${i}"><c:v>${esc(v)}</c:v></c:pt>`).join('')}</c:strCache>`;
  const numCache = `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${opts.vals.length}"/>${opts.vals.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join('')}</c:numCache>`;
  const chart =
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}" xmlns:c16r2="http://schemas.microsoft.com/office/drawing/2015/06/chart">` +
    '<c:date1904 val="0"/><c:lang val="sv-SE"/><c:roundedCorners val="0"/>' +
    `<mc:AlternateContent xmlns:mc="${NS.mc}"><mc:Choice Requires="c14" xmlns:c14="http://schemas.microsoft.com/office/drawing/2007/8/2/chart"><c14:style val="102"/></mc:Choice><mc:Fallback><c:style val="2"/></mc:Fallback></mc:AlternateContent>` +
    '<c:chart><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>${esc(opts.titleRef)}</c:f>${strCache([opts.title])}</c:strRef></c:tx>` +
    '<c:spPr><a:solidFill><a:schemeClr val="accent1"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr><c:invertIfNegative val="0"/>' +
    `<c:cat><c:strRef><c:f>${esc(opts.catRef)}</c:f>${strCache(opts.cats)}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${esc(opts.valRef)}</c:f>${numCache}</c:numRef></c:val>` +
    `<c:extLst><c:ext uri="{C3380CC4-5D6E-409C-BE32-E72D297353CC}" xmlns:c16="http://schemas.microsoft.com/office/drawing/2014/chart"><c16:uniqueId val="{00000000-0001-0000-0000-00000000000${n}}"/></c:ext></c:extLst></c:ser>` +
    '<c:dLbls><c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>' +
    `<c:gapWidth val="219"/><c:overlap val="-27"/><c:axId val="${1000 + n}"/><c:axId val="${2000 + n}"/></c:barChart>` +
    `<c:catAx><c:axId val="${1000 + n}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${2000 + n}"/><c:crosses val="autoZero"/><c:auto val="1"/>` +
    `<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${2000 + n}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${1000 + n}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    '<c:spPr><a:solidFill><a:schemeClr val="bg1"/></a:solidFill><a:ln w="9525" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="tx1"><a:lumMod val="15000"/><a:lumOff val="85000"/></a:schemeClr></a:solidFill><a:round/></a:ln></c:spPr>' +
    '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr/></a:pPr><a:endParaRPr lang="sv-SE"/></a:p></c:txPr>' +
    '<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup/></c:printSettings></c:chartSpace>';
  wb.addPart(`xl/charts/chart${n}.xml`, chart, CT.chart);
  wb.addPart(`xl/charts/style${n}.xml`, chartStyleXml(), CT.chartStyle);
  wb.addPart(`xl/charts/colors${n}.xml`, CHART_COLORS, CT.chartColors);
  wb.addPart(
    `xl/charts/_rels/chart${n}.xml.rels`,
    relsXml([
      { id: 'rId2', type: REL.chartColors, target: `colors${n}.xml` },
      { id: 'rId1', type: REL.chartStyle, target: `style${n}.xml` },
    ]),
  );
  const [col, row] = opts.at;
  const frame =
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Diagram ${n}">${CREATION_ID(guid())}</xdr:cNvPr><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame>`;
  drawingFor(wb, sheet, anchor(col, row, col + 7, row + 15, frame), [{ id: 'rId1', type: REL.chart, target: `../charts/chart${n}.xml` }]);
  return n;
}

/** A 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Legacy comments (notes) with their VML shapes, as Excel writes them. */
function addLegacyComments(wb: ExcelWorkbook, sheet: Sheet, notes: { ref: string; author: string; text: string }[]): void {
  const n = wb.next('comments');
  const authors = [...new Set(notes.map((x) => x.author))];
  wb.addPart(
    `xl/comments${n}.xml`,
    `<comments xmlns="${NS.main}" xmlns:mc="${NS.mc}" mc:Ignorable="xr" xmlns:xr="${NS.xr}"><authors>${authors.map((a) => `<author>${esc(a)}</author>`).join('')}</authors><commentList>` +
      notes
        .map(
          (x) =>
            `<comment ref="${x.ref}" authorId="${authors.indexOf(x.author)}" shapeId="0" xr:uid="${guid()}"><text>` +
            (x.author.startsWith('tc=')
              ? tElement(x.text)
              : `<r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr>${tElement(`${x.author}:`)}</r><r><rPr><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr>${tElement(`\n${x.text}`)}</r>`) +
            '</text></comment>',
        )
        .join('') +
      '</commentList></comments>',
    CT.comments,
  );
  const shapes = notes
    .map((x, i) => {
      const { col, row } = parseRef(x.ref);
      return (
        `<v:shape id="_x0000_s${n * 1024 + 1 + i}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${i + 1};visibility:hidden" fillcolor="infoBackground [80]" o:insetmode="auto">` +
        '<v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col}, 15, ${row - 1}, 2, ${col + 2}, 15, ${row + 3}, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row - 1}</x:Row><x:Column>${col - 1}</x:Column></x:ClientData></v:shape>`
      );
    })
    .join('');
  wb.addPart(
    `xl/drawings/vmlDrawing${n}.vml`,
    '<xml xmlns:v="urn:schemas-microsoft-com:vml"\r\n xmlns:o="urn:schemas-microsoft-com:office:office"\r\n xmlns:x="urn:schemas-microsoft-com:office:excel">\r\n' +
      ` <o:shapelayout v:ext="edit">\r\n  <o:idmap v:ext="edit" data="${n}"/>\r\n </o:shapelayout>` +
      '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"\r\n  path="m,l,21600r21600,l21600,xe">\r\n  <v:stroke joinstyle="miter"/>\r\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\r\n </v:shapetype>' +
      shapes +
      '</xml>',
  );
  sheet.rel(REL.comments, `../comments${n}.xml`);
  sheet.add('legacyDrawing', `<legacyDrawing r:id="${sheet.rel(REL.vmlDrawing, `../drawings/vmlDrawing${n}.vml`)}"/>`);
}

const LABEL_ID = '{3A1B7C2D-9E4F-4A5B-8C6D-7E8F9A0B1C2D}';
const SITE_ID = '{D0F1E2C3-B4A5-4968-8776-A5B4C3D2E1F0}';

/** Ten user columns after Indikatorer's contract columns (O … X). */
const USER_COLUMNS = ['O', 'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X'];

export const FEATURES: Record<string, Feature> = Object.fromEntries(
  [
    f('chartUnderlag', 'a chart on the user sheet Underlag', (wb) => {
      addChart(wb, wb.sheet('Underlag'), {
        title: 'Kostnad',
        titleRef: 'Underlag!$B$1',
        catRef: 'Underlag!$A$2:$A$7',
        cats: MONTHS,
        valRef: 'Underlag!$B$2:$B$7',
        vals: UNDERLAG_COSTS,
        at: [4, 1],
      });
    }),
    f('chartIndikatorer', 'a chart on the contract sheet Indikatorer', (wb) => {
      addChart(wb, wb.sheet('Indikatorer'), {
        title: 'Periodens utfall',
        titleRef: 'Indikatorer!$F$1',
        catRef: 'Indikatorer!$B$2:$B$3',
        cats: ['Andel A', 'Antal B'],
        valRef: 'Indikatorer!$F$2:$F$3',
        vals: [0.5, 25],
        at: [1, 6],
      });
    }),
    f('pivotTable', 'a pivot table (cache definition, records, table) over Underlag', (wb) => {
      const sheet = wb.addSheet('Pivot');
      sheet.text('A3', 'Radetiketter', STYLE.normal).text('B3', 'Summa av Kostnad');
      const sorted = MONTHS.map((m, i) => [m, UNDERLAG_COSTS[i]!] as const).sort((a, b) => a[0].localeCompare(b[0], 'sv'));
      sorted.forEach(([m, v], i) => sheet.text(`A${4 + i}`, m).num(`B${4 + i}`, v));
      sheet.text('A10', 'Totalsumma').num(
        'B10',
        UNDERLAG_COSTS.reduce((a, b) => a + b, 0),
      );
      sheet.cols = [
        '<col min="1" max="1" width="15.42578125" bestFit="1" customWidth="1"/>',
        '<col min="2" max="2" width="17.140625" bestFit="1" customWidth="1"/>',
      ];
      const cacheRel = wb.workbookRel(REL.pivotCacheDefinition, 'pivotCache/pivotCacheDefinition1.xml');
      wb.pivotCaches.push(`<pivotCache cacheId="3" r:id="${cacheRel}"/>`);
      wb.addPart(
        'xl/pivotCache/pivotCacheDefinition1.xml',
        `<pivotCacheDefinition xmlns="${NS.main}" xmlns:r="${NS.r}" xmlns:mc="${NS.mc}" mc:Ignorable="xr" xmlns:xr="${NS.xr}" r:id="rId1" refreshedBy="Anna Andersson" refreshedDate="43728.552858796297" createdVersion="6" refreshedVersion="6" minRefreshableVersion="3" recordCount="6" xr:uid="${guid()}">` +
          '<cacheSource type="worksheet"><worksheetSource ref="A1:C7" sheet="Underlag"/></cacheSource><cacheFields count="3">' +
          `<cacheField name="Månad" numFmtId="0"><sharedItems count="6">${MONTHS.map((m) => `<s v="${m}"/>`).join('')}</sharedItems></cacheField>` +
          `<cacheField name="Kostnad" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" minValue="300" maxValue="412"/></cacheField>` +
          '<cacheField name="Intäkt" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="40" maxValue="70"/></cacheField>' +
          '</cacheFields><extLst><ext uri="{725AE2AE-9491-48be-B2B4-4EB974FC3084}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:pivotCacheDefinition/></ext></extLst></pivotCacheDefinition>',
        CT.pivotCacheDefinition,
      );
      wb.addPart(
        'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels',
        relsXml([{ id: 'rId1', type: REL.pivotCacheRecords, target: 'pivotCacheRecords1.xml' }]),
      );
      wb.addPart(
        'xl/pivotCache/pivotCacheRecords1.xml',
        `<pivotCacheRecords xmlns="${NS.main}" xmlns:r="${NS.r}" count="6">${MONTHS.map((_, i) => `<r><x v="${i}"/><n v="${UNDERLAG_COSTS[i]}"/><n v="${UNDERLAG_INCOME[i]}"/></r>`).join('')}</pivotCacheRecords>`,
        CT.pivotCacheRecords,
      );
      const order = sorted.map(([m]) => MONTHS.indexOf(m));
      wb.addPart(
        'xl/pivotTables/pivotTable1.xml',
        `<pivotTableDefinition xmlns="${NS.main}" xmlns:mc="${NS.mc}" mc:Ignorable="xr" xmlns:xr="${NS.xr}" name="Pivottabell1" cacheId="3" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1"` +
          ` dataCaption="Värden" updatedVersion="6" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="6" indent="0" outline="1" outlineData="1"` +
          ` multipleFieldFilters="0" xr:uid="${guid()}">` +
          '<location ref="A3:B10" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="3">' +
          `<pivotField axis="axisRow" showAll="0"><items count="7">${order.map((x) => `<item x="${x}"/>`).join('')}<item t="default"/></items></pivotField>` +
          '<pivotField dataField="1" showAll="0"/><pivotField showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields>' +
          `<rowItems count="7">${order.map((_, i) => (i ? `<i><x v="${i}"/></i>` : '<i><x/></i>')).join('')}<i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems>` +
          '<dataFields count="1"><dataField name="Summa av Kostnad" fld="1" baseField="0" baseItem="0"/></dataFields>' +
          '<pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>',
        CT.pivotTable,
      );
      wb.addPart(
        'xl/pivotTables/_rels/pivotTable1.xml.rels',
        relsXml([{ id: 'rId1', type: REL.pivotCacheDefinition, target: '../pivotCache/pivotCacheDefinition1.xml' }]),
      );
      sheet.rel(REL.pivotTable, '../pivotTables/pivotTable1.xml');
    }),
    f('threadedComments', 'threaded comments with persons (and the legacy notes Excel writes beside them) on Indikatorer', (wb) => {
      const ind = wb.sheet('Indikatorer');
      const anna = guid();
      const bertil = guid();
      const first = guid();
      const reply = guid();
      wb.addPart(
        'xl/persons/person.xml',
        '<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
          `<person displayName="Anna Andersson" id="${anna}" userId="anna.andersson@stockholm.se" providerId="AD"/>` +
          `<person displayName="Bertil Berg" id="${bertil}" userId="bertil.berg@stockholm.se" providerId="AD"/></personList>`,
        CT.person,
      );
      wb.workbookRel(REL.person, 'persons/person.xml');
      const tc = wb.next('threadedComment');
      wb.addPart(
        `xl/threadedComments/threadedComment${tc}.xml`,
        '<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
          `<threadedComment ref="F2" dT="2019-09-18T09:12:44.37" personId="${anna}" id="${first}"><text>Kolla utfallet mot förra året.</text></threadedComment>` +
          `<threadedComment ref="F2" dT="2019-09-19T14:03:10.51" personId="${bertil}" id="${reply}" parentId="${first}"><text>Stämmer, siffran är uppdaterad.</text></threadedComment>` +
          '</ThreadedComments>',
        CT.threadedComments,
      );
      addLegacyComments(wb, ind, [
        {
          ref: 'F2',
          author: `tc=${first}`,
          text: '[Trådad kommentar]\n\nDin version av Excel låter dig läsa den här trådade kommentaren, men ändringar i den tas bort om filen öppnas i en nyare version av Excel. Läs mer: https://go.microsoft.com/fwlink/?linkid=870924\n\nKommentar:\n    Kolla utfallet mot förra året.\nSvar:\n    Stämmer, siffran är uppdaterad.',
        },
      ]);
      ind.rel(REL.threadedComment, `../threadedComments/threadedComment${tc}.xml`);
    }),
    f('textBox', 'a text box with typed text on Dokument', (wb) => {
      const sp =
        '<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" name="textruta 1">' +
        CREATION_ID(guid()) +
        '</xdr:cNvPr><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="4572000" y="190500"/><a:ext cx="2743200" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>' +
        '<a:solidFill><a:schemeClr val="lt1"/></a:solidFill><a:ln w="9525" cmpd="sng"><a:solidFill><a:schemeClr val="lt1"><a:shade val="50000"/></a:schemeClr></a:solidFill></a:ln></xdr:spPr>' +
        '<xdr:style><a:lnRef idx="0"><a:scrgbClr r="0" g="0" b="0"/></a:lnRef><a:fillRef idx="0"><a:scrgbClr r="0" g="0" b="0"/></a:fillRef><a:effectRef idx="0"><a:scrgbClr r="0" g="0" b="0"/></a:effectRef><a:fontRef idx="minor"><a:schemeClr val="dk1"/></a:fontRef></xdr:style>' +
        '<xdr:txBody><a:bodyPr vertOverflow="clip" horzOverflow="clip" wrap="square" rtlCol="0" anchor="t"/><a:lstStyle/>' +
        '<a:p><a:r><a:rPr lang="sv-SE" sz="1100" b="1"/><a:t>Att göra:</a:t></a:r></a:p><a:p><a:r><a:rPr lang="sv-SE" sz="1100"/><a:t>Stäm av Datum med nämndsekreteraren innan utskick.</a:t></a:r></a:p></xdr:txBody></xdr:sp>';
      drawingFor(wb, wb.sheet('Dokument'), anchor(3, 1, 7, 6, sp), []);
    }),
    f('sparklines', 'sparklines (x14 extLst) in a user column of Indikatorer', (wb) => {
      const ind = wb.sheet('Indikatorer');
      ind.text('O1', 'Trend', STYLE.header);
      ind.ext.push(
        `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="${NS.x14}"><x14:sparklineGroups xmlns:xm="${NS.xm}">` +
          `<x14:sparklineGroup displayEmptyCellsAs="gap" markers="1" xr2:uid="${guid()}"><x14:colorSeries theme="4" tint="-0.499984740745262"/><x14:colorNegative theme="5"/>` +
          `<x14:colorAxis rgb="FF000000"/><x14:colorMarkers theme="4" tint="-0.499984740745262"/><x14:colorFirst theme="4" tint="0.39997558519241921"/><x14:colorLast theme="4" tint="0.39997558519241921"/>` +
          `<x14:colorHigh theme="4"/><x14:colorLow theme="4"/>` +
          '<x14:sparklines>' +
          [2, 3, 4].map((r) => `<x14:sparkline><xm:f>Indikatorer!F${r}:J${r}</xm:f><xm:sqref>O${r}</xm:sqref></x14:sparkline>`).join('') +
          '</x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext>',
      );
    }),
    f('ignoredErrors', 'ignoredErrors (numbers stored as text) on Mål and Underlag', (wb) => {
      wb.sheet('Mål').row('A6', ['3', 'Nämndmål', 'KF1', 'Trygg skolväg', 'Uppfylls helt']);
      wb.sheet('Mål').add('ignoredErrors', '<ignoredErrors><ignoredError sqref="A6" numberStoredAsText="1"/></ignoredErrors>');
      wb.sheet('Underlag').text('A8', '2019').add('ignoredErrors', '<ignoredErrors><ignoredError sqref="A8" numberStoredAsText="1"/></ignoredErrors>');
    }),
    f('x14Validations', 'Excel 2010 (x14) dropdowns pointing at another sheet: a user column of Indikatorer and a column of Underlag', (wb) => {
      const ind = wb.sheet('Indikatorer');
      ind.text('O1', 'Ansvarig månad', STYLE.header).text('O2', 'mars');
      const x14dv = (sqref: string, source: string) =>
        `<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${NS.x14}"><x14:dataValidations count="1" xmlns:xm="${NS.xm}">` +
        `<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" xr:uid="${guid()}"><x14:formula1><xm:f>${source}</xm:f></x14:formula1><xm:sqref>${sqref}</xm:sqref></x14:dataValidation>` +
        '</x14:dataValidations></ext>';
      ind.ext.push(x14dv('O2:O50', 'Underlag!$A$2:$A$7'));
      const und = wb.sheet('Underlag');
      und.text('E1', 'Mål-id', STYLE.header).text('E2', 'N1');
      und.ext.push(x14dv('E2:E20', 'Mål!$A$2:$A$5'));
    }),
    f('internalHyperlinks', 'internal hyperlinks with tooltips (location=) on Indikatorer and Underlag', (wb) => {
      const ind = wb.sheet('Indikatorer');
      ind.text('O1', 'Källa', STYLE.header).text('O2', 'Underlag');
      ind.add(
        'hyperlinks',
        `<hyperlinks><hyperlink ref="O2" location="Underlag!A1" tooltip="Gå till underlaget för indikatorn" display="Underlag" xr:uid="${guid()}"/></hyperlinks>`,
      );
      const und = wb.sheet('Underlag');
      und.text('A11', 'Tillbaka till indikatorerna');
      und.add(
        'hyperlinks',
        `<hyperlinks><hyperlink ref="A11" location="'Indikatorer'!A1" tooltip="Indikatorerna" display="Tillbaka till indikatorerna" xr:uid="${guid()}"/></hyperlinks>`,
      );
    }),
    f('externalLink', 'an external link part and a formula [1]Blad1!A1 in Driftbudget', (wb) => {
      const rel = wb.workbookRel(REL.externalLink, 'externalLinks/externalLink1.xml');
      wb.externalReferences.push(rel);
      wb.addPart(
        'xl/externalLinks/externalLink1.xml',
        `<externalLink xmlns="${NS.main}" xmlns:mc="${NS.mc}" mc:Ignorable="x14" xmlns:x14="${NS.x14}"><externalBook xmlns:r="${NS.r}" r:id="rId1"><sheetNames><sheetName val="Blad1"/></sheetNames>` +
          '<sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>42</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>',
        CT.externalLink,
      );
      wb.addPart(
        'xl/externalLinks/_rels/externalLink1.xml.rels',
        relsXml([{ id: 'rId1', type: REL.externalLinkPath, target: 'Budgetunderlag%202019.xlsx', external: true }]),
      );
      const d = wb.sheet('Driftbudget');
      d.text('J1', 'Från budgetfilen', STYLE.header).formula('J2', '[1]Blad1!A1', 42);
    }),
    f('dynamicArray', 'a dynamic-array formula (xl/metadata.xml, cm="1", _xlfn.UNIQUE) in a user column of Indikatorer', (wb) => {
      wb.workbookRel(REL.sheetMetadata, 'metadata.xml');
      wb.addPart(
        'xl/metadata.xml',
        `<metadata xmlns="${NS.main}" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>` +
          '<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>' +
          '<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>',
        CT.sheetMetadata,
      );
      const ind = wb.sheet('Indikatorer');
      ind.text('O1', 'Unika mål-id', STYLE.header);
      ind.put('<c r="O2" t="str" cm="1"><f t="array" ref="O2:O3">_xlfn.UNIQUE(A2:A4)</f><v>KF1</v></c>');
      ind.put('<c r="O3" t="str"><v>N1</v></c>');
    }),
    f('excelTable', 'an Excel table with a calculated column on Underlag', (wb) => {
      const und = wb.sheet('Underlag');
      und.text('D1', 'Netto', STYLE.header);
      const formula = 'Tabell1[[#This Row],[Kostnad]]-Tabell1[[#This Row],[Intäkt]]';
      MONTHS.forEach((_, i) => und.formula(`D${i + 2}`, formula, UNDERLAG_COSTS[i]! - UNDERLAG_INCOME[i]!));
      wb.addPart(
        'xl/tables/table1.xml',
        `<table xmlns="${NS.main}" xmlns:mc="${NS.mc}" mc:Ignorable="xr xr3" xmlns:xr="${NS.xr}" xmlns:xr3="${NS.xr3}" id="1" xr:uid="${guid()}" name="Tabell1" displayName="Tabell1" ref="A1:D7" totalsRowShown="0">` +
          `<autoFilter ref="A1:D7" xr:uid="${guid()}"/><tableColumns count="4">` +
          `<tableColumn id="1" xr3:uid="${guid()}" name="Månad"/><tableColumn id="2" xr3:uid="${guid()}" name="Kostnad"/><tableColumn id="3" xr3:uid="${guid()}" name="Intäkt"/>` +
          `<tableColumn id="4" xr3:uid="${guid()}" name="Netto"><calculatedColumnFormula>${esc(formula)}</calculatedColumnFormula></tableColumn></tableColumns>` +
          '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>',
        CT.table,
      );
      und.add('tableParts', `<tableParts count="1"><tablePart r:id="${und.rel(REL.table, '../tables/table1.xml')}"/></tableParts>`);
    }),
    f('protectedRanges', 'protectedRanges (allow-edit ranges) on Driftbudget', (wb) => {
      wb.sheet('Driftbudget').add(
        'protectedRanges',
        `<protectedRanges><protectedRange algorithmName="SHA-512" hashValue="${hash('ekonomi')}" saltValue="${salt('ekonomi')}" spinCount="100000" sqref="C2:E4" name="Ekonomi"/><protectedRange sqref="I2:I20" name="Analyser"/></protectedRanges>`,
      );
    }),
    f('structureLockedComplete', 'workbook structure protection on a workbook that needs no new sheet', (wb) => {
      addAllPlanrapportSheets(wb);
      wb.workbookProtection = WORKBOOK_PROTECTION;
    }),
    f('structureLockedNeedsSheet', 'workbook structure protection where the template would have to add sheets', (wb) => {
      wb.workbookProtection = WORKBOOK_PROTECTION;
    }),
    f('userSheetProtection', 'sheet protection on the user sheet Underlag', (wb) => {
      wb.sheet('Underlag').add(
        'sheetProtection',
        `<sheetProtection algorithmName="SHA-512" hashValue="${hash('underlag')}" saltValue="${salt('underlag')}" spinCount="100000" sheet="1" objects="1" scenarios="1" formatColumns="0"/>`,
      );
    }),
    f('namedCellStyles', 'named cell styles (a built-in Bra and a custom Egen rubrik) used on Underlag and Mål', (wb) => {
      const st = wb.styles;
      st.fonts.push('<font><sz val="11"/><color rgb="FF006100"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>');
      st.fonts.push('<font><b/><sz val="14"/><color theme="3"/><name val="Calibri Light"/><family val="2"/><scheme val="major"/></font>');
      st.fills.push('<fill><patternFill patternType="solid"><fgColor rgb="FFC6EFCE"/></patternFill></fill>');
      st.borders.push('<border><left/><right/><top/><bottom style="thick"><color theme="4"/></bottom><diagonal/></border>');
      st.cellStyleXfs.push(
        '<xf numFmtId="0" fontId="2" fillId="3" borderId="0" applyNumberFormat="0" applyBorder="0" applyAlignment="0" applyProtection="0"/>',
      );
      st.cellStyleXfs.push('<xf numFmtId="0" fontId="3" fillId="0" borderId="1" applyNumberFormat="0" applyFill="0" applyAlignment="0" applyProtection="0"/>');
      st.cellXfs.push('<xf numFmtId="0" fontId="2" fillId="3" borderId="0" xfId="1"/>');
      st.cellXfs.push('<xf numFmtId="0" fontId="3" fillId="0" borderId="1" xfId="2"/>');
      st.cellStyles = [
        '<cellStyle name="Bra" xfId="1" builtinId="26"/>',
        '<cellStyle name="Egen rubrik" xfId="2" customBuiltin="0"/>',
        '<cellStyle name="Normal" xfId="0" builtinId="0"/>',
      ];
      const bra = st.cellXfs.length - 2;
      const rubrik = st.cellXfs.length - 1;
      const und = wb.sheet('Underlag');
      und.text('A13', 'Sammanställning', rubrik).text('B13', 'Godkänd', bra);
      wb.sheet('Mål').text('E3', 'Uppfylls helt', bra);
    }),
    f('pageBreaks', 'manual page breaks (rowBreaks, colBreaks) on Driftbudget', (wb) => {
      wb.sheet('Driftbudget')
        .add('rowBreaks', '<rowBreaks count="1" manualBreakCount="1"><brk id="4" max="16383" man="1"/></rowBreaks>')
        .add('colBreaks', '<colBreaks count="1" manualBreakCount="1"><brk id="5" max="1048575" man="1"/></colBreaks>');
    }),
    f('autoFilterCriteria', 'an autoFilter with filterColumn criteria (a hidden row) on Indikatorer', (wb) => {
      const ind = wb.sheet('Indikatorer');
      ind.add(
        'autoFilter',
        `<autoFilter ref="A1:N4" xr:uid="${guid()}"><filterColumn colId="4"><filters><filter val="Tertial"/></filters></filterColumn></autoFilter>`,
      );
      ind.rowAttrs.set(4, ' hidden="1"');
      wb.addName(`<definedName name="_xlnm._FilterDatabase" localSheetId="${wb.sheets.indexOf(ind)}" hidden="1">Indikatorer!$A$1:$N$4</definedName>`);
    }),
    f('sensitivityLabel', 'a sensitivity label (docMetadata/LabelInfo.xml) and custom properties (docProps/custom.xml)', (wb) => {
      wb.addPart(
        'docMetadata/LabelInfo.xml',
        `<clbl:labelList xmlns:clbl="http://schemas.microsoft.com/office/2020/mipLabelMetadata"><clbl:label id="${LABEL_ID}" enabled="1" method="Standard" siteId="${SITE_ID}" removed="0"/></clbl:labelList>`,
        CT.labelInfo,
      );
      wb.rootRels.push({ id: 'rId5', type: REL.classificationLabels, target: 'docMetadata/LabelInfo.xml' });
      const label = LABEL_ID.slice(1, -1).toLowerCase();
      const prop = (pid: number, name: string, value: string) =>
        `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${pid}" name="${name}"><vt:lpwstr>${esc(value)}</vt:lpwstr></property>`;
      wb.addPart(
        'docProps/custom.xml',
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
          prop(2, `MSIP_Label_${label}_Enabled`, 'true') +
          prop(3, `MSIP_Label_${label}_SetDate`, '2019-09-20T13:02:40Z') +
          prop(4, `MSIP_Label_${label}_Method`, 'Standard') +
          prop(5, `MSIP_Label_${label}_Name`, 'Intern') +
          prop(6, `MSIP_Label_${label}_SiteId`, SITE_ID.slice(1, -1).toLowerCase()) +
          prop(7, 'Diarienummer', 'HLSDN 2019/1234') +
          '</Properties>',
        CT.custom,
      );
      wb.rootRels.push({ id: 'rId4', type: REL.customProps, target: 'docProps/custom.xml' });
    }),
    f('definedNames', 'defined names: a constant Moms, a formula name Dyn (OFFSET) and a cell =SUM(Dyn)*(1+Moms) with its cached value', (wb) => {
      wb.addName('<definedName name="Moms">0.25</definedName>');
      wb.addName('<definedName name="Dyn">OFFSET(Underlag!$B$2,0,0,COUNT(Underlag!$B:$B),1)</definedName>');
      wb.addName('<definedName name="Mål_för_året" comment="Nämndens mål">Mål!$D$2:$D$5</definedName>');
      const und = wb.sheet('Underlag');
      und.text('F1', 'Med moms', STYLE.header).formula('F2', 'SUM(Dyn)*(1+Moms)', 2671.875);
    }),
    f('validationCellBounds', 'a validation whose lower bound refers to a cell ($H$1) on Underlag', (wb) => {
      const und = wb.sheet('Underlag');
      und.text('G1', 'Golv').num('H1', 0);
      und.add(
        'dataValidations',
        `<dataValidations count="1"><dataValidation type="decimal" operator="between" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="Fel belopp" error="Beloppet ska ligga mellan golvet i H1 och 100 000." sqref="B2:C20" xr:uid="${guid()}"><formula1>$H$1</formula1><formula2>100000</formula2></dataValidation></dataValidations>`,
      );
    }),
    f('validationWholeColumnR', 'a user list validation with sqref R:R on Indikatorer', (wb) => {
      const ind = wb.sheet('Indikatorer');
      ind.text('R1', 'Klar', STYLE.header).text('R2', 'Ja');
      ind.add(
        'dataValidations',
        `<dataValidations count="1"><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="R:R" xr:uid="${guid()}"><formula1>"Ja,Nej"</formula1></dataValidation></dataValidations>`,
      );
    }),
    f('sheetViews', 'frozen panes, zoom and hidden gridlines on the contract sheets', (wb) => {
      const ind = wb.sheet('Indikatorer');
      ind.viewAttrs = ' showGridLines="0" zoomScale="85" zoomScaleNormal="85"';
      ind.viewInner =
        '<pane xSplit="2" ySplit="1" topLeftCell="C2" activePane="bottomRight" state="frozen"/><selection pane="topRight" activeCell="C1" sqref="C1"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/><selection pane="bottomRight" activeCell="F3" sqref="F3"/>';
      const drift = wb.sheet('Driftbudget');
      drift.viewAttrs = ' showGridLines="0" zoomScale="120" zoomScaleNormal="120"';
      drift.viewInner = '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="D3" sqref="D3"/>';
      const mal = wb.sheet('Mål');
      mal.viewAttrs = ' zoomScale="90" zoomScaleNormal="90"';
      mal.viewInner = '<pane xSplit="1" topLeftCell="B1" activePane="topRight" state="frozen"/><selection pane="topRight" activeCell="D2" sqref="D2"/>';
    }),
    f('userListorSheet', 'a visible user sheet named "Listor" with 5 typed values (and a user dropdown using it)', (wb) => {
      const listor = wb.addSheet('Listor');
      ['Anna Andersson', 'Bertil Berg', 'Cecilia Carlsson', 'David Dahl', 'Eva Ek'].forEach((name, i) => listor.text(`A${i + 1}`, name));
      const und = wb.sheet('Underlag');
      und.text('E1', 'Ansvarig', STYLE.header).text('E2', 'Eva Ek');
      und.add(
        'dataValidations',
        `<dataValidations count="1"><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="E2:E20" xr:uid="${guid()}"><formula1>Listor!$A$1:$A$5</formula1></dataValidation></dataValidations>`,
      );
    }),
    f('verticalTab', 'a Shift+Enter-style line break stored as _x000B_ in a Texter text', (wb) => {
      wb.sheet('Texter').text('A6', 'Övrigt').text('B6', 'Första raden\u000Bandra raden', STYLE.wrap);
    }),
    f('carriageReturn', 'a CR LF line break (_x000D_ + newline) in a Texter text', (wb) => {
      wb.sheet('Texter').text('A6', 'Övrigt').text('B6', 'Första stycket.\r\nAndra stycket.', STYLE.wrap);
    }),
    f('escapedEscape', 'a literal _x0041_ in a Texter text (stored _x005F_x0041_)', (wb) => {
      wb.sheet('Texter').text('A6', 'Övrigt').text('B6', 'Koden _x0041_ står kvar som den är.', STYLE.wrap);
    }),
    f('isoDateDokument', 'an ISO-dated cell (t="d") in Dokument\'s Datum', (wb) => {
      wb.sheet('Dokument').put(`<c r="B9" s="${STYLE.date}" t="d"><v>2019-09-26T00:00:00</v></c>`);
    }),
    f('isoDateAktiviteter', 'ISO-dated cells (t="d") in Aktiviteter', (wb) => {
      const akt = wb.sheet('Aktiviteter');
      akt.put(`<c r="C2" s="${STYLE.date}" t="d"><v>2019-01-01T00:00:00</v></c>`).put(`<c r="D2" s="${STYLE.date}" t="d"><v>2019-12-31T00:00:00</v></c>`);
      akt.put(`<c r="D3" s="${STYLE.date}" t="d"><v>2019-06-30</v></c>`);
    }),
    f('inlineStrings', 'inline strings (t="inlineStr") in Texter, Mål and Underlag', (wb) => {
      wb.sheet('Texter')
        .put('<c r="A6" t="inlineStr"><is><t>Övrigt</t></is></c>')
        .put(`<c r="B6" s="${STYLE.wrap}" t="inlineStr"><is><t xml:space="preserve">Text skriven av ett annat verktyg. </t></is></c>`);
      wb.sheet('Mål').put('<c r="F5" t="inlineStr"><is><r><rPr><b/></rPr><t>Stöd</t></r><r><t xml:space="preserve"> till unga.</t></r></is></c>');
      wb.sheet('Underlag').put('<c r="A12" t="inlineStr"><is><t>Inline</t></is></c>');
    }),
    f('booleans', 'boolean cells (t="b") in a user column of Indikatorer and on Underlag', (wb) => {
      const ind = wb.sheet('Indikatorer');
      ind.text('O1', 'Granskad', STYLE.header).put('<c r="O2" t="b"><v>1</v></c>').put('<c r="O3" t="b"><v>0</v></c>');
      wb.sheet('Underlag').put('<c r="D2" t="b"><v>1</v></c>');
    }),
    f('errorCells', 'error cells (a #DIV/0! formula and a #N/A constant) in a user column of Driftbudget', (wb) => {
      const d = wb.sheet('Driftbudget');
      d.text('J1', 'Kvot', STYLE.header);
      d.put('<c r="J2" t="e"><f>D2/G2</f><v>#DIV/0!</v></c>').put('<c r="J3" t="e"><v>#N/A</v></c>');
      wb.sheet('Underlag').put('<c r="D3" t="e"><f>NA()</f><v>#N/A</v></c>');
    }),
    f('sharedFormulas', 'shared formulas (<f t="shared" ref si>) in a user column of Driftbudget and on Underlag', (wb) => {
      const d = wb.sheet('Driftbudget');
      d.text('J1', 'Budget tkr', STYLE.header);
      d.put('<c r="J2"><f t="shared" ref="J2:J4" si="0">D2*1000</f><v>20000</v></c>')
        .put('<c r="J3"><f t="shared" si="0"/><v>10000</v></c>')
        .put('<c r="J4"><f t="shared" si="0"/><v>8000</v></c>');
      const u = wb.sheet('Underlag');
      u.put('<c r="D2"><f t="shared" ref="D2:D7" si="0">B2-C2</f><v>250</v></c>');
      for (let r = 3; r <= 7; r++) u.put(`<c r="D${r}"><f t="shared" si="0"/><v>${UNDERLAG_COSTS[r - 2]! - UNDERLAG_INCOME[r - 2]!}</v></c>`);
    }),
    f('arrayFormula', 'an array (CSE) formula in a user column of Driftbudget', (wb) => {
      const d = wb.sheet('Driftbudget');
      d.text('J1', 'Kontroll', STYLE.header);
      d.put('<c r="J2"><f t="array" ref="J2">SUM(D2:D4-E2:E4)</f><v>2</v></c>');
      wb.sheet('Underlag').put('<c r="E2"><f t="array" ref="E2:E3">TRANSPOSE(B2:C2)</f><v>300</v></c>').put('<c r="E3"><v>50</v></c>');
    }),
    f('legacyComments', 'notes (legacy comments with VML) on Mål and Dokument', (wb) => {
      addLegacyComments(wb, wb.sheet('Mål'), [{ ref: 'E3', author: 'Anna Andersson', text: 'Bedömningen är preliminär.' }]);
      addLegacyComments(wb, wb.sheet('Dokument'), [
        { ref: 'B5', author: 'Anna Andersson', text: 'Kontrollera namnet.' },
        { ref: 'B9', author: 'Bertil Berg', text: 'Nämndens sammanträde.' },
      ]);
    }),
    f('mergedCells', 'merged cells on Underlag', (wb) => {
      wb.sheet('Underlag')
        .add('mergeCells', '<mergeCells count="2"><mergeCell ref="A9:D9"/><mergeCell ref="E1:F2"/></mergeCells>')
        .text('E1', 'Sammanslagen rubrik');
    }),
    f('image', 'a picture (xl/media/image1.png) on Texter', (wb) => {
      wb.addPart('xl/media/image1.png', PNG);
      const pic =
        `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Bild 1">${CREATION_ID(guid())}</xdr:cNvPr><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
        `<xdr:blipFill><a:blip xmlns:r="${NS.r}" r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
        '<xdr:spPr><a:xfrm><a:off x="7620000" y="190500"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>';
      drawingFor(wb, wb.sheet('Texter'), anchor(3, 1, 5, 6, pic, 'oneCell'), [{ id: 'rId1', type: REL.image, target: '../media/image1.png' }]);
    }),
    f('printSettings', 'print settings on Driftbudget: pageSetup with printer settings, headerFooter, printOptions, print area and titles', (wb) => {
      const d = wb.sheet('Driftbudget');
      wb.addPart('xl/printerSettings/printerSettings1.bin', Buffer.concat([Buffer.from('Microsoft Print to PDF\u0000', 'utf16le'), Buffer.alloc(160, 1)]));
      d.sheetPr = '<pageSetUpPr fitToPage="1"/>';
      d.add('printOptions', '<printOptions horizontalCentered="1" gridLines="1"/>');
      d.add(
        'pageMargins',
        '<pageMargins left="0.51181102362204722" right="0.51181102362204722" top="0.74803149606299213" bottom="0.74803149606299213" header="0.31496062992125984" footer="0.31496062992125984"/>',
      );
      d.add(
        'pageSetup',
        `<pageSetup paperSize="9" scale="87" fitToHeight="0" orientation="landscape" r:id="${d.rel(REL.printerSettings, '../printerSettings/printerSettings1.bin')}"/>`,
      );
      d.add(
        'headerFooter',
        '<headerFooter><oddHeader>&amp;L&amp;"-,Fet"Driftbudget&amp;RTertial 2 2019</oddHeader><oddFooter>&amp;CSida &amp;P av &amp;N</oddFooter></headerFooter>',
      );
      const i = wb.sheets.indexOf(d);
      wb.addName(`<definedName name="_xlnm.Print_Area" localSheetId="${i}">Driftbudget!$A$1:$I$5</definedName>`);
      wb.addName(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">Driftbudget!$1:$1</definedName>`);
    }),
    f('customSheetViews', 'a custom view (customWorkbookViews + customSheetView on every sheet)', (wb) => {
      const id = '{8A1F2C3D-4B5E-4F60-9A7B-8C9D0E1F2A3B}';
      wb.customWorkbookViews = `<customWorkbookViews><customWorkbookView name="Utskrift" guid="${id}" maximized="1" xWindow="-8" yWindow="-8" windowWidth="1936" windowHeight="1056" activeSheetId="4"/></customWorkbookViews>`;
      for (const s of wb.sheets) {
        s.add(
          'customSheetViews',
          `<customSheetViews><customSheetView guid="${id}" scale="85" showGridLines="0" fitToPage="1"><selection activeCell="A2" sqref="A2"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/></customSheetView></customSheetViews>`,
        );
      }
    }),
    f(
      'userFormatsAndValidations',
      "the user's own conditional formats (one x14 data bar) and validations, on Underlag and in a user column of Indikatorer",
      (wb) => {
        wb.styles.dxfs.push('<dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>');
        const und = wb.sheet('Underlag');
        const bar = guid();
        und.add(
          'conditionalFormatting',
          '<conditionalFormatting sqref="B2:B7"><cfRule type="cellIs" dxfId="0" priority="2" operator="greaterThan"><formula>400</formula></cfRule></conditionalFormatting>',
        );
        und.add(
          'conditionalFormatting',
          `<conditionalFormatting sqref="C2:C7"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar><extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="${NS.x14}"><x14:id>${bar}</x14:id></ext></extLst></cfRule></conditionalFormatting>`,
        );
        und.add(
          'dataValidations',
          `<dataValidations count="1"><dataValidation type="whole" operator="greaterThanOrEqual" allowBlank="1" showErrorMessage="1" sqref="B2:B7" xr:uid="${guid()}"><formula1>0</formula1></dataValidation></dataValidations>`,
        );
        und.ext.push(
          `<ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${NS.x14}"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="${NS.xm}"><x14:cfRule type="dataBar" id="${bar}">` +
            `<x14:dataBar minLength="0" maxLength="100" border="1" negativeBarBorderColorSameAsPositive="0"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:borderColor rgb="FF638EC6"/>` +
            `<x14:negativeFillColor rgb="FFFF0000"/><x14:negativeBorderColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>C2:C7</xm:sqref>` +
            `</x14:conditionalFormatting></x14:conditionalFormattings></ext>`,
        );
        const ind = wb.sheet('Indikatorer');
        ind.text('O1', 'Prioritet', STYLE.header).num('O2', 1).num('O3', 2);
        ind.add(
          'conditionalFormatting',
          '<conditionalFormatting sqref="O2:O50"><cfRule type="cellIs" dxfId="0" priority="1" operator="equal"><formula>1</formula></cfRule></conditionalFormatting>',
        );
        ind.add(
          'dataValidations',
          `<dataValidations count="1"><dataValidation type="whole" operator="between" allowBlank="1" showInputMessage="1" showErrorMessage="1" promptTitle="Prioritet" prompt="1 (högst) till 3" sqref="O2:O50" xr:uid="${guid()}"><formula1>1</formula1><formula2>3</formula2></dataValidation></dataValidations>`,
        );
      },
    ),
  ].map((x) => [x.id, x]),
);

const WORKBOOK_PROTECTION = `<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="${hash('arbetsbok')}" workbookSaltValue="${salt('arbetsbok')}" workbookSpinCount="100000" lockStructure="1"/>`;

/** Budget kostnadsslag, Budget verksamhet, Tabeller and Planrapport's hidden list sheet, as template would make them. */
function addAllPlanrapportSheets(wb: ExcelWorkbook): void {
  const kost = wb.addSheet(KOSTNADSSLAG.name);
  kost.row(
    'A1',
    KOSTNADSSLAG.columns.map((c) => c.header),
    STYLE.header,
  );
  const unit = wb.addSheet(VERKSAMHETSBUDGET.name);
  unit.row(
    'A1',
    VERKSAMHETSBUDGET.columns.map((c) => c.header),
    STYLE.header,
  );
  const tab = wb.addSheet(TABELLER.name);
  tab.row(
    'A1',
    TABELLER.columns.map((c) => c.header),
    STYLE.header,
  );
  const lists = wb.addSheet(LIST_SHEET);
  lists.state = 'hidden';
  LIST_ORDER.forEach((key, i) => {
    const list = LISTS[key];
    const col = columnLetter(i + 1);
    lists.text(`${col}1`, list.header, STYLE.header);
    list.values.forEach((v, j) => (typeof v === 'number' ? lists.num(`${col}${j + 2}`, v) : lists.text(`${col}${j + 2}`, v)));
  });
  // the columns Planrapport adds to Indikatorer already there
  wb.sheet('Indikatorer').row('O1', ['Flagga', 'Bedömning (förslag)', 'Kontroll'], STYLE.header);
  wb.sheet('Texter').text('C1', 'Överordnat avsnitt', STYLE.header);
  wb.sheet('Dokument').row('A10', ['Förvaltning', 'Hägersten-Liljeholmens stadsdelsförvaltning']).row('A11', ['Enhetschef', null]);
}

// ---------------------------------------------------------------------------------------
// Bounded cost: workbooks whose declared ranges are huge
// ---------------------------------------------------------------------------------------

export const BOUNDED_FEATURES: Record<string, Feature> = Object.fromEntries(
  [
    f('strayLastRowIndikatorer', 'a stray value in Indikatorer row 1048576', (wb) => {
      wb.sheet('Indikatorer').text('N1048576', 'glömd anteckning');
    }),
    f('strayLastRowDriftbudget', 'a stray value in Driftbudget row 1048576', (wb) => {
      wb.sheet('Driftbudget').text('I1048576', 'glömd anteckning');
    }),
    f('tenWholeColumnValidations', 'validations over ten whole columns of Indikatorer', (wb) => {
      const dvs = USER_COLUMNS.map(
        (c) =>
          `<dataValidation type="whole" operator="greaterThan" allowBlank="1" showErrorMessage="1" sqref="${c}1:${c}1048576" xr:uid="${guid()}"><formula1>0</formula1></dataValidation>`,
      );
      wb.sheet('Indikatorer').add('dataValidations', `<dataValidations count="${dvs.length}">${dvs.join('')}</dataValidations>`);
    }),
    f('wholeSheetValidation', 'a validation over the whole sheet (A1:XFD1048576) on Underlag', (wb) => {
      wb.sheet('Underlag').add(
        'dataValidations',
        `<dataValidations count="1"><dataValidation type="textLength" operator="lessThan" allowBlank="1" showErrorMessage="1" sqref="A1:XFD1048576" xr:uid="${guid()}"><formula1>256</formula1></dataValidation></dataValidations>`,
      );
    }),
    f('wholeSheetName', 'defined names over the whole sheet (Underlag!$1:$1048576 and Underlag!$A$1:$XFD$1048576)', (wb) => {
      wb.addName('<definedName name="Hela_underlaget">Underlag!$1:$1048576</definedName>');
      wb.addName('<definedName name="Hela_arket">Underlag!$A$1:$XFD$1048576</definedName>');
    }),
  ].map((x) => [x.id, x]),
);
