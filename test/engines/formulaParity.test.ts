/**
 * Formula parity: the demo's Driftbudget recalculated by LibreOffice gives, in every
 * formula cell, the value the core computes; and the core's values are the reference
 * document's numbers (tertialrapport 2 2019).
 */
import ExcelJS from 'exceljs';
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { buildExampleWorkbook } from '../../src/demo/buildWorkbook';
import { loadTranscription } from '../../src/demo/examples';
import { readWorkbook } from '../../src/usecases/readWorkbook';
import { DRIFTBUDGET } from '../../src/core/layout/layout';
import { BUDGET_AMOUNT_KEYS } from '../../src/core/model/plan';
import { parseSwedishNumber } from '../../src/core/values/swedish';
import { describeWithEngine } from '../helpers/engines';
import { recalculate } from '../helpers/libreoffice';

describeWithEngine('LibreOffice', 'soffice', () => {
  test('every Driftbudget formula cell: LibreOffice = core = the reference document', async () => {
    const transcription = loadTranscription('001-plan.json');
    const host = await buildExampleWorkbook(transcription);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'planrapport-parity-'));
    const file = path.join(dir, 'demo.xlsx');
    await host.save(file);
    const recalculated = recalculate(file, path.join(dir, 'lo'));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(recalculated);
    const ws = wb.getWorksheet(DRIFTBUDGET.name)!;
    const { plan } = await readWorkbook(host);

    const columnOf = new Map<string, number>();
    ws.getRow(1).eachCell((cell, c) => {
      const spec = DRIFTBUDGET.columns.find((col) => col.header === String(cell.value));
      if (spec) columnOf.set(spec.key, c);
    });
    let formulaCells = 0;
    for (const row of plan.budget) {
      for (const key of BUDGET_AMOUNT_KEYS) {
        const cell = ws.getCell(row.source.row, columnOf.get(key)!);
        if (!cell.formula) continue;
        formulaCells++;
        const lo = cell.result;
        expect(typeof lo).toBe('number');
        expect([row.label, key, lo as number]).toEqual([row.label, key, expect.closeTo(row.amounts[key]!, 9)]);
      }
    }
    // Verksamhet/Varav rows derive 2 cells, Summa 6, Slutsumma 1
    expect(formulaCells).toBe(16 * 2 + 6 + 1);

    // the core's amounts are the document's printed numbers
    const printed = transcription.expect.driftbudgetRows!;
    expect(plan.budget).toHaveLength(printed.length);
    plan.budget.forEach((row, i) => {
      const cells = printed[i]!;
      expect(row.label).toBe(cells[0]);
      BUDGET_AMOUNT_KEYS.forEach((key, j) => {
        const text = cells[j + 1]!;
        if (text === '') return expect([row.label, key, row.amounts[key]]).toEqual([row.label, key, undefined]);
        expect([row.label, key, row.amounts[key]]).toEqual([row.label, key, expect.closeTo(parseSwedishNumber(text)!.value, 9)]);
      });
    });
  });
});
