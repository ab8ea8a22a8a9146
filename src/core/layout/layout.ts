/**
 * The workbook layout, declared once: sheets, columns, widths, number formats, dropdown
 * lists and formulas as data. Template creation, reading, validation and the report's
 * columns all follow this declaration (contract §2, extended where the documents need it).
 */
import {
  ACTIVITY_STATUSES,
  ASSESSMENTS,
  BUDGET_ROW_TYPES,
  DIRECTIONS,
  DOCUMENT_KIND_LABEL,
  FREE_TABLE_ROW_KINDS,
  GOAL_LEVELS,
  PERIODICITIES,
  PLAN_BUDGET_ROW_TYPES,
  SIGN_STYLE_LABEL,
  UNIT_BUDGET_ROW_TYPES,
} from '../model/plan';
import type { RuleId } from '../findings/catalog';
import { NO_VALUE_TEXTS, TARGET_PREFIXES, TARGET_TEXTS } from '../values/noValue';
import { DATE_RANGE, TOLERANCE } from '../values/limits';

/** An ISO date as an Excel DATE(…). */
const xlDate = (iso: string) => `DATE(${iso.split('-').map(Number).join(',')})`;

export interface LayoutContext {
  /** The document's year, when known: some headers carry the previous year. */
  year?: number;
}

/** Dropdown lists, kept on the hidden sheet `Listor` so that the lists are locale-independent. */
export interface ListSpec {
  key: string;
  header: string;
  values: readonly (string | number)[];
  /** false: other values are allowed (Enhet may be "GWh", "barn/avd."). */
  strict: boolean;
}

export const LISTS = {
  documentKind: { key: 'documentKind', header: 'Dokumenttyp', values: Object.values(DOCUMENT_KIND_LABEL), strict: true },
  tertial: { key: 'tertial', header: 'Tertial', values: [1, 2], strict: true },
  level: { key: 'level', header: 'Nivå', values: GOAL_LEVELS, strict: true },
  assessment: { key: 'assessment', header: 'Bedömning', values: ASSESSMENTS, strict: true },
  unit: { key: 'unit', header: 'Enhet', values: ['%', 'st', 'kr', 'index', 'mnkr', 'tkr', 'GWh', 'dagar'], strict: false },
  direction: { key: 'direction', header: 'Riktning', values: DIRECTIONS, strict: true },
  periodicity: { key: 'periodicity', header: 'Periodicitet', values: PERIODICITIES, strict: true },
  status: { key: 'status', header: 'Status', values: ACTIVITY_STATUSES, strict: true },
  rowType: { key: 'rowType', header: 'Radtyp', values: BUDGET_ROW_TYPES, strict: true },
  flag: { key: 'flag', header: 'Flagga', values: ['♀', '§', '—'], strict: false },
  tableRowType: { key: 'tableRowType', header: 'Tabellrad', values: FREE_TABLE_ROW_KINDS, strict: true },
  costRowType: { key: 'costRowType', header: 'Kostnadsslagsrad', values: PLAN_BUDGET_ROW_TYPES, strict: true },
  signs: { key: 'signs', header: 'Tecken i tal', values: Object.values(SIGN_STYLE_LABEL), strict: true },
  unitRowType: { key: 'unitRowType', header: 'Verksamhetsrad', values: UNIT_BUDGET_ROW_TYPES, strict: true },
} as const satisfies Record<string, ListSpec>;

export type ListKey = keyof typeof LISTS;
export const LIST_SHEET = 'Listor';
export const LIST_ORDER: readonly ListKey[] = Object.keys(LISTS) as ListKey[];

/**
 * What a column holds:
 * - `id`: a short key (Id, Mål-id), kept as text;
 * - `text`: one line of text; `richText`: paragraphs, "- " bullets, "1. " items;
 * - `value`: a number in the row's unit or a documented text ("Tas fram av nämnd");
 * - `amount`: a number in the column's `unit` (mnkr or tkr); `integer`: a whole number; `date`: an Excel date;
 * - `choice`: one of a list; `derived`: a formula column Planrapport maintains.
 */
export type ColumnKind = 'id' | 'text' | 'richText' | 'value' | 'amount' | 'integer' | 'date' | 'choice' | 'period' | 'derived';

/** The unit an amount column is kept in. */
export type AmountUnit = 'mnkr' | 'tkr';

/**
 * What becomes of a column's cells in the next period (`planrapport next`, "Ny period"),
 * declared per column so that no command decides it on its own:
 * - `keep`: carried unchanged (goals, indicators with unit, direction and targets, activities with dates, budget);
 * - `clear`: emptied for the new period (outcomes, forecasts, analyses, assessments, statuses). A formula
 *   Planrapport wrote stays (the sums and deviations); a formula of the user's own stays and is named;
 * - `period`: written for the new period (Period, from the row's Periodicitet); emptied in a verksamhetsplan;
 * - `derived`: a formula column Planrapport maintains; its formulas stay;
 * - `{ yearEnd: key }`: kept within the year; in the year after a verksamhetsberättelse it takes that
 *   document's `key` (its outcome becomes "Periodens utfall VB <år>"); emptied when the previous document is no
 *   verksamhetsberättelse of the year before (fill it in with `planrapport import-previous`).
 */
