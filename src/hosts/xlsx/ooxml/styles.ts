/**
 * The styles part: which cell formats show dates (for reading), and the formats Planrapport
 * adds (number formats, the header style, wrapped text, conditional-format fills). Entries
 * are only appended; an existing identical entry is reused so that running the template
 * again adds nothing. Every entry the workbook had keeps its index.
 */
import { childElements, createChild, ensureChild, firstChild, parseXml, rootElement, serializeXml, type Document, type Element } from '../xml/dom';
import { escapeXml } from './escapes';

/** CT_Stylesheet's sequence. */
const STYLESHEET_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
/** CT_Xf's children. */
const XF_ORDER = ['alignment', 'protection', 'extLst'];

const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** Whether a number format code shows a date or time. */
export function isDateFormatCode(code: string): boolean {
  const s = code
    .split(';')[0]!
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/General/gi, '')
    .replace(/E[+-]/gi, '');
  return /[dmyhs]/i.test(s);
}

export interface StyleChange {
  numFmt?: string;
  wrap?: boolean;
  header?: { fill: string };
}

export class Styles {
  private readonly root: Element;
  private readonly numFmtCode = new Map<number, string>();
  private readonly xfNumFmt: number[] = [];
  private readonly derived = new Map<string, number>();
  private changed = false;

  constructor(
    private readonly doc: Document,
    readonly date1904: boolean,
  ) {
    this.root = rootElement(doc);
    for (const f of childElements(firstChild(this.root, 'numFmts') ?? this.root, 'numFmt')) {
      this.numFmtCode.set(Number(f.getAttribute('numFmtId')), f.getAttribute('formatCode') ?? '');
    }
    const xfs = firstChild(this.root, 'cellXfs');
    for (const xf of xfs ? childElements(xfs, 'xf') : []) this.xfNumFmt.push(Number(xf.getAttribute('numFmtId') ?? 0));
  }

  static parse(text: string | undefined, date1904: boolean): Styles {
    return new Styles(parseXml(text ?? EMPTY_STYLES, 'styles.xml'), date1904);
  }

  get isChanged(): boolean {
    return this.changed;
  }

  serialize(): string {
    return serializeXml(this.doc);
  }

  private readonly dateStyles = new Map<number, boolean>();

  isDate = (styleIndex: number): boolean => {
    let known = this.dateStyles.get(styleIndex);
    if (known === undefined) {
      const id = this.xfNumFmt[styleIndex] ?? 0;
      const code = this.numFmtCode.get(id);
      known = BUILTIN_DATE_FORMATS.has(id) || (code !== undefined && isDateFormatCode(code));
      this.dateStyles.set(styleIndex, known);
    }
    return known;
  };

  /** The id of a number format code, added when the workbook lacks it. */
  private numFmtId(code: string): number {
    if (code === 'General') return 0;
    for (const [id, c] of this.numFmtCode) if (c === code) return id;
    const BUILTIN: Record<string, number> = { '@': 49, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, 'yyyy-mm-dd': -1 };
    if ((BUILTIN[code] ?? -1) >= 0) return BUILTIN[code]!;
    const id = Math.max(163, ...this.numFmtCode.keys()) + 1;
    const numFmts = ensureChild(this.root, 'numFmts', STYLESHEET_ORDER);
    const el = createChild(numFmts, 'numFmt');
    el.setAttribute('numFmtId', String(id));
    el.setAttribute('formatCode', code);
    numFmts.appendChild(el);
    numFmts.setAttribute('count', String(childElements(numFmts, 'numFmt').length));
    this.numFmtCode.set(id, code);
    this.changed = true;
    return id;
  }

  /** Appends an element to a collection (fonts, fills, cellXfs, dxfs), or finds an identical one. */
  private addEntry(collection: string, entry: Element): number {
    const parent = ensureChild(this.root, collection, STYLESHEET_ORDER);
    const items = childElements(parent).filter((e) => e.localName === entry.localName);
    const text = canonical(entry);
    const found = items.findIndex((e) => canonical(e) === text);
    if (found >= 0) return found;
    parent.appendChild(entry);
    parent.setAttribute('count', String(items.length + 1));
    this.changed = true;
    return items.length;
  }

  private entryAt(collection: string, index: number): Element | undefined {
    const parent = firstChild(this.root, collection);
    return parent ? childElements(parent)[index] : undefined;
  }

