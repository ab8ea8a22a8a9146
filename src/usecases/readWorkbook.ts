/** Use-case: read the open workbook into the plan model (for the task pane, validate and generate). */
import { DOKUMENT, SHEET_NAMES } from '../core/layout/layout';
import { isPlanWorkbook, readDocument, readPlan, type DocumentReading, type ReadResult } from '../core/workbook/readPlan';
import type { WorkbookHost } from '../hosts/port';

export interface WorkbookReading extends ReadResult {
  /** false when none of Planrapport's sheets is in the workbook. */
  isTemplate: boolean;
  sheetNames: string[];
}

export async function readWorkbook(host: WorkbookHost): Promise<WorkbookReading> {
  const snapshot = await host.read(SHEET_NAMES);
  return { ...readPlan(snapshot), isTemplate: isPlanWorkbook(snapshot), sheetNames: snapshot.sheetNames };
}

/** The document alone (the task pane's header): reads Dokument and the sheet names, nothing else. */
export async function readDocumentStatus(host: WorkbookHost): Promise<DocumentReading> {
  return readDocument(await host.read([DOKUMENT.name]));
}
