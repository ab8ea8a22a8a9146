/**
 * Checks that an .xlsx package lost nothing when Planrapport changed it (issue 7): give it
 * the package before and after `template`, get back every loss as a readable message.
 *
 * (a) every part of `before` is still there;
 * (b) parts Planrapport does not own are byte-identical (after decompression);
 * (c) in the parts it may change (workbook, its rels, content types, styles, shared strings,
 *     the worksheets of its own sheets) nothing that was there is lost: cells keep value,
 *     type and formula; names, sheet entries, relationships, content types and style entries
 *     stay; the user's validations, conditional formats, views and every other worksheet
 *     element stay;
 * (d) integrity: relationships resolve, every part has a content type, no reference past
 *     XFD1048576, no NaN/undefined/Infinity, well-formed XML, style and string indexes in range;
 * (e) optionally, the changed SpreadsheetML parts validate against the ECMA-376 schema
 *     (after markup compatibility is applied as Office applies it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { DOMParser, XMLSerializer, type Attr, type Document, type Element, type Node } from '@xmldom/xmldom';
import { LISTS, LIST_ORDER, LIST_SHEET, SHEETS, headerMatches } from '../../src/core/layout/layout';
import { columnIndex, columnLetter } from '../../src/core/cells/address';
import { findCommand, isCI } from './engines';

export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;
/** Parts larger than this are not parsed (a corpus workbook's parts are a few kB; this one blew up). */
export const MAX_PARSE_BYTES = 16_000_000;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const XM = 'http://schemas.microsoft.com/office/excel/2006/main';
const X14 = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

// ---------------------------------------------------------------------------------------
// XML
// ---------------------------------------------------------------------------------------

export interface ParsedXml {
  doc?: Document;
  errors: string[];
}

export function parseXml(text: string): ParsedXml {
  const errors: string[] = [];
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') errors.push(String(message).split('\n')[0]!);
      },
    }).parseFromString(text, 'text/xml');
    return { doc: errors.length ? undefined : doc, errors };
  } catch (e) {
    errors.push((e as Error).message.split('\n')[0]!);
    return { errors };
  }
}

export function elements(node: Node | null | undefined, local?: string, ns?: string): Element[] {
  const out: Element[] = [];
  for (let c = node?.firstChild ?? null; c; c = c.nextSibling) {
    if (c.nodeType !== 1) continue;
    const el = c as Element;
    if (local && el.localName !== local) continue;
    if (ns && el.namespaceURI !== ns) continue;
    out.push(el);
  }
  return out;
}

export function child(node: Node | null | undefined, local: string, ns?: string): Element | undefined {
  return elements(node, local, ns)[0];
}

export function descendants(root: Element | Document, local: string, ns = '*'): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, local));
}

function isXmlns(a: Attr): boolean {
  return a.name === 'xmlns' || a.name.startsWith('xmlns:');
}

export interface CanonOptions {
  /** Attributes to leave out of the comparison (by local name or {ns}local). */
  skipAttrs?: ReadonlySet<string>;
}

/**
 * A canonical text of a node for XML-equivalent comparison: namespace URIs instead of
 * prefixes, attributes sorted, namespace declarations and comments left out, whitespace
 * between elements ignored (text in elements without element children kept exactly).
 */
export function canon(node: Node, opts: CanonOptions = {}): string {
  if (node.nodeType === 3 || node.nodeType === 4) return escText(node.nodeValue ?? '');
  if (node.nodeType !== 1) return '';
  const el = node as Element;
  const attrs: string[] = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i)!;
    if (isXmlns(a)) continue;
    const local = a.localName ?? a.name;
    const key = a.namespaceURI ? `{${a.namespaceURI}}${local}` : local;
    if (opts.skipAttrs && (opts.skipAttrs.has(key) || opts.skipAttrs.has(local))) continue;
    // Office's revision ids and layout hints (xr:uid, x14ac:dyDescent …) and mc:Ignorable carry no content
    if (a.namespaceURI && (a.namespaceURI.startsWith('http://schemas.microsoft.com/office/') || a.namespaceURI === MC)) continue;
    // xml:space="preserve" only matters where the text starts or ends with white space
    if (a.name === 'xml:space' && a.value === 'preserve' && !/^\s|\s$/.test(el.textContent ?? '')) continue;
    // an attribute written with its default value says nothing; true/false and 1/0 are the same
    const value = a.namespaceURI ? a.value : normalBool(a.value);
    if (!a.namespaceURI && defaultOf(el.localName ?? '', local) === value) continue;
    attrs.push(`${key}="${escText(value)}"`);
  }
  attrs.sort();
  const kids: Node[] = [];
  let hasElement = false;
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1) hasElement = true;
    if (c.nodeType === 1 || c.nodeType === 3 || c.nodeType === 4) kids.push(c);
  }
  const parts = kids.filter((c) => c.nodeType === 1 || !hasElement || (c.nodeValue ?? '').trim() !== '').map((c) => canon(c, opts));
  // run and font properties are an unordered choice in SpreadsheetML
  if (UNORDERED.has(el.localName ?? '') && el.namespaceURI === MAIN) parts.sort();
  const inner = parts.join('');
  return `<{${el.namespaceURI ?? ''}}${el.localName}${attrs.length ? ' ' + attrs.join(' ') : ''}>${inner}</>`;
}

/**
 * SpreadsheetML attributes with the default the schema gives them (so writing one with
 * that value, as LibreOffice does, changes nothing). Only names whose default is the same
 * wherever they occur; `element@attr` for the others.
 */
const ATTR_DEFAULTS: Record<string, string> = {
  ...Object.fromEntries(
    [
      'outlineLevelRow',
      'outlineLevelCol',
      'outlineLevel',
      'collapsed',
      'hidden',
      'customHeight',
      'zeroHeight',
      'thickTop',
      'thickBottom',
      'customFormat',
      'customWidth',
      'bestFit',
      'phonetic',
      'filterMode',
      'fitToPage',
      'headings',
      'gridLines',
      'horizontalCentered',
      'verticalCentered',
      'blackAndWhite',
      'draft',
      'differentFirst',
      'differentOddEven',
      'useFirstPageNumber',
      'showFormulas',
      'rightToLeft',
      'transitionEvaluation',
      'transitionEntry',
      'syncHorizontal',
      'syncVertical',
      'tabSelected',
      'windowProtection',
      'aca',
      'ca',
      'bx',
      'del1',
      'del2',
      'dt2D',
      'dtr',
    ].map((n) => [n, '0']),
  ),
  ...Object.fromEntries(
    [
      'gridLinesSet',
      'defaultGridColor',
      'showGridLines',
      'showZeros',
      'showRowColHeaders',
      'showOutlineSymbols',
      'published',
      'enableFormatConditionsCalculation',
      'autoPageBreaks',
      'summaryBelow',
      'summaryRight',
      'usePrinterDefaults',
      'scaleWithDoc',
      'alignWithMargins',
      'showRuler',
      'showWhiteSpace',
    ].map((n) => [n, '1']),
  ),
  pageOrder: 'downThenOver',
  orientation: 'default',
  cellComments: 'none',
  errors: 'displayed',
  view: 'normal',
  copies: '1',
  firstPageNumber: '1',
  fitToWidth: '1',
  fitToHeight: '1',
  paperSize: '1',
  horizontalDpi: '600',
  verticalDpi: '600',
  zoomScale: '100',
  zoomScaleNormal: '0',
  zoomScalePageLayoutView: '0',
  zoomScaleSheetLayoutView: '0',
  colorId: '64',
  'pageSetup@scale': '100',
  'dataValidation@operator': 'between',
  'dataValidation@type': 'none',
  'dataValidation@errorStyle': 'stop',
  'sheetView@workbookViewId': '',
  // run and font properties: <b/> is <b val="true"/>
  ...Object.fromEntries(['b', 'i', 'strike', 'condense', 'extend', 'outline', 'shadow'].map((e) => [`${e}@val`, '1'])),
};

function defaultOf(element: string, attr: string): string | undefined {
  return ATTR_DEFAULTS[`${element}@${attr}`] ?? ATTR_DEFAULTS[attr];
}

