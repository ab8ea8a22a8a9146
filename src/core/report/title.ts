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

/**
 * The title in the document's properties (what a PDF reader and a screen reader announce, and
 * the file list of a diarium shows): the printed title, with the organisation after a dash when
 * the printed title does not name it ("Tertialrapport 2 för 2019 – Hägersten-Liljeholmens
 * stadsdelsnämnd").
 */
export function propertiesTitle(info: PlanDocumentInfo): string {
  const title = documentTitle(info);
  const org = info.organisation?.replace(/\s+/g, ' ').trim();
  return org && !title.toLowerCase().includes(org.toLowerCase()) ? `${title} – ${org}` : title;
}

/** The author in the document's properties: the Handläggare, else the organisation (or förvaltning). */
export function propertiesAuthor(info: PlanDocumentInfo): string | undefined {
  for (const v of [info.handler, info.organisation, info.administration]) {
    const t = v?.replace(/\s+/g, ' ').trim();
    if (t) return t;
  }
  return undefined;
}

export function kindLabel(info: PlanDocumentInfo): string {
  return info.kind ? DOCUMENT_KIND_LABEL[info.kind] : 'Okänd dokumenttyp';
}
