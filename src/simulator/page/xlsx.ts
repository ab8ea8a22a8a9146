/**
 * The simulator's workbook in and out of .xlsx, with exceljs's browser build (loaded by the
 * page as the global ExcelJS; the simulator is a development tool, never part of the add-in).
 * What the office-js stand-in models goes both ways: cells (values, formulas with their cached
 * results, number formats), sheets and their visibility, data validations, conditional
 * formats, column widths, the frozen header row and the formats the adapter sets.
 */
import ExcelJS from 'exceljs';
import { columnLetter, parseRange } from '../../core/cells/address';
import { FakeWorkbook, type FakeCell, type FakeSheet, type FakeValidation } from '../excel/fakeExcel';

/** Points per character of column width, as the adapter counts them. */
const POINTS_PER_CHAR = 5.7;
const DAY_MS = 86_400_000;
const EPOCH_1899 = Date.UTC(1899, 11, 30);

function serial(date: Date): number {
  return (date.getTime() - EPOCH_1899) / DAY_MS;
}

function toCell(value: ExcelJS.CellValue, formula: string | undefined): FakeCell | undefined {
  const cell: FakeCell = {};
  if (formula) cell.formula = `=${formula}`;
  let v: unknown = value;
  if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) v = (v as { result?: unknown }).result;
  if (v === null || v === undefined) return cell.formula ? cell : undefined;
  if (v instanceof Date) cell.value = serial(v);
  else if (typeof v === 'object' && 'richText' in v) cell.value = (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
  else if (typeof v === 'object' && 'error' in v) cell.error = String((v as ExcelJS.CellErrorValue).error);
  else if (typeof v === 'object' && 'text' in v) cell.value = String((v as ExcelJS.CellHyperlinkValue).text);
  else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') cell.value = v;
  else return cell.formula ? cell : undefined;
  return cell;
}

const OPERATORS: Record<string, string> = {
  between: 'Between',
  notBetween: 'NotBetween',
  equal: 'EqualTo',
  notEqual: 'NotEqualTo',
  greaterThan: 'GreaterThan',
  lessThan: 'LessThan',
  greaterThanOrEqual: 'GreaterThanOrEqualTo',
  lessThanOrEqual: 'LessThanOrEqualTo',
};
const FROM_OPERATOR = Object.fromEntries(Object.entries(OPERATORS).map(([k, v]) => [v, k]));
const RULE_TYPES: Record<string, string> = { whole: 'wholeNumber', decimal: 'decimal', date: 'date', textLength: 'textLength' };
const FROM_RULE_TYPE = Object.fromEntries(Object.entries(RULE_TYPES).map(([k, v]) => [v, k]));
const withEquals = (f: unknown) => (typeof f === 'string' && !f.startsWith('=') && !/^-?\d/.test(f) ? `=${f}` : f);
const withoutEquals = (f: unknown) => (typeof f === 'string' && f.startsWith('=') ? f.slice(1) : f);

function toValidation(dv: ExcelJS.DataValidation): FakeValidation | undefined {
  const [f1, f2] = (dv.formulae ?? []) as unknown[];
  let rule: unknown;
  if (dv.type === 'list') {
    const source = String(f1 ?? '');
    rule = { list: { inCellDropDown: true, source: source.startsWith('"') ? source.slice(1, -1) : `=${source}` } };
  } else if (dv.type === 'custom') rule = { custom: { formula: `=${String(f1 ?? '')}` } };
  else if (RULE_TYPES[dv.type]) {
    rule = { [RULE_TYPES[dv.type]!]: { formula1: withEquals(f1), formula2: withEquals(f2), operator: OPERATORS[dv.operator ?? 'between'] ?? 'Between' } };
  } else return undefined;
  return {
    rule,
    ignoreBlanks: dv.allowBlank ?? true,
    prompt: dv.prompt || dv.promptTitle ? { showPrompt: dv.showInputMessage ?? true, title: dv.promptTitle ?? '', message: dv.prompt ?? '' } : undefined,
    errorAlert: { showAlert: dv.showErrorMessage ?? false, style: dv.errorStyle ?? 'stop', title: dv.errorTitle ?? '', message: dv.error ?? '' },
  };
}

function fromValidation(v: FakeValidation): ExcelJS.DataValidation | undefined {
  const [type, spec] = Object.entries((v.rule ?? {}) as Record<string, Record<string, unknown>>)[0] ?? [];
  if (!type || !spec) return undefined;
  const prompt = v.prompt as { showPrompt?: boolean; title?: string; message?: string } | undefined;
  const alert = v.errorAlert as { showAlert?: boolean; style?: string; title?: string; message?: string } | undefined;
  const common = {
    allowBlank: v.ignoreBlanks ?? true,
    showInputMessage: prompt?.showPrompt ?? false,
    promptTitle: prompt?.title,
    prompt: prompt?.message,
    showErrorMessage: alert?.showAlert ?? true,
    errorStyle: alert?.style?.toLowerCase(),
    errorTitle: alert?.title,
    error: alert?.message,
  };
  if (type === 'list') {
    const source = String(spec.source ?? '');
    return { ...common, type: 'list', formulae: [source.startsWith('=') ? source.slice(1) : `"${source}"`] } as ExcelJS.DataValidation;
  }
  if (type === 'custom') return { ...common, type: 'custom', formulae: [withoutEquals(spec.formula)] } as ExcelJS.DataValidation;
  const xlsxType = FROM_RULE_TYPE[type];
  if (!xlsxType) return undefined;
  const formulae = [spec.formula1, spec.formula2]
    .filter((f) => f !== undefined && f !== null)
    .map((f) => (f instanceof Date ? serial(f) : typeof f === 'string' && /^\d{4}-\d\d-\d\d$/.test(f) ? serial(new Date(`${f}T00:00:00Z`)) : withoutEquals(f)));
  return { ...common, type: xlsxType, operator: FROM_OPERATOR[String(spec.operator)] ?? 'between', formulae } as ExcelJS.DataValidation;
}

