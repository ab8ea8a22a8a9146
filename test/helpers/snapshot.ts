/**
 * Workbooks in memory for the unit tests: no exceljs, no .xlsx, no host adapter.
 *
 * - `snapshotOf(records)`: records (records.ts) straight into a WorkbookSnapshot through the
 *   layout — header row from the layout's columns (`headerOf`, so Indikatorer gets
 *   "Periodens utfall VB <år−1>" from Dokument's År), each record's values under their
 *   headers, ISO texts in date columns as dates (as writeRecords writes them). No template:
 *   what a user's workbook holds, for tests of reading and of the rules. `headers` gives a
 *   sheet its own header row (columns renamed, missing, doubled, moved, the user's own).
 * - `MemoryHost`: the host port over a snapshot; applies the core's edits (cells, sheets,
 *   visibility) as a host would and keeps every edit for inspection.
 * - `templatedSnapshot(records)`: `fillWorkbook` (records.ts) in a MemoryHost — the same
 *   steps as the .xlsx fixtures (fixtures.ts), so the same records read the same.
 * - `put`, `removeSheet`, `merge`: faults injected into a snapshot, as a user would make them.
 */
import { DOKUMENT, SHEETS, headerOf, headerMatches, PREVIOUS_OUTCOME_PATTERN, type ColumnSpec, type TableSheetSpec } from '../../src/core/layout/layout';
import { parseCell } from '../../src/core/cells/address';
import { isValidIso } from '../../src/core/values/dates';
import type { CellInput, Edit } from '../../src/core/workbook/edits';
import { READ_LIMITS, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from '../../src/core/workbook/snapshot';
import type { WorkbookHost } from '../../src/hosts/port';
import { fillWorkbook, type FillOptions, type RecordValue, type TableSheetName, type WorkbookRecords } from './records';

/** A cell as a test writes it: a record value, a Date, an error, or a formula (with its cached value, if any). */
export type SnapshotValue = RecordValue | Date | { error: string } | { formula: string; value?: CellValue };
export type SnapshotRecord = Record<string, SnapshotValue | undefined>;
export type SnapshotRecords = { Dokument?: Record<string, SnapshotValue> } & { [S in TableSheetName]?: SnapshotRecord[] };

export interface SnapshotOptions {
  /** The year for year-dependent headers (default: Dokument's År). */
  year?: number;
  /** Only the sheets given (default: also the required sheets, with their header row only). */
  only?: boolean;
  /** A sheet's own header row (null: an empty header cell); records are placed under these. */
  headers?: Partial<Record<'Dokument' | TableSheetName, (string | null)[]>>;
  /** Other sheets, as rows of cells. */
  extra?: Record<string, SnapshotValue[][]>;
}

/** The sheets readPlan reports as missing when they are not there. */
const REQUIRED: readonly string[] = ['Dokument', 'Texter', 'Mål', 'Indikatorer', 'Aktiviteter', 'Driftbudget'];

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

function isFormula(v: SnapshotValue): v is { formula: string; value?: CellValue } {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'formula' in v;
}

/** A test's value as the cell a host reads, and the formula in it. */
function cellOf(v: SnapshotValue | undefined, dateColumn: boolean): { value: CellValue; formula?: string } {
  if (v === undefined || v === null) return { value: null };
  if (isFormula(v)) return { value: v.value ?? null, formula: v.formula };
  if (typeof v === 'object' && !(v instanceof Date) && 'date' in v) return { value: utc(v.date) };
  // as writeRecords writes it: a real calendar day in a date column is a date, anything else stays text
  if (dateColumn && typeof v === 'string' && isValidIso(v)) return { value: utc(v) };
  return { value: v };
}

/**
 * A deep copy that keeps Dates as Dates of this realm (structuredClone makes them Dates of
 * node's own realm, which `instanceof Date` in a jest test does not recognise).
 */
export function cloneSnapshot(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const sheets: Record<string, SheetSnapshot> = {};
  for (const [name, sheet] of Object.entries(snapshot.sheets)) sheets[name] = cloneSheet(sheet);
  return { sheetNames: [...snapshot.sheetNames], sheets };
}

function cloneSheet(sheet: SheetSnapshot): SheetSnapshot {
  const cell = (v: CellValue): CellValue => (v instanceof Date ? new Date(v.getTime()) : v !== null && typeof v === 'object' ? { ...v } : v);
  return {
    ...sheet,
    values: sheet.values.map((row) => Array.from(row, (v) => cell(v ?? null))),
    formulas: sheet.formulas.map((row) => Array.from(row)),
    ...(sheet.merges ? { merges: [...sheet.merges] } : {}),
    ...(sheet.outside ? { outside: { ...sheet.outside } } : {}),
  };
}

function emptySheet(name: string): SheetSnapshot {
  return { name, values: [], formulas: [] };
}

function setCell(sheet: SheetSnapshot, row: number, column: number, cell: { value: CellValue; formula?: string }) {
  if (row > READ_LIMITS.rows || column > READ_LIMITS.columns) {
    // a host does not read it; it reports the first such cell
    if (cell.value !== null || cell.formula) sheet.outside ??= { row, column };
    return;
  }
  while (sheet.values.length < row) sheet.values.push([]);
  while (sheet.formulas.length < row) sheet.formulas.push([]);
  const values = sheet.values[row - 1]!;
  const formulas = sheet.formulas[row - 1]!;
  while (values.length < column) values.push(null);
  values[column - 1] = cell.value;
  if (cell.formula) {
    while (formulas.length < column) formulas.push(undefined);
    formulas[column - 1] = cell.formula;
  } else if (formulas.length >= column) {
    formulas[column - 1] = undefined;
  }
}

function fieldsSheet(fields: Record<string, SnapshotValue>, header: (string | null)[] | undefined): SheetSnapshot {
  const sheet = emptySheet(DOKUMENT.name);
  const head = header ?? DOKUMENT.columns.map((c) => c.header);
  head.forEach((h, i) => setCell(sheet, 1, i + 1, { value: h }));
  const fieldCol = head.indexOf('Fält') + 1 || 1;
  const valueCol = head.indexOf('Värde') + 1 || 2;
  Object.entries(fields).forEach(([label, v], i) => {
    const dateField = DOKUMENT.fields.find((f) => f.label === label)?.kind === 'date';
    setCell(sheet, i + 2, fieldCol, { value: label });
    setCell(sheet, i + 2, valueCol, cellOf(v, dateField));
  });
  return sheet;
}

/** The column a record's key goes to: its header text, or any year of "Periodens utfall VB". */
function columnFor(header: (string | null)[], key: string): number {
  const exact = header.findIndex((h) => h !== null && h.trim() === key.trim());
  if (exact >= 0) return exact + 1;
  if (PREVIOUS_OUTCOME_PATTERN.test(key) || key === 'Periodens utfall VB') {
    const previous = header.findIndex((h) => h !== null && /^Periodens utfall VB/.test(h.trim()));
    if (previous >= 0) return previous + 1;
  }
  return 0;
}

function tableSheet(spec: TableSheetSpec, rows: readonly SnapshotRecord[], header: (string | null)[] | undefined, year: number | undefined): SheetSnapshot {
  const sheet = emptySheet(spec.name);
  const head = header ?? spec.columns.map((c) => headerOf(c, { year }));
  head.forEach((h, i) => setCell(sheet, 1, i + 1, { value: h }));
  const specAt = (column: number): ColumnSpec | undefined => {
    const h = head[column - 1];
    return h ? spec.columns.find((c) => headerMatches(c, h)) : undefined;
  };
  rows.forEach((record, i) => {
    for (const [key, v] of Object.entries(record)) {
      const column = columnFor(head, key);
      if (!column) {
        if (v === undefined || v === null || v === '') continue;
        throw new Error(`snapshotOf: ${spec.name} has no column "${key}" (headers: ${head.join(', ')})`);
      }
      setCell(sheet, i + 2, column, cellOf(v, specAt(column)?.kind === 'date'));
    }
  });
  return sheet;
}

/** A workbook snapshot holding these records under the layout's headers (see the module comment). */
export function snapshotOf(records: SnapshotRecords, options: SnapshotOptions = {}): WorkbookSnapshot {
  const yearField = records.Dokument?.['År'];
  const year = options.year ?? (typeof yearField === 'number' && Number.isInteger(yearField) ? yearField : undefined);
  const sheets: Record<string, SheetSnapshot> = {};
  const sheetNames: string[] = [];
  for (const spec of SHEETS) {
    const given = spec.kind === 'fields' ? records.Dokument : records[spec.name as TableSheetName];
    if (!given && (options.only || !REQUIRED.includes(spec.name))) continue;
    const header = options.headers?.[spec.name as 'Dokument' | TableSheetName];
    sheets[spec.name] =
      spec.kind === 'fields'
        ? fieldsSheet((given as Record<string, SnapshotValue> | undefined) ?? {}, header)
        : tableSheet(spec, (given as SnapshotRecord[] | undefined) ?? [], header, year);
    sheetNames.push(spec.name);
  }
  for (const [name, rows] of Object.entries(options.extra ?? {})) {
    const sheet = emptySheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => setCell(sheet, r + 1, c + 1, cellOf(v, false))));
    sheets[name] = sheet;
    sheetNames.push(name);
  }
  return { sheetNames, sheets };
}

