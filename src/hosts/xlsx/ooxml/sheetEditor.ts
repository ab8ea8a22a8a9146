/**
 * Surgical edits of one worksheet part. The cells live in `<sheetData>`, which is edited as
 * text: rows and cells Planrapport does not write are copied character for character. The
 * parts around it (columns, views, validations, conditional formats and everything
 * Planrapport does not know) are a DOM whose unknown elements and attributes serialise back
 * unchanged. Changes that would harm something (a write into a merged area, an array
 * formula, a table's header, a protected sheet) are collected as conflicts instead.
 */
import { cellAddress, columnIndex, columnLetter, parseRange } from '../../../core/cells/address';
import { shiftFormula } from '../../../core/cells/formulaShift';
import { isoToSerial } from '../../../core/values/dates';
import type { CellInput, ConditionalFormat, ValidationMessages, ValidationRule } from '../../../core/workbook/edits';
import {
  attr,
  childElements,
  createChild,
  ensureChild,
  firstChild,
  insertInOrder,
  local,
  parseXml,
  removeNode,
  rootElement,
  serializeXml,
  type Document,
  type Element,
} from '../xml/dom';
import { XmlScanner, localName } from '../xml/scanner';
import { escapeText, xmlText } from './escapes';
import { contains, formatRect, MAX_COLUMN, MAX_ROW, parseRect, RangeList, type Rect } from './ranges';
import type { StyleChange, Styles } from './styles';
import { EXCEL_LIMITS } from '../../../core/values/limits';

/** CT_Worksheet's sequence. */
export const WORKSHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
] as const;
const SHEETVIEW_ORDER = ['pane', 'selection', 'pivotSelection', 'extLst'];
const X14_VALIDATIONS_URI = '{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}';
const PLACEHOLDER = 'planrapport-sheetdata-placeholder';

/** A table (ListObject) on the sheet: its range and how many header/total rows it has. */
export interface TableInfo {
  name: string;
  ref: Rect;
  headerRows: number;
  totalsRows: number;
}

interface CellInfo {
  column: number;
  start: number;
  end: number;
  /** The cell's open tag as written. */
  open: string;
  hasRef: boolean;
  s: number;
  fType?: string;
  fRef?: string;
  fSi?: string;
  /** A shared formula's first cell (it holds the formula text). */
  master: boolean;
  /** The formula text of a master or ordinary formula. */
  formula?: string;
}

interface RowInfo {
  r: number;
  start: number;
  end: number;
  open: string;
  hasRef: boolean;
  selfClosing: boolean;
  cells: CellInfo[];
}

export class SheetConflict extends Error {}

/** A write that empties a cell (its style stays). */
const CLEAR = Symbol('clear');
type CellWrite = CellInput | typeof CLEAR;

export class SheetEditor {
  private readonly doc: Document;
  private readonly sheetDataOpen: string;
  private readonly sheetData: string;
  private readonly prefix: string;
  private rows: RowInfo[] = [];
  private readonly byRow = new Map<number, RowInfo>();
  private readonly writes = new Map<number, Map<number, CellWrite>>();
  private readonly styleEdits = new Map<number, Map<number, StyleChange[]>>();
  private readonly existingStyleEdits: { rect: Rect; change: StyleChange }[] = [];
  private readonly arrays: Rect[] = [];
  private readonly merges: Rect[] = [];
  readonly conflicts: string[] = [];
  private wroteFormula = false;
  private domChanged = false;