const argb = (color: string | undefined) => (color ? `FF${color.replace('#', '').toUpperCase()}` : undefined);
const hex = (c: { argb?: string } | undefined) => (c?.argb ? `#${c.argb.slice(-6)}` : undefined);

/** An .xlsx (its bytes) as the stand-in's workbook. */
export async function readXlsx(bytes: ArrayBuffer): Promise<FakeWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const book = new FakeWorkbook();
  wb.eachSheet((ws) => {
    const sheet = book.addSheet(ws.name);
    sheet.visibility = ws.state === 'hidden' ? 'Hidden' : ws.state === 'veryHidden' ? 'VeryHidden' : 'Visible';
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (c, col) => {
        const cell = toCell(c.value, c.formula || undefined);
        if (!cell) return;
        if (c.numFmt) cell.numberFormat = c.numFmt;
        sheet.cells.set(`${r},${col}`, cell);
      });
    });
    (ws.columns ?? []).forEach((col, i) => {
      if (col?.width) sheet.columnWidths.set(String(i + 1), Math.round(col.width * POINTS_PER_CHAR));
    });
    const view = ws.views?.[0] as { state?: string; ySplit?: number } | undefined;
    if (view?.state === 'frozen' && view.ySplit) sheet.frozenRows = view.ySplit;
    const validations = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } }).dataValidations.model;
    for (const [address, dv] of Object.entries(validations)) {
      const v = dv && toValidation(dv);
      if (v) sheet.validations.set(address, v);
    }
    const cfs = (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ?? [];
    for (const cf of cfs) {
      for (const rule of cf.rules) {
        if (rule.type !== 'expression') continue;
        const style = rule.style as { fill?: { bgColor?: { argb?: string }; fgColor?: { argb?: string } }; font?: { color?: { argb?: string } } } | undefined;
        sheet.conditionalFormats.push({
          range: cf.ref,
          formula: `=${String(rule.formulae?.[0] ?? '')}`,
          fill: hex(style?.fill?.bgColor ?? style?.fill?.fgColor),
          fontColor: hex(style?.font?.color),
        });
      }
    }
  });
  book.syncs = 0;
  return book;
}

function eachCell(sheet: ExcelJS.Worksheet, range: string, fn: (cell: ExcelJS.Cell) => void) {
  const r = parseRange(range);
  const lastRow = Math.min(r.lastRow, r.row + 2000);
  for (let row = r.row; row <= lastRow; row++) for (let c = r.column; c <= r.lastColumn; c++) fn(sheet.getCell(row, c));
}

/** The stand-in's workbook as .xlsx bytes. */
export async function writeXlsx(book: FakeWorkbook): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const sheet of book.sheets) writeSheet(wb, sheet);
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

function writeSheet(wb: ExcelJS.Workbook, sheet: FakeSheet) {
  const state = sheet.visibility === 'Hidden' ? 'hidden' : sheet.visibility === 'VeryHidden' ? 'veryHidden' : 'visible';
  const ws = wb.addWorksheet(sheet.name, { state, views: sheet.frozenRows ? [{ state: 'frozen', ySplit: sheet.frozenRows }] : [] });
  for (const [key, cell] of sheet.cells) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    const target = ws.getCell(r, c);
    const value = cell.error ? { error: cell.error } : cell.value;
    if (cell.formula) target.value = { formula: cell.formula.slice(1), result: value } as ExcelJS.CellFormulaValue;
    else if (value !== undefined) target.value = value as ExcelJS.CellValue;
    if (cell.numberFormat && cell.numberFormat !== 'General') target.numFmt = cell.numberFormat;
  }
  for (const [column, points] of sheet.columnWidths) ws.getColumn(Number(column)).width = Math.round((points / POINTS_PER_CHAR) * 10) / 10;
  for (const [address, v] of sheet.validations) {
    const dv = fromValidation(v);
    if (dv) (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(address, dv);
  }
  sheet.conditionalFormats.forEach((cf, i) => {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: 'expression',
          priority: i + 1,
          formulae: [cf.formula.replace(/^=/, '')],
          style: {
            ...(cf.fill ? { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.fill)! } } } : {}),
            ...(cf.fontColor ? { font: { color: { argb: argb(cf.fontColor)! } } } : {}),
          },
        },
      ],
    });
  });
  for (const f of sheet.formats) {
    eachCell(ws, f.range, (cell) => {
      if (f.bold !== undefined) cell.font = { ...cell.font, bold: f.bold, ...(f.fontColor ? { color: { argb: argb(f.fontColor)! } } : {}) };
      if (f.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(f.fill)! } };
      if (f.wrapText !== undefined || f.verticalAlignment) {
        cell.alignment = { ...cell.alignment, wrapText: f.wrapText, vertical: f.verticalAlignment?.toLowerCase() as ExcelJS.Alignment['vertical'] };
      }
    });
  }
}

/** "E3" of a 0-based grid point. */
export function pointAddress(row: number, column: number): string {
  return `${columnLetter(column + 1)}${row + 1}`;
}
