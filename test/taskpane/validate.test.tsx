import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ExcelHost } from '../../src/hosts/excel/excelHost';
import { applyTemplate } from '../../src/usecases/template';
import { FakeWorkbook } from '../../src/simulator/excel/fakeExcel';
import { GOAL_TREE, fillWorkbook, indicatorRecord, type SheetRecord } from '../helpers/records';
import { announced, danglingAriaReferences, renderPane, servicesFor } from '../helpers/pane';
import type { ValidationOutcome } from '../../src/taskpane/services';
import type { StoreOptions } from '../../src/taskpane/state/store';

const OPTIONS = { kind: 'tertialrapport', year: 2019, tertial: 2, organisation: 'Testnämnden' } as const;
const TEXTS: SheetRecord[] = [{ Avsnitt: 'Sammanfattande analys', Text: 'Året har gått bra.' }];

async function workbook(indicators: SheetRecord[], { rows = 0, texts = TEXTS }: { rows?: number; texts?: SheetRecord[] } = {}) {
  const book = new FakeWorkbook();
  const host = new ExcelHost(book.run);
  const many = Array.from({ length: rows }, (_, i) => ({
    'Mål-id': 'N1',
    Indikator: `Extra ${i}`,
    Enhet: 'st',
    Riktning: 'Högre är bättre',
    Periodicitet: 'År',
    Årsmål: 5,
    Period: '2019',
  }));
  await fillWorkbook(host, { Texter: texts, Mål: GOAL_TREE, Indikatorer: [...indicators, ...many] }, { options: OPTIONS, retemplate: false });
  return book;
}

/** The pane opens a Planrapport workbook on Validera and validates: waits for the result. */
async function opened(book: FakeWorkbook, services = servicesFor(book), storeOptions?: Partial<StoreOptions>) {
  renderPane(services, { storeOptions });
  await screen.findByText(/^Validerat kl\./);
  return services;
}

const status = () => screen.getAllByRole('heading', { level: 3 }).find((h) => /att lämna in$/.test(h.textContent ?? ''))?.textContent;

