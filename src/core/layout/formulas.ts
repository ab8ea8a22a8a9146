/**
 * Formula templates of the layout, expanded for a place in the sheet. One grammar for cell
 * formulas, validation formulas and conditional formats:
 *
 * - `{key}`          the cell of column `key` in the same row (relative: F7)
 * - `{$key}`         the same, column fixed ($F7) — for rules over several columns
 * - `{key:above}`    column `key` from row 2 to the row above ($F$2:$F$6); cell formulas only
 * - `{$key:before}`  column `key` from row 1 to the row above, start fixed ($B$1:$B6)
 * - `{self}`         the cell the rule is evaluated for (relative both ways)
 * - `{self:before}`  that column from row 1 to the row above (C$1:C6)
 * - `{doc:kind}`     the Dokumenttyp in the Dokument sheet ("" when missing)
 */
import { columnLetter, sheetRef } from '../cells/address';

export interface FormulaPlace {
  row: number;
  columnOf: (key: string) => number | undefined;
  /** The column of `{self}`. */
  selfColumn?: number;
  /** Where Dokument keeps its Fält and Värde columns (defaults A and B). */
  documentColumns?: { field: number; value: number };
  /** Qualify same-sheet references with this sheet name (to evaluate the formula elsewhere). */
  qualify?: string;
}

const TOKEN = /\{(\$?)(\w+|self|doc:kind)(?::(above|before))?\}/g;

/** Expands a template; undefined when it names a column the sheet does not have. */
export function expandFormula(template: string, place: FormulaPlace): string | undefined {
  const { row } = place;
  const prefix = place.qualify ? `${sheetRef(place.qualify)}!` : '';
  let ok = true;
  let emptyAbove = false;
  const out = template.replace(TOKEN, (_, fixed: string, name: string, range?: string) => {
    if (name === 'doc:kind') {
      const d = place.documentColumns ?? { field: 1, value: 2 };
      const f = columnLetter(d.field);
      const v = columnLetter(d.value);
      return `IFERROR(INDEX(Dokument!$${v}$1:$${v}$200,MATCH("Dokumenttyp",Dokument!$${f}$1:$${f}$200,0)),"")`;
    }
    const col = name === 'self' ? place.selfColumn : place.columnOf(name);
    if (!col) {
      ok = false;
      return '0';
    }
    const letter = columnLetter(col);
    const colRef = name === 'self' ? letter : fixed ? `$${letter}` : letter;
    if (range === 'above') {
      if (row <= 2) emptyAbove = true;
      return `${prefix}$${letter}$2:$${letter}$${Math.max(row - 1, 2)}`;
    }
    if (range === 'before') return `${prefix}${colRef}$1:${colRef}${row - 1}`;
    return `${prefix}${colRef}${row}`;
  });
  if (!ok) return undefined;
  // nothing above the first data row: sums over it are 0
  if (emptyAbove) return '=0';
  return out;
}

/** Normalises a formula for comparison (spaces, case). */
export function normaliseFormula(f: string): string {
  return f.replace(/\s+/g, '').toUpperCase();
}
