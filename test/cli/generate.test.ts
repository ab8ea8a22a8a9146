/** `planrapport generate` as a user runs it. */
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { planrapport, STACK_TRACE } from '../helpers/cli';
import { CLEAN_T2, CLEAN_VP, buildFixture, loadWorkbook, set } from '../helpers/fixtures';
import { BUDGET_2019 } from '../helpers/records';
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

  test('the 2019 plan\'s budget per verksamhet prints under "Budget 2019" with its four columns and the total row; no heading "Tabeller"', async () => {
    const file = path.join(dir, 'plan-2019.xlsx');
    await (
      await buildFixture({
        ...CLEAN_VP,
        Dokument: { ...CLEAN_VP.Dokument, År: 2019 },
        'Budget kostnadsslag': [],
        'Budget verksamhet': BUDGET_2019,
        Tabeller: [
          { Tabell: 'Investeringar', Avsnitt: 'Investeringar 2019', Tabellrad: 'Rubrik', 'Kolumn 1': 'Mnkr', 'Kolumn 2': 'Budget 2019' },
          { Tabell: 'Investeringar', Avsnitt: 'Investeringar 2019', Tabellrad: 'Rad', 'Kolumn 1': 'Svandamsparken', 'Kolumn 2': 6 },
        ],
      })
    ).save(file);
    const out = path.join(dir, 'plan-2019.docx');
    const r = planrapport('generate', file, '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Validering: 0 fel, 1 varning');
    expect(planrapport('validate', file).stdout).toMatch(/Tabeller!B2: tabellen "Investeringar": Avsnitt "Investeringar 2019" finns inte i dokumentet/);
    const doc = await readDocx(readFileSync(out));
    const at = doc.blocks.findIndex((b) => b.kind === 'p' && /^Heading/.test(b.style) && b.text === 'Budget 2019');
    expect(at).toBeGreaterThan(0);
    const table = doc.blocks[at + 1]!;
    expect(table.kind === 'table' && table.rows.map((row) => [row.header, ...row.cells.map(plain)])).toEqual([
      [true, 'Verksamhet (mnkr)', 'Kostnader', 'Intäkter', 'Netto', 'Ökning (+)/Minskning (-)'],
      [false, 'Nämnd- och förvaltningsadministration', '62,4', '-1,2', '61,2', '1,5'],
      [false, 'Förskola', '612,8', '-52,3', '560,5', '8,9'],
      [false, 'Individ- och familjeomsorg', '210,3', '-20,1', '190,2', '-4,0'],
      [false, 'Äldreomsorg', '640,5', '-75,6', '564,9', '12,3'],
      [false, 'Stöd och service till personer med funktionsnedsättning', '330,2', '-14,8', '315,4', '6,7'],
      [false, 'Kultur- och fritidsverksamhet', '45,1', '-2,2', '42,9', '0,4'],
      [false, 'Summa', '1 901,3', '-166,2', '1 735,1', '25,8'],
    ]);
    // the total row bold as the driftbudget's
    expect(doc.xml).toMatch(/<w:b\/>(?:(?!<\/w:tr>).)*1\u00a0901,3/s);
    // the table naming no section: under the economy's heading, nothing made up
    const texts = doc.blocks.filter((b) => b.kind === 'p').map((b) => (b as { text: string }).text);
    expect(texts.filter((t) => /Tabeller/.test(t))).toEqual([]);
    expect(doc.blocks.some((b) => b.kind === 'table' && b.rows.some((row) => row.cells[0] === 'Svandamsparken'))).toBe(true);
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
