/** `generate --pdf` without LibreOffice: a Swedish message, exit 2, nothing written. (With it: test/engines/reportPdf.test.ts.) */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, STACK_TRACE } from '../helpers/cli';
import { PDF_EXPORT_OPTIONS, pdfPathFor } from '../../src/cli/pdf';

test('LibreOffice missing: says what to install and how to point to it, exit 2, writes nothing', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'planrapport-nopdf-'));
  const out = path.join(dir, 'rapport.docx');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'planrapport.js'), 'generate', path.join(dir, 'plan.xlsx'), '--out', out, '--pdf'], {
    encoding: 'utf8',
    env: { ...process.env, PLANRAPPORT_SOFFICE: path.join(dir, 'inget-soffice') },
  });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('PDF skrivs med LibreOffice, som inte hittades');
  expect(r.stderr).toContain('PLANRAPPORT_SOFFICE');
  expect(r.stderr).not.toMatch(STACK_TRACE);
  expect([existsSync(out), existsSync(pdfPathFor(out))]).toEqual([false, false]);
});

test('the PDF export asks LibreOffice for a tagged PDF/UA with bookmarks', () => {
  expect(PDF_EXPORT_OPTIONS).toMatchObject({
    UseTaggedPDF: { type: 'boolean', value: 'true' },
    PDFUACompliance: { type: 'boolean', value: 'true' },
    ExportBookmarks: { type: 'boolean', value: 'true' },
  });
  expect(pdfPathFor('a/Rapport.DOCX')).toBe('a/Rapport.pdf');
});
