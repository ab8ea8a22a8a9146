import { formatInUnit, formatMnkr, formatPercent, parseSwedishNumber, parseValue } from '../../src/core/values/swedish';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-');

describe('Swedish numbers typed by controllers', () => {
  test.each([
    ['1 299,1', 1299.1, ''],
    ['1\u00a0299,1', 1299.1, ''],
    ['−4,3', -4.3, ''],
    ['-4,3', -4.3, ''],
    ['1 050 st', 1050, 'st'],
    ['0,8 %', 0.8, '%'],
    ['75%', 75, '%'],
    ['1945 GWh', 1945, 'GWh'],
    ['16,3 barn/avd.', 16.3, 'barn/avd.'],
    ['1.5', 1.5, ''],
    [',5', 0.5, ''],
  ])('%s', (text, value, unit) => {
    expect(parseSwedishNumber(text)).toEqual({ value, unit });
  });

  test.each(['Tas fram av nämnd', 'i.u.', '-', '+/- 1 %', 'Öka', '1.050.000', 'Tertial 2 2019'])('%s is not a number', (text) => {
    expect(parseSwedishNumber(text)).toBeUndefined();
  });
});

describe('values in the row unit', () => {
  test('a percent text becomes an Excel percentage', () => {
    expect(parseValue('0,8 %', '%').value).toEqual({ kind: 'number', value: 0.008, writtenUnit: '%' });
  });
  test('documented texts stay texts', () => {
    expect(parseValue('Tas fram av nämnd', '%').value).toEqual({ kind: 'text', text: 'Tas fram av nämnd' });
    expect(parseValue('2 % energieffektivisering relativt 2018', '%').value.kind).toBe('text');
  });
  test('a unit that disagrees with the row is flagged, the number kept', () => {
    const p = parseValue('16 st', 'barn/avd.');
    expect(p.value).toEqual({ kind: 'number', value: 16, writtenUnit: 'st' });
    expect(p.unitMismatch).toBe('st');
  });
  test('blank is empty', () => {
    expect(parseValue('  ', '%').value.kind).toBe('empty');
    expect(parseValue(null, 'st').value.kind).toBe('empty');
  });
});

describe('formatting the Swedish way', () => {
  test.each([
    [0.008, '%', '0,8 %'],
    [0.8235, '%', '82,35 %'],
    [1.007, '%', '100,7 %'],
    [1050, 'st', '1 050 st'],
    [5.5, 'st', '5,5 st'],
    [3.47, 'GWh', '3,47 GWh'],
    [16.3, 'barn/avd.', '16,3 barn/avd.'],
    [82, 'index', '82'],
    [3.8, '', '3,8'],
    [-4.3, '', '-4,3'],
  ])('%p in %s → %s', (n, unit, text) => {
    expect(plain(formatInUnit(n, unit))).toBe(text);
  });
  test('mnkr with one decimal', () => {
    expect(plain(formatMnkr(1299.1))).toBe('1 299,1');
    expect(plain(formatMnkr(-6.59999999999996))).toBe('-6,6');
    expect(plain(formatMnkr(10))).toBe('10,0');
    expect(plain(formatMnkr(-0.04))).toBe('0,0');
  });
  test('percent rounding', () => {
    expect(plain(formatPercent(0.0055))).toBe('0,55 %');
  });
});

describe('a figure and its unit', () => {
  test('a short unit stays on the line of its number, a long one may wrap', () => {
    expect(formatInUnit(1050, 'st')).toBe('1\u00a0050\u00a0st');
    expect(formatInUnit(3.47, 'GWh')).toBe('3,47\u00a0GWh');
    expect(formatInUnit(16.3, 'barn/avd.')).toBe('16,3 barn/avd.');
    expect(formatInUnit(2, 'kg CO2e')).toBe('2 kg CO2e');
  });
});
