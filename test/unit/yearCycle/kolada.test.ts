/** Kolada's data responses read, and planned into Indikatorer (T/K/M, VB, units, consent, Källa). */
import { parseKoladaResponse, planKoladaImport, koladaQuery, KoladaFormatError, type KoladaRecord } from '../../../src/core/kolada/kolada';
import { snapshotOf } from '../../helpers/snapshot';

const doc = (kind = 'Tertialrapport', extra: Record<string, string | number> = {}) => ({
  Dokumenttyp: kind,
  År: 2025,
  Tertial: kind === 'Tertialrapport' ? 2 : '',
  Organisation: 'Testnämnden',
  'Kolada kommun/enhet': '0180',
  ...extra,
});

const indicators = [
  { 'Mål-id': 'N1', Indikator: 'Andel behöriga', Enhet: '%', Periodicitet: 'År', 'Kolada-id': 'N15428' },
  { 'Mål-id': 'N1', Indikator: 'Antal platser', Enhet: 'st', Periodicitet: 'År', 'Kolada-id': 'N00945', 'Periodens utfall': 99 },
  { 'Mål-id': 'N1', Indikator: 'Utan Kolada', Enhet: 'st', Periodicitet: 'År' },
];

const rec = (
  kpi: string,
  period: number,
  values: [string, number | null, string?][],
  area: Partial<KoladaRecord> = { municipality: '0180' },
): KoladaRecord => ({
  kpi,
  period,
  ...area,
  values: values.map(([gender, value, status]) => ({ gender, value, status, count: 1 })),
});

describe('reading Kolada v2 data responses', () => {
  test('a page, pages in an array, records in an array; next_page kept; period as text or number', () => {
    const page = {
      count: 1,
      values: [{ kpi: 'n15428', municipality: '0180', period: '2024', values: [{ gender: 'T', value: 85.2, status: '', count: 1 }] }],
      next_page: 'http://api.kolada.se/v2/x?page=2',
    };
    const one = parseKoladaResponse(page);
    expect(one.records).toEqual([
      { kpi: 'N15428', municipality: '0180', ou: undefined, period: 2024, values: [{ gender: 'T', value: 85.2, status: undefined, count: 1 }] },
    ]);
    expect(one.nextPage).toBe('http://api.kolada.se/v2/x?page=2');
    expect(parseKoladaResponse([page, { ...page, next_page: undefined }]).records).toHaveLength(2);
    expect(parseKoladaResponse(page.values).records).toHaveLength(1);
    const ou = parseKoladaResponse({
      values: [{ kpi: 'N15033', ou: 'V15E018000101', period: 2024, values: [{ gender: 'T', value: null, status: 'Missing' }] }],
    });
    expect(ou.records[0]).toMatchObject({ ou: 'V15E018000101', values: [{ value: null, status: 'Missing' }] });
  });

  test('what is not a data response is named in Swedish', () => {
    expect(() => parseKoladaResponse({ hits: [] }, 'svar.json')).toThrow(KoladaFormatError);
    expect(() => parseKoladaResponse({ values: [{ id: 'N00945', title: 'x' }] }, 'svar.json')).toThrow(/svar.json, post 1: posten saknar "kpi"/);
    expect(() => parseKoladaResponse({ values: [{ kpi: 'N1', period: 'i år', values: [] }] })).toThrow(/inget årtal/);
  });
});

