/**
 * The simulator's office.js: what the task pane finds in place of Microsoft's office.js
 * (the simulator's server points taskpane.html's office.js address here). It defines
 * Office.onReady and Excel.run over the workbook of the page around the pane (the
 * simulator's grid), so that the production bundle and its office-js adapter run unchanged,
 * change events included (Worksheet.onChanged, WorksheetCollection.onAdded/onDeleted: the
 * fake raises them for cells typed in the grid and for the pane's own writes, as Excel does).
 * Opened on its own (no simulator around it), it works on an empty workbook of its own.
 */
import { FakeWorkbook } from './excel/fakeExcel';

interface SimulatorHost {
  book: FakeWorkbook;
}

declare global {
  interface Window {
    planrapportSimulator?: SimulatorHost;
  }
}

function host(): SimulatorHost {
  try {
    const outer = window.parent !== window ? window.parent.planrapportSimulator : undefined;
    if (outer) return outer;
  } catch {
    /* another origin: no simulator around us */
  }
  if (!window.planrapportSimulator) {
    const book = new FakeWorkbook();
    book.addSheet('Blad1');
    window.planrapportSimulator = { book };
  }
  return window.planrapportSimulator;
}

/** The requirement sets the simulator answers yes to: what the manifest declares (ExcelApi 1.8). */
const SUPPORTED: Record<string, number> = { ExcelApi: 1.8 };

const info = { host: 'Excel', platform: 'OfficeOnline' };
const office = {
  HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' },
  PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
  context: {
    host: info.host,
    platform: info.platform,
    diagnostics: { host: info.host, platform: info.platform, version: 'simulator' },
    displayLanguage: 'sv-SE',
    contentLanguage: 'sv-SE',
    /** Excel's default (light) theme, as Office.context.officeTheme reports it. */
    officeTheme: {
      isDarkTheme: false,
      bodyBackgroundColor: '#ffffff',
      bodyForegroundColor: '#000000',
      controlBackgroundColor: '#ffffff',
      controlForegroundColor: '#000000',
    },
    requirements: {
      isSetSupported: (name: string, version?: string | number) => {
        const has = SUPPORTED[name];
        return has !== undefined && Number(version ?? 1) <= has;
      },
    },
  },
  onReady(callback?: (i: typeof info) => void) {
    return Promise.resolve(info).then((i) => {
      callback?.(i);
      return i;
    });
  },
};

const excel = {
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => host().book.run(batch),
};

Object.assign(window, { Office: office, Excel: excel });
