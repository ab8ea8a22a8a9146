/**
 * Workbooks as records: the one shape every test uses to say what a workbook holds.
 *
 *   { Dokument: { Dokumenttyp: 'Tertialrapport', År: 2019, … },   // Fält → Värde
 *     Indikatorer: [{ 'Mål-id': 'N1', Indikator: 'Antal B', … }],  // rows keyed by header text
 *     … }
 *
 * Keys are the sheets' header texts as the user sees them (the layout's contract), never
 * internal column keys. `Periodens utfall VB <år>` may be written with any year (it goes to
 * the column whatever its year). Pure data and one host-generic pipeline:
 * - `fillWorkbook(host, records)`: template, records written under their headers, template
 *   again (so derived cells get their formulas) — the way `demo` builds a workbook. The
 *   .xlsx fixtures (fixtures.ts: XlsxHost), the fake Excel (ExcelHost over FakeWorkbook)
 *   and the in-memory host of the unit tests (snapshot.ts: MemoryHost) all go through it.
 * - snapshot.ts `snapshotOf(records)`: the same records straight into a WorkbookSnapshot
 *   (headers from the layout, no template), for tests of reading and rules.
 */
import { SHEET_NAMES } from '../../src/core/layout/layout';
import { DOCUMENT_KIND_LABEL, type DocumentKind } from '../../src/core/model/plan';
import type { Edit } from '../../src/core/workbook/edits';
import type { TemplateOptions } from '../../src/core/workbook/template';
import { appendRecords, setFields, type RecordValue, type SheetRecord } from '../../src/core/workbook/writeRecords';
import type { WorkbookHost } from '../../src/hosts/port';
import { applyTemplate } from '../../src/usecases/template';

export type { RecordValue, SheetRecord };

/** Dokument: Fält label → Värde. */
export type FieldValues = Record<string, RecordValue>;

/** The layout's table sheets by name (a typo in a sheet name does not compile). */
export type TableSheetName = 'Texter' | 'Mål' | 'Indikatorer' | 'Aktiviteter' | 'Driftbudget' | 'Budget kostnadsslag' | 'Budget verksamhet' | 'Tabeller';

export type WorkbookRecords = { Dokument?: FieldValues } & { [S in TableSheetName]?: SheetRecord[] };

export const TABLE_SHEET_NAMES: readonly TableSheetName[] = [
  'Texter',
  'Mål',
  'Indikatorer',
  'Aktiviteter',
  'Driftbudget',
  'Budget kostnadsslag',
  'Budget verksamhet',
  'Tabeller',
];

/** The template options a workbook's Dokument fields call for (kind, year, tertial, organisation). */
export function templateOptionsOf(records: WorkbookRecords): TemplateOptions {
  const fields = records.Dokument ?? {};
  const label = fields['Dokumenttyp'];
  const kind = (Object.entries(DOCUMENT_KIND_LABEL) as [DocumentKind, string][]).find(([, l]) => l === label)?.[0];
  const year = typeof fields['År'] === 'number' ? fields['År'] : undefined;
  const tertial = fields['Tertial'] === 1 || fields['Tertial'] === 2 ? fields['Tertial'] : undefined;
  return { kind, year, tertial, organisation: String(fields['Organisation'] ?? '') };
}

export interface FillOptions {
  /** Template options; by default those of the records' Dokument fields. */
  options?: TemplateOptions;
  /** Apply the template again after writing the records (default true): derived cells get their formulas. */
  retemplate?: boolean;
}

/** Builds a workbook from records in any host: template, records, template again. */
export async function fillWorkbook(host: WorkbookHost, records: WorkbookRecords, fill: FillOptions = {}): Promise<void> {
  const options = fill.options ?? templateOptionsOf(records);
  await applyTemplate(host, options);
  await host.update(SHEET_NAMES, (snapshot) => {
    const edits: Edit[] = [...setFields(snapshot, records.Dokument ?? {})];
    for (const sheet of TABLE_SHEET_NAMES) {
      const rows = records[sheet];
      if (rows) edits.push(...appendRecords(snapshot, sheet, rows).edits);
    }
    return { edits, result: undefined };
  });
  if (fill.retemplate ?? true) await applyTemplate(host, options);
}