export type Carry = 'keep' | 'clear' | 'period' | 'derived' | { yearEnd: string };

/** What becomes of a Dokument field in the next period: kept, or set for the new period (kind, year, tertial, date; Dnr and Bilaga emptied). */
export type FieldCarry = 'keep' | 'period';

/** A column; `K` is the union of its sheet's column keys, so a misspelt key does not compile. */
export interface ColumnSpec<K extends string = string> {
  key: K;
  header: string;
  /** When the header depends on the year (`Periodens utfall VB 2018`). */
  headerFor?: (ctx: LayoutContext) => string;
  /** Other header texts that denote this column (the year-dependent ones). */
  matches?: RegExp;
  kind: ColumnKind;
  list?: ListKey;
  /** For `amount` columns: the unit the sheet keeps the amounts in. */
  unit?: AmountUnit;
  /** Width in characters. */
  width: number;
  /** Part of the stable contract (§2); the others are extensions. */
  contract: boolean;
  /** What the next period does with the column's cells (see Carry). */
  carry: Carry;
  numberFormat?: string;
  /** Short Swedish guidance shown as the input prompt in Excel. */
  prompt?: string;
  /** A derived column: this formula on every row (see formulas.ts); never read as input. */
  formula?: FormulaTemplate;
  /** A custom validation (formula relative to the first data row) with its alert. */
  check?: ColumnCheck;
}

export type FormulaTemplate = string;

export interface ColumnCheck {
  formula: FormulaTemplate;
  style: 'stop' | 'warning' | 'information';
  title: string;
  message: string;
}

/** A conditional format that marks a problem as soon as it is typed; mirrors a validator rule. */
export interface ConditionalFormatSpec<K extends string = string> {
  /** Columns the format covers (rows 2…). */
  columns: readonly K[];
  /** True for a cell with a problem; `{self}` is the cell. */
  formula: FormulaTemplate;
  fill: string;
  /** The validator rule(s) it mirrors (parity is tested). */
  rules: readonly RuleId[];
}

export interface TableSheetSpec<K extends string = string> {
  kind: 'table';
  name: string;
  /** Part of the stable contract (§2): a workbook with any of these is a Planrapport workbook. */
  contract: boolean;
  columns: readonly ColumnSpec<K>[];
  /**
   * Formulas that depend on the row's type (Driftbudget): for each value of the type
   * column, the formula for each derived column. Placeholders: `{key}` is the cell of
   * column `key` in the same row; `{key:above}` is that column from row 2 to the row above.
   */
  rowFormulas?: { typeColumn: K; byType: Readonly<Record<string, Readonly<Partial<Record<K, FormulaTemplate>>>>> };
  conditionalFormats?: readonly ConditionalFormatSpec<K>[];
}

/** The column keys of a table sheet: `ColumnKey<typeof INDIKATORER>` is 'goalId' | 'name' | … */
export type ColumnKey<S> = S extends TableSheetSpec<infer K> ? K : never;

/**
 * Declares a table sheet. Its column keys are inferred from `columns` only, so a key in
 * `rowFormulas` or `conditionalFormats` that no column has does not compile.
 */
function table<const C extends readonly ColumnSpec[]>(spec: {
  name: string;
  contract: boolean;
  columns: C;
  rowFormulas?: { typeColumn: C[number]['key']; byType: Readonly<Record<string, Readonly<Partial<Record<C[number]['key'], FormulaTemplate>>>>> };
  conditionalFormats?: readonly ConditionalFormatSpec<C[number]['key']>[];
}): TableSheetSpec<C[number]['key']> {
  return { kind: 'table', ...spec } as TableSheetSpec<C[number]['key']>;
}

export interface FieldSpec {
  key: string;
  label: string;
  kind: 'text' | 'integer' | 'date' | 'choice';
  list?: ListKey;
  contract: boolean;
  /** What the next period does with the field (see FieldCarry). */
  carry: FieldCarry;
  prompt?: string;
}

export interface FieldSheetSpec {
  kind: 'fields';
  name: string;
  contract: boolean;
  columns: readonly ColumnSpec<'field' | 'value'>[]; // Fält, Värde
  fields: readonly FieldSpec[];
}

export type SheetSpec = TableSheetSpec | FieldSheetSpec;

/** Rows that validations and formats cover in a new sheet. */
export const TEMPLATE_ROWS = 2000;

export const NUMBER_FORMATS = {
  amount: '#,##0.0',
  date: 'yyyy-mm-dd',
  text: '@',
  percent: '0.0#\\ %',
  integer: '0',
} as const;

/** The fill of a cell a conditional format marks as a problem. */
export const PROBLEM_FILL = '#F8CBAD';

const c = <K extends string>(spec: ColumnSpec<K>): ColumnSpec<NoInfer<K>> => spec;

