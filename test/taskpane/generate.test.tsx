import { act, fireEvent, screen } from '@testing-library/react';
import type { GeneratedDocument } from '../../src/taskpane/services';
import { DOCX_MIME, REVOKE_AFTER_MS, downloadFile } from '../../src/taskpane/generate/download';
import { ExcelHost } from '../../src/hosts/excel/excelHost';
import { applyTemplate } from '../../src/usecases/template';
import type { TemplateOptions } from '../../src/core/workbook/template';
import { generateReport, type GenerateStep } from '../../src/usecases/generate';
import { FakeWorkbook } from '../../src/simulator/excel/fakeExcel';
import { GOAL_TREE, fillWorkbook, indicatorRecord } from '../helpers/records';
import { announced, danglingAriaReferences, renderPane as render, servicesFor } from '../helpers/pane';

const TERTIAL: TemplateOptions = { kind: 'tertialrapport', year: 2019, tertial: 2, organisation: 'Testnämnden' };

async function workbook(options: TemplateOptions = TERTIAL, withData = true) {
  const book = new FakeWorkbook();
  const host = new ExcelHost(book.run);
  if (withData) await fillWorkbook(host, { Mål: GOAL_TREE, Indikatorer: [indicatorRecord()] }, { options, retemplate: false });
  else await applyTemplate(host, options);
  return book;
}

function renderApp(services: ReturnType<typeof servicesFor>, platform?: string) {
  return render(services, { platform });
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
  await screen.findByRole('button', { name: /^Generera/ });
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
    const plan = renderApp(servicesFor(await workbook({ kind: 'verksamhetsplan', year: 2020 }, false)));
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

describe('Word panel: states that survive, refusals, retry', () => {
  /** generate() whose steps go on when the test says so. */
  function gated(services: ReturnType<typeof servicesFor>, doc: GeneratedDocument) {
    const gates: Partial<Record<GenerateStep, () => void>> = {};
    const reached: GenerateStep[] = [];
    const generate = jest.fn(async (onStep?: (step: GenerateStep) => void) => {
      for (const step of ['read', 'build', 'write'] as const) {
        onStep?.(step);
        reached.push(step);
        await new Promise<void>((resolve) => (gates[step] = resolve));
      }
      return doc;
    });
    services.generate = generate;
    return { generate, reached, open: async (step: GenerateStep) => act(async () => gates[step]!()) };
  }
  const DOC: GeneratedDocument = { bytes: new Uint8Array([0x50, 0x4b, 3, 4]), fileName: 'Tertialrapport 2 för 2019.docx', title: 'T', errors: 0, warnings: 0 };

  test('switching tabs during generation: the progress is there on return, the file is handed over and announced on another tab, once', async () => {
    const downloads = captureDownloads();
    const services = servicesFor(await workbook());
    const { generate, open } = gated(services, DOC);
    renderApp(services);
    await openWord();
    const button = screen.getByRole('button', { name: 'Generera tertialrapport' }) as HTMLButtonElement;
    await act(async () => {
      fireEvent.click(button);
    });
    fireEvent.click(button); // a second click while it runs: refused
    fireEvent.click(screen.getByRole('tab', { name: 'Mallar' }));
    await open('read');
    fireEvent.click(screen.getByRole('tab', { name: 'Word' }));
    expect(screen.getByText('Bygger dokumentet …')).toBeTruthy();
    expect(screen.getByRole('progressbar')).toBeTruthy();
    expect(button.disabled).toBe(true);
    fireEvent.click(screen.getByRole('tab', { name: 'Validera' }));
    await open('build');
    await open('write');
    expect(downloads.names).toEqual(['Tertialrapport 2 för 2019.docx']);
    expect(announced().polite).toBe('Word-dokumentet är klart: Tertialrapport 2 för 2019.docx. Inga fel.');
    fireEvent.click(screen.getByRole('tab', { name: 'Word' }));
    expect(screen.getByText('Word-dokumentet är klart: Tertialrapport 2 för 2019.docx')).toBeTruthy();
    expect(generate).toHaveBeenCalledTimes(1);
    expect(danglingAriaReferences()).toEqual([]);
  });

  test('the report code cannot be fetched ("Loading chunk 46 failed"): Swedish, with "Försök igen", which fetches it again', async () => {
    const downloads = captureDownloads();
    const book = await workbook();
    let attempts = 0;
    let fail = true;
    const services = servicesFor(book, {
      generate: async () => {
        attempts++;
        if (fail) throw Object.assign(new Error('Loading chunk 46 failed.\n(error: http://127.0.0.1:3000/46.js)'), { name: 'ChunkLoadError' });
        return { generateReport };
      },
    });
    renderApp(services);
    await openWord();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Generera tertialrapport' }));
    });
    expect(await screen.findByText('Word-dokumentet kunde inte skapas')).toBeTruthy();
    expect(screen.getByText(/Planrapport kunde inte hämta en del av programmet\. Kontrollera nätverksanslutningen och välj Försök igen\./)).toBeTruthy();
    expect(screen.queryByText(/Loading chunk|http:/)).toBeNull();
    expect(announced().assertive).toMatch(/kunde inte hämta en del av programmet/);
    const failed = attempts;
    fail = false;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Försök igen' }));
    });
    expect(await screen.findByText('Word-dokumentet är klart: Tertialrapport 2 för 2019.docx')).toBeTruthy();
    expect(attempts).toBe(failed + 1);
    expect(downloads.names).toEqual(['Tertialrapport 2 för 2019.docx']);
  });

  test('the result says when the workbook has changed since it was made', async () => {
    captureDownloads();
    const book = await workbook();
    const services = servicesFor(book);
    services.generate = async () => DOC;
    renderApp(services);
    await openWord();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Generera tertialrapport' }));
    });
    expect(await screen.findByText(/^Skapat kl\./)).toBeTruthy();
    await act(async () => {
      await new Promise((r) => setTimeout(r, 20));
      book.edit('Mål', 'D2', 'Ny måltext');
      await new Promise((r) => setTimeout(r, 5));
    });
    expect(screen.getByText(/Arbetsboken har ändrats sedan dess – generera igen/)).toBeTruthy();
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
