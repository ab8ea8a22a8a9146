/**
 * The office-js adapter: the host port over the open Excel workbook. The only module in
 * src/ that touches office-js. One Excel.run per user action; all loads of a read are
 * queued before a single context.sync(), and all edits of an update go out in one more.
 */
import { isoToSerial } from '../../core/values/dates';
import { parseRange } from '../../core/cells/address';
import type { CellInput, Edit, ValidationMessages, ValidationRule } from '../../core/workbook/edits';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/workbook/snapshot';
import type { CellNavigator, ChangeNotifier, WorkbookChange, WorkbookHost } from '../port';

/** Excel.run, injectable so that tests can run the adapter against a fake host. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Points per character of column width (Calibri 11: 8,43 characters ≈ 48 pt). */
const POINTS_PER_CHAR = 5.7;
const HEADER_FILL = '#DCE6F1';

interface PendingSheet {
  name: string;
  sheet: Excel.Worksheet;
  used: Excel.Range;
}

function queueLoads(context: Excel.RequestContext, names: readonly string[]) {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  const pending: PendingSheet[] = names.map((name) => {
    const sheet = worksheets.getItemOrNullObject(name);
    sheet.load('visibility');
    const used = sheet.getUsedRangeOrNullObject();
    used.load('values,formulas,valueTypes,rowIndex,columnIndex');
    return { name, sheet, used };
  });
  return { worksheets, pending };
}

function toSnapshot(worksheets: Excel.WorksheetCollection, pending: PendingSheet[]): WorkbookSnapshot {
  const snapshot: WorkbookSnapshot = { sheetNames: worksheets.items.map((ws) => ws.name), sheets: {} };
  for (const p of pending) {
    if (p.sheet.isNullObject) continue;
    const sheet: SheetSnapshot = { name: p.name, values: [], formulas: [], hidden: p.sheet.visibility !== 'Visible' };
    if (!p.used.isNullObject) {
      const r0 = p.used.rowIndex;
      const c0 = p.used.columnIndex;
      for (let r = 0; r < r0; r++) {
        sheet.values.push([]);
        sheet.formulas.push([]);
      }
      p.used.values.forEach((row, i) => {
        const values: CellValue[] = Array.from({ length: c0 }, () => null);
        const formulas: (string | undefined)[] = [];
        row.forEach((v, j) => {
          const type = p.used.valueTypes[i]?.[j];
          const f = p.used.formulas[i]?.[j];
          let value: CellValue;
          if (type === 'Empty' || v === '' || v === null || v === undefined) value = null;
          else if (type === 'Error') value = { error: String(v) };
          else value = v as string | number | boolean;
          values.push(value);
          if (typeof f === 'string' && f.startsWith('=')) formulas[c0 + j] = f;
        });
        sheet.values.push(values);
        sheet.formulas.push(formulas);
      });
    }
    snapshot.sheets[p.name] = sheet;
  }
  return snapshot;
}

function dimensions(address: string): { rows: number; columns: number } {
  const r = parseRange(address);
  return { rows: r.lastRow - r.row + 1, columns: r.lastColumn - r.column + 1 };
}

function fill<T>(address: string, value: T): T[][] {
  const { rows, columns } = dimensions(address);
  return Array.from({ length: rows }, () => Array.from({ length: columns }, () => value));
}

function toRule(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.type) {
    case 'list':
      return { list: { inCellDropDown: true, source: rule.source } };
    case 'wholeNumber':
      return { wholeNumber: { formula1: rule.min, formula2: rule.max, operator: 'Between' } };
    case 'decimal':
      return { decimal: { formula1: rule.min ?? -1e12, formula2: rule.max ?? 1e12, operator: 'Between' } };
    case 'date':
      return { date: { formula1: rule.min ?? '1900-01-01', formula2: rule.max ?? '9999-12-31', operator: 'Between' } };
    case 'custom':
      return { custom: { formula: rule.formula } };
    case 'textLength':
      return { textLength: { formula1: rule.max, operator: 'LessThanOrEqualTo' } };
  }
}

const ALERT_STYLE = { stop: 'Stop', warning: 'Warning', information: 'Information' } as const;

