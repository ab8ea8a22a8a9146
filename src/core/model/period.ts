/**
 * The periods of a planning year, in order: verksamhetsplan, tertialrapport 1, tertialrapport 2,
 * verksamhetsberättelse; then the next year's plan. Pure.
 */
import { DOCUMENT_KIND_LABEL, type DocumentKind, type Periodicity } from './plan';

export interface Period {
  kind: DocumentKind;
  year: number;
  /** Tertialrapport only. */
  tertial?: 1 | 2;
}

/** A number that orders periods: the year's plan, T1, T2, then its verksamhetsberättelse. */
export function periodIndex(p: Period): number {
  const step = p.kind === 'verksamhetsplan' ? 0 : p.kind === 'verksamhetsberattelse' ? 3 : (p.tertial ?? 1);
  return p.year * 4 + step;
}

/** "Verksamhetsplan 2025", "Tertialrapport 1 2025", "Verksamhetsberättelse 2025". */
export function periodName(p: Period): string {
  const label = DOCUMENT_KIND_LABEL[p.kind];
  return p.kind === 'tertialrapport' && p.tertial ? `${label} ${p.tertial} ${p.year}` : `${label} ${p.year}`;
}

/**
 * The Period an indicator's outcome is reported for in a document, by its Periodicitet
 * ("Tertial 2 2019", "Halvår 1 2019", "2019", "VB 2020"); undefined in a verksamhetsplan.
 */
export function periodLabel(p: Partial<Period>, periodicity: Periodicity | undefined): string | undefined {
  const { kind, year, tertial } = p;
  if (!kind || !year || !periodicity || kind === 'verksamhetsplan') return undefined;
  if (kind === 'verksamhetsberattelse') return periodicity === 'År' ? `${year}` : `VB ${year}`;
  switch (periodicity) {
    case 'Tertial':
      return tertial ? `Tertial ${tertial} ${year}` : undefined;
    case 'Halvår':
      return tertial === 2 ? `Halvår 1 ${year}` : `Halvår 2 ${year - 1}`;
    case 'År':
      return `${year}`;
  }
}

/** The natural next step of the planning year: plan → T1 → T2 → verksamhetsberättelse → next year's plan. */
export function followingPeriod(p: Period): Period {
  switch (p.kind) {
    case 'verksamhetsplan':
      return { kind: 'tertialrapport', year: p.year, tertial: 1 };
    case 'tertialrapport':
      return p.tertial === 2 ? { kind: 'verksamhetsberattelse', year: p.year } : { kind: 'tertialrapport', year: p.year, tertial: 2 };
    case 'verksamhetsberattelse':
      return { kind: 'verksamhetsplan', year: p.year + 1 };
  }
}