  constructor(
    readonly name: string,
    readonly part: string,
    private readonly original: string,
    private readonly styles: Styles,
    private readonly tables: readonly TableInfo[] = [],
  ) {
    const open = /<((?:[A-Za-z_][\w.-]*:)?)sheetData(\s[^>]*?)?(\/?)>/.exec(original);
    let tail: string;
    if (!open) {
      // a sheet without cells: sheetData goes where the schema puts it
      this.prefix = /<((?:[A-Za-z_][\w.-]*:)?)worksheet[\s>]/.exec(original)?.[1] ?? '';
      this.doc = parseXml(original, part);
      const sd = ensureChild(rootElement(this.doc), 'sheetData', WORKSHEET_ORDER);
      sd.setAttribute(PLACEHOLDER, '1');
      this.sheetDataOpen = `<${this.prefix}sheetData>`;
      this.sheetData = '';
      return;
    }
    this.prefix = open[1] ?? '';
    const selfClosing = open[3] === '/';
    const head = original.slice(0, open.index);
    if (selfClosing) {
      this.sheetData = '';
      tail = original.slice(open.index + open[0].length);
      this.sheetDataOpen = `<${this.prefix}sheetData${open[2] ?? ''}>`;
    } else {
      const close = `</${this.prefix}sheetData>`;
      const end = original.indexOf(close, open.index + open[0].length);
      if (end < 0) throw new SheetConflict(`${part}: sheetData saknar sluttagg`);
      this.sheetData = original.slice(open.index + open[0].length, end);
      tail = original.slice(end + close.length);
      this.sheetDataOpen = open[0];
    }
    this.doc = parseXml(`${head}<${this.prefix}sheetData ${PLACEHOLDER}="1"/>${tail}`, part);
    this.parseSheetData();
    for (const m of childElements(firstChild(this.root, 'mergeCells') ?? this.root, 'mergeCell')) {
      const r = parseRect(m.getAttribute('ref') ?? '');
      if (r) this.merges.push(r);
    }
  }

  private get root(): Element {
    return rootElement(this.doc);
  }

  get protected(): boolean {
    const p = firstChild(this.root, 'sheetProtection');
    return !!p && (p.getAttribute('sheet') === '1' || p.getAttribute('sheet') === 'true');
  }

  private parseSheetData(): void {
    const scanner = new XmlScanner();
    scanner.text = true;
    scanner.push(this.sheetData);
    scanner.end();
    let row: RowInfo | undefined;
    let cell: CellInfo | undefined;
    let inF = false;
    let fText = '';
    let lastRow = 0;
    let lastCol = 0;
    for (let ev = scanner.next(); ev; ev = scanner.next()) {
      if (ev.type === 'text') {
        if (inF) fText += ev.text;
        continue;
      }
      const tag = localName(ev.name);
      if (ev.type === 'open') {
        if (tag === 'row') {
          const r = ev.attrs['r'] ? Number(ev.attrs['r']) : lastRow + 1;
          lastRow = r;
          lastCol = 0;
          row = {
            r,
            start: ev.start,
            end: ev.end,
            open: this.sheetData.slice(ev.start, ev.end),
            hasRef: !!ev.attrs['r'],
            selfClosing: ev.selfClosing,
            cells: [],
          };
          this.rows.push(row);
          this.byRow.set(r, row);
        } else if (tag === 'c' && row) {
          const ref = ev.attrs['r'];
          const column = ref ? columnIndex(ref.replace(/[^A-Za-z]/g, '')) : lastCol + 1;
          lastCol = column;
          cell = {
            column,
            start: ev.start,
            end: ev.end,
            open: this.sheetData.slice(ev.start, ev.end),
            hasRef: !!ref,
            s: Number(ev.attrs['s'] ?? 0) || 0,
            master: false,
          };
          row.cells.push(cell);
          if (ev.selfClosing) cell = undefined;
        } else if (tag === 'f' && cell) {
          cell.fType = ev.attrs['t'];
          cell.fRef = ev.attrs['ref'];
          cell.fSi = ev.attrs['si'];
          fText = '';
          inF = !ev.selfClosing;
          if (ev.selfClosing) this.noteFormula(row!, cell, '');
        }
        continue;
      }
      if (tag === 'f' && cell) {
        inF = false;
        this.noteFormula(row!, cell, fText);
      } else if (tag === 'c' && cell) {
        cell.end = ev.end;
        cell = undefined;
      } else if (tag === 'row' && row) {
        row.end = ev.end;
        row = undefined;
      }
    }
  }

  private noteFormula(row: RowInfo, cell: CellInfo, text: string): void {
    if (text !== '') cell.formula = text;
    if (cell.fType === 'shared' && cell.fRef && text !== '') cell.master = true;
    if (cell.fType === 'array' && cell.fRef) {
      const r = parseRect(cell.fRef);
      if (r && (r.r1 !== r.r2 || r.c1 !== r.c2)) this.arrays.push(r);
    }
    void row;
  }

