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

export function kindLabel(info: PlanDocumentInfo): string {
  return info.kind ? DOCUMENT_KIND_LABEL[info.kind] : 'Okänd dokumenttyp';
}