  /**
   * The cell format that is `base` with the change applied (a new xf, or an identical one
   * that exists). `base` is a cellXfs index (0 when the cell has none).
   */
  derive(base: number, change: StyleChange): number {
    const key = `${base}\u0000${JSON.stringify(change)}`;
    const cached = this.derived.get(key);
    if (cached !== undefined) return cached;
    const cellXfs = ensureChild(this.root, 'cellXfs', STYLESHEET_ORDER);
    let xf = this.entryAt('cellXfs', base)?.cloneNode(true) as Element | undefined;
    if (!xf) {
      xf = createChild(cellXfs, 'xf');
      for (const [k, v] of Object.entries({ numFmtId: '0', fontId: '0', fillId: '0', borderId: '0', xfId: '0' })) xf.setAttribute(k, v);
      if (childElements(cellXfs, 'xf').length === 0) {
        // a workbook without any cell format: index 0 is the default one
        cellXfs.appendChild(xf.cloneNode(true));
        this.xfNumFmt.push(0);
      }
    }
    if (change.numFmt !== undefined) {
      const id = this.numFmtId(change.numFmt);
      xf.setAttribute('numFmtId', String(id));
      xf.setAttribute('applyNumberFormat', '1');
    }
    if (change.header) {
      const fontId = this.boldFont(Number(xf.getAttribute('fontId') ?? 0));
      xf.setAttribute('fontId', String(fontId));
      xf.setAttribute('applyFont', '1');
      const fill = this.root.ownerDocument!.createElementNS(this.root.namespaceURI, qname(this.root, 'fill'));
      fill.appendChild(
        parseFragment(this.root, `<patternFill patternType="solid"><fgColor rgb="${escapeXml(change.header.fill)}"/><bgColor indexed="64"/></patternFill>`),
      );
      xf.setAttribute('fillId', String(this.addEntry('fills', fill as Element)));
      xf.setAttribute('applyFill', '1');
    }
    if (change.wrap || change.header) {
      const alignment = ensureChild(xf, 'alignment', XF_ORDER);
      alignment.setAttribute('wrapText', '1');
      alignment.setAttribute('vertical', change.header ? 'center' : 'top');
      xf.setAttribute('applyAlignment', '1');
    }
    const index = this.addEntry('cellXfs', xf);
    if (index === this.xfNumFmt.length) this.xfNumFmt.push(Number(xf.getAttribute('numFmtId') ?? 0));
    this.dateStyles.delete(index);
    this.derived.set(key, index);
    return index;
  }

  private boldFont(base: number): number {
    const font =
      (this.entryAt('fonts', base)?.cloneNode(true) as Element | undefined) ?? createChild(ensureChild(this.root, 'fonts', STYLESHEET_ORDER), 'font');
    if (!firstChild(font, 'b')) {
      const b = createChild(font, 'b');
      font.insertBefore(b, font.firstChild);
    }
    return this.addEntry('fonts', font);
  }

  /** A differential format for a conditional format: fill and optional font colour. */
  dxf(fill: string, fontColor?: string): number {
    const dxfs = ensureChild(this.root, 'dxfs', STYLESHEET_ORDER);
    const dxf = createChild(dxfs, 'dxf');
    if (fontColor) dxf.appendChild(parseFragment(this.root, `<font><color rgb="${escapeXml(fontColor)}"/></font>`));
    dxf.appendChild(parseFragment(this.root, `<fill><patternFill patternType="solid"><bgColor rgb="${escapeXml(fill)}"/></patternFill></fill>`));
    return this.addEntry('dxfs', dxf);
  }
}

function qname(root: Element, name: string): string {
  return root.prefix ? `${root.prefix}:${name}` : name;
}

/** An element tree from markup, in the root's namespace (and prefix). */
function parseFragment(root: Element, markup: string): Element {
  const prefix = root.prefix;
  const ns = root.namespaceURI ?? '';
  const text = prefix
    ? markup.replace(/<(\/?)([A-Za-z]+)/g, `<$1${prefix}:$2`).replace(/^<([^ >/]+)/, `<$1 xmlns:${prefix}="${ns}"`)
    : markup.replace(/^<([^ >/]+)/, `<$1 xmlns="${ns}"`);
  const el = parseXml(text, 'styles.xml').documentElement as Element;
  const imported = root.ownerDocument!.importNode(el, true) as Element;
  // the namespace is declared on the styles part's root already
  imported.removeAttribute(prefix ? `xmlns:${prefix}` : 'xmlns');
  return imported;
}

/** A comparable form of an entry: its markup without namespace declarations. */
function canonical(el: Element): string {
  return el.toString().replace(/\s+xmlns(:\w+)?="[^"]*"/g, '');
}

const EMPTY_STYLES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>';
