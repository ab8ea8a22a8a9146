/** A1 addresses: column letters and cell references. */

export function columnLetter(index: number): string {
  // index is 1-based: 1 → A, 27 → AA
  let n = index;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1-based column and row → "C7". */
export function cellAddress(column: number, row: number): string {
  return `${columnLetter(column)}${row}`;
}

/** "C7" → { column: 3, row: 7 }. */
export function parseCell(address: string): { column: number; row: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address.trim());
  if (!m) throw new Error(`Ogiltig celladress: ${address}`);
  return { column: columnIndex(m[1]!), row: Number(m[2]) };
}

/** "B2:D5" → corners (a single cell gives equal corners). */
export function parseRange(address: string): { column: number; row: number; lastColumn: number; lastRow: number } {
  const [a, b] = address.split(':');
  const first = parseCell(a!);
  const last = b ? parseCell(b) : first;
  return { column: first.column, row: first.row, lastColumn: last.column, lastRow: last.row };
}

/** Quotes a sheet name for use in a formula when needed: 'Min flik'!A1. */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