// ---------------------------------------------------------------------------------------
// Faults, as a user makes them

function split(ref: string): [string, string] {
  const bang = ref.lastIndexOf('!');
  return [ref.slice(0, bang), ref.slice(bang + 1)];
}

/** Sets "Sheet!A1" (null clears it; a formula keeps its cached value; beyond the read limits → `outside`). */
export function put(snapshot: WorkbookSnapshot, ref: string, value: SnapshotValue): WorkbookSnapshot {
  const [name, address] = split(ref);
  const sheet = snapshot.sheets[name];
  if (!sheet) throw new Error(`put: no sheet ${name}`);
  const { column, row } = parseCell(address);
  setCell(sheet, row, column, cellOf(value, false));
  return snapshot;
}

export function removeSheet(snapshot: WorkbookSnapshot, name: string): WorkbookSnapshot {
  delete snapshot.sheets[name];
  snapshot.sheetNames = snapshot.sheetNames.filter((n) => n !== name);
  return snapshot;
}

/** Merges "Sheet!D2:E2" (hosts report the area; the cells keep what they hold). */
export function merge(snapshot: WorkbookSnapshot, ref: string): WorkbookSnapshot {
  const [name, range] = split(ref);
  const sheet = snapshot.sheets[name]!;
  sheet.merges = [...(sheet.merges ?? []), range];
  return snapshot;
}

