/**
 * Use-cases: figures from elsewhere into Indikatorer, previewed first and applied with the
 * user's consent (src/core/workbook/valueImport.ts) — last year's outcomes from last year's
 * verksamhetsberättelse, and Kolada's figures. Host-agnostic: the CLI and the task pane
 * call the same functions. A preview only reads; applying is one transaction that plans
 * again on what the workbook holds then.
 */
import { INDIKATORER } from '../core/layout/layout';
import { koladaQuery, planKoladaImport, type KoladaImportOptions, type KoladaQuery, type KoladaRecord } from '../core/kolada/kolada';
import { planImportPrevious, type ImportPreviousOptions } from '../core/workbook/importPrevious';
import { applyToSnapshot } from '../core/workbook/simulate';
import type { WorkbookSnapshot } from '../core/workbook/snapshot';
import { mapColumns } from '../core/workbook/table';
import { planTemplate, TEMPLATE_SHEETS } from '../core/workbook/template';
import type { ValueImport } from '../core/workbook/valueImport';
import type { WorkbookHost } from '../hosts/port';

export type { ValueChange, ValueImport } from '../core/workbook/valueImport';

type Planner = (snapshot: WorkbookSnapshot) => ValueImport;

/** An older workbook without the Källa column gets it (and whatever else the template adds) first. */
function withSourceColumn(snapshot: WorkbookSnapshot, plan: Planner): ValueImport {
  const sheet = snapshot.sheets[INDIKATORER.name];
  if (!sheet || mapColumns(sheet, INDIKATORER.columns).byKey.has('source')) return plan(snapshot);
  const template = planTemplate(snapshot, {});
  const result = plan(applyToSnapshot(snapshot, template.edits));
  if (result.problems.length || !result.edits.length) return result;
  return { ...result, edits: [...template.edits, ...result.edits], notes: [...template.notes, ...result.notes] };
}

async function preview(host: WorkbookHost, plan: Planner): Promise<ValueImport> {
  return plan(await host.read(TEMPLATE_SHEETS));
}

async function apply(host: WorkbookHost, plan: Planner): Promise<ValueImport> {
  return host.update(TEMPLATE_SHEETS, (snapshot) => {
    const result = withSourceColumn(snapshot, plan);
    return { edits: result.problems.length ? [] : result.edits, result };
  });
}

/** What import-previous would change (reads only). */
export function previewImportPrevious(host: WorkbookHost, source: WorkbookSnapshot, options: ImportPreviousOptions = {}): Promise<ValueImport> {
  return preview(host, (s) => planImportPrevious(s, source, options));
}

/** Fills Periodens utfall VB <år−1> from last year's verksamhetsberättelse (`source`, read by any host). */
export function importPrevious(host: WorkbookHost, source: WorkbookSnapshot, options: ImportPreviousOptions = {}): Promise<ValueImport> {
  return apply(host, (s) => planImportPrevious(s, source, options));
}

/** What the workbook needs from Kolada: KPIs, municipality or unit, years (for fetchKolada). */
export async function koladaQueryOf(host: WorkbookHost): Promise<KoladaQuery> {
  return koladaQuery(await host.read(TEMPLATE_SHEETS));
}

export function previewKolada(host: WorkbookHost, records: readonly KoladaRecord[], options: KoladaImportOptions = {}): Promise<ValueImport> {
  return preview(host, (s) => planKoladaImport(s, records, options));
}

export function importKolada(host: WorkbookHost, records: readonly KoladaRecord[], options: KoladaImportOptions = {}): Promise<ValueImport> {
  return apply(host, (s) => planKoladaImport(s, records, options));
}
