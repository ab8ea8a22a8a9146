/** `planrapport generate` as a user runs it. */
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { planrapport, STACK_TRACE } from '../helpers/cli';
import { CLEAN_T2, CLEAN_VP, buildFixture, loadWorkbook, set } from '../helpers/fixtures';
import { plain, readDocx } from '../helpers/docx';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('planrapport generate', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'planrapport-generate-'));
  const clean = path.join(dir, 'ren.xlsx');
  const draft = path.join(dir, 'utkast.xlsx');
  const plan = path.join(dir, 'plan.xlsx');

  beforeAll(async () => {
    await (await buildFixture(CLEAN_T2)).save(clean);
    await (await buildFixture(CLEAN_VP)).save(plan);
    const wb = await loadWorkbook(readFileSync(clean));
    set(wb, 'Indikatorer!F3', 'tjugofem');
    await wb.xlsx.writeFile(draft);
  });

  test('writes the report and says so; the workbook is byte-identical afterwards', () => {
    const before = sha(clean);
    const mtime = statSync(clean).mtimeMs;
    const out = path.join(dir, 'ut', 'rapport.docx');
    const r = planrapport('generate', clean, '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Skrev ${out} (Tertialrapport 2 för 2019).`);
    expect(r.stdout).toContain('Validering: Inga fel eller varningar – klar att lämna in.');
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(sha(clean)).toBe(before);
    expect(statSync(clean).mtimeMs).toBe(mtime);
  });

  test('works on drafts and prints the validation summary', () => {
    const out = path.join(dir, 'utkast.docx');
    const r = planrapport('generate', draft, '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1 fel, 0 varningar');
    expect(r.stdout).toContain(`planrapport validate ${draft}`);
    expect(existsSync(out)).toBe(true);
  });

  test('a verksamhetsplan gets its budget by kostnadsslag as in the reference (tkr)', async () => {
    const out = path.join(dir, 'plan.docx');
    expect(planrapport('generate', plan, '--out', out).status).toBe(0);
    const doc = await readDocx(readFileSync(out));
    const table = doc.blocks.find((b) => b.kind === 'table' && plain(b.rows[0]?.cells[0] ?? '') === 'Beloppen anges i tkr');
    expect(table && table.kind === 'table' && table.rows.slice(1).map((r) => r.cells.map(plain))).toEqual([
      ['Intäkter', ''],
      ['Taxor och avgifter', '33 700'],
      ['Hysesintäkter', '500'],
      ['Bidrag', '0'],
      ['Försäljning', '0'],
      ['Övriga externa intäkter', '0'],
      ['Summa intäkter', '34 200'],
      ['Kostnader', ''],
      ['Personalkostnader', '21 600'],
      ['Övriga personalkostnader', '300'],
      ['Lokalkostnader', '2 700'],
      ['Entreprenader och köp av verksamhet', '573 600'],
      ['Övriga kostnader', '1 200'],
      ['Summa kostnader', '599 400'],
      ['Summa netto', '565 200'],
    ]);
    const texts = doc.blocks.filter((b) => b.kind === 'p').map((b) => plain((b as { text: string }).text));
    expect(texts).toEqual(expect.arrayContaining(['Budget 2020', 'Budgetår: 2020', 'Enhet: Testenheten', 'Enhetschef: Kerstin Malmpert']));
  });

  test.each([
    [
      'an unreadable file',
      async () => {
        const f = path.join(dir, 'trasig.xlsx');
        writeFileSync(f, 'inte en arbetsbok');
        return f;
      },
      /trasig\.xlsx är en textfil \(t\.ex\. CSV\), inte en Excel-arbetsbok \(\.xlsx\)\. Öppna den i Excel och spara som Excel-arbetsbok/,
    ],
    [
      'a zip that is cut off',
      async () => {
        const f = path.join(dir, 'avklippt.xlsx');
        writeFileSync(f, readFileSync(clean).subarray(0, 4000));
        return f;
      },
      /Excel-arbetsbok/,
    ],
    ['a missing file', async () => path.join(dir, 'finns-inte.xlsx'), /finns inte/],
    [
      'a workbook without Planrapport sheets',
      async () => {
        const f = path.join(dir, 'annat.xlsx');
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet('Blad1').getCell('A1').value = 'x';
        await wb.xlsx.writeFile(f);
        return f;
      },
      /ingen Planrapport-arbetsbok/,
    ],
  ])('%s: exit 2, a Swedish message, no file left behind', async (_what, make, message) => {
    const file = await make();
    const out = path.join(dir, `ej-${path.basename(file)}.docx`);
    const r = planrapport('generate', file, '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr + r.stdout).not.toMatch(STACK_TRACE);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  test('--out is required and must be a .docx', () => {
    expect(planrapport('generate', clean).stderr).toMatch(/--out/);
    expect(planrapport('generate', clean, '--out', path.join(dir, 'x.pdf')).status).toBe(2);
  });
});
