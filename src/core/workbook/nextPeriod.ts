/**
 * The next period of the planning year as a pure function: from the workbook of one document
 * (a snapshot) to the edits that make it the next one — verksamhetsplan → tertialrapport 1 →
 * tertialrapport 2 → verksamhetsberättelse → next year's plan. What each column does is
 * declared in the layout (`carry`), not here: this module only carries it out. Columns and
 * sheets the layout does not know are never touched.
 */
import { DOKUMENT, SHEETS, headerOf, derivedKeys, type Carry, type TableSheetSpec } from '../layout/layout';
import { DOCUMENT_KIND_LABEL, type DocumentKind, type Periodicity } from '../model/plan';
import { periodIndex, periodLabel, periodName, type Period } from '../model/period';
import type { IsoDate } from '../values/dates';
import { cellAddress } from '../cells/address';
import { normaliseFormula } from '../layout/formulas';
import type { CellInput, Edit } from './edits';
import { isBlank, isErrorValue, type CellValue, type WorkbookSnapshot } from './snapshot';
import { mapColumns, readFields, readRecords, type TableRecord } from './table';
import { choiceOf, readPlan } from './readPlan';
import { managedFormulas } from './template';

export interface NextPeriodOptions {
  kind: DocumentKind;
  /** Default: the source's year, or the next year when the kind comes before the source's in its year. */
  year?: number;
  /** Tertialrapport: default 2 after tertialrapport 1, else 1. */
  tertial?: 1 | 2;
  /** The new document's Datum; without it Datum is emptied. */
  date?: IsoDate;
}

export interface NextPeriodPlan {
  /** Why there is no next period to make (Swedish); when not empty, `edits` is empty. */
  problems: string[];
  from?: Period;
  to?: Period;
  edits: Edit[];
  /** What the user should know (Swedish). */
  notes: string[];
  /** Rows carried per sheet. */
  carried: { sheet: string; rows: number }[];
  /** Cells emptied per sheet and column header. */
  cleared: { sheet: string; header: string; cells: number }[];
  /** Outcomes of the verksamhetsberättelse moved into "Periodens utfall VB <år>". */
  previousOutcomes: number;
}

/** The period the options ask for, after `from`. */
export function resolveNextPeriod(from: Period, options: NextPeriodOptions): Period {
  const tertial = options.kind === 'tertialrapport' ? (options.tertial ?? (from.kind === 'tertialrapport' && from.tertial === 1 ? 2 : 1)) : undefined;
  if (options.year) return { kind: options.kind, year: options.year, tertial };
  const sameYear: Period = { kind: options.kind, year: from.year, tertial };
  return periodIndex(sameYear) > periodIndex(from) ? sameYear : { ...sameYear, year: from.year + 1 };
}

/** Consecutive rows of one column as ranges ("F2:F9"). */
function runs(column: number, rows: readonly number[]): string[] {
  const out: string[] = [];
  const sorted = [...rows].sort((a, b) => a - b);
  let start = sorted[0];
  for (let i = 0; i < sorted.length; i++) {
    const row = sorted[i]!;
    const next = sorted[i + 1];
    if (next === row + 1) continue;
    out.push(start === row ? cellAddress(column, row) : `${cellAddress(column, start!)}:${cellAddress(column, row)}`);
    start = next;
  }
  return out;
}

/** A cell's value as input for another cell (the cached value of a formula). */
function asInput(v: CellValue): CellInput {
  if (v === null || isErrorValue(v)) return null;
  if (v instanceof Date) return { date: v.toISOString().slice(0, 10) };
  return v;
}

function sameValue(a: CellValue, b: CellInput): boolean {
  if (b === null || typeof b === 'object') return false;
  return typeof a === typeof b && (typeof a === 'string' ? a.trim() === String(b).trim() : a === b);
}

const MAX_NAMED_CELLS = 8;
const listed = (cells: string[]) => (cells.length > MAX_NAMED_CELLS ? `${cells.slice(0, MAX_NAMED_CELLS).join(', ')} …` : cells.join(', '));

