/** Rules for the Indikatorer sheet. */
import { isFollowUp, type Goal, type Indicator, type Plan } from '../model/plan';
import { periodLabel } from '../model/period';
import { formatValue, numberOf, type Value } from '../values/swedish';
import { isNoValueText, isTargetText } from '../values/noValue';
import { INDICATOR_VALUE_KEYS, PREVIOUS_OUTCOME_PATTERN, INDIKATORER, header } from '../layout/layout';
import { assessIndicator, genderCheck, suggestion } from '../derive/assessment';
import { cellAddress } from '../cells/address';
import { quote, type RuleContext } from './context';
import { TOLERANCE } from '../values/limits';

/** An indicator's name for messages, quoted only when a message is made. */
type Label = { toString(): string };

const VALUE_KEYS = INDICATOR_VALUE_KEYS;
type ValueKey = (typeof VALUE_KEYS)[number];

/** The column's header as messages name it. */
const HEADER = (key: ValueKey): string => header(INDIKATORER, key);

/** Texts a controller may write instead of a number (src/core/values/noValue.ts, as the sheet's check). */
export function isAllowedText(key: ValueKey, text: string): boolean {
  if (isNoValueText(text)) return true;
  if (key === 'cityTarget') return true; // the city's own wording ("2 % energieffektivisering relativt 2018")
  if (key === 'annualTarget') return isTargetText(text);
  return false;
}

function has(v: Value): boolean {
  return v.kind !== 'empty';
}

const PERIOD_PATTERNS = {
  tertial: /^Tertial\s+([123])\s+(\d{4})$/i,
  half: /^Halvår\s+([12])\s+(\d{4})$/i,
  vb: /^VB\s+(\d{4})$/i,
  year: /^(\d{4})$/,
};

/** The period label the document's kind and tertial call for, by Periodicitet. */
export function expectedPeriod(plan: Plan, indicator: Indicator): string | undefined {
  return periodLabel(plan.info, indicator.periodicity);
}

function periodYear(period: string): number | undefined {
  for (const p of Object.values(PERIOD_PATTERNS)) {
    const m = p.exec(period.trim());
    if (m) return Number(m[m.length - 1]);
  }
  return undefined;
}

export function indicatorRules(ctx: RuleContext, goals: Map<string, Goal>) {
  const { plan } = ctx;
  const followUp = plan.info.kind ? isFollowUp(plan.info.kind) : false;
  const seen = new Map<string, Indicator>();

  const previousHeader = ctx.columns[INDIKATORER.name]?.headerByKey.get('previousOutcome');
  const headerYear = previousHeader ? Number(PREVIOUS_OUTCOME_PATTERN.exec(previousHeader)?.[1]) : undefined;
  if (plan.info.year && headerYear && headerYear !== plan.info.year - 1) {
    const col = ctx.columns[INDIKATORER.name]!.byKey.get('previousOutcome')!;
    ctx.reportAt(
      'column.year',
      INDIKATORER.name,
      cellAddress(col, 1),
      `Rubriken "${previousHeader}" ska gälla året före dokumentets år (${plan.info.year}): skriv "Periodens utfall VB ${plan.info.year - 1}".`,
    );
  }

  for (const ind of plan.indicators) {
    const name = { toString: () => (ind.name ? quote(ind.name) : `på rad ${ind.source.row}`) };
    if (!ind.name)
      ctx.report(
        'indicator.name-missing',
        ind.source,
        'name',
        `${ctx.where(ind.source, 'name')}: indikatorn saknar namn. Skriv indikatorns namn som det ska stå i dokumentet.`,
      );

    const goal = goals.get(ind.goalId);
    if (!ind.goalId || !goal) {
      ctx.report(
        'indicator.goal-missing',
        ind.source,
        'goalId',
        ind.goalId
          ? `${ctx.where(ind.source, 'goalId')}: Mål-id ${quote(ind.goalId, 20)} för indikatorn ${name} finns inte i fliken Mål. Skriv Id för ett befintligt mål.`
          : `${ctx.where(ind.source, 'goalId')}: indikatorn ${name} saknar Mål-id. Skriv Id för målet den hör till (kolumnen Id i fliken Mål).`,
      );
    } else if (goal.level === 'KF:s inriktningsmål') {
      ctx.report(
        'indicator.goal-level',
        ind.source,
        'goalId',
        `${ctx.where(ind.source, 'goalId')}: indikatorn ${name} ligger direkt under ett KF:s inriktningsmål. Lägg den under ett KF:s mål för verksamhetsområdet, nämndmål eller enhetsmål.`,
      );
    }

    const key = `${ind.goalId}\u0000${ind.name.trim().toLowerCase()}`;
    const first = seen.get(key);
    if (first && ind.name) {
      ctx.report(
        'indicator.duplicate',
        ind.source,
        'name',
        `${ctx.where(ind.source, 'name')}: indikatorn ${name} finns redan under samma mål (rad ${first.source.row}). Ta bort dubbletten.`,
      );
    } else seen.set(key, ind);

    // values: text only where text is allowed; percentages on the right scale
    for (const k of VALUE_KEYS) {
      const v = ind[k];
      if (v.kind === 'text' && !isAllowedText(k, v.text)) {
        ctx.report(
          'indicator.text-in-number',
          ind.source,
          k,
          `${ctx.where(ind.source, k)} (${HEADER(k)}): "${v.text.slice(0, 40)}" är inget tal. Skriv ett tal i enheten ${ind.unit || 'tal'}${k === 'annualTarget' ? ', eller "Tas fram av nämnd", "Öka", "-"' : ', eller "-" om värde saknas'}.`,
        );
      }
      if (ind.unit === '%' && v.kind === 'number' && Math.abs(v.value) >= 2 && v.writtenUnit !== '%') {
        ctx.report(
          'indicator.percent-scale',
          ind.source,
          k,
          `${ctx.where(ind.source, k)} (${HEADER(k)}): ${formatValue(v, '')} läses som ${formatValue(v, '%')}. Menar du ${formatValue({ kind: 'number', value: v.value / 100 }, '%')}? Skriv då "${formatValue(v, '')} %".`,
        );
      }
    }

    if (followUp) followUpRules(ctx, ind, name);
    genderRules(ctx, ind, name);
    targetRules(ctx, ind, name);
  }
}

