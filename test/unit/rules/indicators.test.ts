import { expectedPeriod, isAllowedText } from '../../../src/core/rules/indicators';
import type { Indicator, Plan } from '../../../src/core/model/plan';
import { indicatorRecord } from '../../helpers/records';
import { findingsOf, plan, where } from '../../helpers/plans';

const indicators = (doc: Parameters<typeof plan>[0], ...rows: Parameters<typeof indicatorRecord>[0][]) =>
  plan(doc, { Indikatorer: rows.map((r) => indicatorRecord(r)) });

describe('the period an indicator should report', () => {
  const info = (kind: Plan['info']['kind'], tertial?: 1 | 2) => ({ info: { kind, year: 2019, tertial } }) as Plan;
  const of = (periodicity: Indicator['periodicity']) => ({ periodicity }) as Indicator;

  test.each([
    ['tertialrapport', 2, 'Tertial', 'Tertial 2 2019'],
    ['tertialrapport', 1, 'Tertial', 'Tertial 1 2019'],
    ['tertialrapport', 2, 'Halvår', 'Halvår 1 2019'],
    ['tertialrapport', 1, 'Halvår', 'Halvår 2 2018'],
    ['tertialrapport', 2, 'År', '2019'],
    ['verksamhetsberattelse', undefined, 'År', '2019'],
    ['verksamhetsberattelse', undefined, 'Tertial', 'VB 2019'],
    ['verksamhetsplan', undefined, 'Tertial', undefined],
    ['tertialrapport', undefined, 'Tertial', undefined],
  ] as const)('%s T%s, %s → %s', (kind, tertial, periodicity, expected) => {
    expect(expectedPeriod(info(kind, tertial), of(periodicity))).toBe(expected);
  });

  test('no periodicity: nothing expected', () => {
    expect(expectedPeriod(info('tertialrapport', 2), of(undefined))).toBeUndefined();
  });
});

describe('texts allowed instead of a number', () => {
  test.each([
    ['outcome', '-', true],
    ['outcome', 'i.u.', true],
    ['outcome', 'iu', true],
    ['forecast', 'Ej aktuell', true],
    ['outcome', 'Öka', false],
    ['annualTarget', 'Tas fram av nämnden', true],
    ['annualTarget', 'Tas fram av nämnd/styrelse', true],
    ['annualTarget', 'öka', true],
    ['annualTarget', '+/- 1 %', true],
    ['annualTarget', '+/-1,5%', true],
    ['annualTarget', 'mycket', false],
    ['cityTarget', '2 % energieffektivisering relativt 2018', true],
  ] as const)('%s: %j → %p', (key, text, allowed) => {
    expect(isAllowedText(key, text)).toBe(allowed);
  });
});