export const DOKUMENT: FieldSheetSpec = {
  kind: 'fields',
  name: 'Dokument',
  contract: true,
  columns: [
    c({ key: 'field', header: 'Fält', kind: 'text', width: 18, contract: true, carry: 'keep' }),
    c({ key: 'value', header: 'Värde', kind: 'text', width: 60, contract: true, carry: 'keep' }),
  ],
  fields: [
    {
      key: 'kind',
      label: 'Dokumenttyp',
      kind: 'choice',
      list: 'documentKind',
      contract: true,
      carry: 'period',
      prompt: 'Välj Verksamhetsplan, Tertialrapport eller Verksamhetsberättelse.',
    },
    { key: 'year', label: 'År', kind: 'integer', contract: true, carry: 'period', prompt: 'Året dokumentet gäller, t.ex. 2025.' },
    { key: 'tertial', label: 'Tertial', kind: 'choice', list: 'tertial', contract: true, carry: 'period', prompt: '1 eller 2 – bara för tertialrapport.' },
    { key: 'organisation', label: 'Organisation', kind: 'text', contract: true, carry: 'keep', prompt: 'Nämnden eller enheten dokumentet gäller.' },
    { key: 'handler', label: 'Handläggare', kind: 'text', contract: true, carry: 'keep' },
    { key: 'phone', label: 'Telefon', kind: 'text', contract: true, carry: 'keep' },
    { key: 'to', label: 'Till', kind: 'text', contract: true, carry: 'keep' },
    { key: 'date', label: 'Datum', kind: 'date', contract: true, carry: 'period', prompt: 'Sammanträdes- eller dokumentdatum, ÅÅÅÅ-MM-DD.' },
    {
      key: 'administration',
      label: 'Förvaltning',
      kind: 'text',
      contract: false,
      carry: 'keep',
      prompt: 'Förvaltningen, t.ex. i sidhuvud och budgetblock (frivilligt).',
    },
    {
      key: 'unitHead',
      label: 'Enhetschef',
      kind: 'text',
      contract: false,
      carry: 'keep',
      prompt: 'Enhetschefen, för verksamhetsplanens budgetblock (frivilligt).',
    },
    {
      key: 'sender',
      label: 'Avsändare',
      kind: 'text',
      contract: false,
      carry: 'keep',
      prompt: 'Frivilligt: förvaltning, avdelning och enhet överst till vänster på sidan 1, en per rad (Alt+Retur). Tomt: Förvaltning.',
    },
    {
      key: 'dnr',
      label: 'Dnr',
      kind: 'text',
      contract: false,
      carry: 'period',
      prompt: 'Frivilligt: diarienumret överst till höger på sidan 1, t.ex. HÄL 2019/1234.',
    },
    {
      key: 'attachment',
      label: 'Bilaga',
      kind: 'text',
      contract: false,
      carry: 'period',
      prompt: 'Frivilligt: när dokumentet är en bilaga, dess nummer, t.ex. 1.',
    },
    {
      key: 'postalAddress',
      label: 'Postadress',
      kind: 'text',
      contract: false,
      carry: 'keep',
      prompt: 'Frivilligt: i sidfoten på sidan 1, t.ex. Box 44, 125 21 Älvsjö.',
    },
    {
      key: 'switchboard',
      label: 'Telefon (växel)',
      kind: 'text',
      contract: false,
      carry: 'keep',
      prompt: 'Frivilligt: förvaltningens telefon i sidfoten på sidan 1.',
    },
    { key: 'email', label: 'E-post', kind: 'text', contract: false, carry: 'keep', prompt: 'Frivilligt: förvaltningens e-post i sidfoten på sidan 1.' },
    { key: 'web', label: 'Webb', kind: 'text', contract: false, carry: 'keep', prompt: 'Frivilligt: i sidfoten på sidan 1, t.ex. stockholm.se.' },
    {
      key: 'signs',
      label: 'Tecken i tal',
      kind: 'choice',
      list: 'signs',
      contract: false,
      carry: 'keep',
      prompt: 'Frivilligt. Tomt: minus som förlagorna (-4,3, går att klistra tillbaka i Excel) och inget plus. Eller plus och typografiskt minus (+2,5, −4,3).',
    },
    {
      key: 'koladaArea',
      label: 'Kolada kommun/enhet',
      kind: 'text',
      contract: false,
      carry: 'keep',
      prompt: 'Frivilligt: kommunens eller enhetens id i Kolada, t.ex. 0180 (Stockholm) eller V15E018000101 (en enhet), så att utfallen kan hämtas därifrån.',
    },
  ],
};

export const TEXTER = table({
  name: 'Texter',
  contract: true,
  columns: [
    c({
      key: 'heading',
      header: 'Avsnitt',
      kind: 'text',
      width: 34,
      contract: true,
      carry: 'keep',
      prompt: 'Avsnittets rubrik, t.ex. Sammanfattning eller Inledning.',
    }),
    c({
      key: 'text',
      header: 'Text',
      kind: 'richText',
      width: 100,
      contract: true,
      carry: 'clear',
      prompt: 'Stycken på egna rader; "- " ger punktlista, "1. " numrerad lista.',
    }),
    c({
      key: 'parent',
      header: 'Överordnat avsnitt',
      kind: 'text',
      width: 30,
      contract: false,
      carry: 'keep',
      prompt: 'Frivilligt: avsnittet rubriken hör under, t.ex. Inledning eller Övrigt.',
    }),
  ],
});

const goalText = <K extends string>(key: K, header: string, carry: Carry): ColumnSpec<NoInfer<K>> =>
  c({ key, header, kind: 'richText', width: 50, contract: true, carry });