// ---------------------------------------------------------------------------------------
// Shared records

/** KF:s inriktningsmål → KF:s mål → Nämndmål N1. */
export const GOAL_TREE: SheetRecord[] = [
  { Id: 'IM1', Nivå: 'KF:s inriktningsmål', Mål: '1. En stad för alla' },
  { Id: 'KF1', Nivå: 'KF:s mål för verksamhetsområdet', 'Överordnat id': 'IM1', Mål: '1.1 Människor är självförsörjande', Bedömning: 'Uppfylls helt' },
  { Id: 'N1', Nivå: 'Nämndmål', 'Överordnat id': 'KF1', Mål: 'Invånarna är självförsörjande', Bedömning: 'Uppfylls helt' },
];

/** An indicator of N1 that reaches its target, with `extra` columns changed. */
export const indicatorRecord = (extra: SheetRecord = {}): SheetRecord => ({
  'Mål-id': 'N1',
  Indikator: 'Antal aspiranter',
  Enhet: 'st',
  Riktning: 'Högre är bättre',
  Periodicitet: 'Tertial',
  'Periodens utfall': 17,
  'Prognos helår': 25,
  Årsmål: 25,
  Period: 'Tertial 2 2019',
  ...extra,
});

/** `n` Verksamhet rows of Driftbudget and a Summa row under them. */
export function budgetRows(n: number): SheetRecord[] {
  const rows: SheetRecord[] = [];
  for (let i = 0; i < n; i++)
    rows.push({ Verksamhet: `Verksamhet ${i}`, Radtyp: 'Verksamhet', Utfall: i, Budget: 2 * i, Prognos: i + 1, Prestationsförändring: 0 });
  rows.push({ Verksamhet: 'Summa', Radtyp: 'Summa' });
  return rows;
}

/** `n` indicators of KF1, alternately in st and %. */
export function indicatorRows(n: number): SheetRecord[] {
  return Array.from({ length: n }, (_, i) => ({ 'Mål-id': 'KF1', Indikator: `Indikator ${i}`, Enhet: i % 2 ? '%' : 'st', 'Periodens utfall': i }));
}

/**
 * A tertialrapport 2 2019 that validates with no findings at all (every sheet, a goal tree,
 * indicators in % and st, activities, a driftbudget with varav, Summa, Justering, Slutsumma).
 */
