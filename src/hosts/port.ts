/**
 * The one small port between the use-cases and a spreadsheet host. The task pane
 * implements it with office-js (src/hosts/excel), the CLI and tests with exceljs
 * (src/hosts/xlsx). Each call is one round trip / one transaction.
 */
import type { Edit } from '../core/workbook/edits';
import type { WorkbookSnapshot } from '../core/workbook/snapshot';

export interface WorkbookHost {
  /** Reads the sheet names and the used cells of the named sheets. Writes nothing. */
  read(sheets: readonly string[]): Promise<WorkbookSnapshot>;
  /** Reads the named sheets, lets `compute` decide the edits, and applies them: one transaction. */
  update<T>(sheets: readonly string[], compute: (snapshot: WorkbookSnapshot) => { edits: Edit[]; result: T }): Promise<T>;
}

/** Hosts with a user interface can take the user to a cell. */
export interface CellNavigator {
  /** Shows the sheet and selects `cell` (a cell or a range); with `cell` "" the sheet only, its selection left as it is. */
  select(sheet: string, cell: string): Promise<void>;
}

/** A change in the workbook, as the host reports it: the sheet, when known. */
export interface WorkbookChange {
  sheet?: string;
}

/** Hosts that tell when the workbook changes (the task pane: Excel's change events). */
export interface ChangeNotifier {
  /**
   * Calls `listener` after a cell of one of the named sheets changes, and after a sheet is added
   * or deleted. Resolves once listening, to a function that stops the calls.
   */
  watch(sheets: readonly string[], listener: (change: WorkbookChange) => void): Promise<() => void>;
}

/** A workbook that cannot be opened or read at all; `message` is Swedish. */
export class UnreadableWorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableWorkbookError';
  }
}

/**
 * A change Planrapport cannot make without harming something in the workbook (a protected
 * sheet, a merged area, a table header …). Nothing has been written; `problems` are Swedish,
 * each naming the sheet and cell and saying what to do.
 */
export class WorkbookConflictError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `Planrapport kan inte uppdatera arbetsboken utan att ändra sådant som inte är Planrapports. Inget har sparats.\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'WorkbookConflictError';
  }
}