export const MAL = table({
  name: 'Mål',
  contract: true,
  columns: [
    c({
      key: 'id',
      header: 'Id',
      kind: 'id',
      width: 10,
      contract: true,
      carry: 'keep',
      numberFormat: NUMBER_FORMATS.text,
      prompt: 'Kort unik nyckel, t.ex. KF1.1 eller N1.1-1.',
    }),
    c({ key: 'level', header: 'Nivå', kind: 'choice', list: 'level', width: 30, contract: true, carry: 'keep' }),
    c({
      key: 'parentId',
      header: 'Överordnat id',
      kind: 'id',
      width: 14,
      contract: true,
      carry: 'keep',
      numberFormat: NUMBER_FORMATS.text,
      prompt: 'Id för målet ovanför (tomt för KF:s inriktningsmål).',
    }),
    c({
      key: 'title',
      header: 'Mål',
      kind: 'text',
      width: 60,
      contract: true,
      carry: 'keep',
      prompt: 'Måltexten som den ska stå i dokumentet, med nummer, t.ex. "1.1 I Stockholm …".',
    }),
    c({ key: 'assessment', header: 'Bedömning', kind: 'choice', list: 'assessment', width: 16, contract: true, carry: 'clear' }),
    goalText('description', 'Beskrivning', 'keep'),
    goalText('expectedResult', 'Förväntat resultat', 'keep'),
    goalText('analysis', 'Analys', 'clear'),
    goalText('approach', 'Arbetssätt', 'keep'),
    goalText('resourceUse', 'Resursanvändning', 'keep'),
    goalText('followUp', 'Uppföljning', 'keep'),
    goalText('development', 'Utveckling', 'keep'),
  ],
  conditionalFormats: [
    {
      columns: ['analysis'],
      formula: '=AND({doc:kind}<>"Verksamhetsplan",OR({$assessment}="Uppfylls delvis",{$assessment}="Uppfylls inte"),LEN(TRIM({self}))=0)',
      fill: PROBLEM_FILL,
      rules: ['goal.analysis-required'],
    },
  ],
});

/** An Excel string literal. */
const xlText = (t: string) => `"${t.replace(/"/g, '""')}"`;
const anyOf = (texts: readonly string[]) => texts.map((t) => `{self}=${xlText(t)}`).join(',');
const startsWith = (prefixes: readonly string[]) => prefixes.map((p) => `LEFT({self},${p.length})=${xlText(p)}`).join(',');

/** Numbers, or the documented "no value" texts (one list with the validator's: values/noValue.ts). */
const NUMBER_OR_DASH = `=OR(ISNUMBER({self}),${anyOf(NO_VALUE_TEXTS)})`;
const NUMBER_CHECK: ColumnCheck = {
  formula: NUMBER_OR_DASH,
  style: 'warning',
  title: 'Inget tal',
  message: 'Skriv ett tal i indikatorns enhet (t.ex. 0,8 % eller 1 050), eller "-" / "i.u." om värde saknas.',
};
const TARGET_CHECK: ColumnCheck = {
  formula: `=OR(ISNUMBER({self}),${anyOf(NO_VALUE_TEXTS)},${anyOf(TARGET_TEXTS)},${startsWith(TARGET_PREFIXES)})`,
  style: 'warning',
  title: 'Inget årsmål',
  message: 'Skriv ett tal, eller "Tas fram av nämnd", "Öka", "Minska", "+/- 1 %" eller "-".',
};

const indicatorValue = <K extends string>(key: K, header: string, carry: Carry, extra: Partial<Omit<ColumnSpec<K>, 'key'>> = {}): ColumnSpec<NoInfer<K>> =>
  c({ key, header, kind: 'value', width: 14, contract: true, carry, check: NUMBER_CHECK, ...extra });

/**
 * Bedömning (förslag): the forecast (tertialrapport; the outcome of a yearly indicator that has one) or the outcome (verksamhetsberättelse)
 * against Årsmål by Riktning; "" when there is nothing to compare. Same logic as
 * derive/assessment.ts.
 */
const BASIS =
  'IF(OR({doc:kind}="Verksamhetsberättelse",AND({periodicity}="År",ISNUMBER({outcome}))),IF(ISNUMBER({outcome}),{outcome},{forecast}),IF(ISNUMBER({forecast}),{forecast},{outcome}))';
const SIGN = 'IF({direction}="Lägre är bättre",-1,1)';
const SUGGESTION =
  `=IF(OR({doc:kind}="Verksamhetsplan",AND({direction}<>"Högre är bättre",{direction}<>"Lägre är bättre"),NOT(ISNUMBER({annualTarget})),AND(NOT(ISNUMBER({forecast})),NOT(ISNUMBER({outcome})))),"",` +
  `IF(${BASIS}*${SIGN}>={annualTarget}*${SIGN}-${TOLERANCE.exact.toFixed(9)},"Uppfylls","Uppfylls inte"))`;