describe('Validera panel', () => {
  test('findings grouped per sheet, the message once (no location, no rule id), a click selects the cell; one run, ≤ 2 syncs however many rows', async () => {
    const book = await workbook(
      [
        indicatorRecord({ 'Periodens utfall': 'sjutton' }),
        indicatorRecord({ Indikator: 'Antal platser', 'Utfall män/pojkar': 10, 'Utfall kvinnor/flickor': 8 }),
      ],
      { rows: 500 },
    );
    await opened(book);
    expect(status()).toBe('Inte klar att lämna in');
    book.syncs = 0;
    book.runs = 0;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Validera' }));
    });
    await screen.findByText(/^Validerat kl\./);
    expect(book.runs).toBe(1);
    expect(book.syncs).toBeLessThanOrEqual(2);

    const group = screen.getByRole('region', { name: 'Indikatorer' });
    const toggle = within(group).getByRole('button', { name: /^Indikatorer/ });
    expect(toggle.textContent).toMatch(/2 fel/);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const item = within(group).getByRole('button', { name: /^Fel: F2 Periodens utfall: ”sjutton” är inget tal/ });
    expect(item.textContent).not.toMatch(/Indikatorer!F2|indicator\./);
    expect(item.getAttribute('title')).toMatch(/regel indicator\.text-in-number/);
    await act(async () => {
      fireEvent.click(item);
    });
    expect(book.selected).toEqual({ sheet: 'Indikatorer', address: 'F2' });
    expect(book.active).toBe('Indikatorer');
    expect(within(group).getByText(/ska män \+ kvinnor vara totalen/)).toBeTruthy();
    // the rule ids on request
    const rules = screen.getByRole('button', { name: 'Regel-id' });
    expect(rules.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(rules);
    expect(rules.getAttribute('aria-pressed')).toBe('true');
    expect(within(item).getByText('Regel: indicator.text-in-number')).toBeTruthy();
    // a group closes and opens
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(group).queryByRole('list')).toBeNull();
    expect(danglingAriaReferences()).toEqual([]);
  });

  test('a finding without a cell selects its sheet, never A1', async () => {
    const book = await workbook([indicatorRecord()], { texts: [] });
    await opened(book);
    const group = screen.getByRole('region', { name: 'Texter' });
    const item = within(group).getAllByRole('button', { name: /^Varning: Avsnittet ”/ })[0]!;
    await act(async () => {
      fireEvent.click(item);
    });
    expect(book.active).toBe('Texter');
    expect(book.selected).toBeUndefined();
  });

  test('filter: errors or warnings only', async () => {
    const book = await workbook([indicatorRecord({ 'Periodens utfall': 'sjutton' })], { texts: [] });
    await opened(book);
    const filter = screen.getByRole('group', { name: 'Visa' });
    const all = within(filter).getByRole('button', { name: /^Alla \(\d+\)$/ });
    expect(all.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(within(filter).getByRole('button', { name: /^Fel \(\d+\)$/ }));
    expect(screen.queryAllByRole('button', { name: /^Varning:/ })).toHaveLength(0);
    expect(screen.getAllByRole('button', { name: /^Fel:/ }).length).toBeGreaterThan(0);
    fireEvent.click(within(filter).getByRole('button', { name: /^Varningar \(\d+\)$/ }));
    expect(screen.queryAllByRole('button', { name: /^Fel:/ })).toHaveLength(0);
    expect(screen.getAllByRole('button', { name: /^Varning:/ }).length).toBeGreaterThan(0);
  });

  test('a fresh template has no errors but is not "Klar att lämna in": it says what the document lacks, and where', async () => {
    const book = new FakeWorkbook();
    await applyTemplate(new ExcelHost(book.run), OPTIONS);
    await opened(book);
    expect(status()).toBe('Inte klar att lämna in');
    expect(screen.queryByText('Klar att lämna in')).toBeNull();
    expect(screen.getByText(/^Inga fel, \d+ varning(ar)?\.$/)).toBeTruthy();
    const goals = screen.getByRole('button', { name: 'Inga mål ännu. Skriv målen i fliken Mål.' });
    expect(screen.getByRole('button', { name: /^Inga texter ännu/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Inga indikatorer ännu/ })).toBeTruthy();
    await act(async () => {
      fireEvent.click(goals);
    });
    expect(book.active).toBe('Mål');
    expect(book.selected).toBeUndefined();
    expect(announced().polite).toMatch(/^Validering klar\. Inte klar att lämna in: Inga fel, \d+ varning(ar)?\. Dokumentet saknar innehåll: Inga texter ännu/);
  });

  test('no errors and what the kind requires: "Klar att lämna in"', async () => {
    const book = await workbook([indicatorRecord()]);
    await opened(book);
    expect(status()).toBe('Klar att lämna in');
  });

  test('the result goes stale when the workbook changes (Excel’s change event) and is validated again after a quiet moment', async () => {
    const book = await workbook([indicatorRecord()]);
    // a quiet moment long enough to see the stale result on a busy machine
    const services = await opened(book, servicesFor(book), { revalidateDelay: 250 });
    expect(status()).toBe('Klar att lämna in');
    const validate = jest.spyOn(services, 'validate');
    // let the pane register its change handlers
    await waitFor(() => expect(book.handlers.changed.size).toBeGreaterThan(0));
    await act(async () => {
      book.edit('Indikatorer', 'F2', 'sjutton');
      await new Promise((r) => setTimeout(r, 5));
    });
    expect(screen.getByText(/Arbetsboken har ändrats sedan dess/)).toBeTruthy();
    await waitFor(() => expect(status()).toBe('Inte klar att lämna in'));
    expect(validate).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(/Arbetsboken har ändrats sedan dess/)).toBeNull();
    expect(announced().polite).toMatch(/Inte klar att lämna in: 1 fel/);
  });

  test('Validera cannot run twice at once; the result stays when another tab is opened and back', async () => {
    const book = await workbook([indicatorRecord()]);
    const services = await opened(book);
    let release: (o: ValidationOutcome) => void = () => undefined;
    const real = services.validate;
    const validate = jest.fn(async () => {
      const outcome = await real();
      return new Promise<ValidationOutcome>((resolve) => (release = () => resolve(outcome)));
    });
    services.validate = validate;
    const button = screen.getByRole('button', { name: 'Validera' }) as HTMLButtonElement;
    await act(async () => {
      fireEvent.click(button);
    });
    expect(button.disabled).toBe(true);
    fireEvent.click(button);
    fireEvent.click(screen.getByRole('tab', { name: 'Word' }));
    fireEvent.click(screen.getByRole('tab', { name: 'Validera' }));
    expect(validate).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Validerar …')).toBeTruthy();
    await act(async () => release({} as ValidationOutcome));
    expect(await screen.findByText(/^Validerat kl\./)).toBeTruthy();
    expect(status()).toBe('Klar att lämna in');
    fireEvent.click(screen.getByRole('tab', { name: 'Mallar' }));
    fireEvent.click(screen.getByRole('tab', { name: 'Validera' }));
    expect(status()).toBe('Klar att lämna in');
  });
});
