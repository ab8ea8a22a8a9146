/**
 * Reading a table sheet through its declared layout: columns are found by their header
 * text (exact after trimming), blank rows are skipped, extra columns are left alone.
 */
import { headerMatches, type ColumnSpec, type FieldSheetSpec } from '../layout/layout';
import { isBlank, type CellValue, type SheetSnapshot } from './snapshot';

export interface ColumnMap<K extends string = string> {
  /** 1-based column of each layout column found in row 1. */
  byKey: Map<K, number>;
  /** The header text found for each layout column (the year-dependent ones vary). */
  headerByKey: Map<K, string>;
  /** Last column that holds anything in the sheet (header or data). */
  lastUsedColumn: number;
  /** Headers in row 1 that the layout does not know, with their column. */
  unknownHeaders: { column: number; text: string }[];
  /** Layout columns that appear more than once in row 1 (the first one is used). */
  duplicates: { key: K; column: number }[];
}

export function mapColumns<K extends string>(sheet: SheetSnapshot, columns: readonly ColumnSpec<K>[]): ColumnMap<K> {
  const byKey = new Map<K, number>();
  const headerByKey = new Map<K, string>();
  const unknownHeaders: ColumnMap['unknownHeaders'] = [];
  const duplicates: ColumnMap<K>['duplicates'] = [];
  const header = sheet.values[0] ?? [];
  header.forEach((cell, i) => {
    if (cell === null || (typeof cell !== 'string' && typeof cell !== 'number')) return;
    const text = String(cell).trim();
    if (text === '') return;
    const spec = columns.find((col) => headerMatches(col, text));
    if (!spec) {
      unknownHeaders.push({ column: i + 1, text });
    } else if (byKey.has(spec.key)) {
      duplicates.push({ key: spec.key, column: i + 1 });
    } else {
      byKey.set(spec.key, i + 1);
      headerByKey.set(spec.key, text);
    }
  });
  let lastUsedColumn = 0;
  for (const row of sheet.values) {
    for (let i = row.length - 1; i >= lastUsedColumn; i--) {
      if (!isBlank(row[i] ?? null)) {
        lastUsedColumn = i + 1;
        break;
      }
    }
  }
  for (const row of sheet.formulas) {
    for (let i = row.length - 1; i >= lastUsedColumn; i--) {
      if (row[i]) {
        lastUsedColumn = i + 1;
        break;
      }
    }
  }
  // cells the host did not read (beyond its column limit) still take their place
  lastUsedColumn = Math.max(lastUsedColumn, sheet.usedColumns ?? 0);
  return { byKey, headerByKey, lastUsedColumn, unknownHeaders, duplicates };
}

export interface TableRecord<K extends string = string> {
  /** 1-based sheet row. */
  row: number;
  cells: Partial<Record<K, CellValue>>;
  formulas: Partial<Record<K, string>>;
}

/**
 * Data rows from row 2; a row is blank when every layout cell in it is empty or only a
 * formula (derived columns never count as input).
 */
export function readRecords<K extends string>(sheet: SheetSnapshot, map: ColumnMap<K>, derived: ReadonlySet<string> = new Set()): TableRecord<K>[] {
  const records: TableRecord<K>[] = [];
  for (let r = 1; r < sheet.values.length; r++) {
    const values = sheet.values[r] ?? [];
    const formulas = sheet.formulas[r] ?? [];
    const cells: Partial<Record<K, CellValue>> = {};
    const rowFormulas: Partial<Record<K, string>> = {};
    let hasInput = false;
    for (const [key, col] of map.byKey) {
      const v = values[col - 1] ?? null;
      const f = formulas[col - 1];
      cells[key] = v;
      rowFormulas[key] = f;
      if (!f && !isBlank(v) && !derived.has(key)) hasInput = true;
    }
    if (hasInput) records.push({ row: r + 1, cells, formulas: rowFormulas });
  }
  return records;
}

/** The last row (1-based) with input in a layout column (formulas alone do not count), or 1. */
export function lastDataRow<K extends string>(sheet: SheetSnapshot, map: ColumnMap<K>, derived: ReadonlySet<string> = new Set()): number {
  for (let r = sheet.values.length - 1; r >= 1; r--) {
    const values = sheet.values[r] ?? [];
    const formulas = sheet.formulas[r] ?? [];
    for (const [key, col] of map.byKey) {
      if (!derived.has(key) && !formulas[col - 1] && !isBlank(values[col - 1] ?? null)) return r + 1;
    }
  }
  return 1;
}

export interface FieldRecord {
  row: number;
  label: string;
  value: CellValue;
  formula?: string;
}

/** Dokument: one row per field, `Fält` in one column and `Värde` in the other. */
export function readFields(sheet: SheetSnapshot, spec: FieldSheetSpec): { map: ColumnMap<'field' | 'value'>; fields: Map<string, FieldRecord> } {
  const map = mapColumns(sheet, spec.columns);
  const fieldCol = map.byKey.get('field') ?? 1;
  const valueCol = map.byKey.get('value') ?? 2;
  const fields = new Map<string, FieldRecord>();
  for (let r = 1; r < sheet.values.length; r++) {
    const raw = sheet.values[r]?.[fieldCol - 1] ?? null;
    if (raw === null || typeof raw !== 'string') continue;
    const label = raw.trim();
    const known = spec.fields.find((f) => f.label.toLowerCase() === label.toLowerCase());
    if (!known || fields.has(known.key)) continue;
    fields.set(known.key, {
      row: r + 1,
      label,
      value: sheet.values[r]?.[valueCol - 1] ?? null,
      formula: sheet.formulas[r]?.[valueCol - 1],
    });
  }
  return { map, fields };
}
