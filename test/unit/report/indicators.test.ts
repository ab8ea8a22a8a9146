/** The indicator table builder (report/blocks/indicators.ts) on in-memory indicators. */
import { fitIndicatorColumns, indicatorBlock, indicatorColumns } from '../../../src/core/report/blocks/indicators';
import type { Section } from '../../../src/core/report/model';
import { indicator, num } from './plans';

describe('indicator tables', () => {
  test('columns per kind: targets and periodicity in a plan, outcomes and forecast in a follow-up', () => {
    expect(indicatorColumns('verksamhetsplan', 2025).map((c) => c.header)).toEqual(['Indikator', 'Årsmål', 'KF:s årsmål', 'Periodicitet']);
    expect(indicatorColumns('tertialrapport', 2019).map((c) => c.header)).toEqual([
      'Indikator',
      'Periodens utfall',
      'Utfall män/pojkar',
      'Utfall kvinnor/flickor',
      'Periodens utfall VB 2018',
      'Prognos helår',
      'Årsmål',
      'KF:s årsmål',
      'Period',
    ]);
    expect(indicatorColumns('verksamhetsberattelse', undefined)[4]!.header).toBe('Periodens utfall VB');
    for (const kind of ['verksamhetsplan', 'tertialrapport'] as const) {
      const columns = indicatorColumns(kind, 2020);
      expect(columns.reduce((a, c) => a + c.width, 0)).toBe(100);
      expect(columns.map((c) => c.align)).toEqual(columns.map((c, i) => (i === 0 || ['Period', 'Periodicitet'].includes(c.header) ? 'left' : 'right')));
    }
  });

  test('cells: values in their unit, texts as written, empty as empty; the flag and the analysis with the row', () => {
    const ind = indicator('G', 'Andel\nnöjda', {
      unit: '%',
      outcome: num(0.5),
      forecast: { kind: 'text', text: 'Tas fram av nämnd' },
      annualTarget: num(0.55),
      period: 'T2',
      flag: '♀',
      analysis: 'Bra.\n- punkt',
      periodicity: 'Tertial',
    });
    const t2 = indicatorBlock('tertialrapport', 2019, [ind]);
    expect(t2.rows).toEqual([
      {
        name: 'Andel nöjda',
        flag: '♀',
        cells: ['50\u00a0%', '', '', '', 'Tas fram av nämnd', '55\u00a0%', '', 'T2'],
        analysis: [
          { kind: 'paragraph', runs: [{ text: 'Bra.' }] },
          { kind: 'bullet', runs: [{ text: 'punkt' }] },
        ],
      },
    ]);
    expect(indicatorBlock('verksamhetsplan', 2025, [ind]).rows[0]!.cells).toEqual(['55\u00a0%', '', 'Tertial']);
  });

  test('fitting: every table of the document gets the same columns, wide enough for its figures, the names keep room', () => {
    const small = indicatorBlock('tertialrapport', 2019, [indicator('A', 'Antal', { unit: 'st', outcome: num(5) })]);
    const large = indicatorBlock('tertialrapport', 2019, [indicator('B', 'Kostnad', { forecast: { kind: 'text', text: 'Uppföljningsperioden' } })]);
    const sections: Section[] = [{ heading: 'A', level: 2, blocks: [small], children: [{ heading: 'B', level: 3, blocks: [large], children: [] }] }];
    const declared = small.columns.map((c) => c.width);
    fitIndicatorColumns(sections);
    expect(small.columns).toBe(large.columns);
    const widths = small.columns.map((c) => c.width);
    expect(widths[5]).toBeGreaterThan(declared[5]!); // Prognos helår: a long word is not broken
    expect(widths[0]).toBeLessThan(declared[0]!);
    expect(widths[0]).toBeGreaterThanOrEqual(16);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 5);
  });

  test('fitting leaves a document without indicator tables alone', () => {
    const sections: Section[] = [{ heading: 'A', level: 1, blocks: [], children: [] }];
    fitIndicatorColumns(sections);
    expect(sections).toEqual([{ heading: 'A', level: 1, blocks: [], children: [] }]);
  });
});

describe('the assessment on every indicator row (follow-ups)', () => {
  const row = (extra: Parameters<typeof indicator>[2], kind: 'tertialrapport' | 'verksamhetsplan' = 'tertialrapport') =>
    indicatorBlock(kind, 2019, [
      indicator('N1', 'Andel', { unit: '%', direction: 'Högre är bättre', periodicity: 'Tertial', annualTarget: num(0.7), ...extra }),
    ]).rows[0]!;

  test("the sheet's suggestion when the controller has set none: symbol and words", () => {
    expect(row({ forecast: num(0.6) }).mark).toEqual({ symbol: '■', color: expect.any(String), label: 'Uppfylls inte' });
    expect(row({ forecast: num(0.8) }).mark).toMatchObject({ symbol: '●', label: 'Uppfylls helt' });
    expect(row({}).mark).toBeUndefined(); // nothing to assess
  });

  test("the controller's Bedömning wins", () => {
    expect(row({ forecast: num(0.6), assessment: 'Uppfylls delvis' }).mark).toMatchObject({ symbol: '◆', label: 'Uppfylls delvis' });
    expect(row({ assessment: 'Ingen' }).mark).toMatchObject({ label: 'Ingen bedömning' });
  });

  test('a yearly indicator is assessed on its outcome (55 % against 70 % is not met, whatever the forecast says)', () => {
    expect(row({ periodicity: 'År', outcome: num(0.55), forecast: num(0.7) }).mark).toMatchObject({ label: 'Uppfylls inte' });
  });

  test('plans carry no assessment', () => {
    expect(row({ forecast: num(0.6), assessment: 'Uppfylls helt' }, 'verksamhetsplan').mark).toBeUndefined();
  });
});
