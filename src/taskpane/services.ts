/**
 * The use-cases the task pane calls, wired to a host. Components receive these through
 * context and hold no business rules themselves.
 */
import { createContext, useContext } from 'react';
import type { PlanDocumentInfo } from '../core/model/plan';
import { documentTitle } from '../core/report/title';
import type { TemplateOptions } from '../core/workbook/template';
import type { CellNavigator, WorkbookHost } from '../hosts/port';
import { applyTemplate, type TemplateResult } from '../usecases/template';
import { readWorkbook } from '../usecases/readWorkbook';
import { validateWorkbook } from '../usecases/validate';
import type { Finding } from '../core/findings/finding';
import type { GenerateStep } from '../usecases/generate';

export interface DocumentStatus {
  /** false when none of Planrapport's sheets is in the workbook. */
  isTemplate: boolean;
  info: PlanDocumentInfo;
  title: string;
  /** Planrapport sheets the workbook lacks. */
  missingSheets: string[];
}

export interface ValidationOutcome {
  findings: Finding[];
  errors: number;
  warnings: number;
  /** false when the workbook has no Planrapport sheets at all. */
  isTemplate: boolean;
}

export interface GeneratedDocument {
  bytes: Uint8Array;
  fileName: string;
  title: string;
  errors: number;
  warnings: number;
}

export interface TaskpaneServices {
  readStatus(): Promise<DocumentStatus>;
  createTemplate(options: TemplateOptions): Promise<TemplateResult>;
  validate(): Promise<ValidationOutcome>;
  /** Builds the Word document; the report code is loaded on first use. */
  generate(onStep?: (step: GenerateStep) => void): Promise<GeneratedDocument>;
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Turns an error from the host into a Swedish sentence for the user. */
  describeError(e: unknown): string;
}

/** The report code, loaded on first use (a separate bundle chunk). Tests pass a static import. */
export type GenerateLoader = () => Promise<Pick<typeof import('../usecases/generate.js'), 'generateReport'>>;

const loadGenerate: GenerateLoader = () => import('../usecases/generate.js');

export function createServices(
  host: WorkbookHost & CellNavigator,
  describeError: (e: unknown) => string,
  options: { loadGenerate?: GenerateLoader } = {},
): TaskpaneServices {
  const load = options.loadGenerate ?? loadGenerate;
  return {
    async readStatus() {
      const reading = await readWorkbook(host);
      const missingSheets = reading.findings.filter((f) => f.rule === 'sheet.missing').map((f) => f.sheet);
      return { isTemplate: reading.isTemplate, info: reading.plan.info, title: documentTitle(reading.plan.info), missingSheets };
    },
    createTemplate: (options) => applyTemplate(host, options),
    async validate() {
      const report = await validateWorkbook(host);
      return { findings: report.findings, errors: report.errors, warnings: report.warnings, isTemplate: report.reading.isTemplate };
    },
    async generate(onStep) {
      const { generateReport } = await load();
      const report = await generateReport(host, { onStep });
      return {
        bytes: report.bytes,
        fileName: report.fileName,
        title: report.model.title,
        errors: report.validation.errors,
        warnings: report.validation.warnings,
      };
    },
    selectCell: (sheet, cell) => host.select(sheet, cell),
    describeError,
  };
}

export const ServicesContext = createContext<TaskpaneServices | undefined>(undefined);

export function useServices(): TaskpaneServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('Planrapport: tjänsterna saknas (ServicesContext).');
  return services;
}
