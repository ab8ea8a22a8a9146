/**
 * Starting the task pane inside Excel: waits for office.js and hands out the Excel host.
 * Host detection lives here, apart from the UI.
 */
import { ExcelHost } from './excelHost';

export interface OfficeEnvironment {
  host: ExcelHost;
  /** "OfficeOnline", "PC", "Mac", "iOS", … as office.js reports it. */
  platform: string;
  /** false when the page is opened outside Excel (e.g. directly in a browser). */
  inExcel: boolean;
  /** Office's theme, when Office reports one (Office.context.officeTheme). */
  theme?: { isDarkTheme?: boolean; bodyBackgroundColor?: string };
}

/** Office.context.officeTheme, where the platform has it (Excel on Windows, Mac and the web; not everywhere). */
function officeTheme(): OfficeEnvironment['theme'] {
  try {
    const theme = Office.context?.officeTheme;
    if (!theme) return undefined;
    return {
      isDarkTheme: typeof theme.isDarkTheme === 'boolean' ? theme.isDarkTheme : undefined,
      bodyBackgroundColor: typeof theme.bodyBackgroundColor === 'string' ? theme.bodyBackgroundColor : undefined,
    };
  } catch {
    return undefined;
  }
}

export function whenOfficeReady(): Promise<OfficeEnvironment> {
  return new Promise((resolve) => {
    if (typeof Office === 'undefined') {
      resolve({ host: new ExcelHost(() => Promise.reject(new Error('Excel är inte tillgängligt.'))), platform: 'none', inExcel: false });
      return;
    }
    void Office.onReady((info) => {
      const inExcel = info.host === Office.HostType.Excel;
      resolve({
        host: new ExcelHost((batch) => Excel.run(batch)),
        platform: String(info.platform ?? 'unknown'),
        inExcel,
        theme: officeTheme(),
      });
    });
  });
}

/** Office's error codes in words a controller can act on (Swedish). */
export function describeExcelError(e: unknown): string {
  const code = (e as { code?: string } | undefined)?.code;
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return 'Excel redigerar en cell just nu. Tryck Enter eller Esc i cellen och försök igen.';
    case 'AccessDenied':
    case 'InsertDeleteConflict':
      return 'Excel tillåter inte ändringen. Kontrollera att arbetsboken och bladen inte är skyddade och försök igen.';
    case 'ItemAlreadyExists':
      return 'Ett blad med samma namn finns redan. Byt namn på det och försök igen.';
    case 'ItemNotFound':
      return 'Ett blad som Planrapport behöver saknas eller har bytt namn. Kör "Uppdatera mallar".';
    case 'GeneralException':
    case 'RichApi.Error':
      return 'Excel kunde inte utföra åtgärden. Spara arbetsboken och försök igen.';
    default:
      return e instanceof Error && e.message ? e.message : 'Ett okänt fel inträffade i Excel.';
  }
}
