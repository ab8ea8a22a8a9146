/**
 * Use-case: the workbook → the finished Word document. Reads only (never writes to the
 * workbook); works on drafts too and reports the validation summary alongside.
 */
import { buildReport } from '../core/report/build';
import { packReport, type Logo } from '../core/report/docx/document';
import type { ReportModel } from '../core/report/model';
import { documentTitle } from '../core/report/title';
import { oneLine } from '../core/values/text';
import type { WorkbookHost } from '../hosts/port';
import { readWorkbook } from './readWorkbook';
import { summarise, type ValidationReport } from './validate';

export interface GeneratedReport {
  bytes: Uint8Array;
  /** A file name for the document, e.g. "Tertialrapport 2 för 2019.docx". */
  fileName: string;
  model: ReportModel;
  validation: ValidationReport;
}

export function reportFileName(title: string): string {
  const safe = oneLine(title)
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return `${safe || 'Rapport'}.docx`;
}

/** Progress steps, for the task pane's indicator. */
export type GenerateStep = 'read' | 'build' | 'write';

export interface GenerateOptions {
  onStep?: (step: GenerateStep) => void;
  /** See RenderOptions.pageNumbers: `layout` lays the pages out as Word does (slower). */
  pageNumbers?: 'estimate' | 'layout';
  /** A logo for page 1. */
  logo?: Logo;
}

export async function generateReport(host: WorkbookHost, options: GenerateOptions = {}): Promise<GeneratedReport> {
  // after each step the task pane gets a moment to draw it
  const onStep = async (step: GenerateStep) => {
    options.onStep?.(step);
    if (options.onStep) await new Promise((resolve) => setTimeout(resolve, 0));
  };
  await onStep('read');
  const reading = await readWorkbook(host);
  const validation = summarise(reading);
  await onStep('build');
  const model = buildReport(reading.plan);
  await onStep('write');
  const bytes = await packReport(model, { pageNumbers: options.pageNumbers, logo: options.logo });
  return { bytes, fileName: reportFileName(documentTitle(reading.plan.info)), model, validation };
}
