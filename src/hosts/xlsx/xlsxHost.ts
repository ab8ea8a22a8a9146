/**
 * The .xlsx adapter: the host port over an exceljs workbook, for the CLI and the tests.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import { parseRange, columnIndex, columnLetter } from '../../core/workbook/address';
import type { CellInput, ConditionalFormat, Edit, ValidationMessages, ValidationRule } from '../../core/workbook/edits';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/workbook/snapshot';
import { isoToUtcDate } from '../../core/values/dates';
import { UnreadableWorkbookError, type WorkbookHost } from '../port';

const HEADER_FILL = 'FFDCE6F1';

function readCell(cell: ExcelJS.Cell): { value: CellValue; formula?: string } {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { value: v };
  if (v instanceof Date) return { value: v };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      const formula = cell.formula ? `=${cell.formula}` : undefined;
      // exceljs leaves a cached 0 out of the value object; cell.result still has it
      const result = o['result'] ?? (cell.result as unknown);
      let value: CellValue = null;
      if (typeof result === 'string' || typeof result === 'number' || typeof result === 'boolean' || result instanceof Date) value = result;
      else if (result && typeof result === 'object' && 'error' in (result as object)) value = { error: String((result as { error: unknown }).error) };
      return { value, formula };
    }
    if ('richText' in o && Array.isArray(o['richText'])) {
      return { value: (o['richText'] as { text?: string }[]).map((r) => r.text ?? '').join('') };
    }
    if ('error' in o) return { value: { error: String(o['error']) } };
    if ('text' in o) {
      const t = o['text'];
      if (typeof t === 'string') return { value: t };
      if (t && typeof t === 'object' && 'richText' in (t as object)) {
        return { value: ((t as { richText: { text?: string }[] }).richText).map((r) => r.text ?? '').join('') };
      }
    }
  }
  return { value: String(v) };
}

function snapshotSheet(ws: ExcelJS.Worksheet): SheetSnapshot {
  const values: CellValue[][] = [];
  const formulas: (string | undefined)[][] = [];
  const rows = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    const vals: CellValue[] = [];
    const fs: (string | undefined)[] = [];
    if (row.cellCount > 0) {
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        const { value, formula } = readCell(cell);
        vals[col - 1] = value;
        if (formula) fs[col - 1] = formula;
      });
    }
    for (let i = 0; i < vals.length; i++) if (vals[i] === undefined) vals[i] = null;
    values.push(vals);
    formulas.push(fs);
  }
  const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice();
  return { name: ws.name, values, formulas, merges, hidden: ws.state !== 'visible' };
}

function toExcelValue(input: Exclude<CellInput, null>): ExcelJS.CellValue {
  if (typeof input === 'object') {
    if ('formula' in input) return { formula: input.formula.replace(/^=/, '') } as ExcelJS.CellFormulaValue;
    return isoToUtcDate(input.date);
  }
  return input;
}

function cellsIn(range: string): { column: number; row: number }[] {
  const r = parseRange(range);
  const out: { column: number; row: number }[] = [];
  for (let row = r.row; row <= r.lastRow; row++) for (let column = r.column; column <= r.lastColumn; column++) out.push({ column, row });
  return out;
}

/** Large ranges down a column (rows 2…N) are styled on the column and on the cells that exist. */
function styleRange(ws: ExcelJS.Worksheet, range: string, apply: (target: { numFmt?: string; alignment?: Partial<ExcelJS.Alignment> }) => void) {
  const r = parseRange(range);
  if (r.lastRow - r.row > 200) {
    for (let c = r.column; c <= r.lastColumn; c++) {
      const column = ws.getColumn(c);
      apply(column as unknown as { numFmt?: string });
      column.eachCell({ includeEmpty: false }, (cell, row) => {
        if (row >= r.row && row <= r.lastRow) apply(cell);
      });
    }
    return;
  }
  for (const { column, row } of cellsIn(range)) apply(ws.getCell(row, column));
}

type DataValidations = { model: Record<string, ExcelJS.DataValidation> };

