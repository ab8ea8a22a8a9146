/** "Klar att lämna in": no errors and what the kind requires. */
import { readiness } from '../../../src/core/rules/readiness';
import { validate } from '../../../src/core/rules/validate';
import { readPlan } from '../../../src/core/workbook/readPlan';
import { planTemplate } from '../../../src/core/workbook/template';
import type { WorkbookSnapshot } from '../../../src/core/workbook/snapshot';
import { CLEAN_T2, CLEAN_VP } from '../../helpers/records';
import { applyEdits, templatedSnapshot } from '../../helpers/snapshot';

function check(snapshot: WorkbookSnapshot) {
  const reading = readPlan(snapshot);
  return readiness(reading.plan, validate(reading));
}

function freshTemplate(kind: 'tertialrapport' | 'verksamhetsplan' | 'verksamhetsberattelse'): WorkbookSnapshot {
  const book: WorkbookSnapshot = { sheetNames: ['Blad1'], sheets: { Blad1: { name: 'Blad1', values: [], formulas: [] } } };
  applyEdits(book, planTemplate(book, { kind, year: 2025, tertial: 1, organisation: 'Testnämnden' }).edits);
  return book;
}

describe('readiness', () => {
  test('a fresh template has no errors but is not ready: it lacks texts, goals and indicators', () => {
    const r = check(freshTemplate('tertialrapport'));
    expect(r.errors).toBe(0);
    expect(r.ready).toBe(false);
    expect(r.missing.map((m) => m.id)).toEqual(['texts', 'goals', 'indicators']);
    expect(r.missing.map((m) => m.sheet)).toEqual(['Texter', 'Mål', 'Indikatorer']);
    for (const m of r.missing) expect(m.text).toMatch(/^[A-ZÅÄÖ].*\. .*\.$/);
  });

  test.each([
    ['tertialrapport', CLEAN_T2],
    ['verksamhetsplan', CLEAN_VP],
  ] as const)('the clean %s is ready', async (_, records) => {
    expect(check(await templatedSnapshot(records))).toEqual({ ready: true, errors: 0, warnings: 0, missing: [] });
  });

  test('an error makes it not ready, warnings do not', async () => {
    const r = check(await templatedSnapshot({ ...CLEAN_T2, Dokument: { ...CLEAN_T2.Dokument, Organisation: null } }));
    expect(r.ready).toBe(false);
    expect(r.errors).toBe(1);
    expect(r.missing).toEqual([]);
  });

  test('a follow-up needs assessed goals; a plan does not', async () => {
    const unassessed = CLEAN_T2.Mål!.map((g) => ({ ...g, Bedömning: null, Analys: null }));
    const t2 = await templatedSnapshot({ ...CLEAN_T2, Mål: unassessed });
    const r = readiness(readPlan(t2).plan, []);
    expect(r.missing.map((m) => m.id)).toEqual(['assessments']);
    expect(readiness(readPlan(await templatedSnapshot(CLEAN_VP)).plan, []).missing).toEqual([]);
  });
});
