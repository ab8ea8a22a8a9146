/**
 * Året: "Ny period" converts the open workbook in place once the user has confirmed a saved
 * copy; "Hämta från Kolada" previews every change from a recorded Kolada response and writes
 * nothing before "Verkställ". The real services over the fake Excel host; Kolada's fetch is a
 * fake that serves test/fixtures/kolada.
 */
import fs from 'node:fs';
import path from 'node:path';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeWorkbook } from '../../src/simulator/excel/fakeExcel';
import { GOAL_TREE, fillWorkbook, indicatorRecord } from '../helpers/records';
import { STATIC_ACTIONS, announced, danglingAriaReferences, renderPane, servicesFor } from '../helpers/pane';
import { ExcelHost } from '../../src/hosts/excel/excelHost';
import { describeExcelError } from '../../src/hosts/excel/boot';
import { createServices } from '../../src/taskpane/services';
import type { FetchLike } from '../../src/hosts/kolada/koladaClient';
import { readDate } from '../../src/core/values/dates';

const FIXTURE = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/kolada/data-0180-2024-2025.json'), 'utf8')) as unknown;

const selectedTab = () => ['Mallar', 'Validera', 'Word', 'Året'].find((name) => screen.queryByRole('tab', { name, selected: true }));

async function openYearTab() {
  fireEvent.click(await screen.findByRole('tab', { name: 'Året' }));
  await screen.findByRole('heading', { name: 'Ny period' });
}

describe('Ny period', () => {
  async function plan() {
    const book = new FakeWorkbook();
    await fillWorkbook(
      new ExcelHost(book.run),
      {
        Mål: GOAL_TREE,
        Indikatorer: [indicatorRecord({ Period: undefined, 'Periodens utfall': undefined, 'Prognos helår': undefined, Analys: 'Gammal analys' })],
      },
      { options: { kind: 'verksamhetsplan', year: 2019, organisation: 'Testnämnden' } },
    );
    return book;
  }

  test('defaults to the next step, asks for a saved copy, converts in one Excel.run and offers Validera', async () => {
    const book = await plan();
    renderPane(servicesFor(book));
    await openYearTab();
    // plan → tertialrapport 1 of the same year
    expect((screen.getByLabelText('Ny dokumenttyp') as HTMLSelectElement).value).toBe('tertialrapport');
    expect((screen.getByLabelText('Nytt år') as HTMLInputElement).value).toBe('2019');
    expect((screen.getByLabelText('Ny tertial') as HTMLSelectElement).value).toBe('1');
    expect(screen.getByText(/Spara först en kopia \(Arkiv → Spara en kopia\)/)).toBeTruthy();
    const button = screen.getByRole('button', { name: 'Skapa ny period' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('Jag har sparat en kopia av arbetsboken'));
    expect(button.disabled).toBe(false);
    // the form survives a tab switch
    fireEvent.click(screen.getByRole('tab', { name: 'Word' }));
    fireEvent.click(screen.getByRole('tab', { name: 'Året' }));
    expect((screen.getByLabelText('Jag har sparat en kopia av arbetsboken') as HTMLInputElement).checked).toBe(true);

    book.runs = 0;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Skapa ny period' }));
    });
    expect(await screen.findByRole('heading', { name: 'Arbetsboken är nu Tertialrapport 1 2019' })).toBeTruthy();
    expect(screen.getByText(/Indikatorer \(1 rad\)/)).toBeTruthy();
    expect(screen.getByText(/Tömdes:/)).toBeTruthy();
    expect(announced().polite).toMatch(/^Arbetsboken är nu Tertialrapport 1 2019\./);
    await waitFor(() => expect(screen.getByText('Tertialrapport 1 för 2019')).toBeTruthy());
    // the action itself, then the header's read of Dokument; Excel raises Worksheet.onChanged for
    // the pane's own writes too (so does the fake), which costs one debounced re-read
    expect(book.runs).toBeLessThanOrEqual(3);
    expect(danglingAriaReferences()).toEqual([]);
    // the form now proposes the step after the new period
    expect((screen.getByLabelText('Ny tertial') as HTMLSelectElement).value).toBe('2');
    expect((screen.getByLabelText('Jag har sparat en kopia av arbetsboken') as HTMLInputElement).checked).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Validera' }));
    expect(selectedTab()).toBe('Validera');
    expect(await screen.findByRole('heading', { name: /klar att lämna in/i })).toBeTruthy();
  });

  test('the new period’s Datum: checked as ÅÅÅÅ-MM-DD, written to Dokument', async () => {
    const book = await plan();
    renderPane(servicesFor(book));
    await openYearTab();
    fireEvent.click(screen.getByLabelText('Jag har sparat en kopia av arbetsboken'));
    const button = screen.getByRole('button', { name: 'Skapa ny period' }) as HTMLButtonElement;
    fireEvent.change(screen.getByLabelText(/Datum \(frivilligt\)/), { target: { value: '20 maj' } });
    expect(screen.getByText(/Skriv datumet som ÅÅÅÅ-MM-DD/)).toBeTruthy();
    expect(button.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText(/Datum \(frivilligt\)/), { target: { value: '2019-05-20' } });
    expect(button.disabled).toBe(false);
    await act(async () => {
      fireEvent.click(button);
    });
    expect(await screen.findByRole('heading', { name: 'Arbetsboken är nu Tertialrapport 1 2019' })).toBeTruthy();
    const dokument = book.sheet('Dokument')!;
    const row = [...dokument.cells.entries()].find(([, c]) => c.value === 'Datum')![0].split(',')[0];
    expect(readDate(dokument.cells.get(`${row},2`)?.value).iso).toBe('2019-05-20');
  });

  test('a Swedish error with "Försök igen"', async () => {
    const book = await plan();
    const services = servicesFor(book);
    const next = services.nextPeriod;
    let fail = true;
    services.nextPeriod = (o) => (fail ? Promise.reject(Object.assign(new Error('RichApi'), { code: 'InvalidOperationInCellEditMode' })) : next(o));
    renderPane(services);
    await openYearTab();
    fireEvent.click(screen.getByLabelText('Jag har sparat en kopia av arbetsboken'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Skapa ny period' }));
    });
    expect(await screen.findByText(/Excel redigerar en cell just nu/)).toBeTruthy();
    fail = false;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    });
    expect(await screen.findByRole('heading', { name: 'Arbetsboken är nu Tertialrapport 1 2019' })).toBeTruthy();
  });
});

