/**
 * A report with 60 000-character words in LibreOffice: the .docx (page numbers from docx's
 * layout engine, which gets the words pre-broken) converts to PDF, and the PDF shows every
 * character of each word, in order, across its lines and pages.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateReport } from '../../src/usecases/generate';
import { describeWithEngine, requireEngine } from '../helpers/engines';
import { CLEAN_T2, buildFixture } from '../helpers/fixtures';
import { convert } from '../helpers/libreoffice';
import { longWord } from '../helpers/longWords';

/**
 * How much of `word` the text shows, in order, from where it starts (the longest, where it is
 * shown more than once, as a heading is in the contents): its lines are read one after the
 * other; a line goes on with the word when it shows at least 10 more of its characters (or all
 * that are left), and lines in between (page headers and footers, repeated table headers) are
 * passed over.
 */
function shownOf(word: string, lines: string[]): number {
  const text = lines.map((l) => l.replace(/\s+/g, ''));
  let best = 0;
  text.forEach((first, start) => {
    const from = first.indexOf(word.slice(0, 20));
    if (from < 0) return;
    let at = 0;
    for (let i = start; i < text.length && at < word.length; i++) {
      const line = i === start ? first.slice(from) : text[i]!;
      let n = 0;
      while (n < line.length && at + n < word.length && line[n] === word[at + n]) n++;
      if (n >= Math.min(10, word.length - at)) at += n;
    }
    best = Math.max(best, at);
  });
  return best;
}

describeWithEngine('LibreOffice: a report with 60 000-character words', 'soffice', () => {
  test('converts to PDF and shows every character of the words', async () => {
    const w = (seed: number) => longWord(60_000, seed);
    const data = structuredClone(CLEAN_T2);
    const words = [w(1), w(2), w(3), w(4)];
    data.Texter![3]!.Text = `Verksamheten ${words[0]} har bedrivits.`;
    data.Mål![2]!.Mål = `Invånarna ${words[1]}`;
    data.Mål![1]!.Analys = `Målet ${words[2]} nås.`;
    data.Indikatorer![0]!.Analys = `Analys ${words[3]}`;
    const { bytes } = await generateReport(await buildFixture(data), { pageNumbers: 'layout' });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'planrapport-long-words-'));
    try {
      const docx = path.join(dir, 'rapport.docx');
      writeFileSync(docx, bytes);
      const { output } = convert(docx, 'pdf', dir);
      const pdftotext = requireEngine('pdftotext', 'Texten i PDF:en');
      if (!pdftotext) return;
      const r = spawnSync(pdftotext, [output, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      expect(r.status).toBe(0);
      const lines = r.stdout.split('\n');
      for (const word of words) expect(shownOf(word, lines)).toBe(word.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