function followUpRules(ctx: RuleContext, ind: Indicator, name: Label) {
  const { plan } = ctx;
  const kind = plan.info.kind;
  const due = kind === 'verksamhetsberattelse' || ind.periodicity === 'Tertial' || (ind.periodicity === 'Halvår' && plan.info.tertial === 2);
  if (due && !has(ind.outcome) && !ind.analysis) {
    ctx.report(
      'indicator.outcome-missing',
      ind.source,
      'outcome',
      `${ctx.where(ind.source, 'outcome')}: Periodens utfall saknas för ${name}. Skriv utfallet, eller skriv i Analys varför det saknas.`,
    );
  }
  if (kind === 'tertialrapport' && ind.periodicity === 'Tertial' && !has(ind.forecast)) {
    ctx.report(
      'indicator.forecast-missing',
      ind.source,
      'forecast',
      `${ctx.where(ind.source, 'forecast')}: Prognos helår saknas för tertialindikatorn ${name}. Skriv prognosen för helåret.`,
    );
  }

  const assessment = assessIndicator(ind, kind);
  if (assessment && suggestion(ind, kind) === 'Uppfylls inte' && !ind.analysis) {
    const basis = assessment.basis === 'forecast' ? 'Prognos helår' : 'Periodens utfall';
    ctx.report(
      'indicator.analysis-required',
      ind.source,
      'analysis',
      `${ctx.where(ind.source, 'analysis')}: ${basis} ${formatValue(assessment.value, ind.unit)} når inte årsmålet ${formatValue(ind.annualTarget, ind.unit)} för ${name} (${ind.direction?.toLowerCase()}). Skriv en analys: varför, och vad som görs.`,
    );
  }

  // a target and a figure to compare, but no Riktning to compare by: the controller assesses it
  const comparable = ind.annualTarget.kind === 'number' && (ind.forecast.kind === 'number' || ind.outcome.kind === 'number');
  if (comparable && !ind.direction && !ind.assessment && kind !== 'verksamhetsplan') {
    ctx.report(
      'indicator.assessment-missing',
      ind.source,
      'assessment',
      `${ctx.where(ind.source, 'assessment')}: ${name} har årsmål och utfall eller prognos men ingen Riktning, så ingen bedömning kan föreslås. Välj Bedömning (eller Riktning) så att rapporten visar om målet nås.`,
    );
  }

  // the controller's Bedömning against the figures: "helt" where they miss the target, or "inte" where they reach it
  const said = ind.assessment;
  const figures = suggestion(ind, kind);
  const contradicts = (said === 'Uppfylls helt' && figures === 'Uppfylls inte') || (said === 'Uppfylls inte' && figures === 'Uppfylls');
  if (assessment && contradicts && !ind.analysis) {
    const basis = assessment.basis === 'forecast' ? 'prognosen' : 'utfallet';
    ctx.report(
      'indicator.assessment-unlike-figures',
      ind.source,
      'assessment',
      `${ctx.where(ind.source, 'assessment')}: Bedömning ”${said}” för ${name}, men ${basis} ${formatValue(assessment.value, ind.unit)} ${figures === 'Uppfylls' ? 'når' : 'når inte'} årsmålet ${formatValue(ind.annualTarget, ind.unit)}. Rätta bedömningen eller förklara den i Analys.`,
    );
  }

  const expected = expectedPeriod(plan, ind);
  if (ind.period && plan.info.year) {
    const y = periodYear(ind.period);
    if (y !== undefined && y !== plan.info.year && !(ind.periodicity === 'Halvår' && y === plan.info.year - 1)) {
      ctx.report(
        'indicator.period-year',
        ind.source,
        'period',
        `${ctx.where(ind.source, 'period')}: perioden ${quote(ind.period, 30)} gäller ${y} men dokumentet gäller ${plan.info.year}. Skriv "${expected ?? plan.info.year}".`,
      );
      return;
    }
  }
  if (
    expected &&
    ind.period.trim().toLowerCase() !== expected.toLowerCase() &&
    !(kind === 'verksamhetsberattelse' && ind.period.trim() === `VB ${plan.info.year}`)
  ) {
    ctx.report(
      'indicator.period',
      ind.source,
      'period',
      ind.period
        ? `${ctx.where(ind.source, 'period')}: perioden ${quote(ind.period, 30)} stämmer inte med periodicitet ${ind.periodicity} i ${documentName(plan)}. Väntat: "${expected}".`
        : `${ctx.where(ind.source, 'period')}: Period saknas för ${name}. Skriv "${expected}".`,
    );
  }
}

