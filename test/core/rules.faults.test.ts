/**
 * Table-driven fault injection: one fault per rule (test/helpers/faults.ts), injected with
 * exceljs into a copy of a clean .xlsx workbook, gives exactly that finding through the CLI —
 * at the right sheet and cell, with its rule id — and `validate` exits 1 for an error (0 for
 * a warning). The same table runs on in-memory snapshots in test/unit/rules/faults.test.ts.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { RULES, RULE_IDS } from '../../src/core/findings/catalog';
import type { Finding } from '../../src/core/findings/finding';
import { fixtureBuffer, loadWorkbook, set } from '../helpers/fixtures';
import { CONTROL_CHARACTER, FAULTS, FAULT_BASES, type FaultCase } from '../helpers/faults';

const CONTROL_MARK = 'KONTROLLTECKEN';

/** Writes the workbook as Excel would store a control character: _x0007_ in the XML. */
async function writeWithControlCharacters(wb: ExcelJS.Workbook, file: string) {
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
    const xml = await zip.file(name)!.async('string');
    if (xml.includes(CONTROL_MARK)) zip.file(name, xml.split(CONTROL_MARK).join('_x0007_'));
  }
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
}

/** The fault as another program writes it: exceljs edits the file (it drops control characters, so a mark stands in for them). */
function inject(wb: ExcelJS.Workbook, c: FaultCase) {
  if (c.removeSheet) wb.removeWorksheet(wb.getWorksheet(c.removeSheet)!.id);
  if (c.merge) {
    const [sheet, range] = c.merge.split('!') as [string, string];
    wb.getWorksheet(sheet)!.mergeCells(range);
  }
  for (const [ref, value] of Object.entries(c.cells ?? {})) {
    set(wb, ref, typeof value === 'string' ? value.split(CONTROL_CHARACTER).join(CONTROL_MARK) : (value as ExcelJS.CellValue));
  }
}

async function validateFile(file: string): Promise<{ code: number; findings: Finding[]; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['validate', file, '--json'], { log: (t) => (stdout += t), error: (t) => (stderr += t) });
  return { code, findings: stdout ? (JSON.parse(stdout) as Finding[]) : [], stderr };
}

describe('one fault per rule gives exactly that finding', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'planrapport-faults-'));
  const bases: Record<string, Buffer> = {};

  beforeAll(async () => {
    bases['T2'] = await fixtureBuffer(FAULT_BASES.T2);
    bases['VP'] = await fixtureBuffer(FAULT_BASES.VP);
  });

  test.each(['T2', 'VP'])('the clean %s workbook has no findings', async (base) => {
    const file = path.join(dir, `clean-${base}.xlsx`);
    writeFileSync(file, bases[base]!);
    const r = await validateFile(file);
    expect(r.findings).toEqual([]);
    expect(r.code).toBe(0);
  });

  test('every rule in the catalog has a case', () => {
    const covered = new Set(FAULTS.map((c) => c.rule));
    expect(RULE_IDS.filter((id) => !covered.has(id))).toEqual([]);
  });

  test.each(FAULTS.map((c) => [c.rule, c] as const))('%s', async (rule, c) => {
    const wb = await loadWorkbook(bases[c.base ?? 'T2']!);
    inject(wb, c);
    const file = path.join(dir, `${rule}.xlsx`);
    await writeWithControlCharacters(wb, file);
    const r = await validateFile(file);
    expect(r.findings.map((f) => ({ rule: f.rule, sheet: f.sheet, cell: f.cell }))).toEqual([{ rule, sheet: c.sheet, cell: c.cell }]);
    expect(r.findings[0]!.severity).toBe(RULES[rule].severity);
    expect(r.findings[0]!.message).toMatch(/[a-zåäö]/i);
    expect(r.code).toBe(RULES[rule].severity === 'error' ? 1 : 0);
  });
});