  /** The style a new cell in this row and column gets, as Excel would show it. */
  private inheritedStyle(row: number, column: number): number {
    const r = this.byRow.get(row);
    if (r && /\bcustomFormat="(1|true)"/.test(r.open)) {
      const s = /\ss="(\d+)"/.exec(r.open);
      if (s) return Number(s[1]);
    }
    const cols = firstChild(this.root, 'cols');
    for (const col of cols ? childElements(cols, 'col') : []) {
      const min = Number(col.getAttribute('min'));
      const max = Number(col.getAttribute('max'));
      if (column >= min && column <= max) return Number(col.getAttribute('style') ?? 0) || 0;
    }
    return 0;
  }

  private cellAt(row: number, column: number): CellInfo | undefined {
    return this.byRow.get(row)?.cells.find((c) => c.column === column);
  }

  private checkWritable(row: number, column: number): void {
    if (row > MAX_ROW || column > MAX_COLUMN) {
      this.conflicts.push(
        `${this.name}!${cellAddress(Math.min(column, MAX_COLUMN), Math.min(row, MAX_ROW))}: cellen ligger utanför bladets sista rad eller kolumn (XFD1048576).`,
      );
      return;
    }
    const address = cellAddress(column, row);
    for (const m of this.merges) {
      if (contains(m, row, column) && !(m.r1 === row && m.c1 === column)) {
        this.conflicts.push(
          `${this.name}!${address} ingår i de sammanfogade cellerna ${formatRect(m)}. Dela upp sammanfogningen (Start > Sammanfoga och centrera) och kör igen.`,
        );
        return;
      }
    }
    for (const a of this.arrays) {
      if (contains(a, row, column)) {
        this.conflicts.push(
          `${this.name}!${address} ingår i matrisformeln i ${formatRect(a)}, som Planrapport inte kan skriva i. Flytta formeln och kör igen.`,
        );
        return;
      }
    }
    for (const t of this.tables) {
      const inHeader = row >= t.ref.r1 && row < t.ref.r1 + t.headerRows;
      const inTotals = row > t.ref.r2 - t.totalsRows && row <= t.ref.r2;
      if (contains(t.ref, row, column) && (inHeader || inTotals)) {
        this.conflicts.push(
          `${this.name}!${address} är ${inHeader ? 'rubrikrad' : 'summarad'} i tabellen ${t.name} (${formatRect(t.ref)}). Konvertera tabellen till ett område eller flytta den, och kör igen.`,
        );
        return;
      }
    }
  }

  // ── edits ────────────────────────────────────────────────────────────────────────

  /** A range Planrapport wants must lie on the sheet (A1:XFD1048576). */
  private onSheet(rect: Rect | undefined, range: string): rect is Rect {
    if (!rect) return false;
    if (rect.c2 <= MAX_COLUMN && rect.r2 <= MAX_ROW) return true;
    this.conflicts.push(
      rect.c2 > MAX_COLUMN
        ? `${this.name}: det finns ingen plats för Planrapports kolumner efter bladets sista kolumn XFD (${range}). Ta bort tomma eller onödiga kolumner längst till höger och kör igen.`
        : `${this.name}: området ${range} når förbi bladets sista rad 1 048 576.`,
    );
    return false;
  }

  setCells(topLeft: string, rows: CellInput[][]): void {
    const { column, row } = parseRange(topLeft);
    rows.forEach((cells, i) =>
      cells.forEach((input, j) => {
        if (input === null) return; // null leaves the cell as it is
        const r = row + i;
        const c = column + j;
        this.checkWritable(r, c);
        let m = this.writes.get(r);
        if (!m) this.writes.set(r, (m = new Map()));
        m.set(c, input);
        if (typeof input === 'object' && 'formula' in input) this.wroteFormula = true;
      }),
    );
  }

  /** Empties the cells that exist in `range` (value and formula; the style stays, so do comments). */
  clearCells(range: string): void {
    const rect = parseRect(range);
    if (!this.onSheet(rect, range)) return;
    for (const row of this.rows) {
      if (row.r < rect.r1 || row.r > rect.r2) continue;
      for (const cell of row.cells) {
        if (cell.column < rect.c1 || cell.column > rect.c2) continue;
        this.checkWritable(row.r, cell.column);
        let m = this.writes.get(row.r);
        if (!m) this.writes.set(row.r, (m = new Map()));
        m.set(cell.column, CLEAR);
      }
    }
  }

