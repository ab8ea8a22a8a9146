/**
 * The year cycle's use-cases through the office-js adapter against the fake Excel: one
 * Excel.run each, and as many syncs for 2 000 rows as for 10.
 */
import { ExcelHost } from '../../src/hosts/excel/excelHost';
import { nextPeriod } from '../../src/usecases/nextPeriod';
import { importKolada, previewKolada } from '../../src/usecases/importValues';
import { readWorkbook } from '../../src/usecases/readWorkbook';
import type { KoladaRecord } from '../../src/core/kolada/kolada';
import { FakeWorkbook } from '../../src/simulator/excel/fakeExcel';
import { budgetRows, fillWorkbook } from '../helpers/records';

const options = { kind: 'verksamhetsberattelse' as const, year: 2024, organisation: 'Testnämnden' };

function indicators(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    'Mål-id': 'KF1',
    Indikator: `Indikator ${i}`,
    Enhet: i % 2 ? '%' : 'st',
    Periodicitet: 'År',
    'Periodens utfall': i % 2 ? 0.5 : i,
    Årsmål: i % 2 ? 0.6 : i + 1,
    Analys: 'Text',
    'Kolada-id': `N${String(i).padStart(5, '0')}`,
  }));
}

async function workbook(n: number) {
  const book = new FakeWorkbook();
  const host = new ExcelHost(book.run);
  await fillWorkbook(
    host,
    {
      Dokument: { Dokumenttyp: 'Verksamhetsberättelse', År: 2024, Organisation: 'Testnämnden', 'Kolada kommun/enhet': '0180' },
      Mål: [{ Id: 'KF1', Nivå: 'KF:s mål för verksamhetsområdet', Mål: '1.1 Mål', Bedömning: 'Uppfylls helt' }],
      Indikatorer: indicators(n),
      Driftbudget: budgetRows(n),
    },
    { options },
  );
  book.syncs = 0;
  book.runs = 0;
  return { book, host };
}

describe('the year cycle through office-js', () => {
  test.each([10, 2000])('Ny period over %i rows: one Excel.run, two syncs; outcomes moved to Periodens utfall VB', async (n) => {
    const { book, host } = await workbook(n);
    const result = await nextPeriod(host, { kind: 'verksamhetsplan' });
    expect(result.problems).toEqual([]);
    expect(book.runs).toBe(1);
    expect(book.syncs).toBe(2);
    const ind = book.sheet('Indikatorer')!;
    expect(ind.peek('I1')?.value).toBe('Periodens utfall VB 2024');
    expect(ind.peek('I3')?.value).toBe(0.5);
    expect(ind.peek('F3')?.value).toBeUndefined();
    expect(ind.peek('N2')?.value).toBeUndefined(); // Analys
    expect(ind.peek('K2')?.value).toBe(1); // Årsmål
    expect(book.sheet('Driftbudget')!.peek('C2')?.value).toBeUndefined(); // Utfall
    expect(book.sheet('Driftbudget')!.peek('D3')?.value).toBe(2); // Budget
    const reading = await readWorkbook(host);
    expect(reading.plan.info).toMatchObject({ kind: 'verksamhetsplan', year: 2025 });
  });

  test.each([10, 2000])('Kolada over %i rows: a preview in one sync, applying in one run and two syncs', async (n) => {
    const { book, host } = await workbook(n);
    const records: KoladaRecord[] = Array.from({ length: n }, (_, i) => ({
      kpi: `N${String(i).padStart(5, '0')}`,
      municipality: '0180',
      period: 2024,
      values: [
        { gender: 'T', value: 50 },
        { gender: 'K', value: 55 },
        { gender: 'M', value: 45 },
      ],
    }));
    const preview = await previewKolada(host, records);
    expect(book.syncs).toBe(1);
    expect(preview.changes.filter((c) => c.action === 'new')).toHaveLength(2 * n);
    book.syncs = 0;
    book.runs = 0;
    const applied = await importKolada(host, records);
    expect(book.runs).toBe(1);
    expect(book.syncs).toBe(2);
    expect(applied.changes).toEqual(preview.changes);
    const ind = book.sheet('Indikatorer')!;
    expect(ind.peek('F3')?.value).toBe(0.5); // typed, kept
    expect(ind.peek('H3')?.value).toBe(0.55); // kvinnor, % as a fraction
    expect(ind.peek('G2')?.value).toBe(45); // män, st as is
    expect(ind.peek('T2')?.value).toBe('Kolada N00000 (0180, 2024)');
  });
});
