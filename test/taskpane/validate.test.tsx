import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { ServicesContext, createServices } from '../../src/taskpane/services';
import { ExcelHost } from '../../src/hosts/excel/excelHost';
import { describeExcelError } from '../../src/hosts/excel/boot';
import { FakeWorkbook } from '../../src/simulator/excel/fakeExcel';
import { GOAL_TREE, fillWorkbook, indicatorRecord, type SheetRecord } from '../helpers/records';

async function workbook(indicators: SheetRecord[], rows = 0) {
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
  const options = { kind: 'tertialrapport', year: 2019, tertial: 2, organisation: 'Testnämnden' } as const;
  await fillWorkbook(host, { Mål: GOAL_TREE, Indikatorer: [...indicators, ...many] }, { options, retemplate: false });
  return book;
}

function renderApp(book: FakeWorkbook) {
  render(
    <FluentProvider theme={webLightTheme}>
      <ServicesContext.Provider value={createServices(new ExcelHost(book.run), describeExcelError)}>
        <App />
      </ServicesContext.Provider>
    </FluentProvider>,
  );
}

async function openValidera() {
  fireEvent.click(await screen.findByRole('tab', { name: 'Validera' }));
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Validera' }));
  });
}

describe('Validera panel', () => {
  test('findings grouped per sheet with counts; a click selects the cell; at most 2 syncs whatever the rows', async () => {
    const book = await workbook(
      [
        indicatorRecord({ 'Periodens utfall': 'sjutton' }),
        indicatorRecord({ Indikator: 'Antal platser', 'Utfall män/pojkar': 10, 'Utfall kvinnor/flickor': 8 }),
      ],
      500,
    );
    renderApp(book);
    book.syncs = 0;
    book.runs = 0;
    await openValidera();
    expect(await screen.findByText('Inte klar att lämna in')).toBeTruthy();
    expect(book.runs).toBe(1);
    expect(book.syncs).toBeLessThanOrEqual(2);

    const header = screen.getByRole('button', { name: /^Indikatorer/ });
    expect(within(header).getByLabelText('2 fel')).toBeTruthy();
    const item = screen.getByRole('button', { name: /Indikatorer!F2 \(Periodens utfall\): "sjutton" är inget tal/ });
    await act(async () => {
      fireEvent.click(item);
    });
    expect(book.selected).toEqual({ sheet: 'Indikatorer', address: 'F2' });
    expect(book.active).toBe('Indikatorer');
    expect(screen.getByText(/ska män \+ kvinnor vara totalen/)).toBeTruthy();
  });

  test('no errors: "Klar att lämna in"', async () => {
    const book = await workbook([indicatorRecord()]);
    renderApp(book);
    await openValidera();
    expect(await screen.findByText('Klar att lämna in')).toBeTruthy();
  });
});
