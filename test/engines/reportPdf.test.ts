/**
 * Publishing through LibreOffice: `generate --pdf` writes a tagged PDF (PDF/UA) with the
 * title, the language sv-SE, bookmarks and the structure tree (poppler's pdfinfo); a report
 * LibreOffice saved again as .docx is checked by `audit` without trouble.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { planrapport, STACK_TRACE } from '../helpers/cli';
import { describeWithEngine, requireEngine } from '../helpers/engines';
import { convert } from '../helpers/libreoffice';

const dir = mkdtempSync(path.join(os.tmpdir(), 'planrapport-pdf-'));
const T2 = 'tertialrapport-2-2019-hagersten-liljeholmen';

describeWithEngine('generate --pdf', 'soffice', () => {
  beforeAll(() => {
    expect(planrapport('demo', '--out', dir).status).toBe(0);
  }, 240_000);

  test('the demo tertialrapport: pdfinfo says Tagged: yes, with the title and author; the language is sv-SE; bookmarks and headings in the structure tree', () => {
    const out = path.join(dir, 'rapport.docx');
    const r = planrapport('generate', path.join(dir, `${T2}.xlsx`), '--out', out, '--pdf');
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain(`Skrev ${path.join(dir, 'rapport.pdf')} (taggad PDF`);
    if (!requireEngine('pdfinfo', 'pdfinfo')) return;
    const pdf = path.join(dir, 'rapport.pdf');
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+Tertialrapport 2 för 2019 – Hägersten-Liljeholmens stadsdelsnämnd$/m);
    expect(info).toMatch(/^Author:\s+Lena Larsen$/m);
    const bytes = readFileSync(pdf).toString('latin1');
    expect(bytes).toContain('/Lang(sv-SE)');
    expect(bytes).toContain('/Outlines');
    const meta = spawnSync('pdfinfo', ['-meta', pdf], { encoding: 'utf8' }).stdout;
    expect(meta).toContain('<pdfuaid:part>1</pdfuaid:part>');
    const struct = spawnSync('pdfinfo', ['-struct', pdf], { encoding: 'utf8' }).stdout;
    const tags = new Set([...struct.matchAll(/^\s+([A-Za-z0-9]+)\b/gm)].map((m) => m[1]));
    for (const tag of ['H1', 'H2', 'H3', 'Table', 'TH', 'TD', 'L', 'LI', 'Link']) expect([tag, tags.has(tag)]).toEqual([tag, true]);
  }, 240_000);

  test('a report LibreOffice saved as .docx is checked without trouble', () => {
    const saved = convert(path.join(dir, `${T2}.docx`), 'docx:MS Word 2007 XML', path.join(dir, 'lo')).output;
    const r = planrapport('audit', saved);
    expect([0, 1]).toContain(r.status);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toMatch(STACK_TRACE);
  }, 240_000);
});