function applyValidation(range: Excel.Range, rule: ValidationRule, messages: ValidationMessages) {
  const dv = range.dataValidation;
  dv.clear();
  dv.ignoreBlanks = true;
  dv.rule = toRule(rule);
  if (messages.prompt) dv.prompt = { showPrompt: true, title: messages.prompt.title, message: messages.prompt.message };
  if (messages.error) {
    dv.errorAlert = {
      showAlert: true,
      style: ALERT_STYLE[messages.error.style],
      title: messages.error.title,
      message: messages.error.message,
    };
  } else if (rule.type === 'textLength') {
    dv.errorAlert = { showAlert: false, style: 'Information', title: '', message: '' };
  }
}

/** Splits a block into runs of adjacent cells of the same kind (value or formula), skipping nulls. */
function runs(row: CellInput[]): { start: number; kind: 'values' | 'formulas'; cells: (string | number | boolean)[] }[] {
  const out: { start: number; kind: 'values' | 'formulas'; cells: (string | number | boolean)[] }[] = [];
  row.forEach((input, j) => {
    if (input === null) return;
    const kind = typeof input === 'object' && 'formula' in input ? 'formulas' : 'values';
    const value = typeof input === 'object' ? ('formula' in input ? input.formula : isoToSerial(input.date)) : input;
    const last = out[out.length - 1];
    if (last && last.kind === kind && last.start + last.cells.length === j) last.cells.push(value);
    else out.push({ start: j, kind, cells: [value] });
  });
  return out;
}

function queueEdits(context: Excel.RequestContext, edits: readonly Edit[]) {
  const worksheets = context.workbook.worksheets;
  const sheets = new Map<string, Excel.Worksheet>();
  const sheet = (name: string) => {
    let ws = sheets.get(name);
    if (!ws) {
      ws = worksheets.getItem(name);
      sheets.set(name, ws);
    }
    return ws;
  };
  for (const edit of edits) {
    switch (edit.op) {
      case 'addSheet':
        sheets.set(edit.sheet, worksheets.add(edit.sheet));
        break;
      case 'setSheetVisible':
        sheet(edit.sheet).visibility = edit.visible ? 'Visible' : 'Hidden';
        break;
      case 'setCells': {
        const ws = sheet(edit.sheet);
        const { column, row } = parseRange(edit.topLeft);
        edit.rows.forEach((cells, i) => {
          for (const run of runs(cells)) {
            const range = ws.getRangeByIndexes(row - 1 + i, column - 1 + run.start, 1, run.cells.length);
            if (run.kind === 'formulas') range.formulas = [run.cells as string[]];
            else range.values = [run.cells];
          }
        });
        break;
      }
      case 'clearCells': {
        // an empty string empties a cell (values only; the format stays)
        const { rows, columns } = dimensions(edit.range);
        sheet(edit.sheet).getRange(edit.range).values = Array.from({ length: rows }, () => Array.from({ length: columns }, () => ''));
        break;
      }
      case 'columnWidth':
        sheet(edit.sheet).getRange(`${edit.column}:${edit.column}`).format.columnWidth = Math.round(edit.width * POINTS_PER_CHAR);
        break;
      case 'numberFormat':
        sheet(edit.sheet).getRange(edit.range).numberFormat = fill(edit.range, edit.format);
        break;
      case 'wrapText': {
        const format = sheet(edit.sheet).getRange(edit.range).format;
        format.wrapText = true;
        format.verticalAlignment = 'Top';
        break;
      }
      case 'headerStyle': {
        const format = sheet(edit.sheet).getRange(edit.range).format;
        format.font.bold = true;
        format.fill.color = HEADER_FILL;
        break;
      }
      case 'freezeHeader':
        sheet(edit.sheet).freezePanes.freezeRows(1);
        break;
      case 'validation':
        applyValidation(sheet(edit.sheet).getRange(edit.range), edit.rule, edit);
        break;
      case 'conditionalFormat': {
        const range = sheet(edit.sheet).getRange(edit.range);
        const cf = range.conditionalFormats.add('Custom');
        cf.custom.rule.formula = edit.format.formula;
        cf.custom.format.fill.color = edit.format.fill;
        if (edit.format.fontColor) cf.custom.format.font.color = edit.format.fontColor;
        break;
      }
    }
  }
}

