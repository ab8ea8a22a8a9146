/**
 * Records (records.ts) as .xlsx workbooks, for the tests that need a real file: the CLI,
 * the package adapter, LibreOffice. Built by the same `fillWorkbook` as the unit tests'
 * in-memory workbooks (snapshot.ts), in an XlsxHost. `CLEAN_T2` validates with no findings.
 * exceljs only opens such a file to inject a fault the way another program would write it.
 */
import ExcelJS from 'exceljs';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';
import { fillWorkbook, type FillOptions, type WorkbookRecords } from './records';

export { BUDGET_000, CLEAN_T2, CLEAN_VP, type WorkbookRecords } from './records';

export async function buildFixture(records: WorkbookRecords, fill: FillOptions = {}): Promise<XlsxHost> {
  const host = XlsxHost.create();
  await fillWorkbook(host, records, fill);
  return host;
}

export async function fixtureBuffer(records: WorkbookRecords): Promise<Buffer> {
  return (await buildFixture(records)).toBuffer();
}

export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

/** Sets "Sheet!A1" to a value (null clears it, a Date is a date, {error} an error value). */
export function set(wb: ExcelJS.Workbook, ref: string, value: ExcelJS.CellValue): void {
  const [sheet, address] = ref.split('!') as [string, string];
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`fixture: no sheet ${sheet}`);
  ws.getCell(address).value = value;
}
