/**
 * The plan model: what a verksamhetsplan, tertialrapport or verksamhetsberättelse holds,
 * independent of Excel. Names follow the users' concepts (Indikator → Indicator,
 * Årsmål → annualTarget, KF:s årsmål → cityTarget, Bedömning → assessment).
 */
import type { Value } from '../values/swedish';
import type { IsoDate } from '../values/dates';

export type DocumentKind = 'verksamhetsplan' | 'tertialrapport' | 'verksamhetsberattelse';

export const DOCUMENT_KINDS: readonly DocumentKind[] = ['verksamhetsplan', 'tertialrapport', 'verksamhetsberattelse'];

/** How the kinds are written in the Dokument sheet. */
export const DOCUMENT_KIND_LABEL: Record<DocumentKind, string> = {
  verksamhetsplan: 'Verksamhetsplan',
  tertialrapport: 'Tertialrapport',
  verksamhetsberattelse: 'Verksamhetsberättelse',
};

export function isFollowUp(kind: DocumentKind): boolean {
  return kind !== 'verksamhetsplan';
}

/** Where in the workbook a record came from: for messages and for selecting the cell. */
export interface SourceRef {
  sheet: string;
  row: number;
}

export interface PlanDocumentInfo {
  kind?: DocumentKind;
  year?: number;
  tertial?: 1 | 2;
  organisation?: string;
  handler?: string; // Handläggare
  phone?: string; // Telefon
  to?: string; // Till
  date?: IsoDate; // Datum
  administration?: string; // Förvaltning (extension)
  unitHead?: string; // Enhetschef (extension)
  signs?: SignStyle; // Tecken i tal (extension); default: as the reference documents print them
  // the decision document's frame (extensions): page-1 header and footer
  sender?: string; // Avsändare: förvaltning, avdelning, enhet on lines of their own
  dnr?: string; // Dnr
  attachment?: string; // Bilaga
  postalAddress?: string; // Postadress
  switchboard?: string; // Telefon (växel)
  email?: string; // E-post
  web?: string; // Webb
  koladaArea?: string; // Kolada kommun/enhet (extension): the municipality (0180) or organisational unit (V15E…) in Kolada
}

/** The Dokument fields of the decision document's frame, printed only when filled in. */
export type FrameField = 'sender' | 'dnr' | 'attachment' | 'postalAddress' | 'switchboard' | 'email' | 'web';

/** How the report writes signs: as the reference documents (-4,3 and 2,5) or with plus and a typographic minus (+2,5 and −4,3). */
export type SignStyle = 'asOriginals' | 'explicit';
export const SIGN_STYLE_LABEL: Record<SignStyle, string> = {
  asOriginals: 'Som förlagorna (-4,3 och 2,5)',
  explicit: 'Med plus och minus (+2,5 och −4,3)',
};

export interface TextSection {
  heading: string; // Avsnitt
  text: string;
  parent?: string; // Överordnat avsnitt (extension)
  source: SourceRef;
}

export type GoalLevel = 'KF:s inriktningsmål' | 'KF:s mål för verksamhetsområdet' | 'Nämndmål' | 'Enhetsmål';

export const GOAL_LEVELS: readonly GoalLevel[] = ['KF:s inriktningsmål', 'KF:s mål för verksamhetsområdet', 'Nämndmål', 'Enhetsmål'];

export type Assessment = 'Uppfylls helt' | 'Uppfylls delvis' | 'Uppfylls inte' | 'Ingen';
export const ASSESSMENTS: readonly Assessment[] = ['Uppfylls helt', 'Uppfylls delvis', 'Uppfylls inte', 'Ingen'];

/** The goal texts in the order the reports print them. */
export interface GoalTexts {
  description?: string; // Beskrivning
  expectedResult?: string; // Förväntat resultat
  analysis?: string; // Analys
  approach?: string; // Arbetssätt
  resourceUse?: string; // Resursanvändning
  followUp?: string; // Uppföljning
  development?: string; // Utveckling
}

export interface Goal {
  id: string;
  level?: GoalLevel;
  parentId?: string;
  title: string; // Mål, as printed, with its number
  assessment?: Assessment;
  texts: GoalTexts;
  source: SourceRef;
}