function documentName(plan: Plan): string {
  const { kind, year, tertial } = plan.info;
  if (kind === 'tertialrapport') return `tertialrapport ${tertial ?? ''} ${year ?? ''}`.replace(/\s+/g, ' ').trim();
  if (kind === 'verksamhetsberattelse') return `verksamhetsberättelse ${year ?? ''}`.trim();
  return `verksamhetsplan ${year ?? ''}`.trim();
}

function genderRules(ctx: RuleContext, ind: Indicator, name: Label) {
  const check = genderCheck(ind);
  if (check === 'sum') {
    const sum = numberOf(ind.outcomeMen)! + numberOf(ind.outcomeWomen)!;
    ctx.report(
      'indicator.gender-sum',
      ind.source,
      'outcome',
      `${ctx.where(ind.source, 'outcome')}: för ${name} ska män + kvinnor vara totalen: ${formatValue(ind.outcomeMen, 'st')} + ${formatValue(ind.outcomeWomen, 'st')} = ${formatValue({ kind: 'number', value: sum }, 'st')}, men Periodens utfall är ${formatValue(ind.outcome, 'st')}.`,
    );
  } else if (check === 'range') {
    ctx.report(
      'indicator.gender-range',
      ind.source,
      'outcome',
      `${ctx.where(ind.source, 'outcome')}: totalen ${formatValue(ind.outcome, ind.unit)} för ${name} ligger utanför män (${formatValue(ind.outcomeMen, ind.unit)}) och kvinnor (${formatValue(ind.outcomeWomen, ind.unit)}). En andel för alla ska ligga mellan dem – kontrollera värdena.`,
    );
  }
}

/** Units where the nämnd's target is a part of the city's total, so KF:s årsmål is not comparable. */
const ABSOLUTE_UNITS = new Set(['st', 'kr', 'tkr', 'mnkr', 'gwh', 'mwh', 'kwh', 'ton']);

function targetRules(ctx: RuleContext, ind: Indicator, name: Label) {
  const target = numberOf(ind.annualTarget);
  const city = numberOf(ind.cityTarget);
  if (target === undefined || city === undefined || !ind.direction) return;
  if (ABSOLUTE_UNITS.has(ind.unit.toLowerCase())) return;
  if (ind.cityTarget.kind === 'number' && ind.cityTarget.writtenUnit && ind.cityTarget.writtenUnit !== ind.unit && ind.cityTarget.writtenUnit !== '%') return;
  const lessAmbitious = ind.direction === 'Högre är bättre' ? target < city - TOLERANCE.exact : target > city + TOLERANCE.exact;
  if (lessAmbitious) {
    ctx.report(
      'indicator.target-less-ambitious',
      ind.source,
      'annualTarget',
      `${ctx.where(ind.source, 'annualTarget')}: årsmålet ${formatValue(ind.annualTarget, ind.unit)} för ${name} är lägre ställt än KF:s årsmål ${formatValue(ind.cityTarget, ind.unit)} (${ind.direction.toLowerCase()}). Höj årsmålet eller förklara i Analys.`,
    );
  }
}