export const CLEAN_T2: WorkbookRecords = {
  Dokument: {
    Dokumenttyp: 'Tertialrapport',
    År: 2019,
    Tertial: 2,
    Organisation: 'Testnämnden',
    Handläggare: 'Anna Andersson',
    Telefon: '08-508 000 00',
    Till: 'Testnämnden',
    Datum: '2019-09-26',
  },
  Texter: [
    { Avsnitt: 'Förslag till beslut', Text: '1. Nämnden godkänner tertialrapporten.\n2. Paragrafen justeras omedelbart.' },
    { Avsnitt: 'Sammanfattning', Text: 'Nämnden bedöms nå sina mål.' },
    { Avsnitt: 'Ärendets beredning', Text: 'Ärendet har beretts inom förvaltningen.' },
    { Avsnitt: 'Sammanfattande analys', Text: 'Verksamheten har bedrivits enligt plan.' },
  ],
  Mål: [
    { Id: 'IM1', Nivå: 'KF:s inriktningsmål', Mål: '1. En stad för alla' },
    {
      Id: 'KF1',
      Nivå: 'KF:s mål för verksamhetsområdet',
      'Överordnat id': 'IM1',
      Mål: '1.1 Människor är självförsörjande',
      Bedömning: 'Uppfylls helt',
      Analys: 'Målet nås.',
    },
    {
      Id: 'N1',
      Nivå: 'Nämndmål',
      'Överordnat id': 'KF1',
      Mål: 'Invånarna är självförsörjande',
      Bedömning: 'Uppfylls helt',
      Beskrivning: 'Arbetet sker i samverkan.',
    },
    { Id: 'N2', Nivå: 'Nämndmål', 'Överordnat id': 'KF1', Mål: 'Unga får stöd', Bedömning: 'Uppfylls helt' },
  ],
  Indikatorer: [
    {
      'Mål-id': 'KF1',
      Indikator: 'Andel A',
      Enhet: '%',
      Riktning: 'Högre är bättre',
      Periodicitet: 'Tertial',
      'Periodens utfall': 0.5,
      'Utfall män/pojkar': 0.4,
      'Utfall kvinnor/flickor': 0.6,
      'Periodens utfall VB 2018': 0.45,
      'Prognos helår': 0.6,
      Årsmål: 0.55,
      'KF:s årsmål': 0.5,
      Period: 'Tertial 2 2019',
    },
    {
      'Mål-id': 'N1',
      Indikator: 'Antal B',
      Enhet: 'st',
      Riktning: 'Högre är bättre',
      Periodicitet: 'Tertial',
      'Periodens utfall': 25,
      'Utfall män/pojkar': 15,
      'Utfall kvinnor/flickor': 10,
      'Prognos helår': 20,
      Årsmål: 20,
      'KF:s årsmål': 'Tas fram av nämnd',
      Period: 'Tertial 2 2019',
    },
    { 'Mål-id': 'N1', Indikator: 'Andel C', Enhet: '%', Riktning: 'Lägre är bättre', Periodicitet: 'År', Årsmål: 0.1, Period: '2019' },
  ],
  Aktiviteter: [
    { 'Mål-id': 'KF1', Aktivitet: 'Aktivitet 1', Startdatum: '2019-01-01', Slutdatum: '2019-12-31', Status: 'Pågående' },
    { 'Mål-id': 'N1', Aktivitet: 'Aktivitet 2', Startdatum: '2019-01-01', Slutdatum: '2019-06-30', Status: 'Avslutad' },
  ],
  Driftbudget: [
    { Verksamhet: 'Verksamhet A', Radtyp: 'Verksamhet', Utfall: 10, Budget: 20, Prognos: 18, Prestationsförändring: 0 },
    { Verksamhet: 'varav a1', Radtyp: 'Varav', Utfall: 5, Budget: 10, Prognos: 9, Prestationsförändring: 0 },
    { Verksamhet: 'Verksamhet B', Radtyp: 'Verksamhet', Utfall: 5, Budget: 8, Prognos: 9, Prestationsförändring: 0.5 },
    { Verksamhet: 'Summa', Radtyp: 'Summa' },
    { Verksamhet: 'Beräknade budgetjusteringar', Radtyp: 'Justering', 'Avvikelse efter prestationsförändring': 1 },
    { Verksamhet: 'Summa efter justeringar', Radtyp: 'Slutsumma' },
  ],
};

