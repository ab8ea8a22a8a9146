import { isValidIso, isoToSerial, readDate, serialToIso } from '../../../src/core/values/dates';

describe('Excel serials and ISO dates', () => {
  test.each([
    [1, '1899-12-31'],
    [43466, '2019-01-01'],
    [43466.75, '2019-01-01'],
    [45658, '2025-01-01'],
    [2_958_465, '9999-12-31'],
  ])('serial %p is %s', (serial, iso) => {
    expect(serialToIso(serial)).toBe(iso);
  });

  test.each([0, -1, 2_958_466, Number.NaN, Number.POSITIVE_INFINITY])('serial %p is no date', (serial) => {
    expect(serialToIso(serial)).toBeUndefined();
  });

  test('ISO → serial → ISO', () => {
    for (const iso of ['2000-01-01', '2019-02-28', '2020-02-29', '2100-12-31']) expect(serialToIso(isoToSerial(iso))).toBe(iso);
  });

  test('only real calendar days are valid', () => {
    expect(isValidIso('2020-02-29')).toBe(true);
    expect(isValidIso('2019-02-29')).toBe(false);
    expect(isValidIso('2019-13-01')).toBe(false);
    expect(isValidIso('2019-1-1')).toBe(false);
  });
});

describe('reading a date cell', () => {
  test('blank is no date and no error', () => {
    for (const raw of [null, undefined, '', '   ']) expect(readDate(raw)).toEqual({});
  });

  test('a Date (UTC midnight, as hosts give it), a serial, ISO texts', () => {
    expect(readDate(new Date(Date.UTC(2019, 5, 30)))).toEqual({ iso: '2019-06-30' });
    expect(readDate(43646)).toEqual({ iso: '2019-06-30' });
    expect(readDate('2019-06-30')).toEqual({ iso: '2019-06-30' });
    expect(readDate(' 2019-6-3 ')).toEqual({ iso: '2019-06-03' });
    expect(readDate('2019-06-30 00:00')).toEqual({ iso: '2019-06-30' });
    expect(readDate('2019-06-30T12:30:15')).toEqual({ iso: '2019-06-30' });
  });

  test('anything else is kept as the invalid text', () => {
    expect(readDate('första januari')).toEqual({ invalid: 'första januari' });
    expect(readDate('30/6 2019')).toEqual({ invalid: '30/6 2019' });
    expect(readDate('2019-02-30')).toEqual({ invalid: '2019-02-30' });
    expect(readDate(-5)).toEqual({ invalid: '-5' });
    expect(readDate(new Date(Number.NaN)).invalid).toBeDefined();
  });
});
