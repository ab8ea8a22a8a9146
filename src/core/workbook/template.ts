/**
 * Template creation as a pure function: from what the workbook holds now (a snapshot) to
 * the edits that add what the layout lacks. It never writes over a value the user typed:
 * missing sheets, columns and Dokument fields are added, formulas go only into empty or
 * formula cells, and validations, formats and lists are (re)applied.
 */
import {
  DOKUMENT,
  INDIKATORER,
  INDICATOR_VALUE_KEYS,
  LISTS,
  LIST_ORDER,
  LIST_SHEET,
  NUMBER_FORMATS,
  SHEETS,
  TEMPLATE_ROWS,
  headerOf,
  derivedKeys,
  type AmountUnit,
  type ColumnSpec,
  type FieldSheetSpec,
  type FieldSpec,
  type LayoutContext,
  type ListKey,
  type TableSheetSpec,
} from '../layout/layout';
import { DOCUMENT_KIND_LABEL, type DocumentKind } from '../model/plan';
import { cellAddress, columnLetter, sheetRef } from '../cells/address';
import type { CellInput, Edit, ValidationMessages, ValidationRule } from './edits';
import { isBlank, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from './snapshot';
import { lastDataRow, mapColumns, readFields, readRecords, type TableRecord } from './table';
import { expandFormula, normaliseFormula, type FormulaPlace } from '../layout/formulas';
import { choiceOf } from './readPlan';
import { DATE_RANGE, EXCEL_LIMITS, YEAR_RANGE } from '../values/limits';
import { isoToSerial } from '../values/dates';

const TITLE = EXCEL_LIMITS.validationTitle;
const MESSAGE = EXCEL_LIMITS.validationMessage;

export interface TemplateOptions {
  kind?: DocumentKind;
  year?: number;
  tertial?: 1 | 2;
  organisation?: string;
  /**
   * The user asks for these Dokument values (the task pane's "Uppdatera mallar" with a changed
   * year, kind, tertial or organisation): a typed value that differs is replaced, and the
   * year-dependent headers follow the new year. Without it (the CLI's `template`) a value the
   * user typed is kept, with a note. A formula in a Dokument cell is kept either way.
   */
  replaceDocument?: boolean;
}

export interface TemplatePlan {
  edits: Edit[];
  /** What the user should know, in Swedish (values kept, sheets added). */
  notes: string[];
}

/** Where each list lives on the Listor sheet, e.g. Listor!$C$2:$C$6. */
type ListRanges = Record<ListKey, string>;

/** Where Planrapport keeps its lists: "Listor", unless the workbook has a sheet of its own by that name. */
export const LIST_SHEET_CANDIDATES: readonly string[] = [
  LIST_SHEET,
  `${LIST_SHEET} (Planrapport)`,
  `${LIST_SHEET} (Planrapport 2)`,
  `${LIST_SHEET} (Planrapport 3)`,
];

const LIST_HEADERS = new Set<string>(LIST_ORDER.map((k) => LISTS[k].header));

/** A list sheet Planrapport made: its header row holds list names only, starting with the first. */
function isOurListSheet(sheet: SheetSnapshot): boolean {
  const header = (sheet.values[0] ?? []).filter((v) => !isBlank(v ?? null)).map((v) => String(v).trim());
  return header[0] === LISTS[LIST_ORDER[0]!].header && header.every((h) => LIST_HEADERS.has(h));
}

export function listSheetName(snapshot: WorkbookSnapshot): string {
  for (const name of LIST_SHEET_CANDIDATES) {
    const taken = snapshot.sheetNames.some((n) => n.toLowerCase() === name.toLowerCase());
    if (!taken) return name;
    const sheet = snapshot.sheets[name];
    if (sheet && isOurListSheet(sheet)) return name;
  }
  return `${LIST_SHEET} (Planrapport ${snapshot.sheetNames.length + 1})`;
}

function listEdits(snapshot: WorkbookSnapshot, edits: Edit[], notes: string[]): ListRanges {
  const listSheet = listSheetName(snapshot);
  const sheet = snapshot.sheetNames.some((n) => n.toLowerCase() === listSheet.toLowerCase()) ? snapshot.sheets[listSheet] : undefined;
  if (!sheet) edits.push({ op: 'addSheet', sheet: listSheet });
  if (!sheet && listSheet !== LIST_SHEET_CANDIDATES[0]) {
    notes.push(`Fliken ${LIST_SHEET_CANDIDATES[0]} är din egen och lämnades orörd; Planrapports listor ligger i den dolda fliken ${listSheet}.`);
  }
  const header = sheet?.values[0] ?? [];
  let nextColumn = Math.max(header.length, 0) + 1;
  const ranges = {} as ListRanges;
  for (const key of LIST_ORDER) {
    const list = LISTS[key];
    let col = header.findIndex((h) => typeof h === 'string' && h.trim() === list.header) + 1;
    const existing: string[] = [];
    if (col === 0) {
      col = nextColumn++;
      edits.push({ op: 'setCells', sheet: listSheet, topLeft: cellAddress(col, 1), rows: [[list.header]] });
    } else if (sheet) {
      for (let r = 1; r < sheet.values.length; r++) {
        const v = sheet.values[r]?.[col - 1] ?? null;
        if (!isBlank(v)) existing.push(String(v).trim());
      }
    }
    // keep what is there, append what is missing
    const missing = list.values.filter((v) => !existing.includes(String(v)));
    if (missing.length) {
      edits.push({
        op: 'setCells',
        sheet: listSheet,
        topLeft: cellAddress(col, existing.length + 2),
        rows: missing.map((v) => [v]),
      });
    }
    const last = existing.length + missing.length + 1;
    const letter = columnLetter(col);
    ranges[key] = `=${sheetRef(listSheet)}!$${letter}$2:$${letter}$${last}`;
  }
  edits.push({ op: 'setSheetVisible', sheet: listSheet, visible: false });
  return ranges;
}

function listRule(key: ListKey, ranges: ListRanges): ValidationRule {
  return { type: 'list', source: ranges[key], strict: LISTS[key].strict };
}

function listMessages(key: ListKey, label: string, prompt?: string): ValidationMessages {
  const list = LISTS[key];
  const values = list.values.join(', ');
  return {
    prompt: { title: label.slice(0, TITLE), message: (prompt ?? `Välj i listan: ${values}.`).slice(0, MESSAGE) },
    error: list.strict
      ? { title: 'Ogiltigt värde', message: `${label}: välj ett av ${values}.`.slice(0, MESSAGE), style: 'stop' }
      : { title: 'Eget värde', message: `${label}: värdet finns inte i listan (${values}). Det sparas ändå.`.slice(0, MESSAGE), style: 'information' },
  };
}

const AMOUNT_EXAMPLE: Record<AmountUnit, string> = { mnkr: '12,5 eller −4,3', tkr: '33 700' };

const DATE_RULE: ValidationRule = { type: 'date', min: DATE_RANGE.min, max: DATE_RANGE.max };

function dateMessages(label: string, prompt?: string): ValidationMessages {
  return {
    prompt: { title: label.slice(0, TITLE), message: prompt ?? 'Datum, ÅÅÅÅ-MM-DD.' },
    error: {
      title: 'Ogiltigt datum',
      message: `${label}: skriv ett datum som ÅÅÅÅ-MM-DD mellan ${DATE_RANGE.min.slice(0, 4)} och ${DATE_RANGE.max.slice(0, 4)}.`,
      style: 'stop',
    },
  };
}

/** Validation for a table column, when it has one. */
function columnValidation(
  col: ColumnSpec,
  ranges: ListRanges,
  place: (template: string) => string | undefined,
): { rule: ValidationRule; messages: ValidationMessages } | undefined {
  if (col.list) return { rule: listRule(col.list, ranges), messages: listMessages(col.list, col.header, col.prompt) };
  const prompt = col.prompt ? { title: col.header.slice(0, TITLE), message: col.prompt.slice(0, MESSAGE) } : undefined;
  if (col.check) {
    const formula = place(col.check.formula);
    if (formula) {
      return {
        rule: { type: 'custom', formula },
        messages: {
          prompt: prompt ?? { title: col.header.slice(0, TITLE), message: col.check.message.slice(0, MESSAGE) },
          error: { title: col.check.title, message: col.check.message.slice(0, MESSAGE), style: col.check.style },
        },
      };
    }
  }
  if (col.kind === 'date') return { rule: DATE_RULE, messages: dateMessages(col.header, col.prompt) };
  if (col.kind === 'amount') {
    const unit = col.unit ?? 'mnkr';
    return {
      rule: { type: 'decimal' },
      messages: {
        prompt: { title: col.header.slice(0, TITLE), message: col.prompt ?? `Belopp i ${unit}, t.ex. ${AMOUNT_EXAMPLE[unit]}.` },
        error: { title: 'Inget belopp', message: `${col.header}: skriv ett tal i ${unit}.`, style: 'stop' },
      },
    };
  }
  // no rule, only the prompt: a text-length rule every value satisfies carries it
  if (prompt) return { rule: { type: 'textLength', max: EXCEL_LIMITS.cellText }, messages: { prompt } };
  return undefined;
}

/** Every formula Planrapport would write in this cell (any row type, or the column's own formula). */
export function managedFormulas(spec: TableSheetSpec, key: string, place: Omit<FormulaPlace, 'selfColumn'>): Set<string> {
  const templates = [...Object.values(spec.rowFormulas?.byType ?? {}).map((formulas) => formulas[key]), spec.columns.find((c) => c.key === key)?.formula];
  const out = new Set<string>();
  for (const template of templates) {
    const f = template && expandFormula(template, place);
    if (f) out.add(normaliseFormula(f));
  }
  return out;
}

interface SheetPlanContext {
  edits: Edit[];
  notes: string[];
  ranges: ListRanges;
  layout: LayoutContext;
  documentColumns: { field: number; value: number };
  /** The year-dependent headers follow the document's new year (TemplateOptions.replaceDocument). */
  renameYearHeaders: boolean;
}

/** Rows below the last input row that get a derived column's formula in advance. */
const FORMULA_MARGIN = 200;
const MAX_SHEET_ROW = 1_048_576;

function planTableSheet(spec: TableSheetSpec, sheet: SheetSnapshot | undefined, ctx: SheetPlanContext) {
  const { edits, notes, ranges, layout } = ctx;
  const name = spec.name;
  const columnOf = new Map<string, number>();
  const added: ColumnSpec[] = [];
  let lastRow = 1;
  let records: TableRecord[] = [];
  const derived = derivedKeys(spec);

  if (!sheet) {
    edits.push({ op: 'addSheet', sheet: name });
    spec.columns.forEach((col, i) => columnOf.set(col.key, i + 1));
    added.push(...spec.columns);
    notes.push(`Fliken ${name} lades till.`);
  } else {
    const map = mapColumns(sheet, spec.columns);
    for (const [k, v] of map.byKey) columnOf.set(k, v);
    if (ctx.renameYearHeaders) {
      for (const col of spec.columns) {
        const c = map.byKey.get(col.key);
        const wanted = headerOf(col, layout);
        if (!c || !col.headerFor || map.headerByKey.get(col.key) === wanted || sheet.formulas[0]?.[c - 1]) continue;
        edits.push({ op: 'setCells', sheet: name, topLeft: cellAddress(c, 1), rows: [[wanted]] });
        notes.push(`${name}: rubriken "${map.headerByKey.get(col.key)}" ändrades till "${wanted}".`);
      }
    }
    let next = map.lastUsedColumn + 1;
    for (const col of spec.columns) {
      if (columnOf.has(col.key)) continue;
      columnOf.set(col.key, next++);
      added.push(col);
    }
    if (added.length) notes.push(`${name}: kolumnerna ${added.map((c) => `"${headerOf(c, layout)}"`).join(', ')} lades till sist.`);
    lastRow = lastDataRow(sheet, map, derived);
    if (sheet.outside) {
      notes.push(
        `${name}!${cellAddress(sheet.outside.column, sheet.outside.row)}: ett värde långt utanför tabellen lämnades orört och läses inte (se "planrapport validate").`,
      );
    }
    records = readRecords(sheet, map, derived);
  }
  // the checks reach a margin below the data, never past the sheet's last row
  const maxRow = Math.min(MAX_SHEET_ROW, Math.max(TEMPLATE_ROWS, lastRow + 500));
  const isAdded = (key: string) => added.some((a) => a.key === key);
  const place = (row: number, selfColumn?: number): FormulaPlace => ({
    row,
    columnOf: (k) => columnOf.get(k),
    selfColumn,
    documentColumns: ctx.documentColumns,
  });

  for (const col of added) {
    const c = columnOf.get(col.key)!;
    edits.push({ op: 'setCells', sheet: name, topLeft: cellAddress(c, 1), rows: [[headerOf(col, layout)]] });
    edits.push({ op: 'columnWidth', sheet: name, column: columnLetter(c), width: col.width });
    if (col.numberFormat) {
      edits.push({ op: 'numberFormat', sheet: name, range: `${cellAddress(c, 2)}:${cellAddress(c, maxRow)}`, format: col.numberFormat });
    }
    if (col.kind === 'richText') edits.push({ op: 'wrapText', sheet: name, range: `${cellAddress(c, 2)}:${cellAddress(c, maxRow)}` });
  }
  const lastOurColumn = Math.max(...columnOf.values());
  edits.push({ op: 'headerStyle', sheet: name, range: `A1:${cellAddress(lastOurColumn, 1)}` });
  edits.push({ op: 'freezeHeader', sheet: name });

  for (const col of spec.columns) {
    const c = columnOf.get(col.key)!;
    const v = columnValidation(col, ranges, (template) => expandFormula(template, place(2, c)));
    if (v) edits.push({ op: 'validation', sheet: name, range: `${cellAddress(c, 2)}:${cellAddress(c, maxRow)}`, rule: v.rule, ...v.messages });
  }

  for (const cf of spec.conditionalFormats ?? []) {
    for (const key of cf.columns) {
      const c = columnOf.get(key);
      const formula = c && expandFormula(cf.formula, place(2, c));
      if (!c || !formula) continue;
      edits.push({ op: 'conditionalFormat', sheet: name, range: `${cellAddress(c, 2)}:${cellAddress(c, maxRow)}`, format: { formula, fill: cf.fill } });
    }
  }

  let kept = 0;
  /** Puts a formula in a cell unless the user typed something there (or wrote a formula of their own). */
  const formulaFor = (key: string, row: number, current: CellValue, existing: string | undefined, template: string): CellInput => {
    const formula = expandFormula(template, place(row));
    if (!formula || existing === formula) return null;
    const ours = existing !== undefined && managedFormulas(spec, key, place(row)).has(normaliseFormula(existing));
    if (!isAdded(key) && (existing !== undefined ? !ours : !isBlank(current))) {
      kept++;
      return null;
    }
    return { formula };
  };

  if (spec.rowFormulas && sheet) {
    const typeKey = spec.rowFormulas.typeColumn;
    const typeList = spec.columns.find((c) => c.key === typeKey)?.list;
    for (const rec of records) {
      const typeText = String(rec.cells[typeKey] ?? '').trim();
      const type = typeList ? choiceOf(typeList, typeText) : typeText;
      const formulas = type ? spec.rowFormulas.byType[type] : undefined;
      for (const [key, template] of Object.entries(formulas ?? {})) {
        const c = columnOf.get(key);
        if (!c || !template) continue;
        const input = formulaFor(key, rec.row, rec.cells[key] ?? null, rec.formulas[key], template);
        if (input) edits.push({ op: 'setCells', sheet: name, topLeft: cellAddress(c, rec.row), rows: [[input]] });
      }
    }
  }

  // derived columns: their formula on every data row and a margin below, as one block per column
  const formulaRows = Math.min(MAX_SHEET_ROW, Math.max(lastRow, 1) + FORMULA_MARGIN);
  for (const col of spec.columns) {
    if (!col.formula) continue;
    const c = columnOf.get(col.key)!;
    const block: CellInput[][] = [];
    for (let row = 2; row <= formulaRows; row++) {
      const current = sheet?.values[row - 1]?.[c - 1] ?? null;
      const existing = sheet?.formulas[row - 1]?.[c - 1];
      block.push([formulaFor(col.key, row, current, existing, col.formula)]);
    }
    if (block.some((r) => r[0] !== null)) edits.push({ op: 'setCells', sheet: name, topLeft: cellAddress(c, 2), rows: block });
  }
  if (kept) notes.push(`${name}: ${kept} egna värden eller formler i beräknade celler behölls (valideringen jämför dem med det beräknade).`);

  if (spec === INDIKATORER && sheet) unitFormats(records, columnOf, edits);
}

/** Percent rows get a percent format in their value cells, in runs of consecutive rows. */
function unitFormats(records: TableRecord[], columnOf: Map<string, number>, edits: Edit[]) {
  const percentRows = records.filter((r) => String(r.cells['unit'] ?? '').trim() === '%').map((r) => r.row);
  const runs: [number, number][] = [];
  for (const row of percentRows) {
    const last = runs[runs.length - 1];
    if (last && last[1] === row - 1) last[1] = row;
    else runs.push([row, row]);
  }
  for (const key of INDICATOR_VALUE_KEYS) {
    const c = columnOf.get(key);
    if (!c) continue;
    for (const [a, b] of runs) {
      edits.push({ op: 'numberFormat', sheet: INDIKATORER.name, range: `${cellAddress(c, a)}:${cellAddress(c, b)}`, format: NUMBER_FORMATS.percent });
    }
  }
}

function fieldInitialValue(field: FieldSpec, options: TemplateOptions): CellInput {
  switch (field.key) {
    case 'kind':
      return options.kind ? DOCUMENT_KIND_LABEL[options.kind] : null;
    case 'year':
      return options.year ?? null;
    case 'tertial':
      return options.kind === 'tertialrapport' || options.kind === undefined ? (options.tertial ?? null) : null;
    case 'organisation':
      return options.organisation ?? null;
    default:
      return null;
  }
}

function fieldValidation(field: FieldSpec, ranges: ListRanges): { rule: ValidationRule; messages: ValidationMessages } | undefined {
  if (field.list) return { rule: listRule(field.list, ranges), messages: listMessages(field.list, field.label, field.prompt) };
  if (field.kind === 'date') return { rule: DATE_RULE, messages: dateMessages(field.label, field.prompt) };
  if (field.kind === 'integer') {
    return {
      rule: { type: 'wholeNumber', min: YEAR_RANGE.min, max: YEAR_RANGE.max },
      messages: {
        prompt: { title: field.label, message: field.prompt ?? 'Ett årtal.' },
        error: { title: 'Inget årtal', message: `${field.label}: skriv ett årtal med fyra siffror.`, style: 'stop' },
      },
    };
  }
  if (field.prompt) return { rule: { type: 'textLength', max: EXCEL_LIMITS.cellText }, messages: { prompt: { title: field.label, message: field.prompt } } };
  return undefined;
}

function planFieldSheet(spec: FieldSheetSpec, sheet: SheetSnapshot | undefined, options: TemplateOptions, ctx: SheetPlanContext) {
  const { edits, notes, ranges } = ctx;
  const name = spec.name;
  let fieldCol = 1;
  let valueCol = 2;
  let nextRow = 2;
  const rowOf = new Map<string, number>();

  if (!sheet) {
    edits.push({ op: 'addSheet', sheet: name });
    edits.push({ op: 'setCells', sheet: name, topLeft: 'A1', rows: [spec.columns.map((c) => c.header)] });
    spec.columns.forEach((c, i) => edits.push({ op: 'columnWidth', sheet: name, column: columnLetter(i + 1), width: c.width }));
    notes.push(`Fliken ${name} lades till.`);
  } else {
    const { map, fields } = readFields(sheet, spec);
    const lastUsed = map.lastUsedColumn;
    const place = (key: 'field' | 'value', fallback: number): number => {
      const found = map.byKey.get(key);
      if (found) return found;
      const header = spec.columns.find((c) => c.key === key)!.header;
      // use the conventional column if its header cell is free, else append
      const free = isBlank(sheet.values[0]?.[fallback - 1] ?? null) ? fallback : Math.max(lastUsed, fallback) + 1;
      edits.push({ op: 'setCells', sheet: name, topLeft: cellAddress(free, 1), rows: [[header]] });
      return free;
    };
    fieldCol = place('field', 1);
    valueCol = place('value', 2);
    for (const [key, rec] of fields) {
      rowOf.set(key, rec.row);
      const field = spec.fields.find((f) => f.key === key)!;
      const wanted = fieldInitialValue(field, options);
      if (wanted === null) continue;
      if (isBlank(rec.value) && !rec.formula) {
        edits.push({ op: 'setCells', sheet: name, topLeft: cellAddress(valueCol, rec.row), rows: [[wanted]] });
      } else if (String(rec.value).trim() !== String(wanted)) {
        if (options.replaceDocument && !rec.formula) {
          edits.push({ op: 'setCells', sheet: name, topLeft: cellAddress(valueCol, rec.row), rows: [[wanted]] });
          notes.push(`Dokument: ${field.label} ändrades från "${String(rec.value)}" till "${String(wanted)}".`);
        } else {
          notes.push(`Dokument: ${field.label} är redan "${String(rec.value)}" och behölls (angivet: "${String(wanted)}").`);
        }
      }
    }
    nextRow = Math.max(sheet.values.length, 1) + 1;
  }

  const missing = spec.fields.filter((f) => !rowOf.has(f.key));
  if (missing.length) {
    edits.push({
      op: 'setCells',
      sheet: name,
      topLeft: cellAddress(fieldCol, nextRow),
      rows: missing.map((f) => [f.label]),
    });
    const values = missing.map((f) => fieldInitialValue(f, options));
    if (values.some((v) => v !== null)) {
      edits.push({ op: 'setCells', sheet: name, topLeft: cellAddress(valueCol, nextRow), rows: values.map((v) => [v]) });
    }
    missing.forEach((f, i) => rowOf.set(f.key, nextRow + i));
    if (sheet) notes.push(`Dokument: fälten ${missing.map((f) => f.label).join(', ')} lades till.`);
  }

  edits.push({ op: 'headerStyle', sheet: name, range: `${cellAddress(Math.min(fieldCol, valueCol), 1)}:${cellAddress(Math.max(fieldCol, valueCol), 1)}` });
  edits.push({ op: 'freezeHeader', sheet: name });
  for (const field of spec.fields) {
    const row = rowOf.get(field.key)!;
    const address = cellAddress(valueCol, row);
    const current = sheet?.values[row - 1]?.[valueCol - 1] ?? null;
    // a date format only where it cannot change how a typed non-date reads
    if (field.kind === 'date' && (isBlank(current) || looksLikeDate(current))) {
      edits.push({ op: 'numberFormat', sheet: name, range: address, format: NUMBER_FORMATS.date });
    }
    const v = fieldValidation(field, ranges);
    if (v) edits.push({ op: 'validation', sheet: name, range: address, rule: v.rule, ...v.messages });
  }
}

function looksLikeDate(v: CellValue): boolean {
  return v instanceof Date || (typeof v === 'number' && v >= isoToSerial(DATE_RANGE.min) && v <= isoToSerial(DATE_RANGE.max));
}

/** The document year from options or from the Dokument sheet (for year-dependent headers). */
function yearOf(snapshot: WorkbookSnapshot, options: TemplateOptions): number | undefined {
  if (options.year) return options.year;
  const sheet = snapshot.sheets[DOKUMENT.name];
  if (!sheet) return undefined;
  const year = readFields(sheet, DOKUMENT).fields.get('year')?.value;
  const n = typeof year === 'number' ? year : Number(year);
  return Number.isInteger(n) && n > 1900 ? n : undefined;
}

/** Where Dokument keeps Fält and Värde (A and B in a new workbook). */
function documentColumns(snapshot: WorkbookSnapshot): { field: number; value: number } {
  const sheet = snapshot.sheets[DOKUMENT.name];
  const map = sheet ? readFields(sheet, DOKUMENT).map : undefined;
  return { field: map?.byKey.get('field') ?? 1, value: map?.byKey.get('value') ?? 2 };
}

/** The edits that make the workbook a complete Planrapport workbook, keeping what it holds. */
export function planTemplate(snapshot: WorkbookSnapshot, options: TemplateOptions = {}): TemplatePlan {
  const listEditsFirst: Edit[] = [];
  const edits: Edit[] = [];
  const notes: string[] = [];
  // the lists come before the validations that point at them
  const ranges = listEdits(snapshot, listEditsFirst, notes);
  const listSheet = listSheetName(snapshot);
  const ctx: SheetPlanContext = {
    edits,
    notes,
    ranges,
    layout: { year: yearOf(snapshot, options) },
    documentColumns: documentColumns(snapshot),
    renameYearHeaders: !!options.replaceDocument && !!options.year,
  };
  for (const spec of SHEETS) {
    const sheet = snapshot.sheets[spec.name];
    if (spec.kind === 'fields') planFieldSheet(spec, sheet, options, ctx);
    else planTableSheet(spec, sheet, ctx);
  }
  // new sheets in layout order with Listor last, then everything else
  const all = [...listEditsFirst, ...edits];
  const added = all.filter((e) => e.op === 'addSheet');
  const ordered = [...added.filter((e) => e.sheet !== listSheet), ...added.filter((e) => e.sheet === listSheet)];
  return { edits: [...ordered, ...all.filter((e) => e.op !== 'addSheet')], notes };
}

/** Sheet names a template run needs to read. */
export const TEMPLATE_SHEETS: readonly string[] = [...SHEETS.map((s) => s.name), ...LIST_SHEET_CANDIDATES];
