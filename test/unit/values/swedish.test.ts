import {
  EMPTY,
  formatInUnit,
  formatMnkr,
  formatNumber,
  formatPercent,
  formatValue,
  isEmpty,
  normaliseNumberText,
  numberOf,
  parseSwedishNumber,
  parseValue,
} from '../../../src/core/values/swedish';

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

describe('more of what controllers type', () => {
  test.each([
    ['+5', 5, ''],
    ['12 345 678', 12345678, ''],
    ['1\u202f050', 1050, ''],
    ['\u2013 2,5', -2.5, ''],
    ['\u2212 7', -7, ''],
    ['  42  ', 42, ''],
    ['3 procent', 3, 'procent'],
  ])('%s', (text, value, unit) => {
    expect(parseSwedishNumber(text)).toEqual({ value, unit });
  });

  test.each(['', '   ', '-', '+', '1,050,000', '12,5,3', 'abc', '1 2'])('%j is not a number', (text) => {
    expect(parseSwedishNumber(text)).toBeUndefined();
  });

  test('normaliseNumberText: any space is one space, a typographic minus a hyphen', () => {
    expect(normaliseNumberText('\u2212 1\u00a0299,1\u2009')).toBe('- 1 299,1');
  });
});

describe('a raw cell in its row unit', () => {
  test('numbers, booleans, dates and errors as a host reads them', () => {
    expect(parseValue(0.25, '%')).toEqual({ value: { kind: 'number', value: 0.25 } });
    expect(parseValue(Number.NaN, '').value).toEqual({ kind: 'text', text: 'NaN' });
    expect(parseValue(true, '').value).toEqual({ kind: 'text', text: 'SANT' });
    expect(parseValue(false, '').value).toEqual({ kind: 'text', text: 'FALSKT' });
    expect(parseValue(new Date(Date.UTC(2019, 0, 2)), '').value).toEqual({ kind: 'text', text: '2019-01-02' });
    expect(parseValue({ error: '#N/A' }, '').value).toEqual({ kind: 'text', text: '#N/A' });
    expect(parseValue(undefined, 'st')).toEqual({ value: EMPTY });
  });

  test('a percent written in a row that is not in % is read as a fraction and flagged', () => {
    expect(parseValue('5 %', 'st')).toEqual({ value: { kind: 'number', value: 0.05, writtenUnit: '%' }, unitMismatch: '%' });
    expect(parseValue('5 procent', '%')).toEqual({ value: { kind: 'number', value: 0.05, writtenUnit: '%' } });
  });

  test('the row unit written in the cell is no mismatch (case, spaces and a final dot aside)', () => {
    expect(parseValue('16 Barn/avd', 'barn/avd.').unitMismatch).toBeUndefined();
    expect(parseValue('1 050 st', '').value).toEqual({ kind: 'number', value: 1050, writtenUnit: 'st' });
    expect(parseValue('12 kr', 'st').unitMismatch).toBe('kr');
  });

  test('a number followed by words is a text ("1 % energieffektivisering"), as is "+/- 1 %"', () => {
    expect(parseValue('+/- 1 %', '%').value).toEqual({ kind: 'text', text: '+/- 1 %' });
    expect(parseValue('1 = bra', '').value.kind).toBe('text');
    expect(parseValue(`3 ${'x'.repeat(41)}`, '').value.kind).toBe('text');
  });
});

describe('formatting helpers', () => {
  test('formatNumber: decimals between the bounds, never "−0"', () => {
    expect(plain(formatNumber(1234.5678))).toBe('1 234,57');
    expect(plain(formatNumber(2, 2, 1))).toBe('2,0');
    expect(plain(formatNumber(-0.001, 2))).toBe('0');
  });

  test('formatValue prints each kind; numberOf and isEmpty read them', () => {
    expect(formatValue(EMPTY, '%')).toBe('');
    expect(formatValue({ kind: 'text', text: 'i.u.' }, '%')).toBe('i.u.');
    expect(plain(formatValue({ kind: 'number', value: 0.5 }, '%'))).toBe('50 %');
    expect(numberOf({ kind: 'number', value: 3 })).toBe(3);
    expect(numberOf({ kind: 'text', text: '3' })).toBeUndefined();
    expect(isEmpty(EMPTY)).toBe(true);
    expect(isEmpty({ kind: 'text', text: '' })).toBe(false);
  });

  test('bare units print no suffix', () => {
    for (const unit of ['', 'index', 'antal', 'Tal']) expect(plain(formatInUnit(12, unit))).toBe('12');
  });
});
