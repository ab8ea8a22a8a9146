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
