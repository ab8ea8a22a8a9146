/**
 * What a host reads from a workbook in one round trip: the list of sheet names and, for
 * the sheets asked for, the used cells from A1 (values and formulas). Pure data.
 */

/** A cell as read: text, number, boolean, a Date (xlsx files), an error such as #DIV/0!, or empty. */
export type CellValue = string | number | boolean | Date | { error: string } | null;

export interface SheetSnapshot {
  name: string;
  /** rows[r][c] is the cell at row r+1, column c+1; rows may be ragged or shorter than the sheet. */
  values: CellValue[][];
  /** Formula texts (English syntax, leading "=") where a cell holds a formula; undefined elsewhere. */
  formulas: (string | undefined)[][];
  /** Merged areas, e.g. "A2:C2", where the host can tell. */
  merges?: string[];
  hidden?: boolean;
  /** The last column holding anything, also beyond the cells read (hosts that can tell). */
  usedColumns?: number;
  /** The first cell with content beyond what the host reads (its published limits); not in `values`. */
  outside?: { row: number; column: number };
}

/** What a host reads of a sheet at most (README, "Limits"); cells beyond are reported, never read. */
export const READ_LIMITS = { rows: 100_000, columns: 1_000 } as const;

export interface WorkbookSnapshot {
  /** Every sheet in the workbook, in tab order. */
  sheetNames: string[];
  /** The sheets that were asked for and exist, by name. */
  sheets: Record<string, SheetSnapshot>;
}

export function cellAt(sheet: SheetSnapshot, row: number, column: number): CellValue {
  return sheet.values[row - 1]?.[column - 1] ?? null;
}

const NON_SPACE = /\S/;

export function isBlank(v: CellValue): boolean {
  // a test, not trim(): no copy of a long text
  return v === null || (typeof v === 'string' && !NON_SPACE.test(v));
}

export function isErrorValue(v: CellValue): v is { error: string } {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'error' in v;
}

const ERROR_TEXTS = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#UNKNOWN!',
  '#BUSY!',
  '#CONNECT!',
  '#PYTHON!',
]);
export function isErrorText(text: string): boolean {
  // every error text starts with "#" and is short
  const i = text.indexOf('#');
  if (i < 0 || text.length > 24) return false;
  return ERROR_TEXTS.has(text.trim().toUpperCase());
}