describe('indicator rules on small plans', () => {
  test('a clean indicator of each kind of document has no findings', () => {
    expect(where(indicators('t2', {}))).toEqual([]);
    expect(where(indicators('vb', { Period: 'VB 2019', 'Periodens utfall': 25 }))).toEqual([]);
    expect(where(indicators('vp', { 'Periodens utfall': null, 'Prognos helår': null, Period: null }))).toEqual([]);
  });

  test('text where a number belongs; the target may be "Tas fram av nämnd", the outcome not', () => {
    expect(where(indicators('t2', { 'Periodens utfall': 'sjutton', Årsmål: 'Tas fram av nämnd' }))).toEqual(['indicator.text-in-number Indikatorer!F2']);
    const [f] = findingsOf(indicators('t2', { Årsmål: 'mycket' }));
    expect(f!.message).toContain('"Tas fram av nämnd", "Öka", "-"');
  });

  test('a percent row: 2 and more typed without % looks like the wrong scale', () => {
    expect(where(indicators('t2', { Enhet: '%', 'Periodens utfall': 0.5, 'Prognos helår': 0.6, Årsmål: 55 }))).toEqual([
      'indicator.percent-scale Indikatorer!K2',
      'indicator.analysis-required Indikatorer!N2',
    ]);
  });

  test('outcome due: every tertial indicator, a half-year one in tertial 2, everything in a VB; an analysis explains its absence', () => {
    expect(where(indicators('t2', { 'Periodens utfall': null }))).toEqual(['indicator.outcome-missing Indikatorer!F2']);
    expect(where(indicators('t2', { 'Periodens utfall': null, Analys: 'Mäts i december.' }))).toEqual([]);
    expect(where(indicators('t1', { 'Periodens utfall': null, Periodicitet: 'Halvår', Period: 'Halvår 2 2018' }))).toEqual([]);
    expect(where(indicators('t2', { 'Periodens utfall': null, Periodicitet: 'Halvår', Period: 'Halvår 1 2019' }))).toEqual([
      'indicator.outcome-missing Indikatorer!F2',
    ]);
    expect(where(indicators('vb', { 'Periodens utfall': null, Periodicitet: 'År', Period: '2019' }))).toEqual(['indicator.outcome-missing Indikatorer!F2']);
  });

  test('the forecast is asked for in a tertialrapport only, for tertial indicators', () => {
    expect(where(indicators('t2', { 'Prognos helår': null, 'Periodens utfall': 25 }))).toEqual(['indicator.forecast-missing Indikatorer!J2']);
    expect(where(indicators('t2', { 'Prognos helår': null, 'Periodens utfall': 25, Periodicitet: 'År', Period: '2019' }))).toEqual([]);
    expect(where(indicators('vb', { 'Prognos helår': null, 'Periodens utfall': 25, Period: 'VB 2019' }))).toEqual([]);
  });

  test('a target missed needs an analysis; the message names what was compared', () => {
    const findings = findingsOf(indicators('t2', { 'Prognos helår': 20 }));
    expect(findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(['indicator.analysis-required N2']);
    expect(findings[0]!.message).toMatch(/^Indikatorer!N2: Prognos helår 20 st når inte årsmålet 25 st för "Antal aspiranter" \(högre är bättre\)/);
    expect(where(indicators('t2', { 'Prognos helår': 20, Analys: 'Därför.' }))).toEqual([]);
    expect(where(indicators('vp', { 'Prognos helår': 20, 'Periodens utfall': null, Period: null }))).toEqual([]);
  });

  test('periods: the year must be the document’s (a half-year may be last year’s); the label must fit', () => {
    expect(where(indicators('t2', { Period: 'Tertial 2 2018' }))).toEqual(['indicator.period-year Indikatorer!M2']);
    expect(where(indicators('t1', { Period: 'Halvår 2 2018', Periodicitet: 'Halvår', 'Periodens utfall': null }))).toEqual([]);
    expect(where(indicators('t2', { Period: 'tertial 2 2019' }))).toEqual([]);
    expect(where(indicators('t2', { Period: 'T2' }))).toEqual(['indicator.period Indikatorer!M2']);
    expect(findingsOf(indicators('t2', { Period: 'T2' }))[0]!.message).toContain(
      'stämmer inte med periodicitet Tertial i tertialrapport 2 2019. Väntat: "Tertial 2 2019"',
    );
    expect(findingsOf(indicators('vb', { Period: 'Helår', 'Periodens utfall': 25 }))[0]!.message).toContain('i verksamhetsberättelse 2019. Väntat: "VB 2019"');
    const [missing] = findingsOf(indicators('t2', { Period: null }));
    expect(missing!.message).toContain('Period saknas för "Antal aspiranter". Skriv "Tertial 2 2019".');
  });

  test('the gender split: counts must add up, shares lie between', () => {
    expect(where(indicators('t2', { 'Utfall män/pojkar': 10, 'Utfall kvinnor/flickor': 8 }))).toEqual(['indicator.gender-sum Indikatorer!F2']);
    expect(
      where(
        indicators('t2', { Enhet: '%', 'Periodens utfall': 0.9, 'Prognos helår': 0.9, Årsmål: 0.5, 'Utfall män/pojkar': 0.4, 'Utfall kvinnor/flickor': 0.6 }),
      ),
    ).toEqual(['indicator.gender-range Indikatorer!F2']);
  });

  test('a target lower set than the city’s, for shares; not for absolute units', () => {
    expect(where(indicators('t2', { Enhet: '%', 'Periodens utfall': 0.9, 'Prognos helår': 0.9, Årsmål: 0.5, 'KF:s årsmål': 0.6 }))).toEqual([
      'indicator.target-less-ambitious Indikatorer!K2',
    ]);
    expect(
      where(indicators('t2', { Enhet: '%', Riktning: 'Lägre är bättre', 'Periodens utfall': 0.1, 'Prognos helår': 0.1, Årsmål: 0.5, 'KF:s årsmål': 0.4 })),
    ).toEqual(['indicator.target-less-ambitious Indikatorer!K2']);
    expect(where(indicators('t2', { 'KF:s årsmål': 100 }))).toEqual([]);
  });

  test('goal links, names and duplicates', () => {
    expect(where(indicators('t2', { 'Mål-id': 'X' }, { 'Mål-id': null, Indikator: 'Annan' }))).toEqual([
      'indicator.goal-missing Indikatorer!A2',
      'indicator.goal-missing Indikatorer!A3',
    ]);
    expect(where(indicators('t2', { 'Mål-id': 'IM1' }))).toEqual(['indicator.goal-level Indikatorer!A2']);
    expect(where(indicators('t2', {}, { Indikator: ' antal ASPIRANTER ' }))).toEqual(['indicator.duplicate Indikatorer!B3']);
    expect(where(indicators('t2', { Indikator: null }))).toEqual(['indicator.name-missing Indikatorer!B2']);
  });

  test('the previous year’s header must be the year before the document', () => {
    const records = indicators('t2', {});
    expect(where(records, { year: 2017 })).toEqual(['column.year Indikatorer!I1']);
    expect(findingsOf(records, { year: 2017 })[0]!.message).toContain('"Periodens utfall VB 2018"');
  });
});
