import { validate } from '../../../src/core/rules/validate';
import { RuleContext, bounded, quote } from '../../../src/core/rules/context';
import { finding } from '../../../src/core/findings/finding';
import type { ReadResult } from '../../../src/core/workbook/readPlan';
import { CLEAN_T2, indicatorRecord } from '../../helpers/records';
import { DOC, plan, reading, where } from '../../helpers/plans';

describe('Dokument rules', () => {
  test('kind, year and organisation are needed; a tertialrapport needs its tertial', () => {
    expect(where({ Dokument: {} }, { only: true }).filter((f) => f.startsWith('document'))).toEqual([
      'document.kind-missing Dokument!',
      'document.year-missing Dokument!',
      'document.organisation-missing Dokument!',
    ]);
    expect(where(plan('t2', { Dokument: { ...DOC.t2, Tertial: null } }))).toEqual(['document.tertial-missing Dokument!']);
    expect(where(plan('vb'))).toEqual([]);
  });

  test('a value that cannot be read is reported once, at its cell, not again as missing', () => {
    expect(where(plan('t2', { Dokument: { ...DOC.t2, Dokumenttyp: 'Budget', År: 'tjugo', Tertial: 'fem' } }))).toEqual([
      'document.kind Dokument!B2',
      'document.year Dokument!B3',
      'document.tertial Dokument!B4',
    ]);
  });

  test('without a Dokument sheet: only that the sheet is missing', () => {
    expect(where({ Texter: [] }, { only: true }).filter((f) => f.includes('Dokument'))).toEqual(['sheet.missing Dokument!']);
  });
});

describe('findings in the order a user works through them', () => {
  test('by sheet in layout order, then row, then column; errors before warnings in a cell; other sheets last', () => {
    const read: ReadResult = {
      ...reading(CLEAN_T2),
      findings: [
        finding('column.duplicate', 'Okänd', 'A1', 'w'),
        finding('text.markup', 'Texter', 'B10', 'w'),
        finding('column.duplicate', 'Indikatorer', 'AA2', 'w'),
        finding('value.choice', 'Indikatorer', 'B2', 'e'),
        finding('value.unit', 'Indikatorer', 'C2', 'w'),
        finding('value.date', 'Indikatorer', 'C2', 'e'),
        finding('text.markup', 'Texter', 'B9', 'w'),
        finding('sheet.missing', 'Aktiviteter', '', 'e'),
        finding('document.kind', 'Dokument', 'B2', 'e'),
      ],
    };
    expect(validate(read).map((f) => `${f.sheet}!${f.cell} ${f.severity}`)).toEqual([
      'Dokument!B2 error',
      'Texter!B9 warning',
      'Texter!B10 warning',
      'Indikatorer!B2 error',
      'Indikatorer!C2 error',
      'Indikatorer!C2 warning',
      'Indikatorer!AA2 warning',
      'Aktiviteter! error',
      'Okänd!A1 warning',
    ]);
  });

  test('a whole plan: the reading’s findings and the rules’ merged in that order', () => {
    const records = plan('t2', {
      Indikatorer: [indicatorRecord({ Riktning: 'Uppåt', 'Periodens utfall': '17' }), indicatorRecord({ Indikator: 'B', 'Mål-id': 'X' })],
    });
    expect(where(records)).toEqual([
      'value.choice Indikatorer!D2',
      'indicator.number-as-text Indikatorer!F2',
      // the invalid Riktning counts as none: the assessment must then be chosen by hand
      'indicator.assessment-missing Indikatorer!Q2',
      'indicator.goal-missing Indikatorer!A3',
    ]);
  });
});

describe('the rule context', () => {
  const ctx = new RuleContext(reading(CLEAN_T2).plan, reading(CLEAN_T2).columns, { today: '2019-09-01' });
  const source = { sheet: 'Indikatorer', row: 7 };

  test('cells by column key, and a row when the column is missing', () => {
    expect(ctx.cell(source, 'analysis')).toBe('N7');
    expect(ctx.where(source, 'analysis')).toBe('Indikatorer!N7');
    expect(ctx.cell({ sheet: 'Okänd', row: 3 }, 'analysis')).toBe('');
    expect(ctx.where({ sheet: 'Okänd', row: 3 }, 'analysis')).toBe('Okänd rad 3');
    expect(ctx.options.today).toBe('2019-09-01');
  });

  test('a report takes the rule’s severity unless told otherwise; messages are bounded', () => {
    ctx.report('indicator.duplicate', source, 'name', 'x'.repeat(700));
    ctx.reportAt('budget.sum', 'Driftbudget', 'C5', 'summa', 'warning');
    expect(ctx.findings.map((f) => [f.rule, f.cell, f.severity, f.message.length])).toEqual([
      ['indicator.duplicate', 'B7', 'warning', 600],
      ['budget.sum', 'C5', 'warning', 5],
    ]);
  });

  test('quote and bounded: short, one line', () => {
    expect(quote('Antal\nbarn')).toBe('"Antal barn"');
    expect(quote('x'.repeat(100), 10)).toBe(`"${'x'.repeat(10)}…"`);
    expect(quote(`${' '.repeat(5000)}ord`, 10)).toBe('""');
    expect(bounded('a  b', 3)).toBe('a b');
    expect(bounded('abcdef', 4)).toBe('abc…');
  });
});