  get hasNewFormulas(): boolean {
    return this.wroteFormula;
  }

  private styleCell(row: number, column: number, change: StyleChange): void {
    let m = this.styleEdits.get(row);
    if (!m) this.styleEdits.set(row, (m = new Map()));
    const list = m.get(column) ?? [];
    list.push(change);
    m.set(column, list);
  }

  /** A format over a range: small ranges cell by cell, long ones on the column and its existing cells. */
  style(range: string, change: StyleChange): void {
    const r = parseRect(range);
    if (!this.onSheet(r, range)) return;
    if (r.r2 - r.r1 > 200) {
      for (let c = r.c1; c <= r.c2; c++) this.columnStyle(c, change);
      this.existingStyleEdits.push({ rect: r, change });
      return;
    }
    for (let row = r.r1; row <= r.r2; row++) for (let c = r.c1; c <= r.c2; c++) this.styleCell(row, c, change);
  }

  /** The `<col>` element for exactly this column, split out of a span when needed. */
  private colElement(column: number): Element {
    const cols = ensureChild(this.root, 'cols', WORKSHEET_ORDER);
    for (const col of childElements(cols, 'col')) {
      const min = Number(col.getAttribute('min'));
      const max = Number(col.getAttribute('max'));
      if (column < min || column > max) continue;
      if (min === max) return col;
      // split the span: [min, column-1], [column], [column+1, max]
      const parts: [number, number][] = [];
      if (min < column) parts.push([min, column - 1]);
      parts.push([column, column]);
      if (column < max) parts.push([column + 1, max]);
      let mine: Element | undefined;
      for (const [a, b] of parts) {
        const copy = col.cloneNode(true) as Element;
        copy.setAttribute('min', String(a));
        copy.setAttribute('max', String(b));
        cols.insertBefore(copy, col);
        if (a === column) mine = copy;
      }
      removeNode(col);
      this.domChanged = true;
      return mine!;
    }
    const col = createChild(cols, 'col');
    col.setAttribute('min', String(column));
    col.setAttribute('max', String(column));
    col.setAttribute('width', '9.140625');
    const after = childElements(cols, 'col').find((c) => Number(c.getAttribute('min')) > column);
    if (after) cols.insertBefore(col, after);
    else cols.appendChild(col);
    this.domChanged = true;
    return col;
  }

  private columnStyle(column: number, change: StyleChange): void {
    const col = this.colElement(column);
    const base = Number(col.getAttribute('style') ?? 0) || 0;
    const s = this.styles.derive(base, change);
    if (s !== base) {
      col.setAttribute('style', String(s));
      this.domChanged = true;
    }
  }

  columnWidth(column: string, width: number): void {
    if (!this.onSheet(parseRect(`${column}1`), column)) return;
    const col = this.colElement(columnIndex(column));
    if (col.getAttribute('width') === String(width) && col.getAttribute('customWidth') === '1') return;
    col.setAttribute('width', String(width));
    col.setAttribute('customWidth', '1');
    this.domChanged = true;
  }

  /** Freezes the header row, unless the sheet already has panes of its own. */
  freezeHeader(): void {
    const views = ensureChild(this.root, 'sheetViews', WORKSHEET_ORDER);
    let view = firstChild(views, 'sheetView');
    if (!view) {
      view = createChild(views, 'sheetView');
      view.setAttribute('workbookViewId', '0');
      views.appendChild(view);
    }
    if (firstChild(view, 'pane')) return;
    const pane = createChild(view, 'pane');
    pane.setAttribute('ySplit', '1');
    pane.setAttribute('topLeftCell', 'A2');
    pane.setAttribute('activePane', 'bottomLeft');
    pane.setAttribute('state', 'frozen');
    insertInOrder(view, pane, SHEETVIEW_ORDER);
    const selections = childElements(view, 'selection');
    if (selections.length === 0) {
      const sel = createChild(view, 'selection');
      sel.setAttribute('pane', 'bottomLeft');
      sel.setAttribute('activeCell', 'A2');
      sel.setAttribute('sqref', 'A2');
      insertInOrder(view, sel, SHEETVIEW_ORDER);
    } else {
      for (const sel of selections) if (!sel.getAttribute('pane')) sel.setAttribute('pane', 'bottomLeft');
    }
    this.domChanged = true;
  }