/** Ranges that get conditional formats are cleared of earlier ones first, so a re-run does not pile them up. */
function clearConditionalFormats(context: Excel.RequestContext, edits: readonly Edit[]) {
  const done = new Set<string>();
  for (const edit of edits) {
    if (edit.op !== 'conditionalFormat') continue;
    const key = `${edit.sheet}!${edit.range}`;
    if (done.has(key) || edits.some((e) => e.op === 'addSheet' && e.sheet === edit.sheet)) continue;
    done.add(key);
    context.workbook.worksheets.getItem(edit.sheet).getRange(edit.range).conditionalFormats.clearAll();
  }
}

export class ExcelHost implements WorkbookHost, CellNavigator, ChangeNotifier {
  constructor(private readonly run: ExcelRun) {}

  /** Sheet id → name of every sheet with a change handler (ids stay when a sheet is renamed). */
  private readonly watched = new Map<string, string>();
  private readonly listeners = new Set<{ sheets: ReadonlySet<string>; listener: (change: WorkbookChange) => void }>();

  /** One Excel.run, one sync. */
  read(sheets: readonly string[]): Promise<WorkbookSnapshot> {
    return this.run(async (context) => {
      const { worksheets, pending } = queueLoads(context, sheets);
      await context.sync();
      return toSnapshot(worksheets, pending);
    });
  }

  /** One Excel.run, two syncs: one to read, one to write everything the use-case decided. */
  update<T>(sheets: readonly string[], compute: (snapshot: WorkbookSnapshot) => { edits: Edit[]; result: T }): Promise<T> {
    return this.run(async (context) => {
      const { worksheets, pending } = queueLoads(context, sheets);
      await context.sync();
      const { edits, result } = compute(toSnapshot(worksheets, pending));
      if (edits.length) {
        clearConditionalFormats(context, edits);
        queueEdits(context, edits);
        await context.sync();
      }
      return result;
    });
  }

  /** One Excel.run, one sync; without a cell only the sheet is shown. */
  select(sheetName: string, cell: string): Promise<void> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheetName);
      ws.activate();
      if (cell) ws.getRange(cell).select();
      await context.sync();
    });
  }

  /**
   * Worksheet.onChanged on each named sheet, WorksheetCollection.onAdded and onDeleted (ExcelApi
   * 1.7; the collection's own onChanged needs 1.9). One Excel.run with two syncs (the sheets'
   * names and ids, then the handlers); a handler is added once per sheet, however many listeners.
   * When sheets are added (by the user, or by "Skapa mallar"), the named ones among them get
   * their handlers in one more run, once for a burst of additions.
   */
  async watch(sheets: readonly string[], listener: (change: WorkbookChange) => void): Promise<() => void> {
    const entry = { sheets: new Set(sheets), listener };
    this.listeners.add(entry);
    const first = !this.collectionWatched;
    this.collectionWatched = true;
    await this.addHandlers(first);
    return () => void this.listeners.delete(entry);
  }

  private collectionWatched = false;
  private refresh?: Promise<void>;

  /** Handlers for the watched sheets that have none yet (and, the first time, for the collection). */
  private addHandlers(collection: boolean): Promise<void> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name,items/id');
      await context.sync();
      const names = new Set([...this.listeners].flatMap((l) => [...l.sheets]));
      let added = false;
      for (const ws of worksheets.items) {
        if (!names.has(ws.name) || this.watched.has(ws.id)) continue;
        this.watched.set(ws.id, ws.name);
        ws.onChanged.add(async (e) => this.notify(this.watched.get(e.worksheetId)));
        added = true;
      }
      if (collection) {
        worksheets.onAdded.add(async () => this.sheetsAdded());
        worksheets.onDeleted.add(async () => this.notify(undefined));
      }
      if (added || collection) await context.sync();
    });
  }

  private sheetsAdded() {
    this.refresh ??= new Promise<void>((resolve) => setTimeout(resolve, 0))
      .then(() => this.addHandlers(false))
      .catch(() => undefined) // the sheets are read again at the next addition; the change is reported either way
      .finally(() => {
        this.refresh = undefined;
        this.notify(undefined);
      });
  }

  /** A change in `sheet` (undefined: sheets were added or deleted, or the sheet is not known yet) to the listeners that watch it. */
  private notify(sheet: string | undefined) {
    for (const { sheets, listener } of this.listeners) if (sheet === undefined || sheets.has(sheet)) listener(sheet ? { sheet } : {});
  }
}
