/** Reading: snapshot → plan through the layout, every problem a finding naming sheet and cell. */
import { DRIFTBUDGET, INDIKATORER, headerOf } from '../../../src/core/layout/layout';
import { columnLetter } from '../../../src/core/cells/address';
import { choiceOf, isPlanWorkbook, readDocument, readPlan, shown } from '../../../src/core/workbook/readPlan';
import type { WorkbookSnapshot } from '../../../src/core/workbook/snapshot';
import { validate } from '../../../src/core/rules/validate';
import { CLEAN_T2, CLEAN_VP, indicatorRecord } from '../../helpers/records';
import { merge, put, snapshotOf, templatedSnapshot, type SnapshotRecords } from '../../helpers/snapshot';

const rules = (records: SnapshotRecords, options?: Parameters<typeof snapshotOf>[1]) =>
  readPlan(snapshotOf(records, options)).findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
const layoutHeaders = (year = 2019) => INDIKATORER.columns.map((c) => headerOf(c, { year }));
/** Indikatorer's column of a header, and the first column after the layout's (positions follow the declaration). */
const letterOf = (header: string) => columnLetter(INDIKATORER.columns.findIndex((c) => c.header === header) + 1);
const AFTER_LAST = columnLetter(INDIKATORER.columns.length + 1);

describe('a clean workbook', () => {
  const reading = readPlan(snapshotOf(CLEAN_T2));

  test('reads without findings into the plan', () => {
    expect(reading.findings).toEqual([]);
    expect(validate(reading)).toEqual([]);
    expect(reading.presentSheets).toEqual(['Dokument', 'Texter', 'Mål', 'Indikatorer', 'Aktiviteter', 'Driftbudget']);
    expect(reading.plan.info).toEqual({
      kind: 'tertialrapport',
      year: 2019,
      tertial: 2,
      organisation: 'Testnämnden',
      handler: 'Anna Andersson',
      phone: '08-508 000 00',
      to: 'Testnämnden',
      date: '2019-09-26',
    });
    expect(reading.plan.texts.map((t) => [t.heading, t.source.row])).toEqual([
      ['Förslag till beslut', 2],
      ['Sammanfattning', 3],
      ['Ärendets beredning', 4],
      ['Sammanfattande analys', 5],
    ]);
    expect(reading.plan.goals[2]).toMatchObject({
      id: 'N1',
      level: 'Nämndmål',
      parentId: 'KF1',
      assessment: 'Uppfylls helt',
      texts: { description: 'Arbetet sker i samverkan.' },
    });
  });

  test('indicator values in their units, the previous year’s outcome under its year header', () => {
    const [a, b] = reading.plan.indicators;
    expect(a).toMatchObject({
      goalId: 'KF1',
      unit: '%',
      direction: 'Högre är bättre',
      periodicity: 'Tertial',
      outcome: { kind: 'number', value: 0.5 },
      previousOutcome: { kind: 'number', value: 0.45 },
      period: 'Tertial 2 2019',
      source: { sheet: 'Indikatorer', row: 2 },
    });
    expect(b!.cityTarget).toEqual({ kind: 'text', text: 'Tas fram av nämnd' });
    expect(b!.analysis).toBeUndefined();
    expect(reading.columns['Indikatorer']!.headerByKey.get('previousOutcome')).toBe('Periodens utfall VB 2018');
  });

  test('activities with ISO dates; the driftbudget with its derived values', () => {
    expect(reading.plan.activities[1]).toMatchObject({ start: '2019-01-01', end: '2019-06-30', status: 'Avslutad' });
    const summa = reading.plan.budget.find((r) => r.rowType === 'Summa')!;
    expect(summa.entered).toEqual({});
    expect(summa.amounts).toEqual({ outcome: 15, budget: 28, forecast: 27, deviation: 1, performanceChange: 0.5, deviationAfter: 1.5 });
    expect(reading.plan.budget.at(-1)!.amounts).toEqual({ deviationAfter: 2.5 });
  });

  test('a verksamhetsplan with its budget by kostnadsslag', () => {
    const vp = readPlan(snapshotOf(CLEAN_VP));
    expect(vp.findings).toEqual([]);
    expect(vp.presentSheets).toContain('Budget kostnadsslag');
    expect(vp.plan.planBudget.find((r) => r.rowType === 'Summa netto')!.amount).toBe(599400 - 34200);
    expect(vp.presentSheets).toContain('Budget verksamhet');
    expect(vp.plan.unitBudget.map((r) => [r.label, r.rowType, r.amounts.net])).toEqual([
      ['Nämnd- och förvaltningsadministration', 'Verksamhet', 61.2],
      ['Förskola', 'Verksamhet', 560.5],
      ['Individ- och familjeomsorg', 'Verksamhet', 190.2],
      ['Äldreomsorg', 'Verksamhet', 564.9],
      ['Stöd och service till personer med funktionsnedsättning', 'Verksamhet', 315.4],
      ['Kultur- och fritidsverksamhet', 'Verksamhet', 42.9],
      ['Summa', 'Summa', 1735.1],
    ]);
    expect(vp.plan.info).toMatchObject({
      kind: 'verksamhetsplan',
      administration: 'Hägersten-Liljeholmens stadsdelsförvaltning',
      unitHead: 'Kerstin Malmpert',
    });
  });
});