  validation(range: string, rule: ValidationRule, messages: ValidationMessages): void {
    const rect = parseRect(range);
    if (!this.onSheet(rect, range)) return;
    const sqref = formatRect(rect);
    const mine = this.validationElement(rule, messages, sqref);
    const dvs = firstChild(this.root, 'dataValidations');
    // already there exactly: nothing to do
    if (dvs && childElements(dvs, 'dataValidation').some((dv) => sameElement(dv, mine))) return;
    if (dvs) {
      for (const dv of childElements(dvs, 'dataValidation')) {
        const list = RangeList.parse(dv.getAttribute('sqref') ?? '');
        if (!list.overlaps(rect)) continue;
        const rest = list.minus(rect);
        if (rest.isEmpty) removeNode(dv);
        else dv.setAttribute('sqref', rest.toString());
      }
    }
    this.trimX14Validations(rect);
    const target = ensureChild(this.root, 'dataValidations', WORKSHEET_ORDER);
    target.appendChild(mine);
    target.setAttribute('count', String(childElements(target, 'dataValidation').length));
    this.domChanged = true;
  }

  /** Excel 2010 validations (lists pointing at other sheets) live in extLst; trim them the same way. */
  private trimX14Validations(rect: Rect): void {
    const ext = childElements(firstChild(this.root, 'extLst') ?? this.root, 'ext').find((e) => e.getAttribute('uri') === X14_VALIDATIONS_URI);
    const container = ext && firstChild(ext, 'dataValidations');
    if (!ext || !container) return;
    for (const dv of childElements(container, 'dataValidation')) {
      const sq = firstChild(dv, 'sqref');
      if (!sq) continue;
      const list = RangeList.parse(sq.textContent ?? '');
      if (!list.overlaps(rect)) continue;
      const rest = list.minus(rect);
      if (rest.isEmpty) removeNode(dv);
      else sq.textContent = rest.toString();
    }
    const left = childElements(container, 'dataValidation').length;
    if (left === 0) {
      removeNode(ext);
      const extLst = firstChild(this.root, 'extLst');
      if (extLst && childElements(extLst).length === 0) removeNode(extLst);
    } else container.setAttribute('count', String(left));
  }

  private validationElement(rule: ValidationRule, messages: ValidationMessages, sqref: string): Element {
    const dvs = firstChild(this.root, 'dataValidations') ?? this.root;
    const dv = createChild(dvs, 'dataValidation');
    const set = (k: string, v: string) => dv.setAttribute(k, v);
    const formula = (n: 1 | 2, text: string) => {
      const f = createChild(dv, `formula${n}`);
      f.textContent = text;
      dv.appendChild(f);
    };
    switch (rule.type) {
      case 'list':
        set('type', 'list');
        break;
      case 'wholeNumber':
        set('type', 'whole');
        break;
      case 'decimal':
        set('type', 'decimal');
        break;
      case 'date':
        set('type', 'date');
        break;
      case 'custom':
        set('type', 'custom');
        break;
      case 'textLength':
        set('type', 'textLength');
        set('operator', 'lessThanOrEqual');
        break;
    }
    if (messages.error && messages.error.style !== 'stop') set('errorStyle', messages.error.style);
    set('allowBlank', '1');
    if (messages.prompt) set('showInputMessage', '1');
    if (messages.error) set('showErrorMessage', '1');
    if (messages.error) {
      set('errorTitle', messages.error.title.slice(0, EXCEL_LIMITS.validationTitle));
      set('error', messages.error.message.slice(0, EXCEL_LIMITS.validationMessage));
    }
    if (messages.prompt) {
      set('promptTitle', messages.prompt.title.slice(0, EXCEL_LIMITS.validationTitle));
      set('prompt', messages.prompt.message.slice(0, EXCEL_LIMITS.validationMessage));
    }
    set('sqref', sqref);
    switch (rule.type) {
      case 'list':
        formula(1, rule.source.replace(/^=/, ''));
        break;
      case 'wholeNumber':
        formula(1, number(rule.min));
        formula(2, number(rule.max));
        break;
      case 'decimal':
        formula(1, number(rule.min ?? -1e12));
        formula(2, number(rule.max ?? 1e12));
        break;
      case 'date':
        formula(1, String(isoToSerial(rule.min ?? '1900-01-01')));
        formula(2, String(isoToSerial(rule.max ?? '9999-12-31')));
        break;
      case 'custom':
        formula(1, rule.formula.replace(/^=/, ''));
        break;
      case 'textLength':
        formula(1, number(rule.max));
        break;
    }
    return dv;
  }