function normalBool(v: string): string {
  return v === 'true' ? '1' : v === 'false' ? '0' : v;
}
/** Elements whose children may come in any order (run and font properties; lists of ranges). */
const UNORDERED = new Set(['rPr', 'font', 'mergeCells', 'hyperlinks', 'protectedRanges', 'ignoredErrors', 'rowBreaks', 'colBreaks', 'customSheetViews']);

function escText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** A short, readable form of a node for messages. */
export function show(node: Node | undefined, max = 220): string {
  if (!node) return '(nothing)';
  const s = new XMLSerializer().serializeToString(node).replace(/\s+xmlns(:\w+)?="[^"]*"/g, '');
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

// ---------------------------------------------------------------------------------------
// The package
// ---------------------------------------------------------------------------------------

export interface PackageRel {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The target's part name (no leading slash), for internal relationships. */
  resolved?: string;
}

export interface SheetEntry {
  name: string;
  sheetId: string;
  rId: string;
  state: string;
  path?: string;
  element: Element;
}

export class XlsxPackage {
  private readonly parsed = new Map<string, ParsedXml>();

  private constructor(
    readonly files: Map<string, Buffer>,
    readonly zipErrors: string[],
  ) {}

  static async load(data: Buffer): Promise<XlsxPackage> {
    const errors: string[] = [];
    const files = new Map<string, Buffer>();
    const zip = await JSZip.loadAsync(data, { checkCRC32: true });
    for (const entry of Object.values(zip.files)) {
      if (entry.dir) continue;
      try {
        files.set(entry.name, await entry.async('nodebuffer'));
      } catch (e) {
        errors.push(`${entry.name}: ${(e as Error).message}`);
      }
    }
    return new XlsxPackage(files, errors);
  }

  get parts(): string[] {
    return [...this.files.keys()];
  }

  has(part: string): boolean {
    return this.files.has(part);
  }

  text(part: string): string | undefined {
    return this.files.get(part)?.toString('utf8');
  }

  xml(part: string): ParsedXml {
    let p = this.parsed.get(part);
    if (!p) {
      const size = this.files.get(part)?.length ?? 0;
      const text = size > MAX_PARSE_BYTES ? undefined : this.text(part);
      p =
        size > MAX_PARSE_BYTES
          ? { errors: [`${(size / 1e6).toFixed(0)} MB, too large to check`] }
          : text === undefined
            ? { errors: ['missing'] }
            : parseXml(text);
      this.parsed.set(part, p);
    }
    return p;
  }

  doc(part: string): Document | undefined {
    return this.xml(part).doc;
  }

  root(part: string): Element | undefined {
    return this.doc(part)?.documentElement ?? undefined;
  }

  /** The relationships of a part (`''` for the package). */
  rels(source: string): PackageRel[] {
    const relsPart = relsPartOf(source);
    const root = this.root(relsPart);
    if (!root) return [];
    return elements(root, 'Relationship').map((r) => {
      const external = r.getAttribute('TargetMode') === 'External';
      const target = r.getAttribute('Target') ?? '';
      return {
        id: r.getAttribute('Id') ?? '',
        type: r.getAttribute('Type') ?? '',
        target,
        external,
        resolved: external ? undefined : resolveTarget(source, target),
      };
    });
  }

  get workbookPath(): string {
    const rel = this.rels('').find((r) => r.type.endsWith('/officeDocument'));
    return rel?.resolved ?? 'xl/workbook.xml';
  }

  relTarget(source: string, typeSuffix: string): string | undefined {
    return this.rels(source).find((r) => r.type.endsWith(typeSuffix))?.resolved;
  }

  get stylesPath(): string | undefined {
    return this.relTarget(this.workbookPath, '/styles');
  }

  get sharedStringsPath(): string | undefined {
    return this.relTarget(this.workbookPath, '/sharedStrings');
  }

  sheets(): SheetEntry[] {
    const root = this.root(this.workbookPath);
    const rels = this.rels(this.workbookPath);
    return descendants(root!, 'sheet', MAIN).map((s) => {
      const rId = s.getAttributeNS(REL_NS, 'id') ?? '';
      return {
        name: s.getAttribute('name') ?? '',
        sheetId: s.getAttribute('sheetId') ?? '',
        rId,
        state: s.getAttribute('state') ?? 'visible',
        path: rels.find((r) => r.id === rId)?.resolved,
        element: s,
      };
    });
  }

  sheetPath(name: string): string | undefined {
    return this.sheets().find((s) => s.name === name)?.path;
  }

  private sst?: Element[];
  sharedStrings(): Element[] {
    if (!this.sst) {
      const p = this.sharedStringsPath;
      this.sst = p && this.root(p) ? elements(this.root(p), 'si', MAIN) : [];
    }
    return this.sst;
  }

  /** The plain text of a shared string (runs joined). */
  sharedText(i: number): string | undefined {
    const si = this.sharedStrings()[i];
    return si ? siText(si) : undefined;
  }

  /** The cells of a worksheet part by reference. */
  cells(part: string): Map<string, CellInfo> {
    const root = this.root(part);
    return root ? cellsOf(root) : new Map();
  }

  /** A cell's value as Planrapport would read it (shared strings resolved), for feature checks. */
  cell(sheet: string, ref: string): CellInfo | undefined {
    const p = this.sheetPath(sheet);
    return p ? this.cells(p).get(ref) : undefined;
  }

  cellText(sheet: string, ref: string): string | undefined {
    const c = this.cell(sheet, ref);
    if (!c) return undefined;
    if (c.t === 's') return this.sharedText(Number(c.v));
    if (c.t === 'inlineStr') return c.is ? siText(c.is) : '';
    return c.v;
  }

  /** A string cell's text as stored (before `_xHHHH_` is decoded). */
  storedText(sheet: string, ref: string): string | undefined {
    const c = this.cell(sheet, ref);
    const si = c?.t === 's' ? this.sharedStrings()[Number(c.v)] : c?.t === 'inlineStr' ? c.is : undefined;
    return si
      ? descendants(si, 't', MAIN)
          .map((t) => t.textContent ?? '')
          .join('')
      : undefined;
  }

  contentTypes(): { defaults: Map<string, string>; overrides: Map<string, string> } {
    const root = this.root('[Content_Types].xml');
    const defaults = new Map<string, string>();
    const overrides = new Map<string, string>();
    for (const d of elements(root, 'Default')) defaults.set((d.getAttribute('Extension') ?? '').toLowerCase(), d.getAttribute('ContentType') ?? '');
    for (const o of elements(root, 'Override'))
      overrides.set((o.getAttribute('PartName') ?? '').replace(/^\//, '').toLowerCase(), o.getAttribute('ContentType') ?? '');
    return { defaults, overrides };
  }

  contentType(part: string): string | undefined {
    const { defaults, overrides } = this.contentTypes();
    return overrides.get(part.toLowerCase()) ?? defaults.get(part.split('.').pop()!.toLowerCase());
  }

  definedNames(): Element[] {
    const root = this.root(this.workbookPath);
    return root ? descendants(root, 'definedName', MAIN) : [];
  }
}

/** The text of a shared or inline string as Excel reads it (runs joined, `_xHHHH_` decoded). */
export function siText(si: Element): string {
  return decodeExcelText(
    descendants(si, 't', MAIN)
      .filter((t) => (t.parentNode as Element | null)?.localName !== 'rPh')
      .map((t) => t.textContent ?? '')
      .join(''),
  );
}

/** Excel's `_xHHHH_` escapes: `_x000B_` is U+000B, `_x005F_x0041_` is the text `_x0041_`. */
export function decodeExcelText(stored: string): string {
  return stored.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function relsPartOf(source: string): string {
  if (source === '') return '_rels/.rels';
  const i = source.lastIndexOf('/');
  return `${source.slice(0, i + 1)}_rels/${source.slice(i + 1)}.rels`;
}

export function resolveTarget(source: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    /* keep as written */
  }
  if (t.startsWith('/')) return normalizePath(t.slice(1));
  const base = source.includes('/') ? source.slice(0, source.lastIndexOf('/') + 1) : '';
  return normalizePath(base + t);
}

function normalizePath(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

export interface CellInfo {
  ref: string;
  row: number;
  col: number;
  t: string;
  s: string;
  v?: string;
  f?: Element;
  is?: Element;
  el: Element;
}

function cellsOf(root: Element): Map<string, CellInfo> {
  const out = new Map<string, CellInfo>();
  const sheetData = child(root, 'sheetData', MAIN);
  let rowNo = 0;
  for (const row of elements(sheetData, 'row', MAIN)) {
    rowNo = row.getAttribute('r') ? Number(row.getAttribute('r')) : rowNo + 1;
    let colNo = 0;
    for (const c of elements(row, 'c', MAIN)) {
      const r = c.getAttribute('r');
      if (r) {
        const m = /^([A-Z]+)(\d+)$/.exec(r);
        colNo = m ? columnIndex(m[1]!) : colNo + 1;
      } else colNo++;
      const ref = r ?? `${columnLetter(colNo)}${rowNo}`;
      const v = child(c, 'v', MAIN);
      out.set(ref, {
        ref,
        row: rowNo,
        col: colNo,
        t: c.getAttribute('t') || 'n',
        s: c.getAttribute('s') || '0',
        v: v ? (v.textContent ?? '') : undefined,
        f: child(c, 'f', MAIN),
        is: child(c, 'is', MAIN),
        el: c,
      });
    }
  }
  return out;
}

function rowsOf(root: Element): Map<number, Element> {
  const out = new Map<number, Element>();
  let rowNo = 0;
  for (const row of elements(child(root, 'sheetData', MAIN), 'row', MAIN)) {
    rowNo = row.getAttribute('r') ? Number(row.getAttribute('r')) : rowNo + 1;
    out.set(rowNo, row);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Ranges (sqref)
// ---------------------------------------------------------------------------------------

export interface Rect {
  c1: number;
  r1: number;
  c2: number;
  r2: number;
}

/** Parses a range list as written in sqref (`A1 B2:C3 R:R 1:1`); undefined for what it cannot read. */
export function parseSqref(sqref: string): Rect[] | undefined {
  const out: Rect[] = [];
  for (const part of sqref.trim().split(/\s+/).filter(Boolean)) {
    const [a, b = a] = part.replace(/\$/g, '').split(':') as [string, string?];
    const pa = parseEnd(a);
    const pb = parseEnd(b!);
    if (!pa || !pb) return undefined;
    out.push({ c1: Math.min(pa.c1, pb.c1), r1: Math.min(pa.r1, pb.r1), c2: Math.max(pa.c2, pb.c2), r2: Math.max(pa.r2, pb.r2) });
  }
  return out;
}

function parseEnd(s: string): Rect | undefined {
  let m = /^([A-Z]{1,3})(\d+)$/i.exec(s);
  if (m) {
    const c = columnIndex(m[1]!.toUpperCase());
    const r = Number(m[2]);
    return { c1: c, r1: r, c2: c, r2: r };
  }
  m = /^([A-Z]{1,3})$/i.exec(s);
  if (m) {
    const c = columnIndex(m[1]!.toUpperCase());
    return { c1: c, r1: 1, c2: c, r2: MAX_ROW };
  }
  m = /^(\d+)$/.exec(s);
  if (m) return { c1: 1, r1: Number(m[1]), c2: MAX_COL, r2: Number(m[1]) };
  return undefined;
}

/** Whether every cell of `inner` lies in `outer`. */
export function rectsCover(outer: readonly Rect[], inner: readonly Rect[]): boolean {
  return inner.every((t) => rectCovered(t, outer));
}

function rectCovered(t: Rect, rects: readonly Rect[]): boolean {
  const clip = rects
    .map((r) => ({ c1: Math.max(r.c1, t.c1), r1: Math.max(r.r1, t.r1), c2: Math.min(r.c2, t.c2), r2: Math.min(r.r2, t.r2) }))
    .filter((r) => r.c1 <= r.c2 && r.r1 <= r.r2);
  const xs = [...new Set([t.c1, t.c2 + 1, ...clip.flatMap((r) => [r.c1, r.c2 + 1])])].sort((a, b) => a - b);
  const ys = [...new Set([t.r1, t.r2 + 1, ...clip.flatMap((r) => [r.r1, r.r2 + 1])])].sort((a, b) => a - b);
  for (let i = 0; i + 1 < xs.length; i++) {
    for (let j = 0; j + 1 < ys.length; j++) {
      const x = xs[i]!;
      const y = ys[j]!;
      if (!clip.some((r) => r.c1 <= x && x <= r.c2 && r.r1 <= y && y <= r.r2)) return false;
    }
  }
  return true;
}

/** `rects` minus the given columns. */
function withoutColumns(rects: readonly Rect[], columns: ReadonlySet<number>): Rect[] {
  const out: Rect[] = [];
  const cols = [...columns].sort((a, b) => a - b);
  for (const r of rects) {
    let start = r.c1;
    for (const c of cols) {
      if (c < start || c > r.c2) continue;
      if (c > start) out.push({ ...r, c1: start, c2: c - 1 });
      start = c + 1;
    }
    if (start <= r.c2) out.push({ ...r, c1: start });
  }
  return out;
}

function overlapsColumns(rects: readonly Rect[], columns: ReadonlySet<number>): boolean {
  return rects.some((r) => [...columns].some((c) => c >= r.c1 && c <= r.c2));
}

function sqrefKey(sqref: string | null | undefined): string {
  return (sqref ?? '').trim().split(/\s+/).sort().join(' ');
}

// ---------------------------------------------------------------------------------------
// Which parts Planrapport may change
// ---------------------------------------------------------------------------------------

const LAYOUT_SHEETS = SHEETS.map((s) => s.name);

export interface CheckOptions {
  /**
   * Sheet names (as in `before`) whose worksheet parts Planrapport owns. Default: the
   * layout's sheets, and `Listor` unless `before` has a `Listor` that is not Planrapport's
   * list sheet (its A1 is not the first list header).
   */
  ownedSheets?: readonly string[];
}

export function defaultOwnedSheets(before: XlsxPackage): string[] {
  const owned = [...LAYOUT_SHEETS];
  const listPath = before.sheetPath(LIST_SHEET);
  if (!listPath) return [...owned, LIST_SHEET];
  const a1 = cellText(before, before.cells(listPath).get('A1'));
  if (a1 === LISTS[LIST_ORDER[0]!].header) owned.push(LIST_SHEET);
  return owned;
}

function cellText(pkg: XlsxPackage, c: CellInfo | undefined): string | undefined {
  if (!c) return undefined;
  if (c.t === 's') return pkg.sharedText(Number(c.v));
  if (c.t === 'inlineStr') return c.is ? siText(c.is) : undefined;
  return c.v;
}

/** The columns Planrapport manages on a sheet: those whose row-1 header is one of the layout's. */
function planrapportColumns(sheet: string, pkgs: XlsxPackage[]): Set<number> {
  const out = new Set<number>();
  const spec = SHEETS.find((s) => s.name === sheet);
  for (const pkg of pkgs) {
    const p = pkg.sheetPath(sheet);
    if (!p) continue;
    for (const c of pkg.cells(p).values()) {
      if (c.row !== 1) continue;
      if (!spec) {
        out.add(c.col);
        continue;
      }
      const text = cellText(pkg, c);
      if (text !== undefined && spec.columns.some((col) => headerMatches(col, text))) out.add(c.col);
    }
  }
  if (!spec) for (let c = 1; c <= 32; c++) out.add(c); // the list sheet is Planrapport's throughout
  return out;
}

// ---------------------------------------------------------------------------------------
// (a)–(c): nothing lost
// ---------------------------------------------------------------------------------------

export async function comparePackages(beforeData: Buffer | XlsxPackage, afterData: Buffer | XlsxPackage, opts: CheckOptions = {}): Promise<string[]> {
  const before = beforeData instanceof XlsxPackage ? beforeData : await XlsxPackage.load(beforeData);
  const after = afterData instanceof XlsxPackage ? afterData : await XlsxPackage.load(afterData);
  const out: string[] = [];
  const owned = new Set(opts.ownedSheets ?? defaultOwnedSheets(before));
  const wbPath = before.workbookPath;
  const calcChain = before.relTarget(wbPath, '/calcChain');
  const calcChainRemoved = !!calcChain && !after.has(calcChain);

  const allowed = new Map<string, string>([
    [wbPath, 'workbook'],
    [relsPartOf(wbPath), 'workbookRels'],
    ['[Content_Types].xml', 'contentTypes'],
  ]);
  if (before.stylesPath) allowed.set(before.stylesPath, 'styles');
  if (before.sharedStringsPath) allowed.set(before.sharedStringsPath, 'sharedStrings');
  for (const s of before.sheets()) if (owned.has(s.name) && s.path) allowed.set(s.path, `sheet:${s.name}`);

  // removed parts first, then what changed inside the parts Planrapport owns, then the rest
  const removed: string[] = [];
  const foreign: string[] = [];
  const byKind = new Map<string, string[]>();
  const order = ['sheet', 'workbook', 'workbookRels', 'contentTypes', 'styles', 'sharedStrings'];
  const put = (kind: string, messages: string[]) => byKind.set(kind, [...(byKind.get(kind) ?? []), ...messages]);
  for (const part of before.parts) {
    const label = partLabel(before, part);
    if (!after.has(part)) {
      if (part === calcChain) continue; // removing the calculation chain loses nothing: Excel rebuilds it
      removed.push(`${label}: part removed`);
      continue;
    }
    const kind = allowed.get(part);
    if (!kind) {
      if (!before.files.get(part)!.equals(after.files.get(part)!))
        foreign.push(`${label}: changed, but Planrapport does not own it (${firstDifference(before.files.get(part)!, after.files.get(part)!)})`);
      continue;
    }
    if (before.files.get(part)!.equals(after.files.get(part)!)) continue;
    if (!after.doc(part)) {
      const error = after.xml(part).errors[0] ?? '';
      put('sheet', [
        /too large to check$/.test(error)
          ? `${label}: ${error} (was ${before.files.get(part)!.length} bytes)`
          : `${label}: not well-formed after the change (${error})`,
      ]);
      continue;
    }
    if (kind === 'workbook') put(kind, capped(compareWorkbook(before, after, owned), 20));
    else if (kind === 'workbookRels') put(kind, capped(compareRels(before, after, wbPath, calcChainRemoved ? calcChain : undefined), 6));
    else if (kind === 'contentTypes') put(kind, capped(compareContentTypes(before, after, calcChainRemoved ? calcChain : undefined)));
    else if (kind === 'styles') put(kind, capped(compareStyles(before, after, part)));
    else if (kind === 'sharedStrings') put(kind, capped(compareSharedStrings(before, after, part), 4));
    else put('sheet', capped(compareWorksheet(before, after, kind.slice('sheet:'.length), part), 20));
  }
  out.push(...removed, ...order.flatMap((k) => byKind.get(k) ?? []), ...foreign);
  return out;
}

/** At most `max` messages of one kind, then how many more there are. */
function capped(messages: string[], max = 12): string[] {
  return messages.length <= max ? messages : [...messages.slice(0, max), `… and ${messages.length - max} more like these`];
}

function partLabel(pkg: XlsxPackage, part: string): string {
  const sheet = pkg.sheets().find((s) => s.path === part);
  return sheet ? `${part} (${sheet.name})` : part;
}

function firstDifference(a: Buffer, b: Buffer): string {
  if (a.length !== b.length && a.subarray(0, Math.min(a.length, b.length)).equals(b.subarray(0, Math.min(a.length, b.length)))) {
    return `${a.length} → ${b.length} bytes`;
  }
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 40);
  const snip = (buf: Buffer) => JSON.stringify(buf.subarray(from, i + 60).toString('utf8'));
  return `${a.length} → ${b.length} bytes; first difference at byte ${i}: ${snip(a)} → ${snip(b)}`;
}

function compareWorkbook(before: XlsxPackage, after: XlsxPackage, owned: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const wb = 'xl/workbook.xml';
  const bRoot = before.root(before.workbookPath)!;
  const aRoot = after.root(after.workbookPath)!;
  const bSheets = before.sheets();
  const aSheets = after.sheets();
  for (const s of bSheets) {
    const a = aSheets.find((x) => x.name === s.name);
    if (!a) {
      out.push(`${wb}: sheet "${s.name}" removed or renamed`);
      continue;
    }
    if (a.sheetId !== s.sheetId) out.push(`${wb}: sheet "${s.name}": sheetId ${s.sheetId} → ${a.sheetId}`);
    if (a.rId !== s.rId) out.push(`${wb}: sheet "${s.name}": r:id ${s.rId} → ${a.rId}`);
    const isPlanrapportList = s.name === LIST_SHEET && owned.has(LIST_SHEET);
    if (a.state !== s.state && !isPlanrapportList) out.push(`${wb}: sheet "${s.name}": state ${s.state} → ${a.state}`);
  }
  const order = aSheets.map((s) => s.name).filter((n) => bSheets.some((b) => b.name === n));
  const bOrder = bSheets.map((s) => s.name).filter((n) => order.includes(n));
  if (order.join('\u0000') !== bOrder.join('\u0000')) out.push(`${wb}: the sheets' order changed: ${bOrder.join(', ')} → ${order.join(', ')}`);

  // defined names, keyed by name and scope (localSheetId resolved to the sheet's name)
  const nameKey = (pkg: XlsxPackage, el: Element) => {
    const local = el.getAttribute('localSheetId');
    const scope = local === null || local === '' ? '' : (pkg.sheets()[Number(local)]?.name ?? `#${local}`);
    return `${(el.getAttribute('name') ?? '').toLowerCase()}|${scope}`;
  };
  const aNames = new Map(after.definedNames().map((el) => [nameKey(after, el), el]));
  for (const el of before.definedNames()) {
    const key = nameKey(before, el);
    const a = aNames.get(key);
    const label = `${el.getAttribute('name')}${key.endsWith('|') ? '' : ` (scope ${key.split('|')[1]})`}`;
    if (!a) out.push(`${wb}: defined name ${label} removed (was ${show(el)})`);
    else if (canon(el, { skipAttrs: new Set(['localSheetId']) }) !== canon(a, { skipAttrs: new Set(['localSheetId']) }))
      out.push(`${wb}: defined name ${label} changed: ${show(el)} → ${show(a)}`);
  }

  // every other element of the workbook
  for (const el of elements(bRoot)) {
    const name = el.localName;
    if (name === 'sheets' || name === 'definedNames') continue;
    const candidates = elements(aRoot, name!, el.namespaceURI ?? undefined);
    if (name === 'calcPr') {
      const a = candidates[0];
      if (!a) {
        out.push(`${wb}: calcPr removed`);
        continue;
      }
      for (let i = 0; i < el.attributes.length; i++) {
        const attr = el.attributes.item(i)!;
        if (isXmlns(attr)) continue;
        if (a.getAttribute(attr.name) !== attr.value) out.push(`${wb}: calcPr ${attr.name}="${attr.value}" → ${a.getAttribute(attr.name) ?? '(removed)'}`);
      }
      continue;
    }
    const c = canon(el);
    if (!candidates.some((a) => canon(a) === c))
      out.push(`${wb}: <${el.nodeName}> ${candidates.length ? `changed: ${show(el)} → ${show(candidates[0])}` : `removed (was ${show(el)})`}`);
  }
  return out;
}

function compareRels(before: XlsxPackage, after: XlsxPackage, source: string, removedTarget?: string): string[] {
  const out: string[] = [];
  const part = relsPartOf(source);
  const aRels = after.rels(source);
  for (const r of before.rels(source)) {
    if (removedTarget && r.resolved === removedTarget) {
      if (aRels.some((x) => x.id === r.id && x.resolved === removedTarget)) out.push(`${part}: ${r.id} still points at the removed ${removedTarget}`);
      continue;
    }
    const a = aRels.find((x) => x.id === r.id);
    if (!a) out.push(`${part}: relationship ${r.id} (${r.type.split('/').pop()} → ${r.target}) removed`);
    else if (a.type !== r.type || a.resolved !== r.resolved || a.external !== r.external || (r.external && a.target !== r.target))
      out.push(`${part}: relationship ${r.id} changed: ${r.type.split('/').pop()} → ${r.target} became ${a.type.split('/').pop()} → ${a.target}`);
  }
  return out;
}

function compareContentTypes(before: XlsxPackage, after: XlsxPackage, removed?: string): string[] {
  const out: string[] = [];
  const b = before.contentTypes();
  const a = after.contentTypes();
  for (const [ext, type] of b.defaults)
    if (a.defaults.get(ext) !== type)
      out.push(`[Content_Types].xml: Default for .${ext} (${type}) ${a.defaults.has(ext) ? `→ ${a.defaults.get(ext)}` : 'removed'}`);
  for (const [part, type] of b.overrides) {
    if (removed && part === removed.toLowerCase()) continue;
    if (a.overrides.get(part) !== type)
      out.push(`[Content_Types].xml: Override for /${part} (${type}) ${a.overrides.has(part) ? `→ ${a.overrides.get(part)}` : 'removed'}`);
  }
  return out;
}

const STYLE_LISTS = ['fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs'];

function compareStyles(before: XlsxPackage, after: XlsxPackage, part: string): string[] {
  const out: string[] = [];
  const bRoot = before.root(part)!;
  const aRoot = after.root(part)!;
  const bFmts = new Map(elements(child(bRoot, 'numFmts', MAIN), 'numFmt', MAIN).map((n) => [n.getAttribute('numFmtId'), n]));
  const aFmts = new Map(elements(child(aRoot, 'numFmts', MAIN), 'numFmt', MAIN).map((n) => [n.getAttribute('numFmtId'), n]));
  for (const [id, n] of bFmts)
    if (!aFmts.has(id) || canon(aFmts.get(id)!) !== canon(n))
      out.push(`${part}: numFmt ${id} ${aFmts.has(id) ? `changed: ${show(n)} → ${show(aFmts.get(id))}` : `removed (was ${show(n)})`}`);
  for (const list of STYLE_LISTS) {
    const b = elements(child(bRoot, list, MAIN));
    const a = elements(child(aRoot, list, MAIN));
    b.forEach((el, i) => {
      if (!a[i]) out.push(`${part}: ${list}[${i}] removed (was ${show(el)})`);
      else if (canon(a[i]!) !== canon(el)) out.push(`${part}: ${list}[${i}] changed: ${show(el)} → ${show(a[i])}`);
    });
  }
  for (const el of elements(bRoot)) {
    const name = el.localName!;
    if (name === 'numFmts' || STYLE_LISTS.includes(name)) continue;
    const skip = { skipAttrs: new Set(['count']) };
    const a = elements(aRoot, name, el.namespaceURI ?? undefined)[0];
    if (!a || canon(a, skip) !== canon(el, skip)) out.push(`${part}: <${name}> ${a ? `changed: ${show(el)} → ${show(a)}` : 'removed'}`);
  }
  return out;
}

function compareSharedStrings(before: XlsxPackage, after: XlsxPackage, part: string): string[] {
  // appending strings is fine; every string that was there keeps its index and its runs
  // (cells of sheets Planrapport does not touch still point at them by index)
  const out: string[] = [`${part}: the strings that were there are not all at their old index with their old text and runs; those that differ:`];
  const b = before.sharedStrings();
  const a = after.sharedStrings();
  b.forEach((si, i) => {
    if (!a[i]) out.push(`${part}: shared string ${i} removed (was ${show(si)})`);
    else if (canon(a[i]!) !== canon(si)) out.push(`${part}: shared string ${i} changed: ${show(si)} → ${show(a[i])}`);
  });
  return out.length > 1 ? out : [];
}

/** Worksheet elements Planrapport may rewrite (checked separately or not at all). */
const SHEET_FREE = new Set(['sheetData', 'dimension', 'cols', 'dataValidations', 'conditionalFormatting', 'sheetViews', 'extLst']);
/** What a user sets on a sheet's view (tabSelected, topLeftCell and selections follow use). */
const VIEW_ATTRS = [
  'showGridLines',
  'showZeros',
  'showRowColHeaders',
  'showFormulas',
  'rightToLeft',
  'view',
  'zoomScale',
  'zoomScaleNormal',
  'zoomScalePageLayoutView',
  'zoomScaleSheetLayoutView',
];
const X14_DV_URI = '{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}';
const X14_CF_URI = '{78C0D931-6437-407d-A8EE-F0AAD7539E65}';

function compareWorksheet(before: XlsxPackage, after: XlsxPackage, sheet: string, part: string): string[] {
  const out: string[] = [];
  const aPart = after.sheetPath(sheet) ?? part;
  const at = `${sheet}`;
  const bRoot = before.root(part)!;
  const aRoot = after.root(aPart)!;
  const ownCols = planrapportColumns(sheet, [before, after]);

  // cells: every non-empty cell keeps value, type, formula
  const bCells = before.cells(part);
  const aCells = after.cells(aPart);
  for (const [ref, b] of bCells) {
    if (b.v === undefined && !b.f && !b.is) continue;
    const a = aCells.get(ref);
    if (!a) {
      out.push(`${at}!${ref}: cell removed (was ${describeCell(before, b)})`);
      continue;
    }
    const problems: string[] = [];
    if (a.t !== b.t) problems.push(`type ${b.t} → ${a.t}`);
    if (b.t === 's' && a.t === 's') {
      const bs = before.sharedStrings()[Number(b.v)];
      const as = after.sharedStrings()[Number(a.v)];
      if (!bs || !as) problems.push(`shared string ${b.v} → ${a.v}, which is not there`);
      else if (canon(bs) !== canon(as)) {
        const [bt, at2] = [siText(bs), siText(as)];
        problems.push(bt !== at2 ? `text ${JSON.stringify(bt)} → ${JSON.stringify(at2)}` : `same text, but runs or storage changed: ${show(bs)} → ${show(as)}`);
      }
    } else if (a.v !== b.v) problems.push(`value ${JSON.stringify(b.v ?? null)} → ${JSON.stringify(a.v ?? null)}`);
    if ((b.f ? canon(b.f) : '') !== (a.f ? canon(a.f) : '')) problems.push(`formula ${b.f ? show(b.f) : '(none)'} → ${a.f ? show(a.f) : '(none)'}`);
    if ((b.is ? canon(b.is) : '') !== (a.is ? canon(a.is) : '')) problems.push(`inline string ${show(b.is)} → ${show(a.is)}`);
    for (const attr of ['cm', 'vm'])
      if (b.el.getAttribute(attr) !== a.el.getAttribute(attr))
        problems.push(`${attr} ${b.el.getAttribute(attr) ?? '(none)'} → ${a.el.getAttribute(attr) ?? '(none)'}`);
    if (problems.length) out.push(`${at}!${ref}: ${problems.join('; ')}`);
  }

  // rows: the user's hidden rows, heights, outline
  const aRows = rowsOf(aRoot);
  for (const [r, row] of rowsOf(bRoot)) {
    for (const attr of ['hidden', 'ht', 'customHeight', 'outlineLevel', 'collapsed']) {
      const bv = row.getAttribute(attr) || null;
      if (bv === null) continue;
      const av = aRows.get(r)?.getAttribute(attr) || null;
      // absent, 0 and false are the same; true and 1 too
      const norm = (v: string | null) => (v === null || v === '0' || v === 'false' ? (attr === 'ht' ? v : '0') : v === 'true' ? '1' : v);
      if (norm(bv) !== norm(av)) out.push(`${at}: row ${r} ${attr}="${bv}" → ${av ?? '(none)'}`);
    }
  }

  // every other element unchanged (one that only says what the defaults say may go)
  for (const el of elements(bRoot)) {
    if (SHEET_FREE.has(el.localName!)) continue;
    const c = canon(el);
    if (/^(<\{[^}]*\}\w+>|<\/>)*$/.test(c) && !elements(aRoot, el.localName!, el.namespaceURI ?? undefined).length) continue;
    const candidates = elements(aRoot, el.localName!, el.namespaceURI ?? undefined);
    if (!candidates.some((a) => canon(a) === c))
      out.push(`${at}: <${el.nodeName}> ${candidates.length ? `changed: ${show(el, 400)} → ${show(candidates[0], 400)}` : `removed (was ${show(el, 400)})`}`);
  }

  // sheet views: zoom, gridlines, every attribute, and a pane the user had
  const aViews = descendants(aRoot, 'sheetView', MAIN);
  for (const v of descendants(bRoot, 'sheetView', MAIN)) {
    const id = v.getAttribute('workbookViewId') ?? '0';
    const a = aViews.find((x) => (x.getAttribute('workbookViewId') ?? '0') === id);
    if (!a) {
      out.push(`${at}: sheetView ${id} removed (was ${show(v)})`);
      continue;
    }
    const viewValue = (el: Element, name: string): string => {
      const raw = el.getAttribute(name);
      const value = raw === null || raw === '' ? (defaultOf('sheetView', name) ?? '') : normalBool(raw);
      // zoom in normal view not given: the zoom itself
      return name === 'zoomScaleNormal' && value === '0' ? viewValue(el, 'zoomScale') : value;
    };
    for (const name of VIEW_ATTRS) {
      if (v.getAttribute(name) === null) continue;
      if (viewValue(a, name) !== viewValue(v, name)) out.push(`${at}: sheetView ${name}="${v.getAttribute(name)}" → ${a.getAttribute(name) ?? '(removed)'}`);
    }
    const pane = child(v, 'pane', MAIN);
    if (pane && (!child(a, 'pane', MAIN) || canon(child(a, 'pane', MAIN)!) !== canon(pane)))
      out.push(`${at}: pane ${show(pane)} → ${show(child(a, 'pane', MAIN))}`);
  }

  // the user's validations and conditional formats
  const dvs = (root: Element) => elements(child(root, 'dataValidations', MAIN), 'dataValidation', MAIN);
  out.push(...compareRanged(at, 'dataValidation', dvs(bRoot), dvs(aRoot), ownCols, sqrefAttr, new Set(['sqref'])));
  out.push(
    ...compareRanged(
      at,
      'conditionalFormatting',
      elements(bRoot, 'conditionalFormatting', MAIN),
      elements(aRoot, 'conditionalFormatting', MAIN),
      ownCols,
      sqrefAttr,
      new Set(['sqref', 'priority']),
    ),
  );

  // extLst: every ext kept; x14 validations and formats by item (their sqref may shrink)
  const bExt = elements(child(bRoot, 'extLst', MAIN), 'ext', MAIN);
  const aExt = elements(child(aRoot, 'extLst', MAIN), 'ext', MAIN);
  for (const e of bExt) {
    const uri = e.getAttribute('uri');
    const a = aExt.filter((x) => x.getAttribute('uri') === uri);
    if (uri === X14_DV_URI || uri === X14_CF_URI) {
      const item = uri === X14_DV_URI ? 'dataValidation' : 'conditionalFormatting';
      out.push(
        ...compareRanged(
          at,
          `x14:${item}`,
          descendants(e, item, X14),
          a.flatMap((x) => descendants(x, item, X14)),
          ownCols,
          xmSqref,
          new Set(['count']),
          true,
        ),
      );
      continue;
    }
    if (!a.some((x) => canon(x) === canon(e)))
      out.push(`${at}: extLst <ext uri="${uri}"> ${a.length ? `changed: ${show(e)} → ${show(a[0])}` : `removed (was ${show(e)})`}`);
  }
  return out;
}

function describeCell(pkg: XlsxPackage, c: CellInfo): string {
  const value = c.t === 's' ? JSON.stringify(pkg.sharedText(Number(c.v))) : c.is ? JSON.stringify(siText(c.is)) : JSON.stringify(c.v ?? null);
  return `t=${c.t} ${value}${c.f ? ` ${show(c.f)}` : ''}`;
}

function sqrefAttr(el: Element): string {
  return el.getAttribute('sqref') ?? '';
}

function xmSqref(el: Element): string {
  return child(el, 'sqref', XM)?.textContent ?? '';
}

/**
 * Range-bound items (validations, conditional formats): an item that does not touch
 * Planrapport's columns must come through unchanged; one that does may shrink (its rule
 * unchanged, its range within the old one and still covering the old one minus
 * Planrapport's columns).
 */
function compareRanged(
  at: string,
  what: string,
  before: Element[],
  after: Element[],
  ownCols: ReadonlySet<number>,
  sqrefOf: (el: Element) => string,
  skipAttrs: ReadonlySet<string>,
  sqrefIsChild = false,
): string[] {
  const out: string[] = [];
  const body = (el: Element) => {
    if (!sqrefIsChild) return canon(el, { skipAttrs });
    const clone = el.cloneNode(true) as Element;
    for (const s of elements(clone, 'sqref', XM)) clone.removeChild(s);
    return canon(clone, { skipAttrs });
  };
  const ruleKey = (el: Element) =>
    what.includes('onditional') && !sqrefIsChild
      ? elements(el)
          .map((r) => canon(r, { skipAttrs }))
          .join('')
      : body(el);
  for (const b of before) {
    const rects = parseSqref(sqrefOf(b));
    const same = after.filter((a) => ruleKey(a) === ruleKey(b));
    if (!rects || !overlapsColumns(rects, ownCols)) {
      const union = rects ? same.flatMap((a) => parseSqref(sqrefOf(a)) ?? []) : [];
      // the same cells, possibly split into other ranges (items with the same rule are taken together)
      const beforeUnion = before.filter((x) => ruleKey(x) === ruleKey(b)).flatMap((x) => parseSqref(sqrefOf(x)) ?? []);
      const sameCells = rects ? rectsCover(union, rects) && rectsCover(beforeUnion, union) : same.some((a) => sqrefKey(sqrefOf(a)) === sqrefKey(sqrefOf(b)));
      if (!sameCells) {
        const there = rects
          ? after.filter((a) => {
              const ar = parseSqref(sqrefOf(a));
              return !!ar && ar.some((x) => rects.some((y) => x.c1 <= y.c2 && y.c1 <= x.c2 && x.r1 <= y.r2 && y.r1 <= x.r2));
            })
          : [];
        out.push(
          `${at}: the user's ${what} on ${sqrefOf(b)} ` +
            (same.length
              ? `now on ${same.map(sqrefOf).join(' | ')}`
              : `${show(b)} is gone; ${there.length ? `there now: ${there.map((a) => show(a)).join(' | ')}` : `nothing covers ${sqrefOf(b)} now`}`),
        );
      }
      continue;
    }
    const mustKeep = withoutColumns(rects, ownCols);
    const union = same.flatMap((a) => parseSqref(sqrefOf(a)) ?? []);
    if (mustKeep.length && !rectsCover(union, mustKeep))
      out.push(`${at}: the user's ${what} on ${sqrefOf(b)} no longer covers its cells outside Planrapport's columns (${show(b)})`);
    // items with the same rule are taken together: what they cover now lies within what they covered
    const beforeUnion = before.filter((x) => ruleKey(x) === ruleKey(b)).flatMap((x) => parseSqref(sqrefOf(x)) ?? []);
    for (const a of same) {
      const ar = parseSqref(sqrefOf(a));
      if (ar && !rectsCover(beforeUnion, ar)) out.push(`${at}: the user's ${what} on ${sqrefOf(b)} grew to ${sqrefOf(a)}`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// (d): integrity — what makes Excel repair or refuse a file
// ---------------------------------------------------------------------------------------

const REF_ATTRS = new Set(['r', 'ref', 'sqref', 'topLeftCell', 'activeCell']);
const FORMULA_ELEMENTS = new Set(['f', 'formula', 'formula1', 'formula2', 'sqref', 'definedName', 'calculatedColumnFormula']);

/** References in a formula or range list that lie past XFD1048576. */
export function referencesPastLimits(text: string): string[] {
  const s = text.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, 'S!');
  const out: string[] = [];
  for (const m of s.matchAll(/(?<![A-Za-z0-9_.[\]$])\$?([A-Za-z]{1,4})\$?(\d{1,9})(?![A-Za-z0-9_(!.[])/g)) {
    const col = columnIndex(m[1]!.toUpperCase());
    const row = Number(m[2]);
    if (/^[A-Z]+$/i.test(m[1]!) && (col > MAX_COL || row > MAX_ROW || row === 0)) out.push(m[0]);
  }
  for (const m of s.matchAll(/(?<![A-Za-z0-9_.$])\$?(\d{1,9}):\$?(\d{1,9})(?![\d(A-Za-z])/g)) {
    if (Number(m[1]) > MAX_ROW || Number(m[2]) > MAX_ROW) out.push(m[0]);
  }
  for (const m of s.matchAll(/(?<![A-Za-z0-9_.$])\$?([A-Z]{1,4}):\$?([A-Z]{1,4})(?![A-Za-z0-9_(!])/g)) {
    if (columnIndex(m[1]!) > MAX_COL || columnIndex(m[2]!) > MAX_COL) out.push(m[0]);
  }
  return out;
}

/** Integrity problems of a package; with `before`, NaN and friends that were already there are not reported. */
export async function checkIntegrity(data: Buffer | XlsxPackage, beforeData?: Buffer | XlsxPackage): Promise<string[]> {
  const pkg = data instanceof XlsxPackage ? data : await XlsxPackage.load(data);
  const before = beforeData === undefined ? undefined : beforeData instanceof XlsxPackage ? beforeData : await XlsxPackage.load(beforeData);
  const out: string[] = [...pkg.zipErrors.map((e) => `zip: ${e}`)];
  const { defaults, overrides } = pkg.contentTypes();
  if (!pkg.has('[Content_Types].xml')) out.push('[Content_Types].xml missing');
  const lowerParts = new Set(pkg.parts.map((p) => p.toLowerCase()));
  for (const part of pkg.parts) {
    if (part === '[Content_Types].xml') continue;
    if (!overrides.has(part.toLowerCase()) && !defaults.has(part.split('.').pop()!.toLowerCase())) out.push(`${part}: no content type`);
  }
  for (const o of overrides.keys()) if (!lowerParts.has(o)) out.push(`[Content_Types].xml: Override for /${o}, which is not in the package`);

  for (const part of pkg.parts) {
    if (!/\.(xml|rels)$/i.test(part)) continue;
    const parsed = pkg.xml(part);
    if (!parsed.doc) {
      const tooLarge = /too large to check$/.test(parsed.errors[0] ?? '');
      out.push(tooLarge ? `${part}: ${parsed.errors[0]}` : `${part}: not well-formed XML (${parsed.errors[0] ?? ''})`);
      continue;
    }
    const text = pkg.text(part)!;
    // eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 forbids
    const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|&#(x0*([0-8bBcC]|1[0-9a-fA-F])|0*([0-8]|1[1-2]|1[4-9]|2[0-9]|3[01]));/.exec(text);
    if (forbidden)
      out.push(
        `${part}: contains ${JSON.stringify(forbidden[0])}, a character XML 1.0 does not allow (Excel writes it as _x${forbidden[0].length === 1 ? forbidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') : 'HHHH'}_)`,
      );
    const bad = text.match(/\b(NaN|undefined|-?Infinity)\b/g) ?? [];
    const was = before?.text(part)?.match(/\b(NaN|undefined|-?Infinity)\b/g) ?? [];
    if (bad.length > was.length) out.push(`${part}: contains ${[...new Set(bad)].join(', ')}`);
  }

  // relationships
  for (const part of pkg.parts) {
    const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(part);
    if (!m) continue;
    const source = `${m[1]}${m[2]}`;
    if (source !== '' && !pkg.has(source)) out.push(`${part}: relationships of ${source}, which is not in the package`);
    const ids = new Set<string>();
    for (const r of pkg.rels(source)) {
      if (ids.has(r.id)) out.push(`${part}: relationship id ${r.id} used twice`);
      ids.add(r.id);
      if (!r.external && r.resolved !== undefined && !pkg.has(r.resolved) && !lowerParts.has(r.resolved.toLowerCase()))
        out.push(`${part}: ${r.id} (${r.type.split('/').pop()}) points at ${r.target}, which is not in the package`);
    }
  }

  // workbook: sheets, names
  const wbRoot = pkg.root(pkg.workbookPath);
  if (wbRoot) {
    const sheets = pkg.sheets();
    const names = new Set<string>();
    const ids = new Set<string>();
    for (const s of sheets) {
      if (names.has(s.name.toLowerCase())) out.push(`workbook: sheet name "${s.name}" twice`);
      if (ids.has(s.sheetId)) out.push(`workbook: sheetId ${s.sheetId} twice`);
      names.add(s.name.toLowerCase());
      ids.add(s.sheetId);
      if (!s.path || !pkg.has(s.path)) out.push(`workbook: sheet "${s.name}" (${s.rId}) has no worksheet part`);
      else if (pkg.contentType(s.path) !== WORKSHEET_TYPE && !/chartsheet|dialogsheet|macro/.test(pkg.contentType(s.path) ?? ''))
        out.push(`workbook: sheet "${s.name}": ${s.path} has content type ${pkg.contentType(s.path)}`);
      if (s.name.length > 31 || /[\\/?*[\]:]/.test(s.name)) out.push(`workbook: sheet name "${s.name}" is not allowed in Excel`);
    }
    if (sheets.length && sheets.every((s) => s.state !== 'visible')) out.push('workbook: no visible sheet');
    const seen = new Set<string>();
    for (const n of pkg.definedNames()) {
      const local = n.getAttribute('localSheetId');
      if (local !== null && local !== '' && !(Number(local) < sheets.length))
        out.push(`workbook: defined name ${n.getAttribute('name')} has localSheetId ${local} (there are ${sheets.length} sheets)`);
      const key = `${(n.getAttribute('name') ?? '').toLowerCase()}|${local ?? ''}`;
      if (seen.has(key)) out.push(`workbook: defined name ${n.getAttribute('name')} twice in the same scope`);
      seen.add(key);
      if (!(n.textContent ?? '').trim()) out.push(`workbook: defined name ${n.getAttribute('name')} is empty`);
    }
  }

  // references past the sheet's limits, anywhere they can be written
  for (const part of pkg.parts) {
    if (!/\.xml$/i.test(part)) continue;
    const root = pkg.root(part);
    if (!root) continue;
    const all = [root, ...descendants(root, '*')];
    for (const el of all) {
      for (let i = 0; i < el.attributes.length; i++) {
        const a = el.attributes.item(i)!;
        if (!REF_ATTRS.has(a.localName ?? a.name) || isXmlns(a)) continue;
        if ((a.localName ?? a.name) === 'r' && el.localName === 'row') {
          if (Number(a.value) > MAX_ROW) out.push(`${partLabel(pkg, part)}: row ${a.value} past row ${MAX_ROW}`);
          continue;
        }
        if (a.namespaceURI === REL_NS) continue;
        const past = referencesPastLimits(a.value);
        if (past.length)
          out.push(`${partLabel(pkg, part)}: <${el.localName} ${a.name}="${a.value.slice(0, 80)}"> refers past XFD1048576 (${past.slice(0, 3).join(', ')})`);
      }
      if (FORMULA_ELEMENTS.has(el.localName ?? '') || (el.localName === 'f' && el.namespaceURI === 'http://schemas.openxmlformats.org/drawingml/2006/chart')) {
        const past = referencesPastLimits(el.textContent ?? '');
        if (past.length)
          out.push(
            `${partLabel(pkg, part)}: <${el.localName}>${(el.textContent ?? '').slice(0, 80)}</${el.localName}> refers past XFD1048576 (${past.slice(0, 3).join(', ')})`,
          );
      }
    }
  }

  // cells: style and string indexes, shared formulas
  const stylesRoot = pkg.stylesPath ? pkg.root(pkg.stylesPath) : undefined;
  const xfCount = stylesRoot ? elements(child(stylesRoot, 'cellXfs', MAIN), 'xf', MAIN).length : 1;
  const sstCount = pkg.sharedStrings().length;
  const formulaCells = new Map<string, Set<string>>();
  for (const s of pkg.sheets()) {
    if (!s.path || !pkg.root(s.path) || pkg.contentType(s.path) !== WORKSHEET_TYPE) continue;
    const masters = new Set<string>();
    const followers: [string, string][] = [];
    const withFormula = new Set<string>();
    for (const c of pkg.cells(s.path).values()) {
      if (Number(c.s) >= xfCount) out.push(`${s.name}!${c.ref}: style ${c.s}, but there are ${xfCount} cellXfs`);
      if (c.t === 's' && !(Number(c.v) < sstCount)) out.push(`${s.name}!${c.ref}: shared string ${c.v}, but there are ${sstCount}`);
      if (c.f) {
        withFormula.add(c.ref);
        if (c.f.getAttribute('t') === 'shared') {
          const si = c.f.getAttribute('si') ?? '';
          if (c.f.getAttribute('ref')) masters.add(si);
          else followers.push([c.ref, si]);
        }
      }
    }
    for (const [ref, si] of followers) if (!masters.has(si)) out.push(`${s.name}!${ref}: shared formula si=${si} has no master cell`);
    formulaCells.set(s.sheetId, withFormula);
  }
  const chainPath = pkg.relTarget(pkg.workbookPath, '/calcChain');
  const chain = chainPath ? pkg.root(chainPath) : undefined;
  if (chain) {
    let sheetId = '';
    for (const c of elements(chain, 'c', MAIN)) {
      sheetId = c.getAttribute('i') || sheetId;
      const cells = formulaCells.get(sheetId);
      const ref = c.getAttribute('r') ?? '';
      if (!cells) out.push(`${chainPath}: entry ${ref} for sheetId ${sheetId}, which has no worksheet`);
      else if (!cells.has(ref)) out.push(`${chainPath}: entry ${ref} (sheetId ${sheetId}) is not a formula cell`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// (e): schema validation of the changed SpreadsheetML parts
// ---------------------------------------------------------------------------------------

export const SCHEMA_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'schemas', 'ooxml-transitional');
const SML_TYPES = new Set([
  WORKSHEET_TYPE,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
]);

/**
 * Markup compatibility as Office applies it: attributes and elements of the namespaces
 * mc:Ignorable lists are dropped, mc:AlternateContent becomes its mc:Fallback, and
 * xml:space on <t> (which sml.xsd does not declare) is dropped.
 */
export function applyMarkupCompatibility(xml: string): string {
  const { doc } = parseXml(xml);
  if (!doc) return xml;
  const process = (el: Element, ignorable: Set<string>) => {
    const here = new Set(ignorable);
    const list = el.getAttributeNS(MC, 'Ignorable');
    if (list) for (const prefix of list.split(/\s+/).filter(Boolean)) here.add(el.lookupNamespaceURI(prefix) ?? prefix);
    for (const a of Array.from({ length: el.attributes.length }, (_, i) => el.attributes.item(i)!)) {
      if (isXmlns(a)) continue;
      if (
        (a.namespaceURI === MC && (a.localName === 'Ignorable' || a.localName === 'ProcessContent' || a.localName === 'MustUnderstand')) ||
        (a.namespaceURI && here.has(a.namespaceURI))
      )
        el.removeAttributeNode(a);
      else if (a.name === 'xml:space' && el.localName === 't') el.removeAttributeNode(a);
    }
    // unwrap first (a fallback may bring in further alternate content), then descend once
    for (let changed = true; changed;) {
      changed = false;
      for (const c of elements(el)) {
        if (c.namespaceURI && here.has(c.namespaceURI)) {
          el.removeChild(c);
          changed = true;
        } else if (c.namespaceURI === MC && c.localName === 'AlternateContent') {
          const fallback = child(c, 'Fallback', MC);
          for (const k of fallback ? elements(fallback) : []) el.insertBefore(k, c);
          el.removeChild(c);
          changed = true;
        }
      }
    }
    // an extension's content is validated laxly and belongs to its own namespaces: leave it
    for (const c of elements(el)) if (!(c.localName === 'ext' && c.namespaceURI === MAIN)) process(c, here);
  };
  process(doc.documentElement!, new Set());
  return new XMLSerializer().serializeToString(doc);
}

/** Whether schema validation can run here; prints a notice (or throws under CI=true) when it cannot. */
let schemaState: boolean | undefined;
export function schemaAvailable(): boolean {
  if (schemaState === undefined) schemaState = findSchema();
  return schemaState;
}

function findSchema(): boolean {
  const missing = !existsSync(path.join(SCHEMA_DIR, 'sml.xsd')) ? `${SCHEMA_DIR}/sml.xsd saknas` : !findCommand('xmllint') ? 'xmllint finns inte i PATH' : '';
  if (!missing) return true;
  if (isCI()) throw new Error(`Schemavalidering: ${missing} (CI=true, så kontrollen får inte hoppas över).`);
  console.warn(`Schemavalidering: ${missing} – hoppar över.`);
  return false;
}

/** xmllint against sml.xsd for several parts at once: errors per part (empty when it validates). */
export function validateSml(parts: { name: string; xml: string }[]): Map<string, string[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'planrapport-sml-'));
  try {
    const files = parts.map((p, i) => {
      const file = path.join(dir, `${i}.xml`);
      writeFileSync(file, applyMarkupCompatibility(p.xml));
      return file;
    });
    const result = new Map<string, string[]>(parts.map((p) => [p.name, []]));
    if (!files.length) return result;
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', path.join(SCHEMA_DIR, 'sml.xsd'), ...files], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    for (const line of r.stderr.split('\n')) {
      const m = /^(.*?\/(\d+)\.xml):(\d+): (.*)$/.exec(line);
      if (m) result.get(parts[Number(m[2])]!.name)?.push(m[4]!.replace(/^element /, '').trim());
      else if (/fails to validate|failed to compile|parser error/.test(line) && !/\/\d+\.xml fails to validate/.test(line))
        result.get(parts[0]!.name)?.push(line.trim());
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Schema errors in the SpreadsheetML parts (workbook, worksheets, styles, shared strings)
 * that Planrapport changed or added; errors the part already had before are not counted.
 * Undefined when the schemas or xmllint are not available.
 */
export async function checkSchemas(beforeData: Buffer | XlsxPackage, afterData: Buffer | XlsxPackage): Promise<string[] | undefined> {
  if (!schemaAvailable()) return undefined;
  const before = beforeData instanceof XlsxPackage ? beforeData : await XlsxPackage.load(beforeData);
  const after = afterData instanceof XlsxPackage ? afterData : await XlsxPackage.load(afterData);
  const changed = after.parts.filter(
    (p) => SML_TYPES.has(after.contentType(p) ?? '') && !(before.files.get(p)?.equals(after.files.get(p)!) ?? false) && after.doc(p),
  );
  const items = [
    ...changed.map((p) => ({ name: `after:${p}`, xml: after.text(p)! })),
    ...changed.filter((p) => before.has(p) && before.doc(p)).map((p) => ({ name: `before:${p}`, xml: before.text(p)! })),
  ];
  const results = validateSml(items);
  const out: string[] = [];
  for (const p of changed) {
    const had = new Set(results.get(`before:${p}`) ?? []);
    for (const e of results.get(`after:${p}`) ?? []) if (!had.has(e)) out.push(`${partLabel(after, p)}: ${e}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// All of it
// ---------------------------------------------------------------------------------------

export interface PackageReport {
  losses: string[];
  integrity: string[];
  /** Undefined when schema validation was skipped. */
  schema?: string[];
}

export async function checkPackage(beforeData: Buffer, afterData: Buffer, opts: CheckOptions & { schemas?: boolean } = {}): Promise<PackageReport> {
  const before = await XlsxPackage.load(beforeData);
  const after = await XlsxPackage.load(afterData);
  return {
    losses: await comparePackages(before, after, opts),
    integrity: capped(await checkIntegrity(after, before), 25),
    schema: opts.schemas ? await checkSchemas(before, after) : undefined,
  };
}

export function formatReport(r: PackageReport): string {
  const section = (title: string, items: string[] | undefined) => (items && items.length ? `${title}:\n${items.map((i) => `  - ${i}`).join('\n')}` : '');
  return [section('Lost or changed', r.losses), section('Integrity', r.integrity), section('Schema (sml.xsd)', r.schema)].filter(Boolean).join('\n') || 'OK';
}
