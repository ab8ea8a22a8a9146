/**
 * Writing imported figures into Indikatorer with the user's consent: an empty cell is filled,
 * a cell holding the same value is left, a typed value is kept unless the user allows
 * overwriting (and a formula is never replaced). Every proposed change is listed, so the
 * task pane can show a preview and the CLI can print what it did. Where a figure came from
 * goes into the row's Källa column. Pure.
 */
import { INDIKATORER, columnOf, headerOf, type ColumnKey } from '../layout/layout';
import { cellAddress } from '../cells/address';
import { formatValue, type Value } from '../values/swedish';
import type { CellInput, Edit } from './edits';
import { isBlank, isErrorValue, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from './snapshot';
import { mapColumns, type ColumnMap } from './table';
import { shown } from './readPlan';

export type IndicatorKey = ColumnKey<typeof INDIKATORER>;

/** One figure proposed for one cell. */
export interface ValueChange {
  sheet: string;
  /** "F7". */
  cell: string;
  row: number;
  indicator: string;
  /** The column's header as it stands in the sheet. */
  column: string;
  /** What the cell shows now ("" when empty). */
  before: string;
  /** The new value as the sheet will show it (Swedish form, in the row's unit). */
  after: string;
  value: number | string;
  /**
   * `new`: into an empty cell; `overwrite`: replaces a typed value (the user allowed it);
   * `kept`: a typed value that differs was kept (overwriting not allowed); `formula`: the cell
   * holds a formula and was kept.
   */
  action: 'new' | 'overwrite' | 'kept' | 'formula';
}

export interface ValueImport {
  /** Why nothing can be imported (Swedish); when not empty, `edits` is empty. */
  problems: string[];
  /** Every figure that differs from its cell, written or not (see `action`). */
  changes: ValueChange[];
  /** What could not be matched or had no value, in Swedish, one line each. */
  unmatched: string[];
  notes: string[];
  edits: Edit[];
}

export function emptyImport(): ValueImport {
  return { problems: [], changes: [], unmatched: [], notes: [], edits: [] };
}

/** Near-equal numbers are the same figure (a percentage divided by 100 is not exact). */
function same(current: CellValue, value: number | string): boolean {
  if (typeof value === 'number') return typeof current === 'number' && Math.abs(current - value) <= 1e-9 * Math.max(1, Math.abs(value));
  return typeof current === 'string' && current.trim().toLowerCase() === value.trim().toLowerCase();
}

/** Rounds away the binary noise of a unit conversion (0,5 % → 0.005, not 0.005000000000000001). */
export function tidy(n: number): number {
  return Number(n.toPrecision(12));
}

export class IndicatorWriter {
  readonly map: ColumnMap<IndicatorKey>;
  private readonly sources = new Map<number, Map<string, string>>();

  constructor(
    private readonly sheet: SheetSnapshot,
    private readonly result: ValueImport,
    private readonly overwrite: boolean,
    private readonly year?: number,
  ) {
    this.map = mapColumns(sheet, INDIKATORER.columns);
  }

  static open(snapshot: WorkbookSnapshot, result: ValueImport, overwrite: boolean, year?: number): IndicatorWriter | undefined {
    const sheet = snapshot.sheets[INDIKATORER.name];
    if (!sheet) {
      result.problems.push('Fliken Indikatorer saknas. Kör "planrapport template" (eller Skapa mallar) först.');
      return undefined;
    }
    return new IndicatorWriter(sheet, result, overwrite, year);
  }

  header(key: IndicatorKey): string {
    return this.map.headerByKey.get(key) ?? headerOf(columnOf(INDIKATORER, key), { year: this.year });
  }

  has(key: IndicatorKey): boolean {
    return this.map.byKey.has(key);
  }

  /** Proposes `value` for a cell; returns whether it was written. */
  propose(row: number, key: IndicatorKey, value: number | string, unit: string, indicator: string): boolean {
    const column = this.map.byKey.get(key);
    if (!column) return false;
    const current = this.sheet.values[row - 1]?.[column - 1] ?? null;
    const formula = this.sheet.formulas[row - 1]?.[column - 1];
    if (!formula && same(current, value)) return false;
    const shownValue: Value = typeof value === 'number' ? { kind: 'number', value } : { kind: 'text', text: value };
    const blank = !formula && (isBlank(current) || isErrorValue(current));
    const action: ValueChange['action'] = formula ? 'formula' : blank ? 'new' : this.overwrite ? 'overwrite' : 'kept';
    this.result.changes.push({
      sheet: INDIKATORER.name,
      cell: cellAddress(column, row),
      row,
      indicator,
      column: this.header(key),
      before: formula ? `${shown(current)} (formel)` : shown(current),
      after: formatValue(shownValue, unit),
      value,
      action,
    });
    if (action !== 'new' && action !== 'overwrite') return false;
    this.result.edits.push({ op: 'setCells', sheet: INDIKATORER.name, topLeft: cellAddress(column, row), rows: [[value as CellInput]] });
    return true;
  }

  /** Notes in the row's Källa where its figures came from; `origin` replaces an earlier note of the same origin. */
  source(row: number, origin: string, text: string): void {
    let m = this.sources.get(row);
    if (!m) this.sources.set(row, (m = new Map()));
    m.set(origin, text);
  }

  /** The Källa edits, after every proposal. A Källa cell with a formula is left. */
  finish(): void {
    const column = this.map.byKey.get('source');
    if (!column) return;
    for (const [row, notes] of this.sources) {
      if (this.sheet.formulas[row - 1]?.[column - 1]) continue;
      const current = this.sheet.values[row - 1]?.[column - 1];
      const parts = typeof current === 'string' && current.trim() ? current.split(/\s*;\s*/).filter(Boolean) : [];
      for (const [origin, text] of notes) {
        const i = parts.findIndex((p) => p.startsWith(origin));
        if (i >= 0) parts[i] = text;
        else parts.push(text);
      }
      const next = parts.join('; ');
      if (next !== current) this.result.edits.push({ op: 'setCells', sheet: INDIKATORER.name, topLeft: cellAddress(column, row), rows: [[next]] });
    }
  }
}

/** A Value as the cell input that holds it. */
export function valueInput(v: Value): number | string | undefined {
  if (v.kind === 'number') return v.value;
  if (v.kind === 'text') return v.text;
  return undefined;
}
