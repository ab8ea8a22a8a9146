/**
 * Moving a formula to another cell as Excel does when it fills or copies it: relative
 * references shift, absolute ones ($A$1) stay. Used to read shared formulas (Excel stores a
 * filled-down formula once, in its first cell) and to write them out cell by cell.
 * String literals, structured references (Tabell[Kolumn]), external workbook indexes
 * ([1]Blad!A1), function names and defined names are left alone.
 */
import { columnIndex, columnLetter } from './address';

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

function shiftColumn(letters: string, fixed: boolean, d: number): string | undefined {
  if (fixed || d === 0) return letters;
  const c = columnIndex(letters) + d;
  return c < 1 || c > MAX_COLUMN ? undefined : columnLetter(c);
}

function shiftRow(row: string, fixed: boolean, d: number): string | undefined {
  if (fixed || d === 0) return row;
  const r = Number(row) + d;
  return r < 1 || r > MAX_ROW ? undefined : String(r);
}

const IDENT_CHAR = /[A-Za-z0-9_.\\\u00C0-\uFFFF]/;

/**
 * Shifts the formula's relative references by `rows` and `columns`. A reference moved off
 * the sheet becomes #REF!, as in Excel. The leading "=" is optional and kept as given.
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  let out = '';
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i]!;
    if (ch === '"') {
      // string literal, "" escapes a quote
      let j = i + 1;
      for (; j < n; j++) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j++;
          else break;
        }
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      // quoted sheet name: copy through to the closing quote; the reference after "!" follows
      let j = i + 1;
      for (; j < n; j++) {
        if (formula[j] === "'") {
          if (formula[j + 1] === "'") j++;
          else break;
        }
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '[') {
      // structured reference or external workbook index: nested brackets copied as they are
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === '[') depth++;
        else if (formula[j] === ']') {
          depth--;
          if (depth === 0) break;
        } else if (formula[j] === "'" && depth > 0) j++; // escape inside structured refs
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '#') {
      // error literal such as #REF! or #N/A
      const m = /^#[A-Z0-9/]+[!?]?/i.exec(formula.slice(i));
      const len = m ? m[0].length : 1;
      out += formula.slice(i, i + len);
      i += len;
      continue;
    }
    const prev = i > 0 ? formula[i - 1]! : '';
    if (/[A-Za-z_$\\0-9]/.test(ch) && !(prev && IDENT_CHAR.test(prev))) {
      // a token: number, name, function, or a reference (A1, $A$1, A:A, 1:1, A1:B2)
      let j = i;
      while (j < n && /[A-Za-z0-9_.$\\\u00C0-\uFFFF]/.test(formula[j]!)) j++;
      // exponent numbers such as 1E+5
      if (/^\d+(\.\d*)?E$/i.test(formula.slice(i, j)) && /[+-]/.test(formula[j] ?? '')) {
        j++;
        while (j < n && /\d/.test(formula[j]!)) j++;
        out += formula.slice(i, j);
        i = j;
        continue;
      }
      let token = formula.slice(i, j);
      // a range: extend across ":" to the second part when both parts are references
      let second: string | undefined;
      if (formula[j] === ':') {
        let k = j + 1;
        while (k < n && /[A-Za-z0-9_$]/.test(formula[k]!)) k++;
        const cand = formula.slice(j + 1, k);
        if (cand && isRefPart(token) && isRefPart(cand) && sameKind(token, cand)) {
          second = cand;
          j = k;
        }
      }
      const next = formula[j] ?? '';
      if (next === '(' || next === '!' || next === '[') {
        // function name, sheet name or workbook/table name
        out += formula.slice(i, j);
        i = j;
        continue;
      }
      if (second !== undefined) {
        const a = shiftPart(token, rows, columns);
        const b = shiftPart(second, rows, columns);
        out += a === undefined || b === undefined ? '#REF!' : `${a}:${b}`;
      } else if (/^\$?[A-Za-z]{1,3}\$?\d+$/.test(token) && isCell(token)) {
        const s = shiftPart(token, rows, columns);
        out += s ?? '#REF!';
      } else {
        out += token;
      }
      token = '';
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function isCell(token: string): boolean {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(token);
  return !!m && columnIndex(m[1]!) <= MAX_COLUMN && Number(m[2]) >= 1 && Number(m[2]) <= MAX_ROW;
}

function isRefPart(token: string): boolean {
  return isCell(token) || /^\$?[A-Za-z]{1,3}$/.test(token) || /^\$?\d+$/.test(token);
}

function kind(token: string): 'cell' | 'column' | 'row' {
  if (/^\$?\d+$/.test(token)) return 'row';
  if (/^\$?[A-Za-z]{1,3}$/.test(token)) return 'column';
  return 'cell';
}

function sameKind(a: string, b: string): boolean {
  return kind(a) === kind(b);
}

function shiftPart(token: string, rows: number, columns: number): string | undefined {
  const cell = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/.exec(token);
  if (cell) {
    const c = shiftColumn(cell[2]!.toUpperCase(), cell[1] === '$', columns);
    const r = shiftRow(cell[4]!, cell[3] === '$', rows);
    return c === undefined || r === undefined ? undefined : `${cell[1]}${c}${cell[3]}${r}`;
  }
  const col = /^(\$?)([A-Za-z]{1,3})$/.exec(token);
  if (col) {
    const c = shiftColumn(col[2]!.toUpperCase(), col[1] === '$', columns);
    return c === undefined ? undefined : `${col[1]}${c}`;
  }
  const row = /^(\$?)(\d+)$/.exec(token);
  if (row) {
    const r = shiftRow(row[2]!, row[1] === '$', rows);
    return r === undefined ? undefined : `${row[1]}${r}`;
  }
  return token;
}