describe('Kolada into Indikatorer', () => {
  test('T, K and M of the document year into the outcome columns, T of the year before into Periodens utfall VB; % as fractions', () => {
    const snapshot = snapshotOf({ Dokument: doc(), Indikatorer: indicators });
    const result = planKoladaImport(snapshot, [
      rec('N15428', 2025, [
        ['T', 85.2],
        ['K', 88],
        ['M', 82.5],
      ]),
      rec('N15428', 2024, [
        ['T', 80],
        ['K', 81],
      ]),
      rec('N00945', 2025, [['T', 120]]), // no gender split
    ]);
    expect(result.problems).toEqual([]);
    const byCell = Object.fromEntries(result.changes.map((c) => [`${c.column}|${c.indicator}`, c]));
    expect(byCell['Periodens utfall|Andel behöriga']).toMatchObject({ value: 0.852, action: 'new', after: '85,2\u00a0%' });
    expect(byCell['Utfall kvinnor/flickor|Andel behöriga']).toMatchObject({ value: 0.88, action: 'new' });
    expect(byCell['Utfall män/pojkar|Andel behöriga']).toMatchObject({ value: 0.825, action: 'new' });
    expect(byCell['Periodens utfall VB 2024|Andel behöriga']).toMatchObject({ value: 0.8, action: 'new' });
    // a typed value is kept without consent, and listed
    expect(byCell['Periodens utfall|Antal platser']).toMatchObject({ value: 120, action: 'kept', before: '99' });
    expect(result.edits.some((e) => e.op === 'setCells' && e.rows[0]![0] === 120)).toBe(false);
    // where the figures came from
    const sources = result.edits.filter((e) => e.op === 'setCells' && typeof e.rows[0]![0] === 'string').map((e) => (e as { rows: unknown[][] }).rows[0]![0]);
    expect(sources).toEqual(['Kolada N15428 (0180, 2024, 2025)']);
    expect(result.unmatched).toEqual([]);
  });

  test('--overwrite replaces a typed value; a missing value and an unknown KPI are reported, not written', () => {
    const snapshot = snapshotOf({ Dokument: doc(), Indikatorer: indicators });
    const result = planKoladaImport(
      snapshot,
      [
        rec('N00945', 2025, [['T', 120]]),
        rec('N15428', 2025, [
          ['T', null, 'Missing'],
          ['K', 88],
        ]),
        rec('U99999', 2025, [['T', 1]]),
      ],
      { overwrite: true },
    );
    expect(result.changes.find((c) => c.indicator === 'Antal platser')).toMatchObject({ action: 'overwrite', after: '120\u00a0st' });
    expect(result.unmatched).toEqual([
      'Indikatorer rad 2 "Andel behöriga" (N15428): 2025, totalt: värde saknas i Kolada (status Missing).',
      'I svaret men utan indikator med det Kolada-id:t: U99999.',
    ]);
  });

  test('a verksamhetsplan takes only the year before; an indicator without values in the response is listed', () => {
    const snapshot = snapshotOf({ Dokument: doc('Verksamhetsplan'), Indikatorer: indicators });
    const result = planKoladaImport(snapshot, [rec('N15428', 2025, [['T', 85]]), rec('N15428', 2024, [['T', 80]])]);
    expect(result.changes.map((c) => c.column)).toEqual(['Periodens utfall VB 2024']);
    expect(result.unmatched).toEqual(['Indikatorer rad 3 "Antal platser" (N00945): inga värden för 0180 år 2024 i svaret från Kolada.']);
  });

  test('the area: Dokument, else the only one in the response, else a problem; other areas are not used', () => {
    const noArea = snapshotOf({ Dokument: doc('Tertialrapport', { 'Kolada kommun/enhet': '' }), Indikatorer: indicators });
    const ou = { ou: 'V15E018000101' };
    expect(planKoladaImport(noArea, [rec('N00945', 2025, [['T', 1]], ou)]).notes[0]).toMatch(/V15E018000101, den enda i svaret/);
    expect(planKoladaImport(noArea, [rec('N00945', 2025, [['T', 1]], ou), rec('N00945', 2025, [['T', 2]])]).problems[0]).toMatch(/Fyll i Kolada kommun\/enhet/);
    const other = planKoladaImport(snapshotOf({ Dokument: doc(), Indikatorer: indicators }), [rec('N00945', 2025, [['T', 2]], { municipality: '1480' })]);
    expect(other.changes).toEqual([]);
    expect(other.notes).toContain('Värden för 1480 i svaret användes inte (arbetsboken gäller 0180).');
  });

  test('the query a fetch needs: KPIs, area, years', () => {
    expect(koladaQuery(snapshotOf({ Dokument: doc(), Indikatorer: indicators }))).toEqual({
      kpis: ['N15428', 'N00945'],
      area: '0180',
      years: [2024, 2025],
      isUnit: false,
    });
    expect(koladaQuery(snapshotOf({ Dokument: doc('Verksamhetsplan', { 'Kolada kommun/enhet': 'V15E018000101' }), Indikatorer: indicators }))).toMatchObject({
      years: [2024],
      isUnit: true,
    });
  });
});
