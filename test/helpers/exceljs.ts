/** exceljs in tests: to inspect what the .xlsx adapter wrote, and to build inputs for it. */
import ExcelJS from 'exceljs';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';

/** The host's package as an exceljs workbook (a copy: changes do not reach the host). */
export async function toExcelJS(host: XlsxHost): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await host.toBuffer()) as unknown as ArrayBuffer);
  return wb;
}

export async function fromExcelJS(wb: ExcelJS.Workbook): Promise<XlsxHost> {
  return XlsxHost.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
}