export const DIRECTIONS = ['Högre är bättre', 'Lägre är bättre'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const PERIODICITIES = ['Tertial', 'Halvår', 'År'] as const;
export type Periodicity = (typeof PERIODICITIES)[number];

export interface Indicator {
  goalId: string;
  name: string;
  unit: string; // Enhet; '' = plain number
  direction?: Direction;
  periodicity?: Periodicity;
  outcome: Value; // Periodens utfall
  outcomeMen: Value; // Utfall män/pojkar
  outcomeWomen: Value; // Utfall kvinnor/flickor
  previousOutcome: Value; // Periodens utfall VB <år−1>
  forecast: Value; // Prognos helår
  annualTarget: Value; // Årsmål
  cityTarget: Value; // KF:s årsmål
  period: string; // Period
  analysis?: string;
  flag?: string; // Flagga: ♀, §, — (extension)
  koladaId?: string; // Kolada-id: the KPI's id in Kolada (extension)
  assessment?: Assessment; // Bedömning, set by the controller (extension); blank: the sheet's suggestion
  source: SourceRef;
}

export const ACTIVITY_STATUSES = ['Ej påbörjad', 'Pågående', 'Försenad', 'Pausad', 'Avslutad', 'Avbruten'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export interface Activity {
  goalId: string;
  name: string;
  start?: IsoDate;
  end?: IsoDate;
  status?: ActivityStatus;
  deviation?: string; // Avvikelse
  analysis?: string;
  source: SourceRef;
}

export type BudgetRowType = 'Verksamhet' | 'Varav' | 'Summa' | 'Justering' | 'Slutsumma';
export const BUDGET_ROW_TYPES: readonly BudgetRowType[] = ['Verksamhet', 'Varav', 'Summa', 'Justering', 'Slutsumma'];

/** The numeric columns of the driftbudget, in mnkr. */
export interface BudgetAmounts {
  outcome?: number; // Utfall
  budget?: number;
  forecast?: number; // Prognos
  deviation?: number; // Avvikelse budget prognos
  performanceChange?: number; // Prestationsförändring
  deviationAfter?: number; // Avvikelse efter prestationsförändring
}

export type BudgetAmountKey = keyof BudgetAmounts;
export const BUDGET_AMOUNT_KEYS: readonly BudgetAmountKey[] = ['outcome', 'budget', 'forecast', 'deviation', 'performanceChange', 'deviationAfter'];

export interface BudgetRow {
  label: string; // Verksamhet
  rowType?: BudgetRowType;
  /** What the cells hold: typed numbers, or the cached result of a formula when present. */
  entered: BudgetAmounts;
  /** Values the core derives from the input cells (deviations, sums) merged with the inputs. */
  amounts: BudgetAmounts;
  /** What the derived cells should hold given the cells above as written (for the validator). */
  expected: BudgetAmounts;
  analysis?: string;
  source: SourceRef;
}

export type PlanBudgetRowType = 'Rubrik' | 'Intäkt' | 'Kostnad' | 'Summa intäkter' | 'Summa kostnader' | 'Summa netto';
export const PLAN_BUDGET_ROW_TYPES: readonly PlanBudgetRowType[] = ['Rubrik', 'Intäkt', 'Kostnad', 'Summa intäkter', 'Summa kostnader', 'Summa netto'];

/** A row of the verksamhetsplan's budget by kostnadsslag, in tkr. */
export interface PlanBudgetRow {
  label: string;
  rowType?: PlanBudgetRowType;
  /** The number in the cell (typed, or a formula's cached result). */
  entered?: number;
  /** The core's value: the typed amount, or the sum for sum rows. */
  amount?: number;
  /** For sum rows: what the cell should hold given the cells above as written (for the validator). */
  expected?: number;
  comment?: string;
  source: SourceRef;
}

export type UnitBudgetRowType = 'Verksamhet' | 'Summa';
export const UNIT_BUDGET_ROW_TYPES: readonly UnitBudgetRowType[] = ['Verksamhet', 'Summa'];

/** The amounts of the verksamhetsplan's budget per verksamhet, in mnkr. */
export interface UnitBudgetAmounts {
  costs?: number; // Kostnader
  income?: number; // Intäkter
  net?: number; // Netto
  change?: number; // Ökning (+)/Minskning (−)
}

export type UnitBudgetAmountKey = keyof UnitBudgetAmounts;
export const UNIT_BUDGET_AMOUNT_KEYS: readonly UnitBudgetAmountKey[] = ['costs', 'income', 'net', 'change'];

/** A row of the verksamhetsplan's budget per verksamhet (the 2019 plan's "Budget 2019"), in mnkr. */
export interface UnitBudgetRow {
  label: string;
  rowType?: UnitBudgetRowType;
  /** The numbers in the cells (typed, or a formula's cached result). */
  entered: UnitBudgetAmounts;
  /** The core's values: the typed amounts with Netto and the sums derived. */
  amounts: UnitBudgetAmounts;
  /** What the derived cells should hold given the cells as written (for the validator). */
  expected: UnitBudgetAmounts;
  source: SourceRef;
}

/** The rows of a free table: its header row, its rows and its sum rows. */
export const FREE_TABLE_ROW_KINDS = ['Rubrik', 'Rad', 'Summa'] as const;
export type FreeTableRowKind = (typeof FREE_TABLE_ROW_KINDS)[number];

/** A table the contract sheets have no columns for (Resultatenheter, Investeringar, …). */
export interface FreeTable {
  caption: string;
  section?: string; // the text section it belongs under
  header: string[];
  rows: { kind: Exclude<FreeTableRowKind, 'Rubrik'>; cells: (string | number)[] }[];
  source: SourceRef;
}

export interface Plan {
  info: PlanDocumentInfo;
  texts: TextSection[];
  goals: Goal[];
  indicators: Indicator[];
  activities: Activity[];
  budget: BudgetRow[];
  /** Budget by kostnadsslag (verksamhetsplan). */
  planBudget: PlanBudgetRow[];
  /** Budget per verksamhet (verksamhetsplan). */
  unitBudget: UnitBudgetRow[];
  tables: FreeTable[];
}