  conditionalFormat(range: string, format: ConditionalFormat): void {
    const rect = parseRect(range);
    if (!this.onSheet(rect, range)) return;
    const sqref = formatRect(rect);
    const formula = format.formula.replace(/^=/, '');
    const dxfId = String(this.styles.dxf(argb(format.fill), format.fontColor ? argb(format.fontColor) : undefined));
    const blocks = childElements(this.root, 'conditionalFormatting');
    // the same rule already in place
    for (const block of blocks) {
      if (block.getAttribute('sqref') !== sqref) continue;
      if (
        childElements(block, 'cfRule').some((r) => r.getAttribute('type') === 'expression' && r.getAttribute('dxfId') === dxfId && ruleFormula(r) === formula)
      )
        return;
    }
    // an earlier copy of this rule (same formula) over an overlapping range is replaced
    let maxPriority = 0;
    for (const block of blocks) {
      const list = RangeList.parse(block.getAttribute('sqref') ?? '');
      for (const r of childElements(block, 'cfRule')) {
        if (list.overlaps(rect) && r.getAttribute('type') === 'expression' && ruleFormula(r) === formula) removeNode(r);
        else maxPriority = Math.max(maxPriority, Number(r.getAttribute('priority') ?? 0));
      }
      if (childElements(block, 'cfRule').length === 0) removeNode(block);
    }
    for (const ext of childElements(firstChild(this.root, 'extLst') ?? this.root, 'ext')) {
      const rules = ext.getElementsByTagNameNS('*', 'cfRule');
      for (let i = 0; i < rules.length; i++) maxPriority = Math.max(maxPriority, Number(rules.item(i)!.getAttribute('priority') ?? 0));
    }
    const block = createChild(this.root, 'conditionalFormatting');
    block.setAttribute('sqref', sqref);
    const rule = createChild(block, 'cfRule');
    rule.setAttribute('type', 'expression');
    rule.setAttribute('dxfId', dxfId);
    rule.setAttribute('priority', String(maxPriority + 1));
    const f = createChild(rule, 'formula');
    f.textContent = formula;
    rule.appendChild(f);
    block.appendChild(rule);
    insertInOrder(this.root, block, WORKSHEET_ORDER);
    this.domChanged = true;
  }

  // ── output ───────────────────────────────────────────────────────────────────────

  /** The sheet's new XML, or undefined when nothing changed. Conflicts are checked first. */
  serialize(): string | undefined {
    if (this.writes.size === 0 && this.styleEdits.size === 0 && this.existingStyleEdits.length === 0 && !this.domChanged) return undefined;
    const sheetData = this.buildSheetData();
    this.updateDimension();
    const text = serializeXml(this.doc);
    const marker = new RegExp(`<${this.prefix}sheetData ${PLACEHOLDER}="1"\\s*/>`);
    const m = marker.exec(text);
    if (!m) throw new SheetConflict(`${this.part}: sheetData kunde inte placeras`);
    const out = text.slice(0, m.index) + sheetData + text.slice(m.index + m[0].length);
    if (out === this.original) return undefined;
    if (this.protected) {
      this.conflicts.push(`Fliken ${this.name} är skyddad. Ta bort bladskyddet (Granska > Ta bort bladskydd), kör mallen och skydda fliken igen.`);
    }
    return out;
  }

  private updateDimension(): void {
    const dim = firstChild(this.root, 'dimension');
    if (!dim || this.writes.size === 0) return;
    let rect = parseRect(dim.getAttribute('ref') ?? '') ?? { c1: MAX_COLUMN, r1: MAX_ROW, c2: 1, r2: 1 };
    for (const [r, cols] of this.writes) {
      for (const c of cols.keys()) rect = { c1: Math.min(rect.c1, c), r1: Math.min(rect.r1, r), c2: Math.max(rect.c2, c), r2: Math.max(rect.r2, r) };
    }
    const ref = formatRect(rect);
    if (ref !== dim.getAttribute('ref')) dim.setAttribute('ref', ref);
  }