function toValidation(rule: ValidationRule, messages: ValidationMessages): ExcelJS.DataValidation {
  const base: Partial<ExcelJS.DataValidation> = { allowBlank: true };
  if (messages.prompt) {
    Object.assign(base, { showInputMessage: true, promptTitle: messages.prompt.title, prompt: messages.prompt.message });
  }
  if (messages.error) {
    Object.assign(base, {
      showErrorMessage: true,
      errorStyle: messages.error.style,
      errorTitle: messages.error.title,
      error: messages.error.message,
    });
  }
  switch (rule.type) {
    case 'list':
      return { ...base, type: 'list', formulae: [rule.source.replace(/^=/, '')] } as ExcelJS.DataValidation;
    case 'wholeNumber':
      return { ...base, type: 'whole', operator: 'between', formulae: [rule.min, rule.max] } as ExcelJS.DataValidation;
    case 'decimal':
      return { ...base, type: 'decimal', operator: 'between', formulae: [rule.min ?? -1e12, rule.max ?? 1e12] } as ExcelJS.DataValidation;
    case 'date':
      return {
        ...base,
        type: 'date',
        operator: 'between',
        formulae: [isoToUtcDate(rule.min ?? '1900-01-01'), isoToUtcDate(rule.max ?? '9999-12-31')],
      } as ExcelJS.DataValidation;
    case 'custom':
      return { ...base, type: 'custom', formulae: [rule.formula.replace(/^=/, '')] } as ExcelJS.DataValidation;
    case 'textLength':
      return { ...base, type: 'textLength', operator: 'lessThanOrEqual', formulae: [rule.max] } as ExcelJS.DataValidation;
  }
}

/** Removes validations on cells inside `range` (exceljs keeps one entry per cell after loading). */
function clearValidations(ws: ExcelJS.Worksheet, range: string) {
  const dv = (ws as unknown as { dataValidations: DataValidations }).dataValidations;
  const r = parseRange(range);
  for (const key of Object.keys(dv.model)) {
    const k = parseRange(key.replace(/\$/g, ''));
    const overlaps = k.column <= r.lastColumn && k.lastColumn >= r.column && k.row <= r.lastRow && k.lastRow >= r.row;
    if (overlaps) delete dv.model[key];
  }
}

/**
 * exceljs reads a validation over C2:C2000 as 1 999 per-cell entries and is slow to write
 * them back; runs of cells down a column with the same validation become one range again.
 */
function compactValidations(ws: ExcelJS.Worksheet) {
  const dv = (ws as unknown as { dataValidations: DataValidations }).dataValidations;
  const singles = Object.keys(dv.model).filter((k) => /^[A-Z]+\d+$/.test(k));
  if (singles.length < 50) return;
  const groups = new Map<string, { column: number; rows: number[]; validation: ExcelJS.DataValidation }>();
  for (const key of singles) {
    const { column, row } = parseRange(key);
    const validation = dv.model[key]!;
    const id = `${column}\u0000${JSON.stringify(validation)}`;
    const g = groups.get(id) ?? { column, rows: [], validation };
    g.rows.push(row);
    groups.set(id, g);
    delete dv.model[key];
  }
  for (const g of groups.values()) {
    g.rows.sort((a, b) => a - b);
    let start = g.rows[0]!;
    let prev = start;
    const flush = () => {
      const letter = columnLetter(g.column);
      dv.model[start === prev ? `${letter}${start}` : `${letter}${start}:${letter}${prev}`] = g.validation;
    };
    for (const row of g.rows.slice(1)) {
      if (row === prev + 1) {
        prev = row;
        continue;
      }
      flush();
      start = prev = row;
    }
    flush();
  }
}

type CfRule = { type: string; formulae?: string[] };
type CfBlock = { ref: string; rules: CfRule[] };

function addConditionalFormat(ws: ExcelJS.Worksheet, range: string, format: ConditionalFormat) {
  const formula = format.formula.replace(/^=/, '');
  const existing = (ws as unknown as { conditionalFormattings: CfBlock[] }).conditionalFormattings;
  // re-applying the template must not pile up copies of the same rule
  for (const block of existing) {
    if (block.ref === range) block.rules = block.rules.filter((rule) => rule.formulae?.[0] !== formula);
  }
  (ws as unknown as { conditionalFormattings: CfBlock[] }).conditionalFormattings = existing.filter((b) => b.rules.length > 0);
  ws.addConditionalFormatting({
    ref: range,
    rules: [
      {
        type: 'expression',
        priority: 1,
        formulae: [formula],
        style: {
          fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: `FF${format.fill.replace('#', '')}` } },
          ...(format.fontColor ? { font: { color: { argb: `FF${format.fontColor.replace('#', '')}` } } } : {}),
        },
      },
    ],
  });
}

export class XlsxHost implements WorkbookHost {
  constructor(readonly workbook: ExcelJS.Workbook) {}

