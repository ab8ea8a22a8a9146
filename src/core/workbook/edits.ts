/**
 * The write vocabulary of the host port: what a use-case asks a workbook to change.
 * Both adapters (office-js and exceljs) translate these; the core only produces them.
 */

/** A value to write: text, number, a date, or a formula. */
export type CellInput = string | number | boolean | null | { date: string } | { formula: string };

export type ValidationRule =
  | { type: 'list'; source: string; /** false: other values are allowed with an information alert */ strict: boolean }
  | { type: 'wholeNumber'; min: number; max: number }
  | { type: 'decimal'; min?: number; max?: number }
  | { type: 'date'; min?: string; max?: string }
  | { type: 'custom'; formula: string }
  | { type: 'textLength'; max: number };

export interface ValidationMessages {
  prompt?: { title: string; message: string };
  error?: { title: string; message: string; style: 'stop' | 'warning' | 'information' };
}

export interface ConditionalFormat {
  /** Formula relative to the top-left cell of the range, English syntax with leading "=". */
  formula: string;
  fill: string; // #RRGGBB
  fontColor?: string;
}

export type Edit =
  | { op: 'addSheet'; sheet: string }
  | { op: 'setSheetVisible'; sheet: string; visible: boolean }
  /** Writes a rectangular block starting at `topLeft`. */
  | { op: 'setCells'; sheet: string; topLeft: string; rows: CellInput[][] }
  /** Empties the cells of a range (values only: formats, validations and comments stay); the core asks it only of cells without a formula. */
  | { op: 'clearCells'; sheet: string; range: string }
  | { op: 'columnWidth'; sheet: string; column: string; width: number }
  | { op: 'numberFormat'; sheet: string; range: string; format: string }
  | { op: 'wrapText'; sheet: string; range: string }
  | { op: 'headerStyle'; sheet: string; range: string }
  | { op: 'freezeHeader'; sheet: string }
  | ({ op: 'validation'; sheet: string; range: string; rule: ValidationRule } & ValidationMessages)
  | { op: 'conditionalFormat'; sheet: string; range: string; format: ConditionalFormat };

export type EditOp = Edit['op'];