/** Kontroll: män + kvinnor = totalen for st; for shares and indices the total lies between them. */
const GENDER_TOLERANCE = `IF({unit}="%",${TOLERANCE.share},${TOLERANCE.oneDecimal})`;
const GENDER_CHECK =
  '=IF(OR(NOT(ISNUMBER({outcome})),NOT(ISNUMBER({outcomeMen})),NOT(ISNUMBER({outcomeWomen}))),"",' +
  `IF({unit}="st",IF(ABS({outcomeMen}+{outcomeWomen}-{outcome})>${TOLERANCE.exact.toFixed(9)},"Män + kvinnor ≠ totalen","OK"),` +
  `IF(OR({unit}="%",{unit}="index",{unit}=""),IF(OR({outcome}<MIN({outcomeMen},{outcomeWomen})-${GENDER_TOLERANCE},{outcome}>MAX({outcomeMen},{outcomeWomen})+${GENDER_TOLERANCE}),"Totalen utanför män–kvinnor","OK"),"")))`;

export const PREVIOUS_OUTCOME_PATTERN = /^Periodens utfall VB (\d{4})$/;

export const INDIKATORER = table({
  name: 'Indikatorer',
  contract: true,
  columns: [
    c({
      key: 'goalId',
      header: 'Mål-id',
      kind: 'id',
      width: 10,
      contract: true,
      carry: 'keep',
      numberFormat: NUMBER_FORMATS.text,
      prompt: 'Id för målet indikatorn hör till (kolumnen Id i fliken Mål).',
    }),
    c({ key: 'name', header: 'Indikator', kind: 'text', width: 50, contract: true, carry: 'keep' }),
    c({
      key: 'unit',
      header: 'Enhet',
      kind: 'choice',
      list: 'unit',
      width: 9,
      contract: true,
      carry: 'keep',
      prompt: '% (skriv t.ex. 0,8 %), st, kr, index eller egen enhet. Tomt = tal.',
    }),
    c({ key: 'direction', header: 'Riktning', kind: 'choice', list: 'direction', width: 16, contract: true, carry: 'keep' }),
    c({ key: 'periodicity', header: 'Periodicitet', kind: 'choice', list: 'periodicity', width: 12, contract: true, carry: 'keep' }),
    indicatorValue('outcome', 'Periodens utfall', 'clear'),
    indicatorValue('outcomeMen', 'Utfall män/pojkar', 'clear'),
    indicatorValue('outcomeWomen', 'Utfall kvinnor/flickor', 'clear'),
    indicatorValue(
      'previousOutcome',
      'Periodens utfall VB',
      { yearEnd: 'outcome' },
      {
        headerFor: (ctx) => (ctx.year ? `Periodens utfall VB ${ctx.year - 1}` : 'Periodens utfall VB'),
        matches: PREVIOUS_OUTCOME_PATTERN,
        width: 16,
      },
    ),
    indicatorValue('forecast', 'Prognos helår', 'clear'),
    indicatorValue('annualTarget', 'Årsmål', 'keep', { check: TARGET_CHECK }),
    indicatorValue('cityTarget', 'KF:s årsmål', 'keep', { width: 18, check: undefined, prompt: 'Stadens mål som KF skrivit det: tal eller text.' }),
    c({
      key: 'period',
      header: 'Period',
      kind: 'period',
      width: 16,
      contract: true,
      carry: 'period',
      numberFormat: NUMBER_FORMATS.text,
      prompt: 'T.ex. "Tertial 2 2019", "Halvår 1 2019", "2019" eller "VB 2020".',
    }),
    c({ key: 'analysis', header: 'Analys', kind: 'richText', width: 60, contract: true, carry: 'clear' }),
    c({
      key: 'flag',
      header: 'Flagga',
      kind: 'choice',
      list: 'flag',
      width: 8,
      contract: false,
      carry: 'keep',
      prompt: 'Frivilligt: ♀ (könsuppdelad), § eller —.',
    }),
    c({
      key: 'koladaId',
      header: 'Kolada-id',
      kind: 'id',
      width: 12,
      contract: false,
      carry: 'keep',
      numberFormat: NUMBER_FORMATS.text,
      prompt: 'Frivilligt: nyckeltalets id i Kolada, t.ex. N00945, så att utfallen kan hämtas därifrån.',
    }),
    c({
      key: 'assessment',
      header: 'Bedömning',
      kind: 'choice',
      list: 'assessment',
      width: 16,
      contract: false,
      carry: 'clear',
      prompt: 'Frivilligt: din bedömning. Tom: rapporten använder Bedömning (förslag), prognos eller utfall mot årsmålet.',
    }),
    c({ key: 'suggestion', header: 'Bedömning (förslag)', kind: 'derived', width: 16, contract: false, carry: 'derived', formula: SUGGESTION }),
    c({ key: 'check', header: 'Kontroll', kind: 'derived', width: 24, contract: false, carry: 'derived', formula: GENDER_CHECK }),
    c({
      key: 'source',
      header: 'Källa',
      kind: 'text',
      width: 30,
      contract: false,
      carry: 'clear',
      prompt: 'Varifrån utfallen kommer, t.ex. "Kolada N00945 (0180, 2024)". Planrapport skriver den när utfall hämtas; du kan skriva egen.',
    }),
  ],
  conditionalFormats: [
    { columns: ['analysis'], formula: '=AND({$suggestion}="Uppfylls inte",LEN(TRIM({self}))=0)', fill: PROBLEM_FILL, rules: ['indicator.analysis-required'] },
    { columns: ['outcome'], formula: '=AND({$check}<>"",{$check}<>"OK")', fill: PROBLEM_FILL, rules: ['indicator.gender-sum', 'indicator.gender-range'] },
  ],
});

