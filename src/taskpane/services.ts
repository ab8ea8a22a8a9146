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
import type { NextPeriodOptions } from '../usecases/nextPeriod';
import type { ValueImport } from '../usecases/importValues';
import type { KoladaRecord } from '../core/kolada/kolada';
import type { FetchLike } from '../hosts/kolada/koladaClient';
import type { Period } from '../core/model/period';
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

export interface NextPeriodOutcome {
  /** Why no next period was made (Swedish); nothing was changed then. */
  problems: string[];
  from?: Period;
  to?: Period;
  carried: { sheet: string; rows: number }[];
  cleared: { sheet: string; header: string; cells: number }[];
  previousOutcomes: number;
  /** What the user should know, Swedish quotes. */
  notes: string[];
}

export interface KoladaPreview {
  /** The records Kolada gave, applied as they are by importKolada. */
  records: KoladaRecord[];
  /** What importing them would change (nothing is written yet). */
  preview: ValueImport;
  /** Why nothing was asked of Kolada (no Kolada-id, no kommun/enhet), Swedish. */
  problems: string[];
}

export interface TaskpaneServices {
  /** The document alone (Dokument and the sheet names): one cheap read. */
  readStatus(): Promise<DocumentStatus>;
  createTemplate(options: TemplateOptions): Promise<TemplateOutcome>;
  validate(): Promise<ValidationOutcome>;
  /** Builds the Word document; the report code is loaded on first use. */
  generate(onStep?: (step: GenerateStep) => void): Promise<GeneratedDocument>;
  /** "Ny period": converts the open workbook in place to the next period (one Excel.run). */
  nextPeriod(options: NextPeriodOptions): Promise<NextPeriodOutcome>;
  /** Fetches what the workbook needs from Kolada and previews it; writes nothing. */
  previewKolada(options: { overwrite: boolean }): Promise<KoladaPreview>;
  /** Writes the records the preview showed (planned again on the workbook as it is then). */
  importKolada(records: readonly KoladaRecord[], options: { overwrite: boolean }): Promise<ValueImport>;
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
  nextPeriod: () => Promise<Pick<typeof import('../usecases/nextPeriod.js'), 'nextPeriod'>>;
  kolada: () => Promise<
    Pick<typeof import('../usecases/importValues.js'), 'koladaQueryOf' | 'previewKolada' | 'importKolada'> &
      Pick<typeof import('../hosts/kolada/koladaClient.js'), 'fetchKolada'>
  >;
}

const LAZY_ACTIONS: ActionLoaders = {
  template: () => import(/* webpackChunkName: "template" */ '../usecases/template.js'),
  validate: () => import(/* webpackChunkName: "validate" */ '../usecases/validate.js'),
  generate: () => import(/* webpackChunkName: "report" */ '../usecases/generate.js'),
  nextPeriod: () => import(/* webpackChunkName: "year" */ '../usecases/nextPeriod.js'),
  kolada: async () => {
    const [usecases, client] = await Promise.all([
      import(/* webpackChunkName: "kolada" */ '../usecases/importValues.js'),
      import(/* webpackChunkName: "kolada" */ '../hosts/kolada/koladaClient.js'),
    ]);
    return { ...usecases, fetchKolada: client.fetchKolada };
  },
};

/** The browser's fetch as the Kolada client uses it. */
const browserFetch: FetchLike = (url) => window.fetch(url, { headers: { Accept: 'application/json' } });

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
  options: { load?: Partial<ActionLoaders>; fetch?: FetchLike } = {},
): TaskpaneServices {
  const load = {
    template: retrying(options.load?.template ?? LAZY_ACTIONS.template),
    validate: retrying(options.load?.validate ?? LAZY_ACTIONS.validate),
    generate: retrying(options.load?.generate ?? LAZY_ACTIONS.generate),
    nextPeriod: retrying(options.load?.nextPeriod ?? LAZY_ACTIONS.nextPeriod),
    kolada: retrying(options.load?.kolada ?? LAZY_ACTIONS.kolada),
  };
  const fetchFn = options.fetch ?? browserFetch;
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
    async nextPeriod(options) {
      const { nextPeriod } = await load.nextPeriod();
      const r = await nextPeriod(host, options);
      return {
        problems: r.problems.map(swedishQuotes),
        from: r.from,
        to: r.to,
        carried: r.carried,
        cleared: r.cleared,
        previousOutcomes: r.previousOutcomes,
        notes: [...r.notes, ...r.templateNotes].map(swedishQuotes),
      };
    },
    async previewKolada({ overwrite }) {
      const kolada = await load.kolada();
      const query = await kolada.koladaQueryOf(host);
      const problems: string[] = [];
      if (!query.kpis.length)
        problems.push('Ingen indikator har ett Kolada-id. Skriv nyckeltalets id (t.ex. N00945) i kolumnen Kolada-id i fliken Indikatorer.');
      if (!query.area) problems.push('Fyll i Kolada kommun/enhet i fliken Dokument (t.ex. 0180 för Stockholm).');
      if (!query.years.length) problems.push('År saknas i fliken Dokument.');
      if (problems.length) return { records: [], preview: { problems: [], changes: [], unmatched: [], notes: [], edits: [] }, problems };
      const records = await kolada.fetchKolada(fetchFn, query);
      const preview = await kolada.previewKolada(host, records, { overwrite });
      return { records, preview, problems: preview.problems.map(swedishQuotes) };
    },
    async importKolada(records, { overwrite }) {
      const kolada = await load.kolada();
      return kolada.importKolada(host, records, { overwrite });
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