export function planNextPeriod(snapshot: WorkbookSnapshot, options: NextPeriodOptions): NextPeriodPlan {
  const out: NextPeriodPlan = { problems: [], edits: [], notes: [], carried: [], cleared: [], previousOutcomes: 0 };
  const { info } = readPlan(snapshot).plan;
  if (!info.kind || !info.year) {
    out.problems.push(
      `Arbetsbokens ${!info.kind ? 'Dokumenttyp' : 'År'} saknas eller går inte att läsa i fliken Dokument, så Planrapport vet inte vilken period den gäller. Fyll i Dokumenttyp och År (och Tertial för en tertialrapport) och försök igen.`,
    );
    return out;
  }
  if (info.kind === 'tertialrapport' && !info.tertial) {
    out.problems.push('Arbetsboken är en tertialrapport men Tertial saknas i fliken Dokument. Fyll i 1 eller 2 och försök igen.');
    return out;
  }
  const from: Period = { kind: info.kind, year: info.year, tertial: info.kind === 'tertialrapport' ? info.tertial : undefined };
  const to = resolveNextPeriod(from, options);
  out.from = from;
  out.to = to;
  if (periodIndex(to) <= periodIndex(from)) {
    out.problems.push(
      `Den nya perioden (${periodName(to)}) kommer inte efter arbetsbokens (${periodName(from)}). Året går plan → tertialrapport 1 → tertialrapport 2 → verksamhetsberättelse → nästa års plan; ange en senare period (t.ex. --year ${from.year + 1}).`,
    );
    return out;
  }
  const newYear = to.year !== from.year;
  const fromLastYearsVb = from.kind === 'verksamhetsberattelse' && to.year === from.year + 1;

  for (const spec of SHEETS) {
    if (spec.kind !== 'table') continue;
    const sheet = snapshot.sheets[spec.name];
    if (!sheet) continue;
    planSheet(spec, sheet, out, { from, to, newYear, fromLastYearsVb });
  }
  planDocument(snapshot, out, to, options.date);
  return out;
}

interface Step {
  from: Period;
  to: Period;
  newYear: boolean;
  fromLastYearsVb: boolean;
}

