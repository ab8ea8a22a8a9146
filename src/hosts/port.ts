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
  select(sheet: string, cell: string): Promise<void>;
}

/** A workbook that cannot be opened or read at all; `message` is Swedish. */
export class UnreadableWorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableWorkbookError';
  }
}
