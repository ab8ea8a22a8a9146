import { act, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { ServicesContext, createServices, type GeneratedDocument, type TaskpaneServices } from '../../src/taskpane/services';
import { DOCX_MIME, REVOKE_AFTER_MS, downloadFile } from '../../src/taskpane/generate/download';
import { ExcelHost } from '../../src/hosts/excel/excelHost';
import { describeExcelError } from '../../src/hosts/excel/boot';
import { applyTemplate } from '../../src/usecases/template';
import type { TemplateOptions } from '../../src/core/workbook/template';
import { generateReport, type GenerateStep } from '../../src/usecases/generate';
import { FakeWorkbook } from '../../src/simulator/excel/fakeExcel';
import { GOAL_TREE, fillWorkbook, indicatorRecord } from '../helpers/records';

const TERTIAL: TemplateOptions = { kind: 'tertialrapport', year: 2019, tertial: 2, organisation: 'Testnämnden' };

async function workbook(options: TemplateOptions = TERTIAL, withData = true) {
  const book = new FakeWorkbook();
  const host = new ExcelHost(book.run);
  if (withData) await fillWorkbook(host, { Mål: GOAL_TREE, Indikatorer: [indicatorRecord()] }, { options, retemplate: false });
  else await applyTemplate(host, options);
  return book;
}

/**
 * The task pane's real services over the fake Excel. In the browser the report code is a
 * lazy chunk (dynamic import(), which jest's CommonJS cannot run); here it is loaded through
 * a static import. The browser test runs the lazy path.
 */
function servicesFor(book: FakeWorkbook) {
  return createServices(new ExcelHost(book.run), describeExcelError, { loadGenerate: async () => ({ generateReport }) });
}

function renderApp(services: TaskpaneServices, platform?: string) {
  render(
    <FluentProvider theme={webLightTheme}>
      <ServicesContext.Provider value={services}>
        <App platform={platform} />
      </ServicesContext.Provider>
    </FluentProvider>,
  );
}

/** Everything the fake workbook holds, to prove that generating writes nothing. */
function snapshot(book: FakeWorkbook): string {
  return JSON.stringify(
    book.sheets.map((s) => ({
      name: s.name,
      cells: [...s.cells].filter(([, c]) => Object.keys(c).length > 0),
      validations: [...s.validations],
      conditionalFormats: s.conditionalFormats,
      columnWidths: [...s.columnWidths],
      frozenRows: s.frozenRows,
      visibility: s.visibility,
      bold: [...s.bold],
    })),
  );
}

function readBlob(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

interface Downloads {
  blobs: Blob[];
  names: string[];
  revoked: string[];
}

/** jsdom has no object URLs and cannot navigate: stub both and record what would be saved. */
function captureDownloads(): Downloads {
  const captured: Downloads = { blobs: [], names: [], revoked: [] };
  Object.defineProperty(URL, 'createObjectURL', {
    configurable: true,
    writable: true,
    value: jest.fn((blob: Blob) => {
      captured.blobs.push(blob);
      return `blob:planrapport/${captured.blobs.length}`;
    }),
  });
  Object.defineProperty(URL, 'revokeObjectURL', {
    configurable: true,
    writable: true,
    value: jest.fn((url: string) => captured.revoked.push(url)),
  });
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    expect(this.isConnected).toBe(true);
    expect(this.href).toBe(`blob:planrapport/${captured.blobs.length}`);
    captured.names.push(this.download);
  });
  return captured;
}

async function openWord() {
  fireEvent.click(await screen.findByRole('tab', { name: 'Word' }));
}

afterEach(() => {
  jest.restoreAllMocks();
});

