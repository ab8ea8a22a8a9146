import ExcelJS from 'exceljs';
import { XlsxHost } from '../../src/hosts/xlsx/xlsxHost';
import { applyTemplate } from '../../src/usecases/template';
import { toExcelJS } from '../helpers/exceljs';

const options = { kind: 'tertialrapport' as const, year: 2019, tertial: 2 as const };

async function reopen(host: XlsxHost): Promise<XlsxHost> {
  return XlsxHost.fromBuffer(await host.toBuffer());
}

function counts(wb: ExcelJS.Workbook) {
  let cf = 0;
  let dv = 0;
  wb.eachSheet((ws) => {
    cf += (ws as unknown as { conditionalFormattings: { rules: unknown[] }[] }).conditionalFormattings.reduce((n, b) => n + b.rules.length, 0);
    dv += Object.keys((ws as unknown as { dataValidations: { model: object } }).dataValidations.model).length;
  });
  return { cf, dv };
}

describe('.xlsx adapter', () => {
  test('re-applying the template through save and load does not pile up rules', async () => {
    let host = XlsxHost.create();
    await applyTemplate(host, options);
    host = await reopen(host);
    const first = counts(await toExcelJS(host));
    expect(first.cf).toBeGreaterThan(5);
    for (let i = 0; i < 3; i++) {
      await applyTemplate(host, options);
      host = await reopen(host);
    }
    expect(counts(await toExcelJS(host))).toEqual(first);
  });

  test('a cached 0 of a formula is read as 0, not as empty', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('A1').value = { formula: '1-1', result: 0 } as ExcelJS.CellFormulaValue;
    const host = await XlsxHost.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
    const snap = await host.read(['S']);
    expect(snap.sheets['S']!.values[0]![0]).toBe(0);
    expect(snap.sheets['S']!.formulas[0]![0]).toBe('=1-1');
  });
});
