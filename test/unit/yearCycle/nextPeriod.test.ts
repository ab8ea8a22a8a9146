/** The next period planned on snapshots: what each column's carry says happens, and nothing else. */
import { planNextPeriod, resolveNextPeriod } from '../../../src/core/workbook/nextPeriod';
import { applyToSnapshot } from '../../../src/core/workbook/simulate';
import { planImportPrevious, normaliseName } from '../../../src/core/workbook/importPrevious';
import { readPlan } from '../../../src/core/workbook/readPlan';
import { CLEAN_T2 } from '../../helpers/records';
import { snapshotOf, templatedSnapshot, put } from '../../helpers/snapshot';
import type { WorkbookSnapshot } from '../../../src/core/workbook/snapshot';

const cell = (s: WorkbookSnapshot, sheet: string, row: number, header: string) => {
  const c = s.sheets[sheet]!.values[0]!.findIndex((h) => h === header);
  if (c < 0) throw new Error(`${sheet} has no ${header}`);
  return s.sheets[sheet]!.values[row - 1]?.[c] ?? null;
};

describe('the period after', () => {
  test.each([
    [{ kind: 'verksamhetsplan', year: 2025 }, { kind: 'tertialrapport' }, { kind: 'tertialrapport', year: 2025, tertial: 1 }],
    [{ kind: 'tertialrapport', year: 2025, tertial: 1 }, { kind: 'tertialrapport' }, { kind: 'tertialrapport', year: 2025, tertial: 2 }],
    [{ kind: 'tertialrapport', year: 2025, tertial: 2 }, { kind: 'verksamhetsberattelse' }, { kind: 'verksamhetsberattelse', year: 2025, tertial: undefined }],
    [{ kind: 'verksamhetsberattelse', year: 2025 }, { kind: 'verksamhetsplan' }, { kind: 'verksamhetsplan', year: 2026, tertial: undefined }],
    [{ kind: 'tertialrapport', year: 2025, tertial: 2 }, { kind: 'tertialrapport' }, { kind: 'tertialrapport', year: 2026, tertial: 1 }],
  ] as const)('%j + %j = %j', (from, options, to) => {
    expect(resolveNextPeriod(from, options)).toEqual(to);
  });
});

describe('planNextPeriod', () => {
  test('T2 → VB: outcomes, forecasts, analyses, assessments, statuses emptied; goals, targets, dates, budget and the user’s own columns kept', async () => {
    let before = await templatedSnapshot(CLEAN_T2);
    before = put(before, 'Indikatorer!Z1', 'Egen kolumn');
    before = put(before, 'Indikatorer!Z2', 'mitt värde');
    before = put(before, 'Indikatorer!G3', { formula: '=Underlag!B2', value: 14 });
    const plan = planNextPeriod(before, { kind: 'verksamhetsberattelse', date: '2026-02-20' });
    expect(plan.problems).toEqual([]);
    const after = applyToSnapshot(before, plan.edits);
    for (const row of [2, 3]) {
      for (const h of ['Periodens utfall', 'Utfall kvinnor/flickor', 'Prognos helår', 'Analys'])
        expect([row, h, cell(after, 'Indikatorer', row, h)]).toEqual([row, h, null]);
      for (const h of ['Indikator', 'Enhet', 'Riktning', 'Årsmål', 'KF:s årsmål'])
        expect(cell(after, 'Indikatorer', row, h)).toEqual(cell(before, 'Indikatorer', row, h));
    }
    // the user's formula stays and is named; their own column is untouched
    expect(after.sheets['Indikatorer']!.formulas[2]![6]).toBe('=Underlag!B2');
    expect(plan.notes.join('\n')).toMatch(/1 egna formler .*G3/);
    expect(cell(after, 'Indikatorer', 2, 'Egen kolumn')).toBe('mitt värde');
    // within the year, last year's outcome stays
    expect(cell(after, 'Indikatorer', 2, 'Periodens utfall VB 2018')).toBe(0.45);
    expect(cell(after, 'Indikatorer', 2, 'Period')).toBe('VB 2019');
    expect(cell(after, 'Indikatorer', 4, 'Period')).toBe('2019');
    for (const h of ['Bedömning', 'Analys']) expect(cell(after, 'Mål', 3, h)).toBeNull();
    expect(cell(after, 'Mål', 3, 'Mål')).toBe('1.1 Människor är självförsörjande');
    expect(cell(after, 'Aktiviteter', 2, 'Status')).toBeNull();
    expect(cell(after, 'Aktiviteter', 2, 'Slutdatum')).toEqual(cell(before, 'Aktiviteter', 2, 'Slutdatum'));
    expect(cell(after, 'Driftbudget', 2, 'Budget')).toBe(20);
    expect(cell(after, 'Driftbudget', 2, 'Utfall')).toBeNull();
    // the sums are Planrapport's formulas and stay
    expect(after.sheets['Driftbudget']!.formulas[4]![2]).toBe(before.sheets['Driftbudget']!.formulas[4]![2]);
    const info = readPlan(after).plan.info;
    expect(info.tertial).toBeUndefined();
    expect(info).toMatchObject({ kind: 'verksamhetsberattelse', year: 2019, date: '2026-02-20', handler: 'Anna Andersson', phone: '08-508 000 00' });
  });

  test('VB → next year: the VB’s outcomes into Periodens utfall VB <år>, headed with the year', async () => {
    const t2 = await templatedSnapshot(CLEAN_T2);
    const vb = applyToSnapshot(t2, planNextPeriod(t2, { kind: 'verksamhetsberattelse' }).edits);
    const withOutcome = put(put(vb, 'Indikatorer!F2', 0.52), 'Indikatorer!F3', 'i.u.');
    const plan = planNextPeriod(withOutcome, { kind: 'verksamhetsplan' });
    const next = applyToSnapshot(withOutcome, plan.edits);
    expect(plan.to).toEqual({ kind: 'verksamhetsplan', year: 2020, tertial: undefined });
    expect(cell(next, 'Indikatorer', 1, 'Periodens utfall VB 2019')).toBe('Periodens utfall VB 2019');
    expect(cell(next, 'Indikatorer', 2, 'Periodens utfall VB 2019')).toBe(0.52);
    expect(cell(next, 'Indikatorer', 3, 'Periodens utfall VB 2019')).toBe('i.u.');
    expect(cell(next, 'Indikatorer', 2, 'Periodens utfall')).toBeNull();
    expect(cell(next, 'Indikatorer', 2, 'Period')).toBeNull(); // a plan has no period
    expect(plan.previousOutcomes).toBe(2);
  });

  test('a year skipped or a source that is no VB: Periodens utfall VB emptied, with what to do', async () => {
    const t2 = await templatedSnapshot(CLEAN_T2);
    const plan = planNextPeriod(t2, { kind: 'verksamhetsplan' });
    const next = applyToSnapshot(t2, plan.edits);
    expect(cell(next, 'Indikatorer', 2, 'Periodens utfall VB 2019')).toBeNull();
    expect(plan.notes.join('\n')).toMatch(/import-previous/);
  });

  test('an earlier period or an unreadable Dokument is refused', async () => {
    const t2 = await templatedSnapshot(CLEAN_T2);
    expect(planNextPeriod(t2, { kind: 'tertialrapport', tertial: 1, year: 2019 }).problems[0]).toMatch(/kommer inte efter/);
    expect(planNextPeriod(snapshotOf({ Dokument: { Organisation: 'X' } }), { kind: 'verksamhetsplan' }).problems[0]).toMatch(/Dokumenttyp saknas/);
  });
});

