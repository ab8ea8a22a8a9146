/** The pane's Swedish sentences that depend on a result (shown and announced alike). */
import { DOCUMENT_KIND_LABEL, type DocumentKind } from '../core/model/plan';
import { periodName } from '../core/model/period';
import type { ValueChange, ValueImport } from '../usecases/importValues';
import type { GeneratedDocument, KoladaPreview, NextPeriodOutcome, ValidationOutcome } from './services';
import type { TemplateDone } from './state/store';

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function countsText(errors: number, warnings: number): string {
  if (errors === 0 && warnings === 0) return 'Inga fel eller varningar.';
  if (errors === 0) return `Inga fel, ${plural(warnings, 'varning', 'varningar')}.`;
  return `${plural(errors, 'fel', 'fel')} och ${plural(warnings, 'varning', 'varningar')}.`;
}

/** The heading of a validation result. */
export function readinessTitle(outcome: ValidationOutcome): string {
  return outcome.readiness.ready ? 'Klar att lämna in' : 'Inte klar att lämna in';
}

/** What the live region says after a validation. */
export function validationText(outcome: ValidationOutcome): string {
  if (!outcome.isTemplate) return 'Arbetsboken har inga Planrapport-flikar. Skapa mallarna först.';
  const missing = outcome.readiness.missing.length ? ` Dokumentet saknar innehåll: ${outcome.readiness.missing.map((m) => m.text).join(' ')}` : '';
  return `Validering klar. ${readinessTitle(outcome)}: ${countsText(outcome.errors, outcome.warnings)}${missing}`;
}

/** Under a generated document: its validation summary. */
export function validationSummary(errors: number, warnings: number): string {
  if (errors === 0 && warnings === 0) return 'Inga fel.';
  if (errors === 0) return `Inga fel men ${plural(warnings, 'varning', 'varningar')} – se fliken Validera.`;
  return `${errors} fel och ${plural(warnings, 'varning', 'varningar')} – se fliken Validera.`;
}

export function generatedTitle(doc: GeneratedDocument): string {
  return `Word-dokumentet är klart: ${doc.fileName}`;
}

export function generatedText(doc: GeneratedDocument): string {
  return `${generatedTitle(doc)}. ${validationSummary(doc.errors, doc.warnings)}`;
}

export function templateDoneTitle(done: TemplateDone): string {
  return done.created ? 'Mallarna är skapade' : 'Mallarna är uppdaterade';
}

/** After "Skapa mallar": what to do next. */
export const NEXT_STEPS =
  'Fyll i flikarna Texter, Mål och Indikatorer (och Aktiviteter och Driftbudget om dokumentet har dem) i arbetsboken. Kontrollera sedan under fliken Validera.';

export function templateDoneText(done: TemplateDone): string {
  return `${templateDoneTitle(done)}.${done.created ? ` ${NEXT_STEPS}` : ''}`;
}

export const GENERATE_ACTION: Record<DocumentKind, string> = {
  tertialrapport: 'Generera tertialrapport',
  verksamhetsplan: 'Generera verksamhetsplan',
  verksamhetsberattelse: 'Generera verksamhetsberättelse',
};

export function kindLabel(kind: DocumentKind | undefined): string | undefined {
  return kind ? DOCUMENT_KIND_LABEL[kind] : undefined;
}

/** "kl. 14.02" as Swedish writes the time of day. */
export function clock(at: Date): string {
  return `kl. ${String(at.getHours()).padStart(2, '0')}.${String(at.getMinutes()).padStart(2, '0')}`;
}

/** After "Ny period": the new period, or why there is none. */
export function nextPeriodTitle(outcome: NextPeriodOutcome): string {
  if (outcome.problems.length || !outcome.to) return 'Ingen ny period skapades';
  return `Arbetsboken är nu ${periodName(outcome.to)}`;
}

export function nextPeriodText(outcome: NextPeriodOutcome): string {
  if (outcome.problems.length || !outcome.to) return `${nextPeriodTitle(outcome)}. ${outcome.problems.join(' ')}`;
  return `${nextPeriodTitle(outcome)}. Fyll i utfall, prognoser, bedömningar och texter och kontrollera sedan under fliken Validera.`;
}

/** A change as the preview shows it, with the overwrite checkbox as it is now. */
export type ChangeAction = ValueChange['action'];

export function effectiveAction(change: ValueChange, overwrite: boolean): ChangeAction {
  if (change.action === 'kept' && overwrite) return 'overwrite';
  if (change.action === 'overwrite' && !overwrite) return 'kept';
  return change.action;
}

export const CHANGE_LABEL: Record<ChangeAction, string> = {
  new: 'Nytt värde',
  overwrite: 'Skrivs över',
  kept: 'Behålls (ditt värde)',
  formula: 'Behålls (formel)',
};

/** How many values "Verkställ" would write. */
export function writableCount(changes: readonly ValueChange[], overwrite: boolean): number {
  return changes.filter((c) => {
    const a = effectiveAction(c, overwrite);
    return a === 'new' || a === 'overwrite';
  }).length;
}

export function koladaPreviewText(p: KoladaPreview): string {
  if (p.problems.length) return `Kolada: ${p.problems.join(' ')}`;
  const n = p.preview.changes.length;
  if (!n) return 'Kolada har inga värden som skiljer sig från arbetsbokens.';
  return `Hämtat från Kolada: ${plural(n, 'ändring', 'ändringar')} att granska. Inget är skrivet ännu; välj Verkställ för att skriva.`;
}

export function koladaAppliedText(result: ValueImport): string {
  if (result.problems.length) return `Inget skrevs. ${result.problems.join(' ')}`;
  const written = result.changes.filter((c) => c.action === 'new' || c.action === 'overwrite').length;
  return written ? `${plural(written, 'värde', 'värden')} från Kolada skrevs till fliken Indikatorer.` : 'Inga värden skrevs.';
}
