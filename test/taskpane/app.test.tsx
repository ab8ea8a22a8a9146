import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FakeWorkbook } from '../../src/simulator/excel/fakeExcel';
import { GOAL_TREE, fillWorkbook, indicatorRecord } from '../helpers/records';
import { STATIC_PANELS, announced, danglingAriaReferences, renderPane, servicesFor } from '../helpers/pane';
import { ExcelHost } from '../../src/hosts/excel/excelHost';
import type { TemplateOptions } from '../../src/core/workbook/template';

const T2: TemplateOptions = { kind: 'tertialrapport', year: 2019, tertial: 2, organisation: 'Testnämnden' };

async function templated(options: TemplateOptions = T2) {
  const book = new FakeWorkbook();
  await fillWorkbook(new ExcelHost(book.run), { Mål: GOAL_TREE, Indikatorer: [indicatorRecord()] }, { options, retemplate: false });
  return book;
}

/** The selected tab's name, e.g. "Validera". */
const selectedTab = () => ['Mallar', 'Validera', 'Word'].find((name) => screen.queryByRole('tab', { name, selected: true }));

describe('task pane', () => {
  test('an empty workbook opens on Mallar with an invitation; "Skapa mallar" creates the template in one Excel.run and says what to do next', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Blad1').type('A1', 'Mina egna siffror');
    renderPane(servicesFor(book));

    expect(await screen.findByText(/har inga Planrapport-flikar/)).toBeTruthy();
    expect(selectedTab()).toBe('Mallar');
    expect(screen.getByRole('heading', { level: 1, name: 'Planrapport' })).toBeTruthy();
    const validera = screen.getByRole('tab', { name: 'Validera' });
    expect(validera.getAttribute('aria-disabled') === 'true' || (validera as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('År'), { target: { value: '2019' } });
    fireEvent.change(screen.getByLabelText('Organisation'), { target: { value: 'Hägersten-Liljeholmens stadsdelsnämnd' } });
    book.runs = 0;
    book.syncs = 0;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Skapa mallar' }));
    });
    expect(await screen.findByText('Mallarna är skapade')).toBeTruthy();
    expect(screen.getByText(/Fyll i flikarna Texter, Mål och Indikatorer/)).toBeTruthy();
    expect(announced().polite).toMatch(/^Mallarna är skapade\. Fyll i flikarna Texter, Mål och Indikatorer/);
    await waitFor(() => expect(screen.getByText('Tertialrapport 1 för 2019')).toBeTruthy());
    // the create action itself: one Excel.run (≤ 3 syncs); then the header reads Dokument (one run, one sync)
    expect(book.runs).toBeGreaterThanOrEqual(2);
    expect(book.syncs).toBeLessThanOrEqual(3 + 1 + 2);
    expect(book.sheet('Indikatorer')).toBeDefined();
    expect(book.sheet('Blad1')!.peek('A1')?.value).toBe('Mina egna siffror');
    expect(screen.getByText('januari–april 2019 · Hägersten-Liljeholmens stadsdelsnämnd')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Uppdatera mallar' })).toBeTruthy();
    expect(selectedTab()).toBe('Mallar');
    expect(danglingAriaReferences()).toEqual([]);
    // the next step is one click away
    fireEvent.click(screen.getByRole('button', { name: 'Gå till Validera' }));
    expect(selectedTab()).toBe('Validera');
    expect(await screen.findByRole('heading', { name: 'Inte klar att lämna in' })).toBeTruthy();
  });

  test('a Planrapport workbook opens on Validera and validates at once', async () => {
    const book = await templated();
    renderPane(servicesFor(book));
    await waitFor(() => expect(selectedTab()).toBe('Validera'));
    expect(await screen.findByText(/^Validerat kl\. \d\d\.\d\d\./)).toBeTruthy();
    expect(screen.getByRole('heading', { name: /klar att lämna in/i })).toBeTruthy();
    expect(danglingAriaReferences()).toEqual([]);
  });

  test('"Uppdatera mallar" with another year and tertial writes them to Dokument; header and form agree', async () => {
    const book = await templated();
    renderPane(servicesFor(book));
    expect(await screen.findByText('Tertialrapport 2 för 2019')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Mallar' }));
    expect((screen.getByLabelText('År') as HTMLInputElement).value).toBe('2019');
    fireEvent.change(screen.getByLabelText('År'), { target: { value: '2020' } });
    fireEvent.change(screen.getByLabelText('Tertial'), { target: { value: '1' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Uppdatera mallar' }));
    });
    expect(await screen.findByText('Mallarna är uppdaterade')).toBeTruthy();
    expect(screen.getByText('Dokument: År ändrades från ”2019” till ”2020”.')).toBeTruthy();
    expect(await screen.findByText('Tertialrapport 1 för 2020')).toBeTruthy();
    expect(screen.getByText('januari–april 2020 · Testnämnden')).toBeTruthy();
    expect((screen.getByLabelText('År') as HTMLInputElement).value).toBe('2020');
    expect((screen.getByLabelText('Tertial') as HTMLSelectElement).value).toBe('1');
    const dokument = book.sheet('Dokument')!;
    const values = [...dokument.cells.values()].map((c) => c.value);
    expect(values).toContain(2020);
    expect(values).not.toContain(2019);
  });

  test('an Excel error is shown in Swedish, with "Försök igen"', async () => {
    const book = new FakeWorkbook();
    const services = servicesFor(book);
    const create = services.createTemplate;
    let fail = true;
    services.createTemplate = (o) => (fail ? Promise.reject(Object.assign(new Error('RichApi'), { code: 'InvalidOperationInCellEditMode' })) : create(o));
    renderPane(services);
    await screen.findByRole('button', { name: 'Skapa mallar' });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Skapa mallar' }));
    });
    expect(await screen.findByText(/Excel redigerar en cell just nu/)).toBeTruthy();
    expect(announced().assertive).toMatch(/Excel redigerar en cell just nu/);
    fail = false;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    });
    expect(await screen.findByText('Mallarna är skapade')).toBeTruthy();
  });

  test('a bad year is caught in the form', async () => {
    renderPane(servicesFor(new FakeWorkbook()));
    await screen.findByRole('button', { name: 'Skapa mallar' });
    fireEvent.change(screen.getByLabelText('År'), { target: { value: '19' } });
    expect(screen.getByText('Skriv året med fyra siffror, t.ex. 2025.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Skapa mallar' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('what the form holds survives a tab switch', async () => {
    const book = await templated();
    renderPane(servicesFor(book));
    fireEvent.click(await screen.findByRole('tab', { name: 'Mallar' }));
    fireEvent.change(screen.getByLabelText('Organisation'), { target: { value: 'Ny nämnd' } });
    fireEvent.click(screen.getByRole('tab', { name: 'Word' }));
    fireEvent.click(screen.getByRole('tab', { name: 'Mallar' }));
    expect((screen.getByLabelText('Organisation') as HTMLInputElement).value).toBe('Ny nämnd');
  });

  test('the first read fails: a Swedish message and "Försök igen", which reads again', async () => {
    const book = await templated();
    const services = servicesFor(book);
    const read = services.readStatus;
    let fail = true;
    services.readStatus = () => (fail ? Promise.reject(Object.assign(new Error('x'), { code: 'GeneralException' })) : read());
    renderPane(services);
    expect(await screen.findByText('Arbetsboken kunde inte läsas')).toBeTruthy();
    expect(screen.getByText('Excel kunde inte utföra åtgärden. Spara arbetsboken och försök igen.')).toBeTruthy();
    expect(screen.queryByRole('tab')).toBeNull();
    fail = false;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    });
    expect(await screen.findByText('Tertialrapport 2 för 2019')).toBeTruthy();
    await waitFor(() => expect(selectedTab()).toBe('Validera'));
  });

  test('a tab whose code cannot be fetched says so in Swedish and loads on "Försök igen"', async () => {
    const book = new FakeWorkbook();
    let fail = true;
    const template = async () => {
      if (fail) throw Object.assign(new Error('Loading chunk 46 failed.\n(error: http://localhost/tab-template.js)'), { name: 'ChunkLoadError' });
      return STATIC_PANELS.template();
    };
    renderPane(servicesFor(book), { panels: { ...STATIC_PANELS, template } });
    expect(await screen.findByText('Fliken kunde inte visas')).toBeTruthy();
    expect(screen.getByText(/kunde inte hämta en del av programmet/)).toBeTruthy();
    expect(screen.queryByText(/Loading chunk|http:/)).toBeNull();
    fail = false;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    });
    expect(await screen.findByRole('button', { name: 'Skapa mallar' })).toBeTruthy();
  });

  test('the tabs are a tab list; the panel is labelled by its tab', async () => {
    const book = await templated();
    renderPane(servicesFor(book));
    await waitFor(() => expect(selectedTab()).toBe('Validera'));
    const list = screen.getByRole('tablist');
    for (const name of ['Mallar', 'Validera', 'Word', 'Året']) expect(within(list).getByRole('tab', { name })).toBeTruthy();
    expect(within(list).getAllByRole('tab')).toHaveLength(4);
    const panel = screen.getByRole('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).toBe(screen.getByRole('tab', { name: 'Validera' }).id);
    // the outline: h1 Planrapport, h2 the tab, h3 its results, no level skipped
    await screen.findByText(/^Validerat kl\./);
    const levels = screen.getAllByRole('heading').map((h) => Number(h.tagName.slice(1)));
    expect(levels.slice(0, 2)).toEqual([1, 2]);
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1));
  });
});