describe('import-previous', () => {
  const vb = (indicators: Record<string, string | number>[]) =>
    snapshotOf({ Dokument: { Dokumenttyp: 'Verksamhetsberättelse', År: 2024 }, Indikatorer: indicators });
  const here = (indicators: Record<string, string | number>[]) =>
    snapshotOf({ Dokument: { Dokumenttyp: 'Verksamhetsplan', År: 2025 }, Indikatorer: indicators });

  test('matched by Kolada-id, else by name (case, spaces, dashes); units checked; typed values kept; unmatched listed', () => {
    const source = vb([
      { 'Mål-id': 'A', Indikator: 'Andel nöjda – brukare', Enhet: '%', 'Periodens utfall': 0.8 },
      { 'Mål-id': 'A', Indikator: 'Gammalt namn', Enhet: 'st', 'Kolada-id': 'N00945', 'Periodens utfall': 12 },
      { 'Mål-id': 'A', Indikator: 'Antal', Enhet: 'st', 'Periodens utfall': 3 },
      { 'Mål-id': 'A', Indikator: 'Utan utfall', Enhet: 'st' },
    ]);
    const target = here([
      { 'Mål-id': 'B', Indikator: 'andel  nöjda - brukare.', Enhet: '%' },
      { 'Mål-id': 'B', Indikator: 'Nytt namn', Enhet: 'st', 'Kolada-id': 'n00945', 'Periodens utfall VB 2024': 10 },
      { 'Mål-id': 'B', Indikator: 'Antal', Enhet: '%' },
      { 'Mål-id': 'B', Indikator: 'Utan utfall', Enhet: 'st' },
      { 'Mål-id': 'B', Indikator: 'Ny indikator', Enhet: 'st' },
    ]);
    const result = planImportPrevious(target, source, { sourceName: 'vb-2024.xlsx' });
    expect(result.changes.map((c) => [c.cell, c.value, c.action])).toEqual([
      ['I2', 0.8, 'new'],
      ['I3', 12, 'kept'],
    ]);
    expect(result.unmatched).toEqual([
      'Indikatorer rad 4 "Antal": enheten är % här men st i verksamhetsberättelsen (rad 4); värdet fördes inte över.',
      'Indikatorer rad 5 "Utan utfall": Periodens utfall saknas i verksamhetsberättelsen (rad 5).',
      'Indikatorer rad 6 "Ny indikator": finns inte i verksamhetsberättelsen (varken samma Kolada-id eller samma namn).',
    ]);
    expect(planImportPrevious(target, source, { overwrite: true }).changes[1]!.action).toBe('overwrite');
    expect(result.edits).toContainEqual({ op: 'setCells', sheet: 'Indikatorer', topLeft: 'T2', rows: [['Utfall VB 2024: vb-2024.xlsx']] });
    expect(normaliseName(' Andel\u00a0nöjda — brukare: ')).toBe('andel nöjda - brukare');
  });

  test('the source must be the verksamhetsberättelse of the year before', () => {
    const t2 = snapshotOf({ Dokument: { Dokumenttyp: 'Tertialrapport', År: 2024, Tertial: 2 }, Indikatorer: [] });
    expect(planImportPrevious(here([]), t2, { sourceName: 't2.xlsx' }).problems[0]).toMatch(
      /t2.xlsx har Tertialrapport 2 2024, men Periodens utfall VB 2024 ska komma från verksamhetsberättelsen för 2024/,
    );
  });
});
