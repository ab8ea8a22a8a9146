/** The texts a value cell may hold instead of a number: one list for the sheet's checks and the validator. */
import { INDIKATORER } from '../../../src/core/layout/layout';
import { NO_VALUE_TEXTS, TARGET_PREFIXES, TARGET_TEXTS } from '../../../src/core/values/noValue';
import { isAllowedText } from '../../../src/core/rules/indicators';
import { planTemplate } from '../../../src/core/workbook/template';

const checkOf = (key: string) => INDIKATORER.columns.find((c) => c.key === key)!.check!.formula;

describe('texts instead of a number', () => {
  test.each([...NO_VALUE_TEXTS])('%j is allowed in every value column, by the validator and in the sheet check', (text) => {
    for (const key of ['outcome', 'forecast', 'annualTarget', 'previousOutcome'] as const) expect([key, isAllowedText(key, text)]).toEqual([key, true]);
    expect(checkOf('outcome')).toContain(`{self}="${text}"`);
    expect(checkOf('annualTarget')).toContain(`{self}="${text}"`);
  });

  test.each([...TARGET_TEXTS, ...TARGET_PREFIXES.map((p) => `${p} 2 %`)])('%j is allowed as Årsmål only, in both', (text) => {
    expect(isAllowedText('annualTarget', text)).toBe(true);
    expect(isAllowedText('outcome', text)).toBe(false);
    const target = checkOf('annualTarget');
    const listed = (TARGET_TEXTS as readonly string[]).includes(text)
      ? target.includes(`{self}="${text}"`)
      : TARGET_PREFIXES.some((p) => target.includes(`LEFT({self},${p.length})="${p}"`));
    expect(listed).toBe(true);
    expect(checkOf('outcome')).not.toContain(`"${text}"`);
  });

  test('case is ignored, as Excel ignores it; other texts are not allowed', () => {
    expect(isAllowedText('outcome', 'I.U.')).toBe(true);
    expect(isAllowedText('annualTarget', 'tas fram av nämnden')).toBe(true);
    expect(isAllowedText('outcome', 'ungefär 5')).toBe(false);
  });

  test("every validation formula the template writes fits Excel's 255 characters", () => {
    const { edits } = planTemplate({ sheetNames: [], sheets: {} }, { kind: 'tertialrapport', year: 2019, tertial: 2 });
    const formulas = edits.flatMap((e) => (e.op === 'validation' && e.rule.type === 'custom' ? [e.rule.formula] : []));
    expect(formulas.length).toBeGreaterThan(5);
    for (const f of formulas) expect([f, f.replace(/^=/, '').length <= 255]).toEqual([f, true]);
  });
});
