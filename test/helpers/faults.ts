/**
 * One fault per validator rule, as data: what a user changes in a clean workbook (CLEAN_T2 or
 * CLEAN_VP, built by `fillWorkbook`) and the one finding that must follow, at its sheet and
 * cell. Applied to an in-memory snapshot by the unit tests (test/unit/rules/faults.test.ts)
 * and to the .xlsx file with exceljs, then checked through the CLI, by
 * test/core/rules.faults.test.ts. Cells are where the template puts them (layout order).
 */
import { columnLetter } from '../../src/core/cells/address';
import type { RuleId } from '../../src/core/findings/catalog';
import { INDIKATORER } from '../../src/core/layout/layout';
import { CLEAN_T2, CLEAN_VP, type WorkbookRecords } from './records';

/** A cell as a user leaves it: text, a number, a date, an error value, or cleared (null). */
export type FaultValue = string | number | Date | null | { error: string };

export interface FaultCase {
  rule: RuleId;
  base?: 'T2' | 'VP';
  /** "Sheet!A1" → the value typed there (null clears the cell). */
  cells?: Record<string, FaultValue>;
  /** A sheet deleted. */
  removeSheet?: string;
  /** A merged area, "Sheet!D2:E2". */
  merge?: string;
  /** Where the one finding must be ("" for the whole sheet). */
  sheet: string;
  cell: string;
}

export const FAULT_BASES: Record<'T2' | 'VP', WorkbookRecords> = { T2: CLEAN_T2, VP: CLEAN_VP };

/** A control character (BEL), as Excel stores it: `_x0007_` in the XML. */
export const CONTROL_CHARACTER = '\u0007';

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
/** A free column right of Indikatorer's (whatever columns the layout adds). */
const BEYOND = columnLetter(INDIKATORER.columns.length + 2);
/** Indikatorer's Bedömning column. */
const ASSESSMENT = columnLetter(INDIKATORER.columns.findIndex((c) => c.key === 'assessment') + 1);

