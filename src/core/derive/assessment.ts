/**
 * Assessing an indicator against its årsmål by Riktning — the same logic as the sheet's
 * `Bedömning (förslag)` formula, so that the live suggestion and the validator agree.
 */
import type { DocumentKind, Indicator } from '../model/plan';
import type { Value } from '../values/swedish';
import { TOLERANCE } from '../values/limits';

export type IndicatorResult = 'met' | 'missed';

export interface IndicatorAssessment {
  result: IndicatorResult;
  /** What was compared with the årsmål. */
  basis: 'forecast' | 'outcome';
  value: Value;
}

/**
 * In a tertialrapport the forecast for the year is what counts (the outcome if there is no
 * forecast), except for a yearly indicator (Periodicitet År) that has its outcome: measured
 * once a year (a survey), its outcome is the year's result. In a verksamhetsberättelse the
 * outcome counts (the forecast if there is no outcome). Undefined when there is nothing to
 * compare: no direction, no numeric target or value.
 */
export function assessIndicator(ind: Indicator, kind: DocumentKind | undefined): IndicatorAssessment | undefined {
  if (!ind.direction || ind.annualTarget.kind !== 'number') return undefined;
  const outcomeFirst = kind === 'verksamhetsberattelse' || (ind.periodicity === 'År' && ind.outcome.kind === 'number');
  const order: ('forecast' | 'outcome')[] = outcomeFirst ? ['outcome', 'forecast'] : ['forecast', 'outcome'];
  const basis = order.find((k) => ind[k].kind === 'number');
  if (!basis) return undefined;
  const value = ind[basis];
  if (value.kind !== 'number') return undefined;
  const target = ind.annualTarget.value;
  const met = ind.direction === 'Högre är bättre' ? value.value >= target - TOLERANCE.exact : value.value <= target + TOLERANCE.exact;
  return { result: met ? 'met' : 'missed', basis, value };
}

/** The sheet's `Bedömning (förslag)` for an indicator: "Uppfylls", "Uppfylls inte" or "". */
export function suggestion(ind: Indicator, kind: DocumentKind | undefined): string {
  if (kind === 'verksamhetsplan') return '';
  const a = assessIndicator(ind, kind);
  if (!a) return '';
  return a.result === 'met' ? 'Uppfylls' : 'Uppfylls inte';
}

export type GenderCheck = 'OK' | 'sum' | 'range';

/**
 * The sheet's `Kontroll` for the gender split: for counts (st) män + kvinnor = totalen; for
 * shares and indices (%, index, plain numbers) the total lies between män and kvinnor,
 * within a rounding tolerance (0,05 procentenheter, or 0,05). Undefined when a value is
 * missing or the unit is another one.
 */
export function genderCheck(ind: Indicator): GenderCheck | undefined {
  const [total, men, women] = [ind.outcome, ind.outcomeMen, ind.outcomeWomen].map((v) => (v.kind === 'number' ? v.value : undefined));
  if (total === undefined || men === undefined || women === undefined) return undefined;
  if (ind.unit === 'st') return Math.abs(men + women - total) > TOLERANCE.exact ? 'sum' : 'OK';
  if (ind.unit === '%' || ind.unit === 'index' || ind.unit === '') {
    const tol = ind.unit === '%' ? TOLERANCE.share : TOLERANCE.oneDecimal;
    return total < Math.min(men, women) - tol || total > Math.max(men, women) + tol ? 'range' : 'OK';
  }
  return undefined;
}
