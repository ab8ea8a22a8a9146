/**
 * The use-cases the task pane calls, wired to a host. Components and the pane's state receive
 * these through context and hold no business rules themselves. The code of the actions
 * (template planning, the validator, the report and its docx renderer) is loaded on first use,
 * each a chunk of its own; tests pass static imports instead (jest cannot run import()).
 */
import { createContext, useContext } from 'react';
import type { PlanDocumentInfo } from '../core/model/plan';
import { documentTitle, periodText } from '../core/report/title';
import type { Readiness } from '../core/rules/readiness';
import type { TemplateOptions } from '../core/workbook/template';
import { SHEET_NAMES } from '../core/layout/layout';
import type { CellNavigator, ChangeNotifier, WorkbookChange, WorkbookHost } from '../hosts/port';
import { readDocumentStatus } from '../usecases/readWorkbook';
import type { Finding } from '../core/findings/finding';
import type { GenerateStep } from '../usecases/generate';
import { swedishQuotes } from '../core/values/text';
import { toPaneError, type PaneError } from './errors';

export interface DocumentStatus {
  /** false when none of Planrapport's sheets is in the workbook. */
  isTemplate: boolean;
  info: PlanDocumentInfo;
  title: string;
  /** The period a follow-up reports on ("januari–april 2025"), undefined for a plan. */
  period?: string;
  /** Planrapport sheets the workbook lacks. */
  missingSheets: string[];
}

export interface ValidationOutcome {
  findings: Finding[];
  errors: number;
  warnings: number;
  /** false when the workbook has no Planrapport sheets at all. */
  isTemplate: boolean;
  /** "Klar att lämna in": no errors and what the kind requires (the core decides). */
  readiness: Readiness;
}

export interface TemplateOutcome {
  /** What the user should know (values kept or changed, sheets added), Swedish quotes. */
  notes: string[];
}

export interface GeneratedDocument {
  bytes: Uint8Array;
  fileName: string;
  title: string;
  errors: number;
  warnings: number;
}

export interface TaskpaneServices {
  /** The document alone (Dokument and the sheet names): one cheap read. */
  readStatus(): Promise<DocumentStatus>;
  createTemplate(options: TemplateOptions): Promise<TemplateOutcome>;
  validate(): Promise<ValidationOutcome>;
  /** Builds the Word document; the report code is loaded on first use. */
  generate(onStep?: (step: GenerateStep) => void): Promise<GeneratedDocument>;
  /** Shows the sheet and selects the cell or range ("" : the sheet only). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Calls `listener` when Planrapport's sheets change; undefined when the host cannot tell. */
  watch?(listener: (change: WorkbookChange) => void): Promise<() => void>;
  /** Loads the report code ahead of a click (the Word tab shown); failures are left to generate. */
  prefetchReport(): void;
  /** An error as the user reads it: Swedish, what to do, whether to try again. */
  describeError(e: unknown): PaneError;
}

/** The code of each action, loaded on first use. */
export interface ActionLoaders {
  template: () => Promise<Pick<typeof import('../usecases/template.js'), 'applyTemplate'>>;
  validate: () => Promise<Pick<typeof import('../usecases/validate.js'), 'validateWorkbook'>>;
  generate: () => Promise<Pick<typeof import('../usecases/generate.js'), 'generateReport'>>;
}

const LAZY_ACTIONS: ActionLoaders = {
  template: () => import(/* webpackChunkName: "template" */ '../usecases/template.js'),
  validate: () => import(/* webpackChunkName: "validate" */ '../usecases/validate.js'),
  generate: () => import(/* webpackChunkName: "report" */ '../usecases/generate.js'),
};

/** A loader that keeps its module once loaded and forgets a failure, so that the next call tries again. */
export function retrying<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((e: unknown) => {
      loading = undefined;
      throw e;
    }));
}

export function createServices(
  host: WorkbookHost & CellNavigator & Partial<ChangeNotifier>,
  describeHostError: (e: unknown) => string,
  options: { load?: Partial<ActionLoaders> } = {},
): TaskpaneServices {
  const load = {
    template: retrying(options.load?.template ?? LAZY_ACTIONS.template),
    validate: retrying(options.load?.validate ?? LAZY_ACTIONS.validate),
    generate: retrying(options.load?.generate ?? LAZY_ACTIONS.generate),
  };
  const watch = host.watch?.bind(host);
  return {
    async readStatus() {
      const reading = await readDocumentStatus(host);
      const { info } = reading;
      return { isTemplate: reading.isTemplate, info, title: documentTitle(info), period: periodText(info), missingSheets: reading.missingSheets };
    },
    async createTemplate(options) {
      const { applyTemplate } = await load.template();
      const result = await applyTemplate(host, options);
      return { notes: result.notes.map(swedishQuotes) };
    },
    async validate() {
      const { validateWorkbook } = await load.validate();
      const report = await validateWorkbook(host);
      return {
        findings: report.findings,
        errors: report.errors,
        warnings: report.warnings,
        isTemplate: report.reading.isTemplate,
        readiness: report.readiness,
      };
    },
    async generate(onStep) {
      const { generateReport } = await load.generate();
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
    watch: watch && ((listener) => watch(SHEET_NAMES, listener)),
    prefetchReport() {
      load.generate().catch(() => undefined);
    },
    describeError: (e) => toPaneError(e, describeHostError),
  };
}

export const ServicesContext = createContext<TaskpaneServices | undefined>(undefined);

export function useServices(): TaskpaneServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('Planrapport: tjänsterna saknas (ServicesContext).');
  return services;
}
