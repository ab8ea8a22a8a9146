/**
 * Small, clean workbooks for rule tests, built through the template and the layout-driven
 * writer like real ones. `cleanTertialrapport()` validates with no findings at all.
 */
import ExcelJS from 'exceljs';
import { SHEET_NAMES } from '../../src/core/layout/layout';
import type { DocumentKind } from '../../src/core/model/plan';
import type { Edit } from '../../src/core/workbook/edits';
import { appendRecords, setFields, type SheetRecord } from '../../src/core/workbook/writeRecords';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';
import { applyTemplate } from '../../src/usecases/template';

export interface FixtureData {
  kind: DocumentKind;
  year: number;
  tertial?: 1 | 2;
  fields: Record<string, string | number>;
  sheets: Record<string, SheetRecord[]>;
}

export const CLEAN_T2: FixtureData = {
  kind: 'tertialrapport',
  year: 2019,
  tertial: 2,
  fields: {
    Dokumenttyp: 'Tertialrapport',
    År: 2019,
    Tertial: 2,
    Organisation: 'Testnämnden',
    Handläggare: 'Anna Andersson',
    Telefon: '08-508 000 00',
    Till: 'Testnämnden',
    Datum: '2019-09-26',
  },
  sheets: {
    Texter: [
      { Avsnitt: 'Förslag till beslut', Text: '1. Nämnden godkänner tertialrapporten.\n2. Paragrafen justeras omedelbart.' },
      { Avsnitt: 'Sammanfattning', Text: 'Nämnden bedöms nå sina mål.' },
      { Avsnitt: 'Ärendets beredning', Text: 'Ärendet har beretts inom förvaltningen.' },
      { Avsnitt: 'Sammanfattande analys', Text: 'Verksamheten har bedrivits enligt plan.' },
    ],
    Mål: [
      { Id: 'IM1', Nivå: 'KF:s inriktningsmål', Mål: '1. En stad för alla' },
      { Id: 'KF1', Nivå: 'KF:s mål för verksamhetsområdet', 'Överordnat id': 'IM1', Mål: '1.1 Människor är självförsörjande', Bedömning: 'Uppfylls helt', Analys: 'Målet nås.' },
      { Id: 'N1', Nivå: 'Nämndmål', 'Överordnat id': 'KF1', Mål: 'Invånarna är självförsörjande', Bedömning: 'Uppfylls helt', Beskrivning: 'Arbetet sker i samverkan.' },
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
  },
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

/** The same plan as a verksamhetsplan: no assessments, no outcomes, no driftbudget; a budget by kostnadsslag. */
export const CLEAN_VP: FixtureData = {
  kind: 'verksamhetsplan',
  year: 2020,
  fields: { Dokumenttyp: 'Verksamhetsplan', År: 2020, Organisation: 'Testenheten', Till: 'Testnämnden', Förvaltning: 'Hägersten-Liljeholmens stadsdelsförvaltning', Enhetschef: 'Kerstin Malmpert' },
  sheets: {
    Texter: [{ Avsnitt: 'Inledning', Text: 'Enheten planerar.' }],
    Mål: CLEAN_T2.sheets.Mål!.map((g) => ({ ...g, Bedömning: null, Analys: null })),
    Indikatorer: [{ 'Mål-id': 'N1', Indikator: 'Antal B', Enhet: 'st', Riktning: 'Högre är bättre', Periodicitet: 'Tertial', Årsmål: 20, 'KF:s årsmål': 'Tas fram av nämnd' }],
    Aktiviteter: [{ 'Mål-id': 'N1', Aktivitet: 'Aktivitet 2', Startdatum: '2020-01-01', Slutdatum: '2020-12-31' }],
    'Budget kostnadsslag': BUDGET_000,
  },
};

export async function buildFixture(data: FixtureData): Promise<XlsxHost> {
  const host = XlsxHost.create();
  const options = { kind: data.kind, year: data.year, tertial: data.tertial, organisation: String(data.fields['Organisation'] ?? '') };
  await applyTemplate(host, options);
  await host.update(SHEET_NAMES, (snapshot) => {
    const edits: Edit[] = [...setFields(snapshot, data.fields)];
    for (const [sheet, records] of Object.entries(data.sheets)) edits.push(...appendRecords(snapshot, sheet, records).edits);
    return { edits, result: undefined };
  });
  await applyTemplate(host, options);
  return host;
}

export async function fixtureBuffer(data: FixtureData): Promise<Buffer> {
  return (await buildFixture(data)).toBuffer();
}

export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

/** Sets "Sheet!A1" to a value (null clears it, a Date is a date, {error} an error value). */
export function set(wb: ExcelJS.Workbook, ref: string, value: ExcelJS.CellValue): void {
  const [sheet, address] = ref.split('!') as [string, string];
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`fixture: no sheet ${sheet}`);
  ws.getCell(address).value = value;
}