  private buildSheetData(): string {
    // style edits over long ranges reach the cells that exist
    for (const { rect, change } of this.existingStyleEdits) {
      for (const row of this.rows) {
        if (row.r < rect.r1 || row.r > rect.r2) continue;
        for (const c of row.cells) if (c.column >= rect.c1 && c.column <= rect.c2) this.styleCell(row.r, c.column, change);
      }
    }
    // a shared formula whose first cell is overwritten: the cells sharing it get their own formula
    const orphaned = new Set<string>();
    for (const [r, cols] of this.writes) {
      for (const c of cols.keys()) {
        const cell = this.cellAt(r, c);
        if (cell?.master && cell.fSi !== undefined) orphaned.add(cell.fSi);
      }
    }
    const rewritten = new Map<CellInfo, string>();
    if (orphaned.size) this.materialiseShared(orphaned, rewritten);

    const touched = new Set<number>([...this.writes.keys(), ...this.styleEdits.keys()]);
    for (const row of this.rows) if (row.cells.some((c) => rewritten.has(c))) touched.add(row.r);
    const implicitRows = this.rows.some((r) => !r.hasRef);
    if (touched.size === 0 && !implicitRows) return this.sheetDataOpen + this.sheetData + this.sheetDataClose;

    const parts: string[] = [this.sheetDataOpen];
    const newRows = [...touched].filter((r) => !this.byRow.has(r)).sort((a, b) => a - b);
    let k = 0;
    let copyFrom = 0;
    const flushNew = (before: number) => {
      while (k < newRows.length && newRows[k]! < before) parts.push(this.rowXml(newRows[k++]!, undefined, rewritten));
    };
    for (const row of this.rows) {
      const rewrite = touched.has(row.r) || !row.hasRef;
      const newBefore = k < newRows.length && newRows[k]! < row.r;
      if (!rewrite && !newBefore) continue;
      parts.push(this.sheetData.slice(copyFrom, row.start));
      flushNew(row.r);
      parts.push(rewrite ? this.rowXml(row.r, row, rewritten) : this.sheetData.slice(row.start, row.end));
      copyFrom = row.end;
    }
    parts.push(this.sheetData.slice(copyFrom));
    flushNew(Infinity);
    parts.push(this.sheetDataClose);
    return parts.join('');
  }

  private get sheetDataClose(): string {
    return `</${this.prefix}sheetData>`;
  }

  private materialiseShared(groups: Set<string>, rewritten: Map<CellInfo, string>): void {
    const masters = new Map<string, { row: number; column: number; formula: string }>();
    for (const row of this.rows) {
      for (const c of row.cells) {
        if (c.fType !== 'shared' || c.fSi === undefined || !groups.has(c.fSi)) continue;
        if (c.master) {
          masters.set(c.fSi, { row: row.r, column: c.column, formula: c.formula! });
          continue;
        }
        const m = masters.get(c.fSi);
        if (!m) continue;
        const formula = shiftFormula(m.formula, row.r - m.row, c.column - m.column);
        const xml = this.sheetData.slice(c.start, c.end);
        const p = this.prefix;
        const f = new RegExp(`<${p}f\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}f>)`);
        rewritten.set(
          c,
          xml.replace(f, () => `<${p}f>${escapeText(formula)}</${p}f>`),
        );
      }
    }
  }