describe('Word panel', () => {
  test('the button is named for the document kind', async () => {
    renderApp(servicesFor(await workbook()));
    await openWord();
    expect(screen.getByRole('button', { name: 'Generera tertialrapport' })).toBeTruthy();
  });

  test('verksamhetsplan and verksamhetsberättelse', async () => {
    const plan = render(
      <FluentProvider theme={webLightTheme}>
        <ServicesContext.Provider value={servicesFor(await workbook({ kind: 'verksamhetsplan', year: 2020 }, false))}>
          <App />
        </ServicesContext.Provider>
      </FluentProvider>,
    );
    await openWord();
    expect(screen.getByRole('button', { name: 'Generera verksamhetsplan' })).toBeTruthy();
    plan.unmount();

    renderApp(servicesFor(await workbook({ kind: 'verksamhetsberattelse', year: 2020 }, false)));
    await openWord();
    expect(screen.getByRole('button', { name: 'Generera verksamhetsberättelse' })).toBeTruthy();
  });

  test('the Word tab is disabled until the workbook has the template', async () => {
    renderApp(servicesFor(new FakeWorkbook()));
    const tab = await screen.findByRole('tab', { name: 'Word' });
    expect(tab.getAttribute('aria-disabled') === 'true' || (tab as HTMLButtonElement).disabled).toBe(true);
  });

  test('a click builds the .docx in one Excel.run with one sync, downloads it, writes nothing and reports the summary', async () => {
    const book = await workbook();
    const downloads = captureDownloads();
    renderApp(servicesFor(book));
    await openWord();
    const before = snapshot(book);
    book.runs = 0;
    book.syncs = 0;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Generera tertialrapport' }));
    });
    expect(await screen.findByText('Word-dokumentet är klart: Tertialrapport 2 för 2019.docx')).toBeTruthy();
    expect(book.runs).toBe(1);
    expect(book.syncs).toBeLessThanOrEqual(1);
    expect(snapshot(book)).toBe(before);

    expect(downloads.names).toEqual(['Tertialrapport 2 för 2019.docx']);
    expect(downloads.blobs).toHaveLength(1);
    expect(downloads.blobs[0]!.type).toBe(DOCX_MIME);
    const bytes = await readBlob(downloads.blobs[0]!);
    expect(bytes.length).toBeGreaterThan(2000);
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
    expect(
      screen.getByText(/^(Inga fel\.|\d+ fel och \d+ varningar? – se fliken Validera\.|Inga fel men \d+ varningar? – se fliken Validera\.)$/),
    ).toBeTruthy();
    expect(document.querySelector('a[download]')).toBeNull(); // the temporary link is gone

    // "Ladda ner igen" saves the same bytes again, without reading the workbook
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Ladda ner igen' }));
    });
    expect(book.runs).toBe(1);
    expect(downloads.names).toEqual(['Tertialrapport 2 för 2019.docx', 'Tertialrapport 2 för 2019.docx']);
    expect(await readBlob(downloads.blobs[1]!)).toEqual(bytes);
  });

  test('the progress steps are shown in Swedish while the button is disabled', async () => {
    const book = await workbook();
    const downloads = captureDownloads();
    const services = servicesFor(book);
    const gates: Record<GenerateStep, () => void> = { read: () => undefined, build: () => undefined, write: () => undefined };
    const waitFor_ = (step: GenerateStep) => new Promise<void>((resolve) => (gates[step] = resolve));
    const doc: GeneratedDocument = {
      bytes: new Uint8Array([0x50, 0x4b, 3, 4]),
      fileName: 'Tertialrapport 2 för 2019.docx',
      title: 'Tertialrapport 2 för 2019',
      errors: 2,
      warnings: 1,
    };
    services.generate = async (onStep) => {
      for (const step of ['read', 'build', 'write'] as const) {
        onStep?.(step);
        await waitFor_(step);
      }
      return doc;
    };
    renderApp(services);
    await openWord();
    const button = screen.getByRole('button', { name: 'Generera tertialrapport' }) as HTMLButtonElement;
    fireEvent.click(button);
    for (const [step, label] of [
      ['read', 'Läser arbetsboken …'],
      ['build', 'Bygger dokumentet …'],
      ['write', 'Skriver Word-filen …'],
    ] as const) {
      expect(await screen.findByText(label)).toBeTruthy();
      expect(screen.getByRole('progressbar')).toBeTruthy();
      expect(button.disabled).toBe(true);
      await act(async () => gates[step]());
    }
    expect(await screen.findByText('Word-dokumentet är klart: Tertialrapport 2 för 2019.docx')).toBeTruthy();
    expect(screen.getByText('2 fel och 1 varning – se fliken Validera.')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(button.disabled).toBe(false);
    expect(downloads.names).toEqual(['Tertialrapport 2 för 2019.docx']);
  });

  test('a clean document says "Inga fel."', async () => {
    const services = servicesFor(await workbook());
    captureDownloads();
    services.generate = async () => ({ bytes: new Uint8Array([0x50, 0x4b]), fileName: 'X.docx', title: 'X', errors: 0, warnings: 0 });
    renderApp(services);
    await openWord();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Generera tertialrapport' }));
    });
    expect(await screen.findByText('Inga fel.')).toBeTruthy();
  });

  test('Excel för Mac: no download, the pane says what to do instead', async () => {
    const book = await workbook();
    const downloads = captureDownloads();
    const services = servicesFor(book);
    const generate = jest.spyOn(services, 'generate');
    renderApp(services, 'Mac');
    await openWord();
    expect(screen.getByText(/I Excel för Mac kan tillägget inte spara filer\. Öppna arbetsboken i Excel på webben eller i Windows/)).toBeTruthy();
    expect(screen.getByText('planrapport generate arbetsbok.xlsx --out rapport.docx')).toBeTruthy();
    const button = screen.getByRole('button', { name: 'Generera tertialrapport' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.click(button);
    await act(async () => undefined);
    expect(generate).not.toHaveBeenCalled();
    expect(downloads.blobs).toHaveLength(0);
    expect(downloads.names).toHaveLength(0);
  });

  test('an error from generate is shown in Swedish, without a stack trace', async () => {
    const services = servicesFor(await workbook());
    const downloads = captureDownloads();
    services.generate = () => Promise.reject(Object.assign(new Error('RichApi.Error at Excel.run (excel-web-16.00.js:25:1)'), { code: 'GeneralException' }));
    renderApp(services);
    await openWord();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Generera tertialrapport' }));
    });
    expect(await screen.findByText('Excel kunde inte utföra åtgärden. Spara arbetsboken och försök igen.')).toBeTruthy();
    expect(screen.queryByText(/excel-web|RichApi|at Excel\.run/)).toBeNull();
    expect(downloads.names).toHaveLength(0);
    expect((screen.getByRole('button', { name: 'Generera tertialrapport' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('downloadFile', () => {
  test('a temporary link with the file name; the object URL is revoked later', () => {
    jest.useFakeTimers();
    try {
      const downloads = captureDownloads();
      downloadFile(new Uint8Array([0x50, 0x4b]), 'Verksamhetsplan 2020.docx');
      expect(downloads.names).toEqual(['Verksamhetsplan 2020.docx']);
      expect(downloads.blobs[0]!.type).toBe(DOCX_MIME);
      expect(document.querySelector('a')).toBeNull();
      expect(downloads.revoked).toEqual([]);
      jest.advanceTimersByTime(REVOKE_AFTER_MS);
      expect(downloads.revoked).toEqual(['blob:planrapport/1']);
    } finally {
      jest.useRealTimers();
    }
  });
});
