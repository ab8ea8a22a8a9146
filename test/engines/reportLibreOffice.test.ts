/**
 * The reports in LibreOffice: every demo report converts to PDF; text with markup, XML
 * look-alikes, ampersands, quotes and control characters in every text column still gives a
 * valid .docx that LibreOffice opens and that shows the text.
 */
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { planrapport } from '../helpers/cli';
import { describeWithEngine } from '../helpers/engines';
import { CLEAN_T2, fixtureBuffer, loadWorkbook } from '../helpers/fixtures';
import { readDocx } from '../helpers/docx';
import { convert } from '../helpers/libreoffice';
import { hasInvalidCharacters } from '../../src/core/values/text';

const NASTY = `<script>alert("x")</script> <w:p> Ett & två "citat" 'enkla' <span>x</span> KTRL`;
const CONTROL = 'KTRL';

/** Every text cell of the workbook (not numbers, dates, lists or ids) gets the nasty text. */
const TEXT_COLUMNS: Record<string, string[]> = {
  Texter: ['Text'],
  Mål: ['Mål', 'Beskrivning', 'Förväntat resultat', 'Analys', 'Arbetssätt', 'Resursanvändning', 'Uppföljning', 'Utveckling'],
  Indikatorer: ['Indikator', 'Analys', 'KF:s årsmål'],
  Aktiviteter: ['Aktivitet', 'Avvikelse', 'Analys'],
  Driftbudget: ['Verksamhet', 'Analys'],
};

async function nastyWorkbook(file: string) {
  const wb = await loadWorkbook(await fixtureBuffer(CLEAN_T2));
  for (const [sheet, headers] of Object.entries(TEXT_COLUMNS)) {
    const ws = wb.getWorksheet(sheet)!;
    const cols = new Map<string, number>();
    ws.getRow(1).eachCell((c, i) => cols.set(String(c.value), i));
    for (let r = 2; r <= ws.actualRowCount; r++) {
      if (!ws.getRow(r).hasValues) continue;
      for (const h of headers) ws.getCell(r, cols.get(h)!).value = `${h} ${r}: ${NASTY}`;
    }
  }
  const doc = wb.getWorksheet('Dokument')!;
  doc.getCell('B5').value = `Nämnden ${NASTY}`; // Organisation
  doc.getCell('B6').value = `Handläggare ${NASTY}`;
  // Excel writes control characters as _xHHHH_; exceljs would drop them, so they are put in the XML
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
    const xml = await zip.file(name)!.async('string');
    if (xml.includes(CONTROL)) zip.file(name, xml.split(CONTROL).join('_x0007__x001B__x0000_'));
  }
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
}

describeWithEngine('reports in LibreOffice', 'soffice', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'planrapport-lo-report-'));

  test('every demo report converts to PDF', () => {
    const r = planrapport('demo', '--out', dir);
    expect(r.status).toBe(0);
    for (const slug of [
      'tertialrapport-2-2019-hagersten-liljeholmen',
      'verksamhetsplan-2025-grupp-och-servicebostader',
      'verksamhetsberattelse-2020-personligt-stod',
    ]) {
      const pdf = convert(path.join(dir, `${slug}.docx`), 'pdf', path.join(dir, 'pdf')).output;
      const head = readFileSync(pdf).subarray(0, 5).toString();
      expect([slug, head]).toEqual([slug, '%PDF-']);
      expect(readFileSync(pdf).length).toBeGreaterThan(20_000);
    }
  });

  test('markup, "&", quotes and control characters in every text column: valid .docx, shown as text', async () => {
    const xlsx = path.join(dir, 'elak.xlsx');
    await nastyWorkbook(xlsx);
    const docxFile = path.join(dir, 'elak.docx');
    const r = planrapport('generate', xlsx, '--out', docxFile);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = await readDocx(readFileSync(docxFile));
    expect(doc.xmlErrors).toEqual([]);
    expect(hasInvalidCharacters(doc.xml)).toBe(false);
    // LibreOffice opens it and shows the text as text
    const txt = convert(docxFile, 'txt:Text (encoded):UTF8', path.join(dir, 'txt'), 'txt').output;
    const text = readFileSync(txt, 'utf8');
    for (const probe of ['<script>alert("x")</script>', '<w:p>', 'Ett & två', '"citat"', "'enkla'", '<span>x</span>']) expect(text).toContain(probe);
    expect(text).toContain('Indikator 2: <script>');
    expect(text).toContain('Verksamhet 2: <script>');
    expect(text).not.toContain('KTRL');
    // and to PDF
    expect(existsSync(convert(docxFile, 'pdf', path.join(dir, 'pdf')).output)).toBe(true);
  });
});