  private rowXml(r: number, row: RowInfo | undefined, rewritten: Map<CellInfo, string>): string {
    const p = this.prefix;
    const writes = this.writes.get(r);
    const styles = this.styleEdits.get(r);
    const existing = row?.cells ?? [];
    const columns = new Set<number>([...existing.map((c) => c.column), ...(writes?.keys() ?? []), ...(styles?.keys() ?? [])]);
    const sorted = [...columns].sort((a, b) => a - b);
    const cells: string[] = [];
    for (const column of sorted) {
      const cell = existing.find((c) => c.column === column);
      const input = writes?.get(column);
      const changes = styles?.get(column) ?? [];
      const ref = cellAddress(column, r);
      if (cell && input === undefined && changes.length === 0) {
        let xml = rewritten.get(cell) ?? this.sheetData.slice(cell.start, cell.end);
        if (!cell.hasRef) xml = xml.replace(/^<([\w.:-]+)/, `<$1 r="${ref}"`);
        cells.push(xml);
        continue;
      }
      let s = cell ? cell.s : this.inheritedStyle(r, column);
      for (const change of changes) s = this.styles.derive(s, change);
      if (input === CLEAR) {
        cells.push(`<${p}c r="${ref}"${s ? ` s="${s}"` : ''}/>`);
      } else if (input !== undefined && input !== null) {
        cells.push(this.cellXml(ref, s, input));
      } else if (cell) {
        let xml = rewritten.get(cell) ?? this.sheetData.slice(cell.start, cell.end);
        if (!cell.hasRef) xml = xml.replace(/^<([\w.:-]+)/, `<$1 r="${ref}"`);
        xml = /^<[^>]*\ss="\d*"/.test(xml) ? xml.replace(/^(<[^>]*\s)s="\d*"/, `$1s="${s}"`) : xml.replace(/^<([\w.:-]+)/, `<$1 s="${s}"`);
        cells.push(xml);
      } else {
        cells.push(`<${p}c r="${ref}"${s ? ` s="${s}"` : ''}/>`);
      }
    }
    let open = row ? row.open : `<${p}row r="${r}">`;
    if (row && !row.hasRef) open = open.replace(/^<([\w.:-]+)/, `<$1 r="${r}"`);
    if (sorted.length && /\sspans="[^"]*"/.test(open)) {
      open = open.replace(/\sspans="[^"]*"/, ` spans="${sorted[0]}:${sorted[sorted.length - 1]}"`);
    }
    if (cells.length === 0) return open.endsWith('/>') ? open : `${open.replace(/>$/, '/>')}`;
    if (open.endsWith('/>')) open = open.replace(/\s*\/>$/, '>');
    return `${open}${cells.join('')}</${p}row>`;
  }

  private cellXml(ref: string, style: number, input: Exclude<CellInput, null>): string {
    const p = this.prefix;
    let s = style;
    let body: string;
    let type = '';
    if (typeof input === 'string') {
      type = ' t="inlineStr"';
      const space = /^\s|\s$|\n/.test(input) ? ' xml:space="preserve"' : '';
      body = `<${p}is><${p}t${space}>${xmlText(input)}</${p}t></${p}is>`;
    } else if (typeof input === 'number') {
      if (!Number.isFinite(input)) throw new SheetConflict(`${this.name}!${ref}: värdet ${input} är inget tal`);
      body = `<${p}v>${number(input)}</${p}v>`;
    } else if (typeof input === 'boolean') {
      type = ' t="b"';
      body = `<${p}v>${input ? 1 : 0}</${p}v>`;
    } else if ('formula' in input) {
      body = `<${p}f>${escapeText(input.formula.replace(/^=/, ''))}</${p}f>`;
    } else {
      if (!this.styles.isDate(s)) s = this.styles.derive(s, { numFmt: 'yyyy-mm-dd' });
      body = `<${p}v>${isoToSerial(input.date)}</${p}v>`;
    }
    return `<${p}c r="${ref}"${s ? ` s="${s}"` : ''}${type}>${body}</${p}c>`;
  }
}

function number(n: number): string {
  if (!Number.isFinite(n)) throw new SheetConflict(`värdet ${n} är inget tal`);
  return String(n);
}

function argb(color: string): string {
  return `FF${color.replace('#', '').toUpperCase()}`;
}

function ruleFormula(rule: Element): string {
  return firstChild(rule, 'formula')?.textContent ?? '';
}

function sameElement(a: Element, b: Element): boolean {
  const strip = (e: Element) => e.toString().replace(/\s+xmlns(:\w+)?="[^"]*"/g, '');
  if (local(a) !== local(b)) return false;
  const attrsOf = (e: Element) => {
    const out: string[] = [];
    for (let i = 0; i < e.attributes.length; i++) {
      const at = e.attributes.item(i)!;
      if (!at.name.startsWith('xmlns')) out.push(`${at.name}=${at.value}`);
    }
    return out.sort().join('\u0000');
  };
  if (attrsOf(a) !== attrsOf(b)) return false;
  const kids = (e: Element) => childElements(e).map(strip).join('');
  return kids(a) === kids(b);
}

export { attr, columnLetter };
