/**
 * The table of contents' page numbers: our fast estimate against docx's layout engine,
 * which lays pages out as Word does (seconds per report). On the demo reports every entry
 * is within one page, and nearly all are exact.
 */
import { buildExampleWorkbook } from '../../src/demo/buildWorkbook';
import { EXAMPLES, loadTranscription } from '../../src/demo/examples';
import { buildReport } from '../../src/core/report/build';
import { packReport } from '../../src/core/report/docx/document';
import { readWorkbook } from '../../src/usecases/readWorkbook';
import { readDocx } from '../helpers/docx';
import { longWord } from '../helpers/longWords';
import { CLEAN_T2, buildFixture } from '../helpers/fixtures';

async function tocPages(bytes: Uint8Array): Promise<{ title: string; page: number }[]> {
  const doc = await readDocx(bytes);
  return doc.blocks
    .filter((b) => b.kind === 'p' && /^TOC\d$/.test(b.style))
    .map((b) => {
      const text = (b as { text: string }).text;
      const tab = text.lastIndexOf('\t');
      return { title: text.slice(0, tab), page: Number(text.slice(tab + 1)) };
    });
}

describe('table of contents page numbers', () => {
  let exact = 0;
  let total = 0;

  test.each(EXAMPLES.map((e) => [e.slug, e.file] as const))('%s: estimate vs Word-like layout', async (_slug, file) => {
    const { plan } = await readWorkbook(await buildExampleWorkbook(loadTranscription(file)));
    const model = buildReport(plan);
    const estimated = await tocPages(await packReport(model, { pageNumbers: 'estimate' }));
    const laidOut = await tocPages(await packReport(model, { pageNumbers: 'layout' }));
    expect(estimated.map((e) => e.title)).toEqual(laidOut.map((e) => e.title));
    estimated.forEach((e, i) => {
      const diff = Math.abs(e.page - laidOut[i]!.page);
      expect([e.title, diff <= 1]).toEqual([e.title, true]);
      if (diff === 0) exact++;
      total++;
    });
  });

  afterAll(() => {
    expect(total).toBeGreaterThan(60);
    expect(exact / total).toBeGreaterThanOrEqual(0.95);
  });
});

describe('table of contents page numbers with words wider than a line', () => {
  test('the estimate breaks them where Word does: as the layout engine, on the demo tertialrapport with 3 000-character words', async () => {
    const t = loadTranscription('001-plan.json');
    const sheets = t.sheets as Record<string, Record<string, unknown>[]>;
    sheets.Texter![3]!.Text = `Inledning ${longWord(3000, 1)} slut.`;
    sheets.Mål![2]!.Mål = `Invånarna ${longWord(3000, 2)}`;
    sheets.Mål![3]!.Analys = longWord(3000, 3);
    sheets.Indikatorer![0]!.Analys = `Analys ${longWord(3000, 4)}`;
    sheets.Indikatorer![1]!.Indikator = `Andel ${longWord(3000, 5)}`;
    const model = buildReport((await readWorkbook(await buildExampleWorkbook(t))).plan);
    const estimated = await tocPages(await packReport(model, { pageNumbers: 'estimate' }));
    const laidOut = await tocPages(await packReport(model, { pageNumbers: 'layout' }));
    expect(estimated.map((e) => e.title)).toEqual(laidOut.map((e) => e.title));
    const off = estimated.map((e, i) => e.page - laidOut[i]!.page);
    expect(off.every((d) => Math.abs(d) <= 1)).toBe(true);
    expect(off.filter((d) => d === 0).length / off.length).toBeGreaterThanOrEqual(0.95);
  }, 120_000);

  test('a table row taller than a page (a word pasted into a narrow column) takes the pages it needs', async () => {
    const data = structuredClone(CLEAN_T2);
    data.Indikatorer![0]!.Indikator = `Andel ${longWord(5000, 6)}`;
    const model = buildReport((await readWorkbook(await buildFixture(data))).plan);
    const estimated = await tocPages(await packReport(model, { pageNumbers: 'estimate' }));
    const laidOut = await tocPages(await packReport(model, { pageNumbers: 'layout' }));
    expect(laidOut.at(-1)!.page).toBeGreaterThan(6);
    expect(estimated.map((e) => e.page)).toEqual(laidOut.map((e) => e.page));
  }, 120_000);
});