/** The value columns of Indikatorer, whose number format follows the row's Enhet. */
export const INDICATOR_VALUE_KEYS = ['outcome', 'outcomeMen', 'outcomeWomen', 'previousOutcome', 'forecast', 'annualTarget', 'cityTarget'] as const;

export const AKTIVITETER = table({
  name: 'Aktiviteter',
  contract: true,
  columns: [
    c({ key: 'goalId', header: 'Mål-id', kind: 'id', width: 10, contract: true, carry: 'keep', numberFormat: NUMBER_FORMATS.text }),
    c({ key: 'name', header: 'Aktivitet', kind: 'text', width: 60, contract: true, carry: 'keep' }),
    c({
      key: 'start',
      header: 'Startdatum',
      kind: 'date',
      width: 12,
      contract: true,
      carry: 'keep',
      numberFormat: NUMBER_FORMATS.date,
      prompt: 'Datum, ÅÅÅÅ-MM-DD.',
    }),
    c({
      key: 'end',
      header: 'Slutdatum',
      kind: 'date',
      width: 12,
      contract: true,
      carry: 'keep',
      numberFormat: NUMBER_FORMATS.date,
      prompt: 'Datum, ÅÅÅÅ-MM-DD, inte före startdatum.',
      check: {
        formula: `=AND(ISNUMBER({self}),{self}>=${xlDate(DATE_RANGE.min)},{self}<=${xlDate(DATE_RANGE.max)},OR(NOT(ISNUMBER({$start})),{self}>={$start}))`,
        style: 'stop',
        title: 'Ogiltigt slutdatum',
        message: 'Skriv ett datum som ÅÅÅÅ-MM-DD, inte före startdatum.',
      },
    }),
    c({ key: 'status', header: 'Status', kind: 'choice', list: 'status', width: 13, contract: true, carry: 'clear' }),
    c({ key: 'deviation', header: 'Avvikelse', kind: 'text', width: 30, contract: true, carry: 'clear' }),
    c({ key: 'analysis', header: 'Analys', kind: 'richText', width: 60, contract: true, carry: 'clear' }),
  ],
  conditionalFormats: [
    { columns: ['end'], formula: '=AND(ISNUMBER({$start}),ISNUMBER({self}),{self}<{$start})', fill: PROBLEM_FILL, rules: ['activity.date-order'] },
  ],
});

const amount = <K extends string>(key: K, header: string, carry: Carry): ColumnSpec<NoInfer<K>> =>
  c({ key, header, kind: 'amount', unit: 'mnkr', width: 14, contract: true, carry, numberFormat: NUMBER_FORMATS.amount });

const sumAbove = (key: string) => `SUMIF({rowType:above},"Verksamhet",{${key}:above})`;
const lineDeviation = {
  deviation: '={budget}-{forecast}',
  deviationAfter: '={deviation}+{performanceChange}',
};

export const DRIFTBUDGET = table({
  name: 'Driftbudget',
  contract: true,
  columns: [
    c({ key: 'label', header: 'Verksamhet', kind: 'text', width: 46, contract: true, carry: 'keep' }),
    c({
      key: 'rowType',
      header: 'Radtyp',
      kind: 'choice',
      list: 'rowType',
      width: 12,
      contract: true,
      carry: 'keep',
      prompt: 'Verksamhet, Varav (del av raden ovan), Summa, Justering eller Slutsumma.',
    }),
    amount('outcome', 'Utfall', 'clear'),
    amount('budget', 'Budget', 'keep'),
    amount('forecast', 'Prognos', 'clear'),
    amount('deviation', 'Avvikelse budget prognos', 'clear'),
    amount('performanceChange', 'Prestationsförändring', 'clear'),
    amount('deviationAfter', 'Avvikelse efter prestationsförändring', 'clear'),
    c({ key: 'analysis', header: 'Analys', kind: 'richText', width: 60, contract: true, carry: 'clear' }),
  ],
  rowFormulas: {
    typeColumn: 'rowType',
    byType: {
      Verksamhet: lineDeviation,
      Varav: lineDeviation,
      Summa: {
        outcome: `=${sumAbove('outcome')}`,
        budget: `=${sumAbove('budget')}`,
        forecast: `=${sumAbove('forecast')}`,
        deviation: `=${sumAbove('deviation')}`,
        performanceChange: `=${sumAbove('performanceChange')}`,
        deviationAfter: `=${sumAbove('deviationAfter')}`,
      },
      Slutsumma: {
        deviationAfter: '=SUMIF({rowType:above},"Summa",{deviationAfter:above})+SUMIF({rowType:above},"Justering",{deviationAfter:above})',
      },
    },
  },
  conditionalFormats: [
    {
      columns: ['outcome', 'budget', 'forecast', 'deviation', 'performanceChange', 'deviationAfter'],
      formula: `=AND({$rowType}="Summa",ISNUMBER({self}),ABS({self}-SUMIF({$rowType:before},"Verksamhet",{self:before}))>${TOLERANCE.oneDecimal})`,
      fill: PROBLEM_FILL,
      rules: ['budget.sum'],
    },
    {
      columns: ['deviation'],
      formula: `=AND(OR({$rowType}="Verksamhet",{$rowType}="Varav"),ISNUMBER({self}),ABS({self}-({$budget}-{$forecast}))>${TOLERANCE.oneDecimal})`,
      fill: PROBLEM_FILL,
      rules: ['budget.deviation'],
    },
    {
      columns: ['deviationAfter'],
      formula: `=AND(OR({$rowType}="Verksamhet",{$rowType}="Varav"),ISNUMBER({self}),ABS({self}-({$budget}-{$forecast}+{$performanceChange}))>${TOLERANCE.oneDecimal})`,
      fill: PROBLEM_FILL,
      rules: ['budget.deviation'],
    },
    {
      columns: ['deviationAfter'],
      formula: `=AND({$rowType}="Slutsumma",ISNUMBER({self}),ABS({self}-SUMIF({$rowType:before},"Summa",{self:before})-SUMIF({$rowType:before},"Justering",{self:before}))>${TOLERANCE.oneDecimal})`,
      fill: PROBLEM_FILL,
      rules: ['budget.final-sum'],
    },
  ],
});

