/**
 * Every validation rule, with its stable id, its severity and what it checks (Swedish).
 * The ids are part of the CLI's JSON output (contract §1) and must not change.
 */
import type { Severity } from './finding';

export interface RuleInfo {
  severity: Severity;
  description: string;
}

export const RULES = {
  // structure and cell contents (found while reading)
  'sheet.missing': { severity: 'error', description: 'En flik som mallen behöver saknas.' },
  'sheet.merged-cells': { severity: 'warning', description: 'Sammanslagna celler: bara den första cellen läses.' },
  'sheet.beyond-limit': { severity: 'error', description: 'Ett värde ligger utanför det område Planrapport läser (rad 100 000, kolumn 1 000).' },
  'column.missing': { severity: 'error', description: 'En kolumn som mallen behöver saknas i rad 1.' },
  'column.renamed': { severity: 'error', description: 'En kolumnrubrik är felstavad och kan inte läsas.' },
  'column.duplicate': { severity: 'warning', description: 'Samma kolumnrubrik finns två gånger.' },
  'column.year': { severity: 'warning', description: 'Rubriken Periodens utfall VB har fel år.' },
  'cell.formula-error': { severity: 'error', description: 'En cell visar ett formelfel som #DIV/0! eller #REF!.' },
  'value.choice': { severity: 'error', description: 'Värdet finns inte i kolumnens lista.' },
  'value.amount': { severity: 'error', description: 'Ett belopp (Driftbudget, Budget kostnadsslag, Budget verksamhet) är inget tal.' },
  'value.amount-unit': {
    severity: 'error',
    description: 'Ett belopp är skrivet i en annan enhet (tkr, kr) än kolumnens (mnkr i Driftbudget och Budget verksamhet, tkr i Budget kostnadsslag).',
  },
  'value.date': { severity: 'error', description: 'Ett datum går inte att läsa.' },
  'value.unit': { severity: 'warning', description: 'Talet är skrivet i en annan enhet än indikatorns.' },
  // Dokument
  'document.kind': { severity: 'error', description: 'Dokumenttypen går inte att läsa.' },
  'document.kind-missing': { severity: 'error', description: 'Dokumenttyp saknas i fliken Dokument.' },
  'document.year': { severity: 'error', description: 'Året går inte att läsa.' },
  'document.year-missing': { severity: 'error', description: 'År saknas i fliken Dokument.' },
  'document.tertial': { severity: 'error', description: 'Tertialen ska vara 1 eller 2.' },
  'document.tertial-missing': { severity: 'error', description: 'En tertialrapport behöver Tertial.' },
  'document.organisation-missing': { severity: 'error', description: 'Organisation saknas i fliken Dokument.' },
  // Texter
  'text.heading-missing': { severity: 'error', description: 'Ett textavsnitt saknar rubrik.' },
  'text.section-missing': { severity: 'warning', description: 'Ett avsnitt som dokumenttypen har saknas i fliken Texter.' },
  'text.duplicate-heading': { severity: 'warning', description: 'Två textavsnitt har samma rubrik.' },
  'text.markup': { severity: 'warning', description: 'HTML-taggar eller främmande koder i texten.' },
  'text.draft-note': { severity: 'warning', description: 'En kommentar med ett namn, som från ett utkast, står i texten.' },
  'text.draft-name': { severity: 'warning', description: 'Ett förnamn står ensamt på en rad i en text, som en anteckning från ett utkast.' },
  'text.control-characters': { severity: 'warning', description: 'Osynliga styrtecken i texten.' },
  'text.too-long': { severity: 'warning', description: 'Texten är längre än vad Excel kan visa i en cell.' },
  // Mål
  'goal.id-missing': { severity: 'error', description: 'Ett mål saknar Id.' },
  'goal.duplicate-id': { severity: 'error', description: 'Två mål har samma Id.' },
  'goal.level-missing': { severity: 'error', description: 'Ett mål saknar Nivå.' },
  'goal.text-missing': { severity: 'error', description: 'Ett mål saknar måltext.' },
  'goal.parent-missing': { severity: 'error', description: 'Överordnat id pekar på ett mål som inte finns.' },
  'goal.parent-level': { severity: 'error', description: 'Målet ligger under ett mål på fel nivå.' },
  'goal.order': { severity: 'warning', description: 'Målet står före sitt överordnade mål.' },
  'goal.assessment-missing': { severity: 'error', description: 'Ett mål på rapporteringsnivån saknar Bedömning.' },
  'goal.assessment-in-plan': { severity: 'warning', description: 'En verksamhetsplan har bedömningar (de skrivs inte ut).' },
  'goal.analysis-required': { severity: 'error', description: 'Ett mål som uppfylls delvis eller inte saknar analys.' },
  'goal.assessment-better-than-parts': { severity: 'warning', description: 'KF-målets bedömning är bättre än dess sämsta nämndmål.' },
  // Indikatorer
  'indicator.goal-missing': { severity: 'error', description: 'Mål-id pekar på ett mål som inte finns.' },
  'indicator.goal-level': { severity: 'warning', description: 'Indikatorn hör till ett KF:s inriktningsmål.' },
  'indicator.name-missing': { severity: 'error', description: 'En indikator saknar namn.' },
  'indicator.duplicate': { severity: 'warning', description: 'Samma indikator finns två gånger under samma mål.' },
  'indicator.text-in-number': { severity: 'error', description: 'Text där ett tal ska stå.' },
  'indicator.number-as-text': { severity: 'warning', description: 'Ett tal är sparat som text, så Excel räknar inte med det.' },
  'indicator.percent-scale': { severity: 'warning', description: 'Ett procentvärde ser ut att vara skrivet utan %-tecken.' },
  'indicator.outcome-missing': { severity: 'error', description: 'Periodens utfall saknas och ingen analys förklarar varför.' },
  'indicator.forecast-missing': { severity: 'warning', description: 'Prognos helår saknas för en tertialindikator.' },
  'indicator.gender-sum': { severity: 'error', description: 'Män + kvinnor ska vara totalen för antal (st).' },
  'indicator.gender-range': { severity: 'warning', description: 'Totalen för en andel ska ligga mellan män och kvinnor.' },
  'indicator.analysis-required': { severity: 'error', description: 'Årsmålet nås inte och analys saknas.' },
  'indicator.assessment-missing': {
    severity: 'warning',
    description: 'Indikatorn har årsmål och värde men varken Riktning eller Bedömning: rapporten kan inte visa om målet nås.',
  },
  'indicator.assessment-unlike-figures': {
    severity: 'warning',
    description: 'Indikatorns Bedömning säger emot prognos eller utfall mot årsmålet, och analys saknas.',
  },
  'indicator.period': { severity: 'warning', description: 'Perioden stämmer inte med periodicitet och dokumentets tertial.' },
  'indicator.period-year': { severity: 'error', description: 'Perioden gäller ett annat år än dokumentet.' },
  'indicator.target-less-ambitious': { severity: 'warning', description: 'Årsmålet är lägre ställt än KF:s årsmål.' },
  // Aktiviteter
  'activity.goal-missing': { severity: 'error', description: 'Mål-id pekar på ett mål som inte finns.' },
  'activity.name-missing': { severity: 'error', description: 'En aktivitet saknar namn.' },
  'activity.date-order': { severity: 'error', description: 'Slutdatum är före startdatum.' },
  'activity.overdue': { severity: 'warning', description: 'Slutdatum har passerats men status är inte Avslutad.' },
  // Driftbudget
  'budget.label-missing': { severity: 'error', description: 'En driftbudgetrad saknar namn i kolumnen Verksamhet.' },
  'budget.row-type-missing': { severity: 'error', description: 'En driftbudgetrad saknar Radtyp.' },
  'budget.sum': { severity: 'error', description: 'Summa stämmer inte med summan av Verksamhet-raderna.' },
  'budget.final-sum': { severity: 'error', description: 'Slutsumma stämmer inte med Summa plus justeringarna.' },
  'budget.deviation': { severity: 'error', description: 'En inskriven avvikelse stämmer inte med Budget − Prognos.' },
  'budget.part-exceeds-whole': { severity: 'error', description: 'En varav-rad är större än raden den är en del av.' },
  'budget.part-without-whole': { severity: 'error', description: 'En varav-rad saknar en Verksamhet-rad ovanför.' },
  'budget.sum-missing': { severity: 'warning', description: 'Driftbudgeten saknar Summa-rad.' },
  // Budget kostnadsslag (verksamhetsplan)
  'plan-budget.row-type-missing': { severity: 'error', description: 'En rad i Budget kostnadsslag saknar Radtyp.' },
  'plan-budget.sum': { severity: 'error', description: 'En summa i Budget kostnadsslag stämmer inte med raderna ovanför.' },
  // Budget verksamhet (verksamhetsplan)
  'unit-budget.row-type-missing': { severity: 'error', description: 'En rad i Budget verksamhet saknar Radtyp.' },
  'unit-budget.net': { severity: 'error', description: 'Netto i Budget verksamhet stämmer inte med Kostnader minus Intäkter.' },
  'unit-budget.sum': { severity: 'error', description: 'Summa i Budget verksamhet stämmer inte med Verksamhet-raderna ovanför.' },
  // Tabeller
  'table.section-unknown': {
    severity: 'warning',
    description: 'En tabells Avsnitt namnger inget avsnitt i dokumentet: tabellen hamnar sist i ekonomidelen.',
  },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];
