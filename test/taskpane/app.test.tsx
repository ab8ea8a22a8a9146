import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { ServicesContext, createServices, type TaskpaneServices } from '../../src/taskpane/services';
import { ExcelHost } from '../../src/hosts/excel/excelHost';
import { describeExcelError } from '../../src/hosts/excel/boot';
import { FakeWorkbook } from '../../src/simulator/excel/fakeExcel';

function renderApp(services: TaskpaneServices) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ServicesContext.Provider value={services}>
        <App />
      </ServicesContext.Provider>
    </FluentProvider>,
  );
}

describe('task pane', () => {
  test('an empty workbook is offered the template; "Skapa mallar" creates it in one Excel.run and shows the document', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Blad1').type('A1', 'Mina egna siffror');
    renderApp(createServices(new ExcelHost(book.run), describeExcelError));

    expect(await screen.findByText(/har inga Planrapport-flikar/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('År'), { target: { value: '2019' } });
    fireEvent.change(screen.getByLabelText('Organisation'), { target: { value: 'Hägersten-Liljeholmens stadsdelsnämnd' } });
    book.runs = 0;
    book.syncs = 0;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Skapa mallar' }));
    });
    expect(await screen.findByText('Mallarna är skapade')).toBeTruthy();
    // the create action itself: one Excel.run; then the pane re-reads the document (one more run, one sync)
    await waitFor(() => expect(screen.getByText('Tertialrapport 1 för 2019')).toBeTruthy());
    expect(book.runs).toBe(2);
    expect(book.syncs).toBeLessThanOrEqual(3 + 1);
    expect(book.sheet('Indikatorer')).toBeDefined();
    expect(book.sheet('Blad1')!.peek('A1')?.value).toBe('Mina egna siffror');
    expect(screen.getByText('Hägersten-Liljeholmens stadsdelsnämnd')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Uppdatera mallar' })).toBeTruthy();
  });

  test('an Excel error is shown in Swedish, not as a stack trace', async () => {
    const book = new FakeWorkbook();
    const services = createServices(new ExcelHost(book.run), describeExcelError);
    services.createTemplate = () => Promise.reject(Object.assign(new Error('RichApi'), { code: 'InvalidOperationInCellEditMode' }));
    renderApp(services);
    await screen.findByRole('button', { name: 'Skapa mallar' });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Skapa mallar' }));
    });
    expect(await screen.findByText(/Excel redigerar en cell just nu/)).toBeTruthy();
  });

  test('a bad year is caught in the form', async () => {
    const book = new FakeWorkbook();
    renderApp(createServices(new ExcelHost(book.run), describeExcelError));
    await screen.findByRole('button', { name: 'Skapa mallar' });
    fireEvent.change(screen.getByLabelText('År'), { target: { value: '19' } });
    expect(screen.getByText('Skriv året med fyra siffror, t.ex. 2025.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Skapa mallar' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
