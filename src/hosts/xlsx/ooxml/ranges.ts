/**
 * Range lists as worksheets hold them (`sqref="A1:B2 D4 R:R 5:5"`): parsing into rectangles
 * without expanding them cell by cell, overlap tests and subtraction, and writing back with
 * untouched parts spelt exactly as they were.
 */
import { columnIndex, columnLetter } from '../../../core/cells/address';

export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;

export interface Rect {
  c1: number;
  r1: number;
  c2: number;
  r2: number;
}

interface Part {
  rect: Rect;
  text: string;
}

function parsePart(text: string): Rect | undefined {
  const [a, b = a] = text.replace(/\$/g, '').split(':') as [string, string?];
  const cell = /^([A-Za-z]{1,3})(\d+)$/;
  const col = /^([A-Za-z]{1,3})$/;
  const row = /^(\d+)$/;
  let m1: RegExpExecArray | null;
  let m2: RegExpExecArray | null;
  if ((m1 = cell.exec(a)) && (m2 = cell.exec(b!))) {
    const r = { c1: columnIndex(m1[1]!), r1: Number(m1[2]), c2: columnIndex(m2[1]!), r2: Number(m2[2]) };
    return normal(r);
  }
  if ((m1 = col.exec(a)) && (m2 = col.exec(b!))) return normal({ c1: columnIndex(m1[1]!), r1: 1, c2: columnIndex(m2[1]!), r2: MAX_ROW });
  if ((m1 = row.exec(a)) && (m2 = row.exec(b!))) return normal({ c1: 1, r1: Number(m1[1]), c2: MAX_COLUMN, r2: Number(m2[1]) });
  return undefined;
}

function normal(r: Rect): Rect {
  return { c1: Math.min(r.c1, r.c2), r1: Math.min(r.r1, r.r2), c2: Math.max(r.c1, r.c2), r2: Math.max(r.r1, r.r2) };
}

export function parseRect(text: string): Rect | undefined {
  return parsePart(text);
}

export function formatRect(r: Rect): string {
  const a = `${columnLetter(r.c1)}${r.r1}`;
  const b = `${columnLetter(r.c2)}${r.r2}`;
  return a === b ? a : `${a}:${b}`;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.c1 <= b.c2 && b.c1 <= a.c2 && a.r1 <= b.r2 && b.r1 <= a.r2;
}

export function contains(outer: Rect, r: number, c: number): boolean {
  return r >= outer.r1 && r <= outer.r2 && c >= outer.c1 && c <= outer.c2;
}

/** a minus b, as at most four rectangles. */
export function subtract(a: Rect, b: Rect): Rect[] {
  if (!overlaps(a, b)) return [a];
  const out: Rect[] = [];
  if (a.r1 < b.r1) out.push({ c1: a.c1, r1: a.r1, c2: a.c2, r2: b.r1 - 1 });
  if (a.r2 > b.r2) out.push({ c1: a.c1, r1: b.r2 + 1, c2: a.c2, r2: a.r2 });
  const r1 = Math.max(a.r1, b.r1);
  const r2 = Math.min(a.r2, b.r2);
  if (a.c1 < b.c1) out.push({ c1: a.c1, r1, c2: b.c1 - 1, r2 });
  if (a.c2 > b.c2) out.push({ c1: b.c2 + 1, r1, c2: a.c2, r2 });
  return out;
}

export class RangeList {
  private constructor(
    private readonly parts: Part[],
    /** Tokens that are not ranges Planrapport understands; kept as they are. */
    private readonly other: string[],
  ) {}

  static parse(sqref: string): RangeList {
    const parts: Part[] = [];
    const other: string[] = [];
    for (const text of sqref.trim().split(/\s+/)) {
      if (!text) continue;
      const rect = parsePart(text);
      if (rect) parts.push({ rect, text });
      else other.push(text);
    }
    return new RangeList(parts, other);
  }

  get rects(): Rect[] {
    return this.parts.map((p) => p.rect);
  }

  overlaps(r: Rect): boolean {
    return this.parts.some((p) => overlaps(p.rect, r));
  }

  /** This list without `r`; untouched parts keep their spelling. */
  minus(r: Rect): RangeList {
    const parts: Part[] = [];
    for (const p of this.parts) {
      if (!overlaps(p.rect, r)) parts.push(p);
      else for (const rest of subtract(p.rect, r)) parts.push({ rect: rest, text: formatRect(rest) });
    }
    return new RangeList(parts, this.other);
  }

  get isEmpty(): boolean {
    return this.parts.length === 0 && this.other.length === 0;
  }

  toString(): string {
    return [...this.parts.map((p) => p.text), ...this.other].join(' ');
  }
}
