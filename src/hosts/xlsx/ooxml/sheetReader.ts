/**
 * Reads a worksheet part into a SheetSnapshot by streaming its XML: memory and time grow
 * with the part, never with the ranges a workbook declares. Every cell type Excel and other
 * tools write is read exactly: shared, inline and rich strings with their `_xHHHH_` escapes,
 * numbers, dates (date-formatted numbers and ISO `t="d"` cells), booleans, errors, formula
 * strings; shared formulas are expanded to each cell as Excel shows them.
 */
import { columnIndex } from '../../../core/cells/address';
import { shiftFormula } from '../../../core/cells/formulaShift';
import { READ_LIMITS, type CellValue, type SheetSnapshot } from '../../../core/workbook/snapshot';
import { decodeXstring } from './escapes';
import { localName, XmlScanner } from '../xml/scanner';

/** Published limits for the sheets Planrapport reads (README, "Limits"). */
export const SHEET_LIMITS: { rows: number; columns: number } = READ_LIMITS;

/** A cell beyond the limits: it is left where it is and reported. */
export interface OutsideCell {
  row: number;
  column: number;
}

export interface SheetReading extends SheetSnapshot {
  /** The first cell with content beyond SHEET_LIMITS, if any. */
  outside?: OutsideCell;
}

/** Placeholder for a shared string until the shared-string part has been read. */
export class SharedStringRef {
  constructor(readonly index: number) {}
}

export interface CellStyles {
  /** Whether the cell format (cellXfs index) shows a date. */
  isDate(styleIndex: number): boolean;
  date1904: boolean;
}

const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const DAY = 86_400_000;

export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + Math.round(serial * DAY));
}

/** An ISO 8601 date or date-time (as `t="d"` cells hold) → a UTC Date; undefined if it is none. */
export function isoCellToDate(text: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!m) {
    const t = /^(\d{2}):(\d{2})(?::(\d{2}))?/.exec(text.trim());
    // a time alone is a fraction of day 0
    return t ? new Date(EPOCH_1900 + (Number(t[1]) * 3600 + Number(t[2]) * 60 + Number(t[3] ?? 0)) * 1000) : undefined;
  }
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)));
  return Number.isNaN(d.getTime()) ? undefined : d;
}

function parseRef(ref: string): { row: number; column: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  return m ? { column: columnIndex(m[1]!), row: Number(m[2]) } : undefined;
}

interface SharedMaster {
  formula: string;
  row: number;
  column: number;
}

/**
 * Reads the sheet from its XML chunks. Shared strings come back as SharedStringRef (see
 * resolveSharedStrings); `wanted` collects their indexes.
 */