// ---------------------------------------------------------------------------------------
// The host port in memory

function inputCell(input: Exclude<CellInput, null>): { value: CellValue; formula?: string } {
  if (typeof input === 'object') {
    // the CLI writes formulas without cached values, and so does this host
    if ('formula' in input) return { value: null, formula: input.formula };
    return { value: utc(input.date) };
  }
  return { value: input };
}

/** Applies the core's edits to a snapshot as a host would (cells, sheets, visibility; formats are only logged). */
export function applyEdits(book: WorkbookSnapshot, edits: readonly Edit[]): void {
  for (const edit of edits) {
    switch (edit.op) {
      case 'addSheet':
        if (book.sheets[edit.sheet]) throw new Error(`addSheet: ${edit.sheet} exists`);
        book.sheetNames.push(edit.sheet);
        book.sheets[edit.sheet] = emptySheet(edit.sheet);
        break;
      case 'setSheetVisible':
        book.sheets[edit.sheet]!.hidden = !edit.visible;
        break;
      case 'setCells': {
        const sheet = book.sheets[edit.sheet];
        if (!sheet) throw new Error(`setCells: no sheet ${edit.sheet}`);
        const { column, row } = parseCell(edit.topLeft);
        edit.rows.forEach((cells, r) =>
          cells.forEach((input, c) => {
            // null leaves the cell as it is
            if (input !== null) setCell(sheet, row + r, column + c, inputCell(input));
          }),
        );
        break;
      }
      case 'clearCells': {
        const sheet = book.sheets[edit.sheet];
        if (!sheet) throw new Error(`clearCells: no sheet ${edit.sheet}`);
        const [a, b] = edit.range.split(':');
        const first = parseCell(a!);
        const last = b ? parseCell(b) : first;
        for (let r = first.row; r <= last.row; r++) {
          for (let c = first.column; c <= last.column; c++) {
            if (sheet.values[r - 1]?.[c - 1] !== undefined) sheet.values[r - 1]![c - 1] = null;
            if (sheet.formulas[r - 1]?.[c - 1] !== undefined) sheet.formulas[r - 1]![c - 1] = undefined;
          }
        }
        break;
      }
      default:
        break;
    }
  }
}

export class MemoryHost implements WorkbookHost {
  /** Every edit applied, in order. */
  readonly edits: Edit[] = [];
  readonly book: WorkbookSnapshot;

  constructor(book: WorkbookSnapshot = { sheetNames: [], sheets: {} }) {
    this.book = cloneSnapshot(book);
  }

  /** A copy of the named sheets that exist (all sheets when none are named). */
  snapshot(names?: readonly string[]): WorkbookSnapshot {
    const wanted = names ?? this.book.sheetNames;
    const sheets: Record<string, SheetSnapshot> = {};
    for (const name of wanted) if (this.book.sheets[name]) sheets[name] = cloneSheet(this.book.sheets[name]!);
    return { sheetNames: [...this.book.sheetNames], sheets };
  }

  async read(names: readonly string[]): Promise<WorkbookSnapshot> {
    return this.snapshot(names);
  }

  async update<T>(names: readonly string[], compute: (snapshot: WorkbookSnapshot) => { edits: Edit[]; result: T }): Promise<T> {
    const { edits, result } = compute(this.snapshot(names));
    applyEdits(this.book, edits);
    this.edits.push(...edits);
    return result;
  }
}

/** The records in a templated workbook, built as the .xlsx fixtures are (template, records, template). */
export async function templatedSnapshot(records: WorkbookRecords, fill: FillOptions = {}): Promise<WorkbookSnapshot> {
  const host = new MemoryHost();
  await fillWorkbook(host, records, fill);
  return host.snapshot();
}