export const FREE_TABLE_COLUMNS = 14;

export const TABELLER = table({
  name: 'Tabeller',
  contract: false,
  columns: [
    c({ key: 'table', header: 'Tabell', kind: 'text', width: 30, contract: false, carry: 'keep', prompt: 'Tabellens namn; samma namn på alla dess rader.' }),
    c({
      key: 'section',
      header: 'Avsnitt',
      kind: 'text',
      width: 26,
      contract: false,
      carry: 'keep',
      prompt: 'Textavsnittet (fliken Texter) som tabellen står under.',
    }),
    c({
      key: 'rowKind',
      header: 'Tabellrad',
      kind: 'choice',
      list: 'tableRowType',
      width: 10,
      contract: false,
      carry: 'keep',
      prompt: 'Rubrik (tabellens rubrikrad), Rad eller Summa.',
    }),
    ...Array.from({ length: FREE_TABLE_COLUMNS }, (_, i) =>
      c({ key: `col${i + 1}` as `col${number}`, header: `Kolumn ${i + 1}`, kind: 'text', width: i === 0 ? 34 : 10, contract: false, carry: 'keep' }),
    ),
  ],
});

/**
 * The verksamhetsplan's budget by kostnadsslag (extension; document-anatomy §5.5), in tkr:
 * Rubrik rows, Intäkt and Kostnad rows, and the sums as formulas.
 */
export const KOSTNADSSLAG = table({
  name: 'Budget kostnadsslag',
  contract: false,
  columns: [
    c({
      key: 'label',
      header: 'Kostnadsslag',
      kind: 'text',
      width: 40,
      contract: false,
      carry: 'keep',
      prompt: 'T.ex. Taxor och avgifter, Personalkostnader eller Summa netto.',
    }),
    c({
      key: 'rowType',
      header: 'Radtyp',
      kind: 'choice',
      list: 'costRowType',
      width: 16,
      contract: false,
      carry: 'keep',
      prompt: 'Rubrik, Intäkt, Kostnad, Summa intäkter, Summa kostnader eller Summa netto.',
    }),
    c({
      key: 'budget',
      header: 'Budget',
      kind: 'amount',
      unit: 'tkr',
      width: 14,
      contract: false,
      carry: 'keep',
      numberFormat: '#,##0',
      prompt: 'Budget i tkr, t.ex. 33 700.',
    }),
    c({ key: 'comment', header: 'Kommentar', kind: 'text', width: 40, contract: false, carry: 'keep' }),
  ],
  rowFormulas: {
    typeColumn: 'rowType',
    byType: {
      'Summa intäkter': { budget: '=SUMIF({rowType:above},"Intäkt",{budget:above})' },
      'Summa kostnader': { budget: '=SUMIF({rowType:above},"Kostnad",{budget:above})' },
      'Summa netto': { budget: '=SUMIF({rowType:above},"Summa kostnader",{budget:above})-SUMIF({rowType:above},"Summa intäkter",{budget:above})' },
    },
  },
  conditionalFormats: [
    {
      columns: ['budget'],
      formula:
        '=AND(ISNUMBER({self}),OR(' +
        `AND({$rowType}="Summa intäkter",ABS({self}-SUMIF({$rowType:before},"Intäkt",{self:before}))>${TOLERANCE.wholeNumber}),` +
        `AND({$rowType}="Summa kostnader",ABS({self}-SUMIF({$rowType:before},"Kostnad",{self:before}))>${TOLERANCE.wholeNumber}),` +
        `AND({$rowType}="Summa netto",ABS({self}-SUMIF({$rowType:before},"Summa kostnader",{self:before})+SUMIF({$rowType:before},"Summa intäkter",{self:before}))>${TOLERANCE.wholeNumber})))`,
      fill: PROBLEM_FILL,
      rules: ['plan-budget.sum'],
    },
  ],
});

const unitAmount = <K extends string>(key: K, header: string, prompt: string): ColumnSpec<NoInfer<K>> =>
  c({ key, header, kind: 'amount', unit: 'mnkr', width: 14, contract: false, carry: 'keep', numberFormat: NUMBER_FORMATS.amount, prompt });

