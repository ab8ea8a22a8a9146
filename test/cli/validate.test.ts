/** `planrapport validate` as a user runs it: Swedish report, exit codes, and it never writes. */
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { planrapport, STACK_TRACE } from '../helpers/cli';
import { CLEAN_T2, buildFixture, loadWorkbook, set } from '../helpers/fixtures';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('planrapport validate', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'planrapport-validate-'));
  const clean = path.join(dir, 'ren.xlsx');
  const broken = path.join(dir, 'fel.xlsx');

  beforeAll(async () => {
    const host = await buildFixture(CLEAN_T2);
    await host.save(clean);
    const wb = await loadWorkbook(readFileSync(clean));
    set(wb, 'Indikatorer!F3', 'tjugofem');
    set(wb, 'Aktiviteter!D2', new Date(Date.UTC(2019, 5, 30)));
    await wb.xlsx.writeFile(broken);
  });

  test('a clean workbook: exit 0, "klar att lämna in"', () => {
    const r = planrapport('validate', clean);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Inga fel eller varningar – klar att lämna in.');
  });

  test('errors: exit 1, findings grouped per sheet with cell and rule', () => {
    const r = planrapport('validate', broken);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('1 fel, 1 varning – rätta felen innan du lämnar in.');
    expect(r.stdout).toMatch(/Indikatorer \(1\)\n {2}FEL +F3 +Indikatorer!F3 \(Periodens utfall\): "tjugofem" är inget tal\..*\[indicator\.text-in-number\]/);
    expect(r.stdout).toMatch(/Aktiviteter \(1\)\n {2}VARNING E2 .*\[activity\.overdue\]/);
    expect(r.stderr).toBe('');
  });

  test('--json prints one array of findings', () => {
    const r = planrapport('validate', broken, '--json');
    expect(r.status).toBe(1);
    const findings = JSON.parse(r.stdout);
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'error', sheet: 'Indikatorer', cell: 'F3', rule: 'indicator.text-in-number' }),
      expect.objectContaining({ severity: 'warning', sheet: 'Aktiviteter', cell: 'E2', rule: 'activity.overdue' }),
    ]);
  });

  test('never writes to the workbook: byte-identical afterwards', () => {
    for (const file of [clean, broken]) {
      const before = sha(file);
      const mtime = statSync(file).mtimeMs;
      planrapport('validate', file);
      planrapport('validate', file, '--json');
      expect(sha(file)).toBe(before);
      expect(statSync(file).mtimeMs).toBe(mtime);
    }
  });

  test('not a Planrapport workbook: exit 2 with a Swedish message', async () => {
    const foreign = path.join(dir, 'annat.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Blad1').getCell('A1').value = 'Budget';
    await wb.xlsx.writeFile(foreign);
    const r = planrapport('validate', foreign);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/ingen Planrapport-arbetsbok/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  test('a missing file: exit 2', () => {
    const r = planrapport('validate', path.join(dir, 'finns-inte.xlsx'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/finns inte/);
  });
});
