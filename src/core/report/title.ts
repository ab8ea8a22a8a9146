/** Document titles as the reference documents word them. */
import { DOCUMENT_KIND_LABEL, type PlanDocumentInfo } from '../model/plan';

export function documentTitle(info: PlanDocumentInfo): string {
  const year = info.year ?? '';
  const org = info.organisation?.trim();
  switch (info.kind) {
    case 'tertialrapport':
      return `Tertialrapport ${info.tertial ?? ''} för ${year}`.replace(/\s+/g, ' ').trim();
    case 'verksamhetsberattelse':
      return `Verksamhetsberättelse VB ${year}${org ? ` för ${org}` : ''}`.trim();
    case 'verksamhetsplan':
      return `Verksamhetsplan ${year}${org ? ` för ${org}` : ''}`.trim();
    default:
      return 'Dokument utan dokumenttyp';
  }
}

/**
 * The period a follow-up reports on, as the pane's header shows it beside the title
 * ("januari–april 2025"); undefined for a plan, or when the year or tertial is not known.
 */
export function periodText(info: PlanDocumentInfo): string | undefined {
  if (info.year === undefined) return undefined;
  if (info.kind === 'tertialrapport') return info.tertial ? `januari–${info.tertial === 1 ? 'april' : 'augusti'} ${info.year}` : undefined;
  if (info.kind === 'verksamhetsberattelse') return `januari–december ${info.year}`;
  return undefined;
}

export function kindLabel(info: PlanDocumentInfo): string {
  return info.kind ? DOCUMENT_KIND_LABEL[info.kind] : 'Okänd dokumenttyp';
}
