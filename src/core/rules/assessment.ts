/**
 * Assessing an indicator against its årsmål by Riktning — the same logic as the sheet's
 * `Bedömning (förslag)` formula, so that the live suggestion and the validator agree.
 */
import type { DocumentKind, Indicator } from '../model/plan';
import type { Value } from '../values/swedish';

export type IndicatorResult = 'met' | 'missed';

export interface IndicatorAssessment {
  result: IndicatorResult;
  /** What was compared with the årsmål. */
  basis: 'forecast' | 'outcome';
  value: Value;
}

/**
 * In a tertialrapport the forecast for the year is what counts (the outcome if there is no
 * forecast); in a verksamhetsberättelse the outcome (the forecast if there is no outcome).
 * Undefined when there is nothing to compare: no direction, no numeric target or value.
 */
export function assessIndicator(ind: Indicator, kind: DocumentKind | undefined): IndicatorAssessment | undefined {
  if (!ind.direction || ind.annualTarget.kind !== 'number') return undefined;
  const order: ('forecast' | 'outcome')[] = kind === 'verksamhetsberattelse' ? ['outcome', 'forecast'] : ['forecast', 'outcome'];
  const basis = order.find((k) => ind[k].kind === 'number');
  if (!basis) return undefined;
  const value = ind[basis];
  if (value.kind !== 'number') return undefined;
  const target = ind.annualTarget.value;
  const met = ind.direction === 'Högre är bättre' ? value.value >= target - 1e-9 : value.value <= target + 1e-9;
  return { result: met ? 'met' : 'missed', basis, value };
}

/** The suggested Bedömning shown in the sheet (Bedömning (förslag)). */
export function suggestionText(a: IndicatorAssessment | undefined): string {
  if (!a) return '';
  return a.result === 'met' ? 'Uppfylls' : 'Uppfylls inte';
}
