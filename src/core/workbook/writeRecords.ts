/**
 * Records → edits, through the layout: rows keyed by header text are written under the
 * matching columns of an existing template sheet (used by `demo` and by test fixtures).
 * Derived cells (the row type's formula columns) are left for the template's formulas.
 */
import { DOKUMENT, SHEETS, derivedKeys, formulaColumnsFor, headerMatches, type TableSheetSpec } from '../layout/layout';
import { cellAddress } from '../cells/address';
import type { CellInput, Edit } from './edits';
import type { WorkbookSnapshot } from './snapshot';
import { lastDataRow, mapColumns, readFields } from './table';

export type RecordValue = string | number | boolean | null | { date: string };
export type SheetRecord = Record<string, RecordValue | undefined>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function input(spec: TableSheetSpec | undefined, key: string | undefined, v: RecordValue | undefined): CellInput {
  if (v === undefined || v === null || v === '') return null;
  const kind = spec?.columns.find((c) => c.key === key)?.kind;
  if (kind === 'date' && typeof v === 'string' && ISO_DATE.test(v)) return { date: v };
  return v;
}

/**
 * Appends `records` (keyed by header text) below the last data row of a table sheet.
 * Keys without a column in the sheet are reported in `unplaced`. With `leaveDerived`, values
 * for cells the row type derives (deviations, sums) are not written, so that the template's
 * formulas go there instead.
 */
export function appendRecords(
  snapshot: WorkbookSnapshot,
  sheetName: string,
  records: readonly SheetRecord[],
  options: { leaveDerived?: boolean } = {},
): { edits: Edit[]; unplaced: string[] } {
  const spec = SHEETS.find((s): s is TableSheetSpec => s.kind === 'table' && s.name === sheetName);
  const sheet = snapshot.sheets[sheetName];
  if (!spec || !sheet) throw new Error(`Fliken ${sheetName} finns inte i arbetsboken; skapa mallen först.`);
  const map = mapColumns(sheet, spec.columns);
  const byHeader = new Map<string, { column: number; key?: string }>();
  (sheet.values[0] ?? []).forEach((h, i) => {
    if (typeof h === 'string' && h.trim()) {
      const key = [...map.byKey.entries()].find(([, col]) => col === i + 1)?.[0];
      byHeader.set(h.trim(), { column: i + 1, key });
    }
  });
  // a header the layout knows by another text (Periodens utfall VB 2018 for … VB 2019)
  const byLayout = (header: string) => {
    const column = spec.columns.find((c) => headerMatches(c, header));
    const at = column && map.byKey.get(column.key);
    return at ? { column: at, key: column.key } : undefined;
  };
  const typeKey = spec.rowFormulas?.typeColumn;
  const typeHeader = spec.columns.find((c) => c.key === typeKey)?.header;
  const edits: Edit[] = [];
  const unplaced = new Set<string>();
  let row = lastDataRow(sheet, map, derivedKeys(spec)) + 1;
  for (const record of records) {
    const derived = formulaColumnsFor(spec, typeHeader ? String(record[typeHeader] ?? '') : undefined);
    const width = Math.max(0, ...[...byHeader.values()].map((c) => c.column));
    const cells: CellInput[] = Array.from({ length: width }, () => null);
    for (const [header, value] of Object.entries(record)) {
      const target = byHeader.get(header) ?? byLayout(header);
      if (!target) {
        if (value !== undefined && value !== null && value !== '') unplaced.add(header);
        continue;
      }
      if (options.leaveDerived && target.key && target.key in derived) continue;
      cells[target.column - 1] = input(spec, target.key, value);
    }
    edits.push({ op: 'setCells', sheet: sheetName, topLeft: cellAddress(1, row), rows: [cells] });
    row++;
  }
  return { edits, unplaced: [...unplaced] };
}

/** Writes Dokument field values (keyed by Fält label) into the Värde cells of their rows. */
export function setFields(snapshot: WorkbookSnapshot, values: Record<string, RecordValue>): Edit[] {
  const sheet = snapshot.sheets[DOKUMENT.name];
  if (!sheet) throw new Error('Fliken Dokument finns inte i arbetsboken; skapa mallen först.');
  const { map, fields } = readFields(sheet, DOKUMENT);
  const valueCol = map.byKey.get('value') ?? 2;
  const edits: Edit[] = [];
  for (const [label, value] of Object.entries(values)) {
    const field = DOKUMENT.fields.find((f) => f.label === label);
    const rec = field && fields.get(field.key);
    if (!rec) continue;
    const v = field.kind === 'date' && typeof value === 'string' && ISO_DATE.test(value) ? { date: value } : value;
    edits.push({ op: 'setCells', sheet: DOKUMENT.name, topLeft: cellAddress(valueCol, rec.row), rows: [[v]] });
  }
  return edits;
}
