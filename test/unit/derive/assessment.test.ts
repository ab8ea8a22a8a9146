import { assessIndicator, genderCheck, suggestion } from '../../../src/core/derive/assessment';
import type { Indicator } from '../../../src/core/model/plan';
import { EMPTY, type Value } from '../../../src/core/values/swedish';

const n = (value: number): Value => ({ kind: 'number', value });
const ind = (extra: Partial<Indicator>): Indicator => ({
  goalId: 'N1',
  name: 'I',
  unit: '',
  direction: 'Högre är bättre',
  outcome: EMPTY,
  outcomeMen: EMPTY,
  outcomeWomen: EMPTY,
  previousOutcome: EMPTY,
  forecast: EMPTY,
  annualTarget: n(10),
  cityTarget: EMPTY,
  period: '',
  source: { sheet: 'Indikatorer', row: 2 },
  ...extra,
});

describe('an indicator against its årsmål (the sheet’s Bedömning (förslag))', () => {
  test('a tertialrapport judges the forecast, or the outcome when there is none', () => {
    expect(assessIndicator(ind({ forecast: n(9), outcome: n(11) }), 'tertialrapport')).toEqual({ result: 'missed', basis: 'forecast', value: n(9) });
    expect(assessIndicator(ind({ outcome: n(11) }), 'tertialrapport')).toMatchObject({ result: 'met', basis: 'outcome' });
  });

  test('a verksamhetsberättelse judges the outcome, or the forecast when there is none', () => {
    expect(assessIndicator(ind({ forecast: n(9), outcome: n(11) }), 'verksamhetsberattelse')).toMatchObject({ result: 'met', basis: 'outcome' });
    expect(assessIndicator(ind({ forecast: n(9) }), 'verksamhetsberattelse')).toMatchObject({ result: 'missed', basis: 'forecast' });
  });

  test('lower is better; reaching the target exactly (within rounding) is met', () => {
    expect(assessIndicator(ind({ direction: 'Lägre är bättre', outcome: n(9) }), 'tertialrapport')!.result).toBe('met');
    expect(assessIndicator(ind({ direction: 'Lägre är bättre', outcome: n(10.1) }), 'tertialrapport')!.result).toBe('missed');
    expect(assessIndicator(ind({ outcome: n(10 - 1e-10) }), 'tertialrapport')!.result).toBe('met');
    expect(assessIndicator(ind({ annualTarget: n(0.3), outcome: n(0.1 + 0.2) }), 'tertialrapport')!.result).toBe('met');
  });

  test('nothing to compare: no direction, a target in words, no numeric value', () => {
    expect(assessIndicator(ind({ direction: undefined, outcome: n(1) }), 'tertialrapport')).toBeUndefined();
    expect(assessIndicator(ind({ annualTarget: { kind: 'text', text: 'Öka' }, outcome: n(1) }), 'tertialrapport')).toBeUndefined();
    expect(assessIndicator(ind({ outcome: { kind: 'text', text: 'i.u.' } }), 'tertialrapport')).toBeUndefined();
  });

  test('the suggestion as the sheet writes it; none in a verksamhetsplan', () => {
    expect(suggestion(ind({ outcome: n(11) }), 'tertialrapport')).toBe('Uppfylls');
    expect(suggestion(ind({ outcome: n(9) }), undefined)).toBe('Uppfylls inte');
    expect(suggestion(ind({ outcome: n(9) }), 'verksamhetsplan')).toBe('');
    expect(suggestion(ind({}), 'tertialrapport')).toBe('');
  });
});

describe('the gender split (the sheet’s Kontroll)', () => {
  const split = (unit: string, total: number, men: number, women: number) =>
    genderCheck(ind({ unit, outcome: n(total), outcomeMen: n(men), outcomeWomen: n(women) }));

  test('for counts, män + kvinnor is the total', () => {
    expect(split('st', 25, 15, 10)).toBe('OK');
    expect(split('st', 25, 15, 11)).toBe('sum');
  });

  test('for shares, indices and plain numbers, the total lies between them within rounding', () => {
    expect(split('%', 0.5, 0.4, 0.6)).toBe('OK');
    expect(split('%', 0.6004, 0.4, 0.6)).toBe('OK');
    expect(split('%', 0.6006, 0.4, 0.6)).toBe('range');
    expect(split('index', 78.04, 78, 76)).toBe('OK');
    expect(split('index', 80, 78, 76)).toBe('range');
    expect(split('', 3.6, 3.1, 3.5)).toBe('range');
  });

  test('another unit or a missing value: no check', () => {
    expect(split('GWh', 9, 1, 1)).toBeUndefined();
    expect(genderCheck(ind({ unit: 'st', outcome: n(1), outcomeMen: n(1) }))).toBeUndefined();
  });
});
