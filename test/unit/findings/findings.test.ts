import { RULES, RULE_IDS } from '../../../src/core/findings/catalog';
import { finding } from '../../../src/core/findings/finding';

describe('the rule catalog', () => {
  test('ids are stable, dotted, lower-case; every rule has a severity and a Swedish description', () => {
    expect(RULE_IDS.length).toBeGreaterThan(50);
    for (const id of RULE_IDS) {
      expect(id).toMatch(/^[a-z-]+\.[a-z-]+$/);
      expect(['error', 'warning']).toContain(RULES[id].severity);
      expect(RULES[id].description).toMatch(/^[A-ZÅÄÖ].*\.$/);
    }
  });

  test('the ids the CLI has always printed are there (contract §1)', () => {
    for (const id of ['sheet.missing', 'column.missing', 'value.choice', 'indicator.analysis-required', 'budget.sum', 'plan-budget.sum']) {
      expect(RULE_IDS).toContain(id);
    }
  });
});

describe('a finding', () => {
  test('takes its rule severity and keeps its message on one line', () => {
    expect(finding('budget.sum', 'Driftbudget', 'C5', 'Summa\nstämmer  inte.')).toEqual({
      severity: 'error',
      sheet: 'Driftbudget',
      cell: 'C5',
      rule: 'budget.sum',
      message: 'Summa stämmer inte.',
    });
    expect(finding('column.duplicate', 'Mål', 'M1', 'x').severity).toBe('warning');
  });

  test('a message never runs past 600 characters', () => {
    const f = finding('text.markup', 'Texter', 'B2', 'x'.repeat(2000));
    expect(f.message).toHaveLength(600);
    expect(f.message.endsWith('…')).toBe(true);
  });
});