function planSheet(spec: TableSheetSpec, sheet: WorkbookSnapshot['sheets'][string], out: NextPeriodPlan, step: Step) {
  const map = mapColumns(sheet, spec.columns);
  const records = readRecords(sheet, map, derivedKeys(spec));
  out.carried.push({ sheet: spec.name, rows: records.length });
  const ownFormulas: string[] = [];
  const place = (row: number) => ({ row, columnOf: (k: string) => map.byKey.get(k) });
  const isOurs = (key: string, rec: TableRecord) => managedFormulas(spec, key, place(rec.row)).has(normaliseFormula(rec.formulas[key]!));
  const clearIn = (column: number, header: string, rows: number[]) => {
    if (!rows.length) return;
    for (const range of runs(column, rows)) out.edits.push({ op: 'clearCells', sheet: spec.name, range });
    out.cleared.push({ sheet: spec.name, header, cells: rows.length });
  };

  for (const col of spec.columns) {
    const c = map.byKey.get(col.key);
    if (!c) continue;
    const header = map.headerByKey.get(col.key) ?? col.header;
    const carry: Carry = col.carry;
    const typed = (rec: TableRecord) => !rec.formulas[col.key] && !isBlank(rec.cells[col.key] ?? null);
    if (carry === 'keep' || carry === 'derived') continue;
    if (carry === 'clear') {
      clearIn(
        c,
        header,
        records.filter(typed).map((r) => r.row),
      );
      for (const rec of records) if (rec.formulas[col.key] && !isOurs(col.key, rec)) ownFormulas.push(cellAddress(c, rec.row));
      continue;
    }
    if (carry === 'period') {
      const empty: number[] = [];
      for (const rec of records) {
        const periodicity = choiceOf('periodicity', String(rec.cells['periodicity'] ?? '')) as Periodicity | undefined;
        const label = periodLabel(step.to, periodicity);
        if (rec.formulas[col.key]) continue;
        if (label === undefined) {
          if (typed(rec)) empty.push(rec.row);
        } else if (!sameValue(rec.cells[col.key] ?? null, label)) {
          out.edits.push({ op: 'setCells', sheet: spec.name, topLeft: cellAddress(c, rec.row), rows: [[label]] });
        }
      }
      clearIn(c, header, empty);
      continue;
    }
    // { yearEnd }: the year's outcome becomes next year's "Periodens utfall VB <år>"
    if (step.newYear && col.headerFor && !sheet.formulas[0]?.[c - 1]) {
      const wanted = headerOf(col, { year: step.to.year });
      if (header !== wanted) {
        out.edits.push({ op: 'setCells', sheet: spec.name, topLeft: cellAddress(c, 1), rows: [[wanted]] });
        out.notes.push(`${spec.name}: rubriken "${header}" blev "${wanted}".`);
      }
    }
    if (!step.newYear) continue;
    const source = map.byKey.get(carry.yearEnd);
    if (step.fromLastYearsVb && source) {
      const empty: number[] = [];
      for (const rec of records) {
        if (rec.formulas[col.key]) {
          ownFormulas.push(cellAddress(c, rec.row));
          continue;
        }
        const value = asInput(rec.cells[carry.yearEnd] ?? null);
        if (value === null || (typeof value === 'string' && value.trim() === '')) {
          if (typed(rec)) empty.push(rec.row);
          continue;
        }
        out.previousOutcomes++;
        if (!sameValue(rec.cells[col.key] ?? null, value))
          out.edits.push({ op: 'setCells', sheet: spec.name, topLeft: cellAddress(c, rec.row), rows: [[value]] });
      }
      clearIn(c, header, empty);
    } else {
      clearIn(
        c,
        header,
        records.filter(typed).map((r) => r.row),
      );
      const wanted = headerOf(col, { year: step.to.year });
      out.notes.push(
        `${spec.name}: "${wanted}" tömdes eftersom arbetsboken inte är verksamhetsberättelsen för ${step.to.year - 1}. Hämta utfallen med "planrapport import-previous <arbetsbok> --from <verksamhetsberättelse ${step.to.year - 1}>" eller från Kolada.`,
      );
    }
  }
  if (ownFormulas.length) {
    out.notes.push(
      `${spec.name}: ${ownFormulas.length} egna formler i kolumner som annars töms behölls (${listed(ownFormulas)}). Kontrollera att de räknar rätt för den nya perioden.`,
    );
  }
}

function planDocument(snapshot: WorkbookSnapshot, out: NextPeriodPlan, to: Period, date: IsoDate | undefined) {
  const sheet = snapshot.sheets[DOKUMENT.name];
  if (!sheet) return; // the template adds it with the new period's values
  const { map, fields } = readFields(sheet, DOKUMENT);
  const valueCol = map.byKey.get('value') ?? 2;
  for (const field of DOKUMENT.fields) {
    if (field.carry !== 'period') continue;
    const rec = fields.get(field.key);
    if (!rec) continue; // the template adds the field
    const wanted: CellInput =
      field.key === 'kind'
        ? DOCUMENT_KIND_LABEL[to.kind]
        : field.key === 'year'
          ? to.year
          : field.key === 'tertial'
            ? (to.tertial ?? null)
            : field.key === 'date' && date
              ? { date }
              : null;
    const at = cellAddress(valueCol, rec.row);
    if (rec.formula) {
      out.notes.push(
        `Dokument: ${field.label} (${at}) är en formel och behölls; kontrollera att den ger ${wanted === null ? 'ett tomt värde' : JSON.stringify(wanted)}.`,
      );
      continue;
    }
    if (wanted === null) {
      if (!isBlank(rec.value)) out.edits.push({ op: 'clearCells', sheet: DOKUMENT.name, range: at });
    } else if (!sameValue(rec.value, wanted)) {
      out.edits.push({ op: 'setCells', sheet: DOKUMENT.name, topLeft: at, rows: [[wanted]] });
    }
  }
  if (!date) out.notes.push('Dokument: Datum tömdes; fyll i den nya periodens datum.');
}