export const FAULTS: FaultCase[] = [
  { rule: 'sheet.missing', removeSheet: 'Aktiviteter', sheet: 'Aktiviteter', cell: '' },
  { rule: 'sheet.beyond-limit', cells: { 'Indikatorer!B1048576': 'Glömt värde' }, sheet: 'Indikatorer', cell: 'B1048576' },
  { rule: 'sheet.merged-cells', merge: 'Texter!D2:E2', sheet: 'Texter', cell: 'D2:E2' },
  { rule: 'column.missing', cells: { 'Aktiviteter!G1': null }, sheet: 'Aktiviteter', cell: 'G1' },
  { rule: 'column.renamed', cells: { 'Indikatorer!K1': 'Arsmål' }, sheet: 'Indikatorer', cell: 'K1' },
  { rule: 'column.duplicate', cells: { [`Indikatorer!${BEYOND}1`]: 'Period' }, sheet: 'Indikatorer', cell: `${BEYOND}1` },
  { rule: 'column.year', cells: { 'Indikatorer!I1': 'Periodens utfall VB 2017' }, sheet: 'Indikatorer', cell: 'I1' },
  { rule: 'cell.formula-error', cells: { 'Indikatorer!G2': { error: '#DIV/0!' } }, sheet: 'Indikatorer', cell: 'G2' },
  { rule: 'value.choice', cells: { 'Mål!E3': 'Kanske' }, sheet: 'Mål', cell: 'E3' },
  { rule: 'value.amount', cells: { 'Driftbudget!C2': 'tio' }, sheet: 'Driftbudget', cell: 'C2' },
  { rule: 'value.amount-unit', cells: { 'Driftbudget!C2': '12 tkr' }, sheet: 'Driftbudget', cell: 'C2' },
  { rule: 'value.date', cells: { 'Aktiviteter!C2': 'första januari' }, sheet: 'Aktiviteter', cell: 'C2' },
  { rule: 'value.unit', cells: { 'Indikatorer!K3': '20 kr' }, sheet: 'Indikatorer', cell: 'K3' },
  { rule: 'indicator.number-as-text', cells: { 'Indikatorer!K3': '20' }, sheet: 'Indikatorer', cell: 'K3' },
  { rule: 'document.kind', cells: { 'Dokument!B2': 'Budget' }, sheet: 'Dokument', cell: 'B2' },
  { rule: 'document.kind-missing', cells: { 'Dokument!B2': null }, sheet: 'Dokument', cell: '' },
  { rule: 'document.year', cells: { 'Dokument!B3': 'tjugo' }, sheet: 'Dokument', cell: 'B3' },
  { rule: 'document.year-missing', cells: { 'Dokument!B3': null }, sheet: 'Dokument', cell: '' },
  { rule: 'document.tertial', cells: { 'Dokument!B4': 3 }, sheet: 'Dokument', cell: 'B4' },
  { rule: 'document.tertial-missing', cells: { 'Dokument!B4': null }, sheet: 'Dokument', cell: '' },
  { rule: 'document.organisation-missing', cells: { 'Dokument!B5': null }, sheet: 'Dokument', cell: '' },
  { rule: 'text.heading-missing', cells: { 'Texter!A4': null }, sheet: 'Texter', cell: 'A4' },
  { rule: 'text.section-missing', cells: { 'Texter!A2': 'Beslut' }, sheet: 'Texter', cell: '' },
  { rule: 'text.duplicate-heading', cells: { 'Texter!A4': 'Sammanfattning' }, sheet: 'Texter', cell: 'A4' },
  { rule: 'text.markup', cells: { 'Texter!B3': '<p>Nämnden</p><span>bedöms</span> nå sina mål.' }, sheet: 'Texter', cell: 'B3' },
  { rule: 'text.control-characters', cells: { 'Texter!B3': `Nämnden${CONTROL_CHARACTER} bedöms nå sina mål.` }, sheet: 'Texter', cell: 'B3' },
  { rule: 'text.draft-note', cells: { 'Texter!B3': 'Nämnden bedöms nå sina mål. (Anneli)\nNästa stycke.' }, sheet: 'Texter', cell: 'B3' },
  {
    rule: 'text.draft-name',
    cells: { 'Texter!B3': 'Susanne\nNämnden bedöms nå sina mål under året och arbetet fortsätter enligt planen.' },
    sheet: 'Texter',
    cell: 'B3',
  },
  { rule: 'text.too-long', cells: { 'Texter!B3': 'Lång text. '.repeat(4000) }, sheet: 'Texter', cell: 'B3' },
  { rule: 'goal.id-missing', cells: { 'Mål!A5': null }, sheet: 'Mål', cell: 'A5' },
  { rule: 'goal.duplicate-id', cells: { 'Mål!A5': 'N1' }, sheet: 'Mål', cell: 'A5' },
  { rule: 'goal.level-missing', cells: { 'Mål!B5': null }, sheet: 'Mål', cell: 'B5' },
  { rule: 'goal.text-missing', cells: { 'Mål!D5': null }, sheet: 'Mål', cell: 'D5' },
  { rule: 'goal.parent-missing', cells: { 'Mål!C5': 'KF9' }, sheet: 'Mål', cell: 'C5' },
  { rule: 'goal.parent-level', cells: { 'Mål!C5': 'IM1' }, sheet: 'Mål', cell: 'C5' },
  {
    rule: 'goal.order',
    cells: {
      'Mål!A6': 'N3',
      'Mål!B6': 'Nämndmål',
      'Mål!C6': 'KF2',
      'Mål!D6': 'Nytt nämndmål',
      'Mål!E6': 'Uppfylls helt',
      'Mål!A7': 'KF2',
      'Mål!B7': 'KF:s mål för verksamhetsområdet',
      'Mål!C7': 'IM1',
      'Mål!D7': '1.2 Nytt KF-mål',
    },
    sheet: 'Mål',
    cell: 'A6',
  },
  { rule: 'goal.assessment-missing', cells: { 'Mål!E5': null }, sheet: 'Mål', cell: 'E5' },
  { rule: 'goal.assessment-in-plan', base: 'VP', cells: { 'Mål!E4': 'Uppfylls helt' }, sheet: 'Mål', cell: 'E4' },
  { rule: 'goal.analysis-required', cells: { 'Mål!E3': 'Uppfylls delvis', 'Mål!H3': null }, sheet: 'Mål', cell: 'H3' },
  { rule: 'goal.assessment-better-than-parts', cells: { 'Mål!E5': 'Uppfylls delvis', 'Mål!H5': 'Arbetet är försenat.' }, sheet: 'Mål', cell: 'E3' },
  { rule: 'indicator.goal-missing', cells: { 'Indikatorer!A4': 'X9' }, sheet: 'Indikatorer', cell: 'A4' },
  { rule: 'indicator.goal-level', cells: { 'Indikatorer!A4': 'IM1' }, sheet: 'Indikatorer', cell: 'A4' },
  { rule: 'indicator.name-missing', cells: { 'Indikatorer!B4': null }, sheet: 'Indikatorer', cell: 'B4' },
  { rule: 'indicator.duplicate', cells: { 'Indikatorer!B4': 'Antal B' }, sheet: 'Indikatorer', cell: 'B4' },
  { rule: 'indicator.text-in-number', cells: { 'Indikatorer!F3': 'tjugofem' }, sheet: 'Indikatorer', cell: 'F3' },
  { rule: 'indicator.percent-scale', cells: { 'Indikatorer!K4': 10 }, sheet: 'Indikatorer', cell: 'K4' },
  { rule: 'indicator.outcome-missing', cells: { 'Indikatorer!F3': null }, sheet: 'Indikatorer', cell: 'F3' },
  { rule: 'indicator.forecast-missing', cells: { 'Indikatorer!J3': null }, sheet: 'Indikatorer', cell: 'J3' },
  { rule: 'indicator.gender-sum', cells: { 'Indikatorer!G3': 14 }, sheet: 'Indikatorer', cell: 'F3' },
  { rule: 'indicator.gender-range', cells: { 'Indikatorer!G2': 0.7 }, sheet: 'Indikatorer', cell: 'F2' },
  { rule: 'indicator.analysis-required', cells: { 'Indikatorer!J2': 0.5 }, sheet: 'Indikatorer', cell: 'N2' },
  { rule: 'indicator.assessment-missing', cells: { 'Indikatorer!D2': null }, sheet: 'Indikatorer', cell: `${ASSESSMENT}2` },
  { rule: 'indicator.assessment-unlike-figures', cells: { [`Indikatorer!${ASSESSMENT}2`]: 'Uppfylls inte' }, sheet: 'Indikatorer', cell: `${ASSESSMENT}2` },
  { rule: 'indicator.period', cells: { 'Indikatorer!M2': 'Tertial 1 2019' }, sheet: 'Indikatorer', cell: 'M2' },
  { rule: 'indicator.period-year', cells: { 'Indikatorer!M2': 'Tertial 2 2018' }, sheet: 'Indikatorer', cell: 'M2' },
  { rule: 'indicator.target-less-ambitious', cells: { 'Indikatorer!K2': 0.45 }, sheet: 'Indikatorer', cell: 'K2' },
  { rule: 'activity.goal-missing', cells: { 'Aktiviteter!A2': 'X' }, sheet: 'Aktiviteter', cell: 'A2' },
  { rule: 'activity.name-missing', cells: { 'Aktiviteter!B2': null }, sheet: 'Aktiviteter', cell: 'B2' },
  { rule: 'activity.date-order', cells: { 'Aktiviteter!D3': date('2018-12-01') }, sheet: 'Aktiviteter', cell: 'D3' },
  { rule: 'activity.overdue', cells: { 'Aktiviteter!D2': date('2019-06-30') }, sheet: 'Aktiviteter', cell: 'E2' },
  { rule: 'budget.label-missing', cells: { 'Driftbudget!A4': null }, sheet: 'Driftbudget', cell: 'A4' },
  { rule: 'budget.row-type-missing', cells: { 'Driftbudget!B6': null }, sheet: 'Driftbudget', cell: 'B6' },
  { rule: 'budget.sum', cells: { 'Driftbudget!C5': 99 }, sheet: 'Driftbudget', cell: 'C5' },
  { rule: 'budget.final-sum', cells: { 'Driftbudget!H7': 99 }, sheet: 'Driftbudget', cell: 'H7' },
  { rule: 'budget.deviation', cells: { 'Driftbudget!F2': 5 }, sheet: 'Driftbudget', cell: 'F2' },
  { rule: 'budget.part-exceeds-whole', cells: { 'Driftbudget!D3': 25 }, sheet: 'Driftbudget', cell: 'D3' },
  { rule: 'budget.part-without-whole', cells: { 'Driftbudget!B6': 'Varav', 'Driftbudget!H6': null }, sheet: 'Driftbudget', cell: 'B6' },
  { rule: 'budget.sum-missing', cells: { 'Driftbudget!B5': 'Justering' }, sheet: 'Driftbudget', cell: 'B7' },
  { rule: 'plan-budget.row-type-missing', base: 'VP', cells: { 'Budget kostnadsslag!B3': null }, sheet: 'Budget kostnadsslag', cell: 'B3' },
  { rule: 'plan-budget.sum', base: 'VP', cells: { 'Budget kostnadsslag!C15': 599000 }, sheet: 'Budget kostnadsslag', cell: 'C15' },
  { rule: 'unit-budget.row-type-missing', base: 'VP', cells: { 'Budget verksamhet!B3': null }, sheet: 'Budget verksamhet', cell: 'B3' },
  { rule: 'unit-budget.net', base: 'VP', cells: { 'Budget verksamhet!E3': 612.8 }, sheet: 'Budget verksamhet', cell: 'E3' },
  { rule: 'unit-budget.sum', base: 'VP', cells: { 'Budget verksamhet!C8': 1900 }, sheet: 'Budget verksamhet', cell: 'C8' },
  {
    rule: 'table.section-unknown',
    base: 'VP',
    cells: { 'Tabeller!A2': 'Personal', 'Tabeller!B2': 'Finns inte', 'Tabeller!D2': 'Antal' },
    sheet: 'Tabeller',
    cell: 'B2',
  },
];
