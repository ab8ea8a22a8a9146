/**
 * `planrapport template` through the real command (bin → lib), checked against the
 * contract's sheet names and headers (written out here, independent of the layout code).
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeWithEngine } from '../helpers/engines';
import { convert } from '../helpers/libreoffice';
import { planrapport, STACK_TRACE } from '../helpers/cli';
import { CONTRACT_HEADERS } from '../helpers/contract';

const CONTRACT: Record<string, readonly string[]> = CONTRACT_HEADERS;
const FIELDS = ['Dokumenttyp', 'År', 'Tertial', 'Organisation', 'Handläggare', 'Telefon', 'Till', 'Datum'];

function tmp(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'planrapport-cli-'));
}

describe('planrapport template', () => {
  const dir = tmp();
  const file = path.join(dir, 't.xlsx');

  test('creates a workbook whose sheets and headers match the contract', async () => {
    const r = planrapport('template', file, '--kind', 'tertialrapport', '--year', '2019', '--tertial', '2', '--org', 'X');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    for (const [sheet, headers] of Object.entries(CONTRACT)) {
      const ws = wb.getWorksheet(sheet);
      expect(ws).toBeDefined();
      const row: string[] = [];
      ws!.getRow(1).eachCell((c) => row.push(String(c.value)));
      expect(row.slice(0, headers.length)).toEqual(headers);
    }
    const doc = wb.getWorksheet('Dokument')!;
    const fields = new Map<string, unknown>();
    doc.eachRow((row, r) => r > 1 && fields.set(String(row.getCell(1).value), row.getCell(2).value));
    for (const f of FIELDS) expect(fields.has(f)).toBe(true);
    expect(fields.get('Dokumenttyp')).toBe('Tertialrapport');
    expect(fields.get('År')).toBe(2019);
    expect(fields.get('Tertial')).toBe(2);
    expect(fields.get('Organisation')).toBe('X');
  });

  test('running it again keeps the file valid and says what it kept', () => {
    const r = planrapport('template', file, '--kind', 'verksamhetsplan', '--year', '2020');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Dokumenttyp är redan "Tertialrapport" och behölls');
  });

  describeWithEngine('LibreOffice opens it', 'soffice', () => {
    test('converts to PDF', () => {
      const out = convert(file, 'pdf', path.join(dir, 'pdf'));
      expect(readFileSync(out.output).subarray(0, 5).toString()).toBe('%PDF-');
    });
  });

  test.each([
    [['template'], /Ange en \(1\) arbetsbok/],
    [['template', path.join(dir, 'ny.xlsx')], /ange --kind och --year/],
    [['template', path.join(dir, 'ny.xlsx'), '--kind', 'budget', '--year', '2020'], /Okänd dokumenttyp "budget"/],
    [['template', path.join(dir, 'ny.xlsx'), '--kind', 'tertialrapport', '--year', '2020'], /--tertial 1 eller 2/],
    [['template', path.join(dir, 'ny.xlsx'), '--kind', 'tertialrapport', '--year', '20x0', '--tertial', '1'], /inget årtal/],
    [['template', path.join(dir, 'ny.xlsx'), '--bogus'], /Okänd flagga --bogus/],
    [['nosuch'], /Okänt kommando "nosuch"/],
  ])('bad arguments %j: exit 2 with a Swedish message', (args, message) => {
    const r = planrapport(...(args as string[]));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr + r.stdout).not.toMatch(STACK_TRACE);
    expect(existsSync(path.join(dir, 'ny.xlsx'))).toBe(false);
  });

  test('an unreadable file: exit 2, Swedish message, the file untouched', () => {
    const bad = path.join(dir, 'bad.xlsx');
    writeFileSync(bad, 'inte en arbetsbok');
    const r = planrapport('template', bad);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.xlsx är en textfil \(t\.ex\. CSV\), inte en Excel-arbetsbok \(\.xlsx\)/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(readFileSync(bad, 'utf8')).toBe('inte en arbetsbok');
  });
});
