import { periodText } from '../../../src/core/report/title';

describe('periodText: the period a follow-up reports on, for the pane header', () => {
  test('a tertialrapport: from January to the end of its tertial', () => {
    expect(periodText({ kind: 'tertialrapport', year: 2025, tertial: 1 })).toBe('januari–april 2025');
    expect(periodText({ kind: 'tertialrapport', year: 2025, tertial: 2 })).toBe('januari–augusti 2025');
  });
  test('a verksamhetsberättelse: the whole year', () => {
    expect(periodText({ kind: 'verksamhetsberattelse', year: 2024 })).toBe('januari–december 2024');
  });
  test('a plan, or a follow-up whose year or tertial is not known: none', () => {
    expect(periodText({ kind: 'verksamhetsplan', year: 2025 })).toBeUndefined();
    expect(periodText({ kind: 'tertialrapport', year: 2025 })).toBeUndefined();
    expect(periodText({ kind: 'verksamhetsberattelse' })).toBeUndefined();
    expect(periodText({})).toBeUndefined();
  });
});