describe('columns are found by header', () => {
  test('in any order, among the user’s own columns', () => {
    const headers = ['Egen', ...layoutHeaders().reverse(), 'Till sist'];
    const moved = readPlan(snapshotOf(CLEAN_T2, { headers: { Indikatorer: headers } }));
    expect(moved.findings).toEqual([]);
    expect(moved.plan.indicators).toEqual(readPlan(snapshotOf(CLEAN_T2)).plan.indicators);
  });

  test('a misspelt header is "renamed" at its cell; a missing one is reported where it could go', () => {
    const headers = layoutHeaders().map((h) => (h === 'Årsmål' ? 'arsmal' : h === 'Period' ? null : h));
    expect(
      rules({ Dokument: { År: 2019 }, Indikatorer: [indicatorRecord({ Årsmål: undefined, Period: undefined })] }, { headers: { Indikatorer: headers } }),
    ).toEqual([`column.renamed Indikatorer!${letterOf('Årsmål')}1`, `column.missing Indikatorer!${AFTER_LAST}1`]);
  });

  test('extension columns may be missing; the renamed message names the header to write', () => {
    const headers = layoutHeaders()
      .filter((h) => !['Flagga', 'Bedömning (förslag)', 'Kontroll'].includes(h))
      .map((h) => (h.startsWith('Utfall män') ? 'Utfall Män / pojkar' : h));
    const { findings } = readPlan(snapshotOf({ Indikatorer: [] }, { headers: { Indikatorer: headers } }));
    expect(findings.map((f) => f.rule)).toEqual(['column.renamed']);
    expect(findings[0]!.message).toContain('ska vara "Utfall män/pojkar"');
  });

  test('a header twice: a warning at the second, the first is read', () => {
    const headers = [...layoutHeaders(), 'Period'];
    const reading = readPlan(snapshotOf({ Indikatorer: [indicatorRecord()] }, { headers: { Indikatorer: headers } }));
    expect(reading.findings.map((f) => [f.rule, f.cell, f.severity])).toEqual([['column.duplicate', `${AFTER_LAST}1`, 'warning']]);
    expect(reading.plan.indicators[0]!.period).toBe('Tertial 2 2019');
  });

  test('a sheet that is missing is one finding; the optional sheets are not required', () => {
    expect(rules({ Dokument: {}, Texter: [] }, { only: true })).toEqual([
      'sheet.missing Mål!',
      'sheet.missing Indikatorer!',
      'sheet.missing Aktiviteter!',
      'sheet.missing Driftbudget!',
    ]);
    expect(rules({}, { only: true })[0]).toBe('sheet.missing Dokument!');
  });
});