  static create(): XlsxHost {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Planrapport';
    wb.calcProperties.fullCalcOnLoad = true;
    return new XlsxHost(wb);
  }

  /** Opens an .xlsx file; a file that is not a readable workbook gives a Swedish error. */
  static async open(path: string): Promise<XlsxHost> {
    let data: Buffer;
    try {
      data = await fs.readFile(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UnreadableWorkbookError(
        code === 'ENOENT' ? `Filen ${path} finns inte.` : `Filen ${path} kan inte läsas (${code ?? 'okänt fel'}).`,
      );
    }
    return XlsxHost.fromBuffer(data, path);
  }

  static async fromBuffer(data: Buffer | ArrayBuffer, name = 'arbetsboken'): Promise<XlsxHost> {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(data as ArrayBuffer);
    } catch {
      throw new UnreadableWorkbookError(
        `${name} är ingen läsbar Excel-arbetsbok (.xlsx). Spara filen som Excel-arbetsbok (.xlsx) och försök igen.`,
      );
    }
    wb.calcProperties.fullCalcOnLoad = true;
    return new XlsxHost(wb);
  }

  async save(path: string): Promise<void> {
    this.workbook.eachSheet(compactValidations);
    await this.workbook.xlsx.writeFile(path);
  }

  async toBuffer(): Promise<Buffer> {
    this.workbook.eachSheet(compactValidations);
    return Buffer.from(await this.workbook.xlsx.writeBuffer());
  }

  async read(sheets: readonly string[]): Promise<WorkbookSnapshot> {
    return this.snapshot(sheets);
  }

  async update<T>(sheets: readonly string[], compute: (snapshot: WorkbookSnapshot) => { edits: Edit[]; result: T }): Promise<T> {
    const { edits, result } = compute(this.snapshot(sheets));
    this.apply(edits);
    return result;
  }

  private snapshot(sheets: readonly string[]): WorkbookSnapshot {
    const snapshot: WorkbookSnapshot = { sheetNames: this.workbook.worksheets.map((ws) => ws.name), sheets: {} };
    for (const name of sheets) {
      const ws = this.workbook.getWorksheet(name);
      if (ws) snapshot.sheets[name] = snapshotSheet(ws);
    }
    return snapshot;
  }

  private sheet(name: string): ExcelJS.Worksheet {
    const ws = this.workbook.getWorksheet(name);
    if (!ws) throw new Error(`Fliken ${name} finns inte.`);
    return ws;
  }

  apply(edits: readonly Edit[]): void {
    for (const edit of edits) {
      switch (edit.op) {
        case 'addSheet':
          if (!this.workbook.getWorksheet(edit.sheet)) this.workbook.addWorksheet(edit.sheet);
          break;
        case 'setSheetVisible':
          this.sheet(edit.sheet).state = edit.visible ? 'visible' : 'hidden';
          break;
        case 'setCells': {
          const ws = this.sheet(edit.sheet);
          const { column, row } = parseRange(edit.topLeft);
          edit.rows.forEach((cells, i) =>
            cells.forEach((input, j) => {
              if (input === null) return; // null leaves the cell as it is
              ws.getCell(row + i, column + j).value = toExcelValue(input);
            }),
          );
          break;
        }
        case 'columnWidth':
          this.sheet(edit.sheet).getColumn(columnIndex(edit.column)).width = edit.width;
          break;
        case 'numberFormat':
          styleRange(this.sheet(edit.sheet), edit.range, (t) => {
            t.numFmt = edit.format;
          });
          break;
        case 'wrapText':
          styleRange(this.sheet(edit.sheet), edit.range, (t) => {
            t.alignment = { ...(t.alignment ?? {}), wrapText: true, vertical: 'top' };
          });
          break;
        case 'headerStyle': {
          const ws = this.sheet(edit.sheet);
          for (const { column, row } of cellsIn(edit.range)) {
            const cell = ws.getCell(row, column);
            cell.font = { bold: true };
            cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
            cell.alignment = { vertical: 'middle', wrapText: true };
          }
          break;
        }
        case 'freezeHeader':
          this.sheet(edit.sheet).views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
          break;
        case 'validation': {
          const ws = this.sheet(edit.sheet);
          clearValidations(ws, edit.range);
          const dv = (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations;
          dv.add(edit.range, toValidation(edit.rule, edit));
          break;
        }
        case 'conditionalFormat':
          addConditionalFormat(this.sheet(edit.sheet), edit.range, edit.format);
          break;
      }
    }
  }
}