/** The budget by kostnadsslag of the reference verksamhetsplan 2020 (document-anatomy §5.5), in tkr. */
export const BUDGET_000: SheetRecord[] = [
  { Kostnadsslag: 'Intäkter', Radtyp: 'Rubrik' },
  { Kostnadsslag: 'Taxor och avgifter', Radtyp: 'Intäkt', Budget: 33700 },
  { Kostnadsslag: 'Hysesintäkter', Radtyp: 'Intäkt', Budget: 500 },
  { Kostnadsslag: 'Bidrag', Radtyp: 'Intäkt', Budget: 0 },
  { Kostnadsslag: 'Försäljning', Radtyp: 'Intäkt', Budget: 0 },
  { Kostnadsslag: 'Övriga externa intäkter', Radtyp: 'Intäkt', Budget: 0 },
  { Kostnadsslag: 'Summa intäkter', Radtyp: 'Summa intäkter' },
  { Kostnadsslag: 'Kostnader', Radtyp: 'Rubrik' },
  { Kostnadsslag: 'Personalkostnader', Radtyp: 'Kostnad', Budget: 21600 },
  { Kostnadsslag: 'Övriga personalkostnader', Radtyp: 'Kostnad', Budget: 300 },
  { Kostnadsslag: 'Lokalkostnader', Radtyp: 'Kostnad', Budget: 2700 },
  { Kostnadsslag: 'Entreprenader och köp av verksamhet', Radtyp: 'Kostnad', Budget: 573600 },
  { Kostnadsslag: 'Övriga kostnader', Radtyp: 'Kostnad', Budget: 1200 },
  { Kostnadsslag: 'Summa kostnader', Radtyp: 'Summa kostnader' },
  { Kostnadsslag: 'Summa netto', Radtyp: 'Summa netto' },
];

/**
 * A nämnd plan's budget per verksamhet as the 2019 plan prints it under "Budget 2019" (mnkr;
 * intäkter negative as the city's tables print them): Netto and the Summa row are formulas.
 */
export const BUDGET_2019: SheetRecord[] = [
  { Verksamhet: 'Nämnd- och förvaltningsadministration', Radtyp: 'Verksamhet', Kostnader: 62.4, Intäkter: -1.2, 'Ökning (+)/Minskning (−)': 1.5 },
  { Verksamhet: 'Förskola', Radtyp: 'Verksamhet', Kostnader: 612.8, Intäkter: -52.3, 'Ökning (+)/Minskning (−)': 8.9 },
  { Verksamhet: 'Individ- och familjeomsorg', Radtyp: 'Verksamhet', Kostnader: 210.3, Intäkter: -20.1, 'Ökning (+)/Minskning (−)': -4 },
  { Verksamhet: 'Äldreomsorg', Radtyp: 'Verksamhet', Kostnader: 640.5, Intäkter: -75.6, 'Ökning (+)/Minskning (−)': 12.3 },
  {
    Verksamhet: 'Stöd och service till personer med funktionsnedsättning',
    Radtyp: 'Verksamhet',
    Kostnader: 330.2,
    Intäkter: -14.8,
    'Ökning (+)/Minskning (−)': 6.7,
  },
  { Verksamhet: 'Kultur- och fritidsverksamhet', Radtyp: 'Verksamhet', Kostnader: 45.1, Intäkter: -2.2, 'Ökning (+)/Minskning (−)': 0.4 },
  { Verksamhet: 'Summa', Radtyp: 'Summa' },
];

/** The same plan as a verksamhetsplan: no assessments, no outcomes, no driftbudget; a budget by kostnadsslag. */
export const CLEAN_VP: WorkbookRecords = {
  Dokument: {
    Dokumenttyp: 'Verksamhetsplan',
    År: 2020,
    Organisation: 'Testenheten',
    Till: 'Testnämnden',
    Förvaltning: 'Hägersten-Liljeholmens stadsdelsförvaltning',
    Enhetschef: 'Kerstin Malmpert',
  },
  Texter: [{ Avsnitt: 'Inledning', Text: 'Enheten planerar.' }],
  Mål: CLEAN_T2.Mål!.map((g) => ({ ...g, Bedömning: null, Analys: null })),
  Indikatorer: [
    { 'Mål-id': 'N1', Indikator: 'Antal B', Enhet: 'st', Riktning: 'Högre är bättre', Periodicitet: 'Tertial', Årsmål: 20, 'KF:s årsmål': 'Tas fram av nämnd' },
  ],
  Aktiviteter: [{ 'Mål-id': 'N1', Aktivitet: 'Aktivitet 2', Startdatum: '2020-01-01', Slutdatum: '2020-12-31' }],
  'Budget kostnadsslag': BUDGET_000,
  'Budget verksamhet': BUDGET_2019,
};