describe('Dokument', () => {
  const info = (fields: SnapshotRecords['Dokument'], headers?: (string | null)[]) => {
    const r = readPlan(snapshotOf({ Dokument: fields }, headers ? { headers: { Dokument: headers } } : {}));
    return { info: r.plan.info, findings: r.findings.map((f) => `${f.rule} ${f.cell}`) };
  };

  test('kind by its label (any case, a trailing colon) or its key; year and tertial as numbers or texts', () => {
    expect(info({ Dokumenttyp: 'verksamhetsberättelse:', År: '2020', Tertial: 'T1' }).info).toEqual({ kind: 'verksamhetsberattelse', year: 2020, tertial: 1 });
    expect(info({ Dokumenttyp: 'tertialrapport', År: 2019, Tertial: 2 }).info).toMatchObject({ kind: 'tertialrapport' });
  });

  test('what cannot be read is a finding at the Värde cell', () => {
    expect(info({ Dokumenttyp: 'Budget', År: 'tjugo', Tertial: 3, Datum: 'snart' }).findings).toEqual([
      'document.kind B2',
      'document.year B3',
      'document.tertial B4',
      'value.date B5',
    ]);
    expect(info({ År: 1800 }).findings).toEqual(['document.year B2']);
    expect(info({ År: 2019.5 }).findings).toEqual(['document.year B2']);
    expect(info({ År: { error: '#REF!' } }).findings).toEqual(['cell.formula-error B2']);
  });

  test('a date as a Date, a serial or an ISO text; blank fields are simply not there', () => {
    expect(info({ Datum: { date: '2019-09-26' } }).info.date).toBe('2019-09-26');
    expect(info({ Datum: 43734 }).info.date).toBe('2019-09-26');
    expect(info({ Datum: '2019-09-26' }).info.date).toBe('2019-09-26');
    expect(info({ Organisation: '  ', Till: null })).toEqual({ info: {}, findings: [] });
  });

  test('Fält and Värde found by header wherever they are', () => {
    expect(info({ Organisation: 'Nämnden', År: 'x' }, ['Anteckning', 'Fält', 'Värde'])).toEqual({
      info: { organisation: 'Nämnden' },
      findings: ['document.year C3'],
    });
  });
});