/** Netto: Kostnader less the intäkter, whether these are written as positive or, as the city's tables print them, negative. */
const UNIT_NET = '{costs}-ABS({income})';
const unitSumAbove = (key: string) => `=SUMIF({rowType:above},"Verksamhet",{${key}:above})`;

/**
 * The verksamhetsplan's budget per verksamhet (extension; the 2019 nämnd plan's "Budget
 * 2019"), in mnkr: Verksamhet rows with Kostnader, Intäkter, Netto (a formula) and the
 * change from last year, and a Summa row whose columns add the Verksamhet rows above it.
 */
export const VERKSAMHETSBUDGET = table({
  name: 'Budget verksamhet',
  contract: false,
  columns: [
    c({
      key: 'label',
      header: 'Verksamhet',
      kind: 'text',
      width: 40,
      contract: false,
      carry: 'keep',
      prompt: 'T.ex. Förskola, Äldreomsorg eller Summa.',
    }),
    c({
      key: 'rowType',
      header: 'Radtyp',
      kind: 'choice',
      list: 'unitRowType',
      width: 12,
      contract: false,
      carry: 'keep',
      prompt: 'Verksamhet, eller Summa för raden som summerar verksamheterna ovanför.',
    }),
    unitAmount('costs', 'Kostnader', 'Kostnader i mnkr, t.ex. 412,5.'),
    unitAmount('income', 'Intäkter', 'Intäkter i mnkr, med eller utan minustecken (t.ex. -30,2 som i stadens tabeller).'),
    unitAmount('net', 'Netto', 'Räknas: Kostnader minus intäkterna.'),
    {
      ...unitAmount('change', 'Ökning (+)/Minskning (−)', 'Förändringen mot förra årets budget i mnkr, t.ex. 12,3 eller -4,0.'),
      // typed with a hyphen or a dash for the minus
      matches: /^Ökning \(\+\)\s*\/\s*Minskning \([-−–]\)$/i,
    },
  ],
  rowFormulas: {
    typeColumn: 'rowType',
    byType: {
      Verksamhet: { net: `=${UNIT_NET}` },
      Summa: { costs: unitSumAbove('costs'), income: unitSumAbove('income'), net: unitSumAbove('net'), change: unitSumAbove('change') },
    },
  },
  conditionalFormats: [
    {
      columns: ['costs', 'income', 'net', 'change'],
      formula: `=AND({$rowType}="Summa",ISNUMBER({self}),ABS({self}-SUMIF({$rowType:before},"Verksamhet",{self:before}))>${TOLERANCE.oneDecimal})`,
      fill: PROBLEM_FILL,
      rules: ['unit-budget.sum'],
    },
    {
      columns: ['net'],
      formula: `=AND({$rowType}="Verksamhet",ISNUMBER({self}),ABS({self}-({$costs}-ABS({$income})))>${TOLERANCE.oneDecimal})`,
      fill: PROBLEM_FILL,
      rules: ['unit-budget.net'],
    },
  ],
});

/** Every sheet, in the order the template adds them and the validator reports them. */
export const SHEETS: readonly SheetSpec[] = [DOKUMENT, TEXTER, MAL, INDIKATORER, AKTIVITETER, DRIFTBUDGET, KOSTNADSSLAG, VERKSAMHETSBUDGET, TABELLER];

/** The sheets whose presence makes a workbook a Planrapport workbook (the contract's). */
export const CONTRACT_SHEETS: readonly string[] = SHEETS.filter((s) => s.contract).map((s) => s.name);

export const SHEET_NAMES: readonly string[] = [...SHEETS.map((s) => s.name), LIST_SHEET];

export function headerOf(column: ColumnSpec, ctx: LayoutContext): string {
  return column.headerFor ? column.headerFor(ctx) : column.header;
}

/** A column's declaration by key. */
export function columnOf<K extends string>(sheet: TableSheetSpec<K>, key: K): ColumnSpec<K> {
  const column = sheet.columns.find((c) => c.key === key);
  if (!column) throw new Error(`${sheet.name} har ingen kolumn ${key}`);
  return column;
}

/** The header text of a column, as the rules and the report name it (the year-dependent ones for `ctx.year`). */
export function header<K extends string>(sheet: TableSheetSpec<K>, key: K, ctx: LayoutContext = {}): string {
  return headerOf(columnOf(sheet, key), ctx);
}

/** Whether a header text in the sheet denotes this column (exact after trimming, contract §2). */
export function headerMatches(column: ColumnSpec, text: string): boolean {
  const t = text.trim();
  return t === column.header || (column.matches?.test(t) ?? false);
}

/** The columns that hold a formula for the given row type (derived, not typed). */
export function formulaColumnsFor<K extends string>(sheet: TableSheetSpec<K>, rowType: string | undefined): Readonly<Partial<Record<K, FormulaTemplate>>> {
  if (!sheet.rowFormulas || !rowType) return {} as Partial<Record<K, FormulaTemplate>>;
  return sheet.rowFormulas.byType[rowType] ?? ({} as Partial<Record<K, FormulaTemplate>>);
}

/** The keys of a sheet's derived (formula) columns. */
export function derivedKeys(sheet: TableSheetSpec): ReadonlySet<string> {
  return new Set(sheet.columns.filter((c) => c.kind === 'derived').map((c) => c.key));
}