export async function readSheet(
  name: string,
  chunks: AsyncIterable<string>,
  styles: CellStyles,
  wanted: Set<number>,
  limits = SHEET_LIMITS,
): Promise<SheetReading> {
  const values: CellValue[][] = [];
  const formulas: (string | undefined)[][] = [];
  const merges: string[] = [];
  let usedColumns = 0;
  let outside: OutsideCell | undefined;
  const shared = new Map<string, SharedMaster>();

  const scanner = new XmlScanner();
  let inSheetData = false;
  let done = false; // after </sheetData>: only merges are wanted
  let skipping = false; // rows beyond the limit: jump to </sheetData>
  let row = 0;
  let column = 0;
  // the cell being read
  let cell: { row: number; column: number; t: string; s: number } | undefined;
  let capture: 'v' | 'f' | 't' | undefined;
  let inPhonetic = false;
  let vText = '';
  let fText: string | undefined;
  let fAttrs: Record<string, string> = {};
  let isText = '';
  let hasIs = false;

  const finishCell = () => {
    const c = cell!;
    cell = undefined;
    const hasValue = vText !== '' || hasIs || c.t === 'inlineStr';
    const hasFormula = fText !== undefined || fAttrs['t'] === 'shared';
    if (!hasValue && !hasFormula) return;
    if (c.row > limits.rows) {
      outside ??= { row: c.row, column: c.column };
      return;
    }
    if (c.column > usedColumns) usedColumns = c.column;
    if (c.column > limits.columns) {
      outside ??= { row: c.row, column: c.column };
      return;
    }
    let value: CellValue = null;
    switch (c.t) {
      case 's': {
        const i = Number(vText);
        if (Number.isInteger(i) && i >= 0) {
          wanted.add(i);
          value = new SharedStringRef(i) as unknown as CellValue;
        }
        break;
      }
      case 'inlineStr':
        value = decodeXstring(isText);
        break;
      case 'str':
        value = decodeXstring(vText);
        break;
      case 'b':
        value = vText.trim() === '1' || vText.trim().toLowerCase() === 'true';
        break;
      case 'e':
        value = { error: vText.trim() };
        break;
      case 'd': {
        const d = isoCellToDate(vText);
        value = d ?? vText;
        break;
      }
      default: {
        if (vText.trim() === '') break;
        const n = Number(vText);
        if (!Number.isFinite(n)) value = vText;
        else if (styles.isDate(c.s)) value = serialToDate(n, styles.date1904);
        else value = n;
      }
    }
    let formula: string | undefined;
    const ft = fAttrs['t'];
    if (ft === 'shared') {
      const si = fAttrs['si'] ?? '';
      if (fText !== undefined && fText.trim() !== '') {
        shared.set(si, { formula: fText, row: c.row, column: c.column });
        formula = fText;
      } else {
        const master = shared.get(si);
        if (master) formula = shiftFormula(master.formula, c.row - master.row, c.column - master.column);
      }
    } else if (ft !== 'dataTable' && fText !== undefined && fText !== '') {
      formula = fText;
    }
    const r = c.row - 1;
    (values[r] ??= [])[c.column - 1] = value;
    if (formula !== undefined) (formulas[r] ??= [])[c.column - 1] = `=${formula}`;
  };

  const handle = (): void => {
    for (;;) {
      if (skipping) {
        if (!scanner.skipTo('sheetData>')) return;
        skipping = false;
        scanner.text = true;
        inSheetData = false;
        done = true;
        scanner.next(); // the rest of the closing tag's name
        continue;
      }
      const ev = scanner.next();
      if (!ev) return;
      if (ev.type === 'text') {
        if (capture === 'v') vText += ev.text;
        else if (capture === 'f') fText = (fText ?? '') + ev.text;
        else if (capture === 't' && !inPhonetic) isText += ev.text;
        continue;
      }
      const tag = localName(ev.name);
      if (ev.type === 'open') {
        if (!inSheetData) {
          if (tag === 'sheetData' && !done) {
            if (!ev.selfClosing) inSheetData = true;
            else done = true;
          } else if (tag === 'mergeCell' && ev.attrs['ref']) merges.push(ev.attrs['ref']);
          continue;
        }
        switch (tag) {
          case 'row': {
            const r = ev.attrs['r'] ? Number(ev.attrs['r']) : row + 1;
            row = Number.isFinite(r) && r > 0 ? r : row + 1;
            column = 0;
            if (row > limits.rows) {
              // is there anything in it? the first cell with content beyond the limit is reported
              if (ev.selfClosing) continue;
            }
            break;
          }
          case 'c': {
            const at = ev.attrs['r'] ? parseRef(ev.attrs['r']) : undefined;
            const cr = at?.row ?? row;
            column = at ? at.column : column + 1;
            cell = { row: cr, column, t: ev.attrs['t'] ?? 'n', s: Number(ev.attrs['s'] ?? 0) || 0 };
            vText = '';
            fText = undefined;
            fAttrs = {};
            isText = '';
            hasIs = false;
            if (ev.selfClosing) finishCell();
            break;
          }
          case 'v':
            if (cell && !ev.selfClosing) capture = 'v';
            break;
          case 'f':
            if (cell) {
              fAttrs = ev.attrs;
              if (!ev.selfClosing) capture = 'f';
            }
            break;
          case 'is':
            hasIs = true;
            break;
          case 't':
            if (cell && !ev.selfClosing) capture = 't';
            break;
          case 'rPh':
            inPhonetic = true;
            break;
        }
        continue;
      }
      // close
      switch (tag) {
        case 'v':
        case 'f':
        case 't':
          capture = undefined;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 'c':
          if (cell) finishCell();
          break;
        case 'row':
          if (row > limits.rows && outside) {
            skipping = true;
            scanner.text = false;
          }
          break;
        case 'sheetData':
          inSheetData = false;
          done = true;
          break;
      }
    }
  };

  for await (const chunk of chunks) {
    scanner.push(chunk);
    handle();
  }
  scanner.end();
  handle();

  const rows = values.length;
  for (let r = 0; r < rows; r++) {
    values[r] ??= [];
    formulas[r] ??= [];
  }
  formulas.length = rows;
  return { name, values, formulas, merges, usedColumns, ...(outside ? { outside } : {}) };
}

/** Replaces SharedStringRef placeholders with the strings. */
export function resolveSharedStrings(sheet: SheetSnapshot, strings: ReadonlyMap<number, string>): void {
  for (const row of sheet.values) {
    for (let c = 0; c < row.length; c++) {
      const v = row[c] as unknown;
      if (v instanceof SharedStringRef) row[c] = strings.get(v.index) ?? '';
    }
  }
}

/** Streams the shared-string table and keeps the strings at the `wanted` indexes. */
export async function readSharedStrings(chunks: AsyncIterable<string>, wanted: ReadonlySet<number>): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const scanner = new XmlScanner();
  let index = -1;
  let text = '';
  let inT = false;
  let inPhonetic = false;
  const handle = () => {
    for (;;) {
      const ev = scanner.next();
      if (!ev) return;
      if (ev.type === 'text') {
        if (inT && !inPhonetic) text += ev.text;
        continue;
      }
      const tag = localName(ev.name);
      if (ev.type === 'open') {
        if (tag === 'si') {
          index++;
          text = '';
          if (ev.selfClosing && wanted.has(index)) out.set(index, '');
        } else if (tag === 't' && !ev.selfClosing) inT = true;
        else if (tag === 'rPh') inPhonetic = true;
        continue;
      }
      if (tag === 't') inT = false;
      else if (tag === 'rPh') inPhonetic = false;
      else if (tag === 'si' && wanted.has(index)) out.set(index, decodeXstring(text));
    }
  };
  for await (const chunk of chunks) {
    scanner.push(chunk);
    handle();
  }
  scanner.end();
  handle();
  return out;
}
