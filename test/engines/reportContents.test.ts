/**
 * The demo reports as LibreOffice lays them out (its PDF, read page by page with pdftotext):
 * every contents entry's page number is the page its heading lands on, without anyone
 * updating a field, and no page stands nearly empty before a page break.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { planrapport } from '../helpers/cli';
import { describeWithEngine } from '../helpers/engines';
import { readDocx } from '../helpers/docx';
import { convert } from '../helpers/libreoffice';
import { bodyLines, contentsEntries, headingPages, pageTexts } from '../helpers/pdfText';

const DEMOS = ['tertialrapport-2-2019-hagersten-liljeholmen', 'verksamhetsplan-2025-grupp-och-servicebostader', 'verksamhetsberattelse-2020-personligt-stod'];

/**
 * A page that is not the document's last and holds fewer lines of text than this (a full page
 * holds about 45, running header and page number not counted) is nearly empty. The last page
 * of the contents, with its last entries and the Bilagor, holds at least 3 + 1 + the Bilagor,
 * as the tertialrapport's original's does.
 */
const NEAR_EMPTY = 10;

describeWithEngine('the demo reports in LibreOffice', 'soffice', () => {
  describeWithEngine('their pages', 'pdftotext', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'planrapport-lo-contents-'));
    const pages = new Map<string, string[][]>();

    beforeAll(() => {
      expect(planrapport('demo', '--out', dir).status).toBe(0);
      for (const slug of DEMOS) pages.set(slug, bodyLines(pageTexts(convert(path.join(dir, `${slug}.docx`), 'pdf', path.join(dir, 'pdf')).output)));
    }, 600_000);

    test.each(DEMOS)("%s: every contents entry's page number is the page its heading lands on", async (slug) => {
      const lines = pages.get(slug)!;
      const { entries, lastPage } = contentsEntries(lines);
      // every entry of the document's contents is read from the PDF
      const written = (await readDocx(readFileSync(path.join(dir, `${slug}.docx`)))).blocks.filter((b) => b.kind === 'p' && /^TOC\d$/.test(b.style));
      expect(entries.length).toBe(written.length);
      const found = headingPages(
        lines,
        entries.map((e) => e.title),
        lastPage + 1,
      );
      const wrong = entries.flatMap((e, i) => (found[i] === e.page ? [] : [`${e.title}: ${e.page} i innehållsförteckningen, rubriken på sidan ${found[i]}`]));
      expect(wrong).toEqual([]);
    });

    test.each(DEMOS)('%s: no page but the title page and the last is nearly empty', (slug) => {
      const lines = pages.get(slug)!;
      // page 1 is the decision document's first page (the title, or the proposal and summary): the
      // contents start page 2 in every reference document
      const nearlyEmpty = lines.flatMap((ls, i) => (i > 0 && i < lines.length - 1 && ls.length < NEAR_EMPTY ? [`sidan ${i + 1}: ${ls.join(' | ')}`] : []));
      expect(nearlyEmpty).toEqual([]);
    });
  });
});