describe('values', () => {
  const indicator = (extra: Parameters<typeof indicatorRecord>[0]) => {
    const r = readPlan(snapshotOf({ Dokument: { År: 2019 }, Indikatorer: [indicatorRecord(extra)] }));
    return { ind: r.plan.indicators[0]!, findings: r.findings.map((f) => `${f.rule} ${f.cell}`) };
  };

  test('a percent typed as text in a % row is the fraction Excel would store', () => {
    expect(indicator({ Enhet: '%', 'Periodens utfall': '0,8 %' }).ind.outcome).toEqual({ kind: 'number', value: 0.008, writtenUnit: '%' });
  });

  test('a number stored as text is read, with a warning', () => {
    const { ind, findings } = indicator({ Årsmål: '25' });
    expect(ind.annualTarget).toEqual({ kind: 'number', value: 25 });
    expect(findings).toEqual(['indicator.number-as-text K2']);
  });

  test('a number in another unit than the row’s is read, with a warning', () => {
    const { ind, findings } = indicator({ Enhet: 'barn/avd.', 'Periodens utfall': '16 st' });
    expect(ind.outcome).toEqual({ kind: 'number', value: 16, writtenUnit: 'st' });
    expect(findings).toEqual(['value.unit F2']);
  });

  test('an error value or an error text is a finding, and no value', () => {
    const { ind, findings } = indicator({ 'Periodens utfall': { error: '#DIV/0!' } as never, 'Prognos helår': '#N/A' });
    expect(ind.outcome).toEqual({ kind: 'empty' });
    expect(ind.forecast).toEqual({ kind: 'empty' });
    expect(findings).toEqual(['cell.formula-error F2', 'cell.formula-error J2']);
  });

  test('choices forgive case, spaces and a trailing colon; open lists keep other values', () => {
    const { ind, findings } = indicator({ Riktning: ' högre  är bättre ', Periodicitet: 'TERTIAL:', Enhet: 'GWh', Flagga: '★' });
    expect(ind).toMatchObject({ direction: 'Högre är bättre', periodicity: 'Tertial', unit: 'GWh', flag: '★' });
    expect(findings).toEqual([]);
  });

  test('a value outside a closed list is a finding naming the choices', () => {
    const r = readPlan(snapshotOf({ Mål: [{ Id: 'N1', Nivå: 'Nämndmål', Mål: 'x', Bedömning: 'Kanske' }] }));
    expect(r.plan.goals[0]!.assessment).toBeUndefined();
    expect(r.findings.map((f) => [f.rule, f.cell])).toEqual([['value.choice', 'E2']]);
    expect(r.findings[0]!.message).toContain('Välj ett av: Uppfylls helt, Uppfylls delvis, Uppfylls inte, Ingen.');
  });

  test('dates: a Date, a serial, an ISO text; anything else a finding', () => {
    const r = readPlan(
      snapshotOf({
        Aktiviteter: [
          { Aktivitet: 'a', Startdatum: { date: '2019-01-01' }, Slutdatum: 43646 },
          { Aktivitet: 'b', Startdatum: 'första januari', Slutdatum: '2019-02-30' },
        ],
      }),
    );
    expect(r.plan.activities.map((a) => [a.start, a.end])).toEqual([
      ['2019-01-01', '2019-06-30'],
      [undefined, undefined],
    ]);
    expect(r.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(['value.date C3', 'value.date D3']);
  });

  test('driftbudget amounts: numbers, Swedish number texts; other text is a finding and unknown', () => {
    const r = readPlan(snapshotOf({ Driftbudget: [{ Verksamhet: 'A', Radtyp: 'Verksamhet', Utfall: '1 299,1', Budget: '−4,3', Prognos: 'tio' }] }));
    const [row] = r.plan.budget;
    expect(row!.entered).toEqual({ outcome: 1299.1, budget: -4.3 });
    expect(row!.amounts.deviation).toBeUndefined();
    expect(r.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(['value.amount E2']);
    expect(r.findings[0]!.message).toContain(`(${DRIFTBUDGET.columns[4]!.header})`);
  });

  test('an error in an amount cell: one finding, and what depends on it unknown', () => {
    const r = readPlan(
      snapshotOf({
        Driftbudget: [
          { Verksamhet: 'A', Radtyp: 'Verksamhet', Budget: { error: '#REF!' }, Prognos: 1 },
          { Verksamhet: 'S', Radtyp: 'Summa' },
        ],
      }),
    );
    expect(r.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(['cell.formula-error D2']);
    expect(r.plan.budget[0]!.amounts).toEqual({ forecast: 1 });
    expect(r.plan.budget[1]!.amounts).toMatchObject({ budget: 0, forecast: 1 });
  });

  test('budget by kostnadsslag: text in Budget is a finding, the sums count it as 0', () => {
    const r = readPlan(
      snapshotOf({
        'Budget kostnadsslag': [
          { Kostnadsslag: 'A', Radtyp: 'Kostnad', Budget: 'tio' },
          { Kostnadsslag: 'B', Radtyp: 'Kostnad', Budget: 5 },
          { Kostnadsslag: 'S', Radtyp: 'Summa kostnader' },
        ],
      }),
    );
    expect(r.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual(['value.amount Budget kostnadsslag!C2']);
    expect(r.plan.planBudget.map((b) => b.amount)).toEqual([undefined, 5, 5]);
  });
});

describe('the sheet as a whole', () => {
  test('merged areas: a warning each', () => {
    const snapshot = merge(merge(snapshotOf(CLEAN_T2), 'Texter!D2:E2'), 'Texter!A7:B7');
    expect(readPlan(snapshot).findings.map((f) => `${f.rule} ${f.cell} ${f.severity}`)).toEqual([
      'sheet.merged-cells D2:E2 warning',
      'sheet.merged-cells A7:B7 warning',
    ]);
  });

  test('a value beyond what hosts read (the `outside` cell) is an error naming that cell', () => {
    const snapshot = put(snapshotOf(CLEAN_T2), 'Indikatorer!B1048576', 'Glömt värde');
    expect(snapshot.sheets['Indikatorer']!.values.length).toBe(4);
    const { findings } = readPlan(snapshot);
    expect(findings.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.severity}`)).toEqual(['sheet.beyond-limit Indikatorer!B1048576 error']);
    expect(findings[0]!.message).toContain('(rad 1–100 000, kolumn A–ALL)');
    expect(readPlan(put(snapshotOf(CLEAN_T2), 'Texter!ALM2', 'x')).findings.map((f) => f.cell)).toEqual(['ALM2']);
  });

  test('blank rows between records are skipped; each record keeps its sheet row', () => {
    const r = readPlan(snapshotOf({ Texter: [{ Avsnitt: 'A', Text: 'a' }, {}, { Avsnitt: '  ' }, { Avsnitt: 'B', Text: 'b' }] }));
    expect(r.plan.texts.map((t) => [t.heading, t.source.row])).toEqual([
      ['A', 2],
      ['B', 5],
    ]);
  });

  test('free tables: consecutive rows of one Tabell; a Rubrik row is the header and starts a new table', () => {
    const r = readPlan(
      snapshotOf({
        Tabeller: [
          { Tabell: 'Investeringar', Avsnitt: 'Ekonomi', Tabellrad: 'Rubrik', 'Kolumn 1': 'Projekt', 'Kolumn 2': 'mnkr' },
          { Tabell: 'Investeringar', 'Kolumn 1': 'Skola', 'Kolumn 2': 12.5, 'Kolumn 4': '' },
          { Tabell: 'Investeringar', Tabellrad: 'Summa', 'Kolumn 1': 'Summa', 'Kolumn 2': 12.5 },
          { Tabell: 'Investeringar', Tabellrad: 'Rubrik', 'Kolumn 1': 'Nästa' },
          { Tabell: 'Resultatenheter', Tabellrad: 'Rad', 'Kolumn 1': 'A', 'Kolumn 3': 'C' },
        ],
      }),
    );
    expect(r.findings).toEqual([]);
    expect(r.plan.tables.map(({ source, ...t }) => ({ ...t, row: source.row }))).toEqual([
      {
        caption: 'Investeringar',
        section: 'Ekonomi',
        header: ['Projekt', 'mnkr'],
        rows: [
          { kind: 'Rad', cells: ['Skola', 12.5] },
          { kind: 'Summa', cells: ['Summa', 12.5] },
        ],
        row: 2,
      },
      { caption: 'Investeringar', section: undefined, header: ['Nästa'], rows: [], row: 5 },
      { caption: 'Resultatenheter', section: undefined, header: [], rows: [{ kind: 'Rad', cells: ['A', '', 'C'] }], row: 6 },
    ]);
  });
});

describe('helpers of reading', () => {
  test('choiceOf: a list value for what the user typed, or undefined', () => {
    expect(choiceOf('level', 'nämndmål:')).toBe('Nämndmål');
    expect(choiceOf('rowType', 'SUMMA')).toBe('Summa');
    expect(choiceOf('tertial', '2')).toBe('2');
    expect(choiceOf('level', '')).toBeUndefined();
    expect(choiceOf('level', 'Stadsmål')).toBeUndefined();
  });

  test('shown: a cell as the user sees it, short and on one line', () => {
    expect(shown(new Date(Date.UTC(2019, 0, 2)))).toBe('2019-01-02');
    expect(shown({ error: '#REF!' })).toBe('#REF!');
    expect(shown(null)).toBe('');
    expect(shown('rad 1\nrad 2')).toBe('rad 1 rad 2');
    expect(shown('x'.repeat(50))).toBe(`${'x'.repeat(40)}…`);
  });

  test('isPlanWorkbook: any of the layout’s main sheets', () => {
    expect(isPlanWorkbook({ sheetNames: ['Blad1'], sheets: {} })).toBe(false);
    expect(isPlanWorkbook({ sheetNames: ['Blad1', 'Mål'], sheets: {} })).toBe(true);
    expect(isPlanWorkbook({ sheetNames: ['Tabeller'], sheets: {} })).toBe(false);
  });
});

describe('readDocument: the document alone, from Dokument and the sheet names', () => {
  test('the same document as readPlan, from a snapshot holding Dokument only; the sheets the workbook lacks', async () => {
    const full = await templatedSnapshot(CLEAN_T2);
    const onlyDokument: WorkbookSnapshot = { sheetNames: full.sheetNames.filter((n) => n !== 'Aktiviteter'), sheets: { Dokument: full.sheets['Dokument']! } };
    expect(readDocument(onlyDokument)).toEqual({ info: readPlan(full).plan.info, isTemplate: true, missingSheets: ['Aktiviteter'] });
  });

  test('a workbook without Planrapport sheets', () => {
    const r = readDocument({ sheetNames: ['Blad1'], sheets: {} });
    expect(r.isTemplate).toBe(false);
    expect(r.info).toEqual({});
    expect(r.missingSheets).toEqual(['Dokument', 'Texter', 'Mål', 'Indikatorer', 'Aktiviteter', 'Driftbudget']);
  });
});