describe('Hämta från Kolada', () => {
  async function followUp() {
    const book = new FakeWorkbook();
    await fillWorkbook(
      new ExcelHost(book.run),
      {
        Dokument: { 'Kolada kommun/enhet': '0180' },
        Mål: GOAL_TREE,
        Indikatorer: [
          indicatorRecord({
            Indikator: 'Nöjda brukare',
            Enhet: '%',
            'Periodens utfall': 0.8,
            'Prognos helår': 0.8,
            Årsmål: 0.8,
            'Kolada-id': 'N15428',
            Period: 'Tertial 2 2025',
          }),
          indicatorRecord({ Indikator: 'Antal platser', 'Periodens utfall': undefined, 'Kolada-id': 'N00945', Period: 'Tertial 2 2025' }),
        ],
      },
      { options: { kind: 'tertialrapport', year: 2025, tertial: 2, organisation: 'Testnämnden' } },
    );
    return book;
  }

  function withFetch(book: FakeWorkbook, fetchFn: FetchLike) {
    return createServices(new ExcelHost(book.run), describeExcelError, { load: STATIC_ACTIONS, fetch: fetchFn });
  }

  const recorded =
    (urls: string[]): FetchLike =>
    async (url) => {
      urls.push(url);
      return { ok: true, status: 200, json: async () => FIXTURE };
    };

  const indicatorValues = (book: FakeWorkbook) => JSON.stringify([...book.sheet('Indikatorer')!.cells.entries()].map(([k, c]) => [k, c.value, c.formula]));

  test('previews every change, writes nothing before Verkställ, keeps typed values unless allowed', async () => {
    const book = await followUp();
    const urls: string[] = [];
    renderPane(withFetch(book, recorded(urls)));
    await openYearTab();
    const before = indicatorValues(book);
    book.runs = 0;
    book.syncs = 0;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Hämta från Kolada' }));
    });
    const list = await screen.findByRole('list', { name: 'Ändringar' });
    expect(urls).toEqual(['https://api.kolada.se/v2/data/kpi/N15428,N00945/municipality/0180/year/2024,2025']);
    const items = within(list).getAllByRole('listitem');
    const text = items.map((li) => li.textContent).join('\n');
    expect(text).toMatch(/Nöjda brukare, Periodens utfall: 0[.,]8 → 84,7\s%.*Behålls \(ditt värde\)/);
    expect(text).toMatch(/Nöjda brukare, Utfall kvinnor\/flickor: \(tom\) → 88,4\s%.*Nytt värde/);
    expect(text).toMatch(/Antal platser, Periodens utfall: \(tom\) → 1[\s ]?250.*Nytt värde/);
    expect(announced().polite).toMatch(/Inget är skrivet ännu/);
    // the preview reads only (the query, then the preview: one sync each), and changes nothing
    expect(book.runs).toBe(2);
    expect(book.syncs).toBe(2);
    expect(indicatorValues(book)).toBe(before);

    const apply = () => screen.getByRole('button', { name: /^Verkställ/ }) as HTMLButtonElement;
    const writable = items.filter((li) => li.getAttribute('data-action') === 'new').length;
    expect(apply().textContent).toBe(`Verkställ (${writable} värden)`);
    fireEvent.click(screen.getByLabelText('Skriv över värden jag har skrivit'));
    expect(apply().textContent).toBe(`Verkställ (${writable + 1} värden)`);
    expect(within(list).getByText(/Skrivs över/)).toBeTruthy();
    expect(indicatorValues(book)).toBe(before);

    book.runs = 0;
    book.syncs = 0;
    await act(async () => {
      fireEvent.click(apply());
    });
    expect(await screen.findByRole('heading', { name: `${writable + 1} värden från Kolada skrevs till fliken Indikatorer.` })).toBeTruthy();
    expect(book.runs).toBe(1);
    expect(book.syncs).toBe(2);
    const values = [...book.sheet('Indikatorer')!.cells.values()].map((c) => c.value);
    expect(values).toContain(0.847);
    expect(values).toContain(0.884);
    expect(values).toContain(1250);
    expect(danglingAriaReferences()).toEqual([]);
  });

  test('Kolada cannot be reached: a Swedish message and "Försök igen"', async () => {
    const book = await followUp();
    const urls: string[] = [];
    let fail = true;
    const ok = recorded(urls);
    renderPane(withFetch(book, (url) => (fail ? Promise.reject(new TypeError('Failed to fetch')) : ok(url))));
    await openYearTab();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Hämta från Kolada' }));
    });
    expect(await screen.findByRole('heading', { name: 'Kolada kunde inte nås' })).toBeTruthy();
    expect(screen.getByText(/Kolada \(api\.kolada\.se\) kan inte nås/)).toBeTruthy();
    expect(announced().assertive).toMatch(/kan inte nås/);
    fail = false;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    });
    expect(await screen.findByRole('list', { name: 'Ändringar' })).toBeTruthy();
  });

  test('a workbook without Kolada-id says what to fill in, and asks Kolada nothing', async () => {
    const book = new FakeWorkbook();
    await fillWorkbook(
      new ExcelHost(book.run),
      { Mål: GOAL_TREE, Indikatorer: [indicatorRecord()] },
      { options: { kind: 'tertialrapport', year: 2019, tertial: 2 } },
    );
    const urls: string[] = [];
    renderPane(withFetch(book, recorded(urls)));
    await openYearTab();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Hämta från Kolada' }));
    });
    expect(await screen.findByText(/Ingen indikator har ett Kolada-id/)).toBeTruthy();
    expect(urls).toEqual([]);
  });
});
