/**
 * The snapshot a workbook would have after some edits (cells only): so that one use-case
 * can plan in steps — the next period, then the template over its result — and still send
 * the host one transaction. Pure; the input snapshot is not changed.
 */
import { parseRange } from '../cells/address';
import { isoToSerial } from '../values/dates';
import type { Edit } from './edits';
import type { SheetSnapshot, WorkbookSnapshot } from './snapshot';

export function applyToSnapshot(snapshot: WorkbookSnapshot, edits: readonly Edit[]): WorkbookSnapshot {
  const sheets: Record<string, SheetSnapshot> = { ...snapshot.sheets };
  const sheetNames = [...snapshot.sheetNames];
  const copied = new Set<string>();
  const writable = (name: string): SheetSnapshot | undefined => {
    const sheet = sheets[name];
    if (!sheet) return undefined;
    if (!copied.has(name)) {
      sheets[name] = { ...sheet, values: sheet.values.map((r) => [...r]), formulas: sheet.formulas.map((r) => [...r]) };
      copied.add(name);
    }
    return sheets[name];
  };
  const put = (sheet: SheetSnapshot, row: number, column: number, value: SheetSnapshot['values'][number][number], formula?: string) => {
    while (sheet.values.length < row) sheet.values.push([]);
    while (sheet.formulas.length < row) sheet.formulas.push([]);
    const values = sheet.values[row - 1]!;
    const formulas = sheet.formulas[row - 1]!;
    while (values.length < column) values.push(null);
    values[column - 1] = value;
    formulas[column - 1] = formula;
  };
  for (const edit of edits) {
    if (edit.op === 'addSheet') {
      if (sheets[edit.sheet] || sheetNames.includes(edit.sheet)) continue;
      sheetNames.push(edit.sheet);
      sheets[edit.sheet] = { name: edit.sheet, values: [], formulas: [] };
      copied.add(edit.sheet);
    } else if (edit.op === 'setCells') {
      const sheet = writable(edit.sheet);
      if (!sheet) continue;
      const { row, column } = parseRange(edit.topLeft);
      edit.rows.forEach((cells, i) =>
        cells.forEach((input, j) => {
          if (input === null) return;
          if (typeof input === 'object' && 'formula' in input) put(sheet, row + i, column + j, null, input.formula);
          else if (typeof input === 'object') put(sheet, row + i, column + j, isoToSerial(input.date));
          else put(sheet, row + i, column + j, input);
        }),
      );
    } else if (edit.op === 'clearCells') {
      const sheet = writable(edit.sheet);
      if (!sheet) continue;
      const r = parseRange(edit.range);
      for (let row = r.row; row <= Math.min(r.lastRow, sheet.values.length); row++) {
        for (let column = r.column; column <= r.lastColumn; column++) {
          if (sheet.values[row - 1]?.[column - 1] !== undefined || sheet.formulas[row - 1]?.[column - 1] !== undefined) put(sheet, row, column, null);
        }
      }
    }
  }
  return { sheetNames, sheets };
}
