/**
 * The renderer and the page estimator on a small in-memory plan that has every kind of block:
 * what Word gets (document.xml) and which page each heading is estimated on. Fast: no
 * workbook, no LibreOffice, no layout engine.
 */
import JSZip from 'jszip';
import { buildReport } from '../../../src/core/report/build';
import { packReport, renderReport } from '../../../src/core/report/docx/document';
import { estimateTocPages, headingText, tocSections } from '../../../src/core/report/pages/pager';
import { formatValue } from '../../../src/core/values/swedish';
import { activity, budgetRow, goal, indicator, num, plan, planBudgetRow, table, text } from './plans';

function tertialrapport() {
  return plan('tertialrapport', {
    info: { organisation: 'Testnämnden', handler: 'Anna Andersson', phone: '08-508 000 00', to: 'Testnämnden', date: '2025-09-26' },
    texts: [
      text('Förslag till beslut', '1. Nämnden godkänner tertialrapporten.\n2. Paragrafen justeras omedelbart.'),
      text('Sammanfattning', 'Nämnden bedöms nå sina mål.\n- en punkt\n- en till'),
      text('Sammanfattande analys', '<p>Analys</p><p>Verksamheten har <b>bedrivits</b> enligt plan.</p>'),
      text('Verksamhetsområde', 'Text om verksamheten.', 'Sammanfattande analys'),
    ],
    goals: [
      goal('IM1', '1. En stad för alla', { level: 'KF:s inriktningsmål' }),
      goal('KF1', '1.1 Människor är självförsörjande', {
        level: 'KF:s mål för verksamhetsområdet',
        parentId: 'IM1',
        assessment: 'Uppfylls delvis',
        texts: { analysis: 'Målet nås delvis.' },
      }),
      goal('N1', 'Invånarna är självförsörjande', {
        level: 'Nämndmål',
        parentId: 'KF1',
        assessment: 'Uppfylls inte',
        texts: { analysis: 'Arbetet är försenat.' },
      }),
    ],
    indicators: [
      indicator('N1', 'Andel i arbete', {
        unit: '%',
        outcome: num(0.5),
        outcomeMen: num(0.4),
        outcomeWomen: num(0.6),
        forecast: num(0.6),
        annualTarget: num(0.7),
        period: 'Tertial 2 2025',
        analysis: 'Lägre än målet.',
      }),
      indicator('N1', 'Antal aspiranter', { unit: 'st', outcome: num(17), forecast: num(25), annualTarget: num(25), period: 'Tertial 2 2025' }),
    ],
    activities: [activity('N1', 'Utbildning för chefer', { start: '2025-01-01', end: '2025-12-31', status: 'Pågående', analysis: 'Enligt plan.' })],
    budget: [
      budgetRow('Förskola', { outcome: 100, budget: 300, forecast: 295, deviation: 5, performanceChange: 0, deviationAfter: 5 }, { analysis: 'Överskott.' }),
      budgetRow('Summa SDN', { outcome: 100, budget: 300, forecast: 295, deviation: 5, performanceChange: 0, deviationAfter: 5 }, { rowType: 'Summa' }),
    ],
    tables: [
      table(
        'Resultatenheter',
        'Verksamhetsområde',
        ['Enhet', 'Netto'],
        [
          ['Förskola', 1.5],
          ['Summa', 1.5],
        ],
        [1],
      ),
    ],
  });
}

async function documentXml(bytes: Uint8Array): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
}

describe('the renderer and the page estimator on every kind of block', () => {
  test('document.xml holds the headings, tables, figures and texts, in order', async () => {
    const model = buildReport(tertialrapport());
    const xml = await documentXml(await packReport(model));
    // figures as formatted: a number and its unit are held together by a no-break space
    const figure = (text: string) => text;
    const inOrder = [
      'Förslag till beslut',
      'Sammanfattning',
      'Innehållsförteckning',
      '1. En stad för alla',
      'Andel i arbete',
      figure(formatValue(num(0.5), '%')),
      'Utbildning för chefer',
      'Förskola',
      'Resultatenheter',
    ];
    let at = 0;
    for (const text of inOrder) {
      const i = xml.indexOf(text, at);
      expect([text, i >= 0]).toEqual([text, true]);
      at = i;
    }
    // structure: Word tables, heading styles, a table of contents of page references
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(4);
    expect(xml).toMatch(/w:pStyle w:val="Heading1"/);
    expect(xml).toMatch(/PAGEREF _Toc0001 \\h/);
    // markup turned into formatting, never into raw tags
    expect(xml).not.toContain('<p>');
    expect(xml).toMatch(/<w:b\/>[\s\S]*bedrivits/);
  });

  test('every block kind is rendered (the visitor covers them all)', () => {
    const model = buildReport(tertialrapport());
    const kinds = new Set<string>();
    const walk = (s: (typeof model.body)[number]) => {
      s.blocks.forEach((b) => kinds.add(b.kind));
      s.children.forEach(walk);
    };
    model.body.forEach(walk);
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['activityTable', 'budgetTable', 'indicatorTable', 'richText']));
    expect(() => renderReport(model)).not.toThrow();
  });

  test('the contents: an entry per heading, a link with a page reference to its bookmark whose result is the estimate, written clean, no TOC field', async () => {
    const model = buildReport(tertialrapport());
    const xml = await documentXml(await packReport(model));
    const sdt = /<w:sdt>.*?<\/w:sdt>/s.exec(xml)![0];
    expect(sdt).toContain('<w:alias w:val="Innehållsförteckning"/>');
    expect(sdt).toContain('<w:docPartGallery w:val="Table of Contents"/>');
    // LibreOffice keeps a TOC field's entries as static text: no TOC field, so it works the page references out
    expect(sdt).not.toMatch(/<w:instrText[^>]*>\s*TOC\b/);
    // clean: Word shows the results as they are and does not ask to update the fields
    expect(sdt).not.toContain('w:dirty');
    const entries = estimateTocPages(model, 3);
    const refs = [
      ...sdt.matchAll(
        /<w:hyperlink[^>]*w:anchor="(_Toc\d+)">.*?PAGEREF (_Toc\d+) \\h <\/w:instrText>.*?fldCharType="separate"\/><\/w:r><w:r><w:t[^>]*>(\d+)<\/w:t>/gs,
      ),
    ];
    expect(refs.map((r) => r[1])).toEqual(refs.map((r) => r[2]));
    expect(refs.map((r) => Number(r[3]))).toEqual(entries.map((e) => e.page));
    // each bookmark is on its heading
    for (const [, id] of refs) expect(xml).toMatch(new RegExp(`<w:bookmarkStart w:name="${id}"[^>]*/>(<w:r>.*?</w:r>)+<w:bookmarkEnd`));
  });

  test('Bilagor stays with the contents: its heading, the list and the last entries kept together', async () => {
    const built = buildReport(tertialrapport());
    const attachments = ['Bilaga 1. Blanketter', 'Bilaga 2. Bokslut', 'Bilaga 3. Uppföljning'].map((t) => ({
      kind: 'paragraph' as const,
      runs: [{ text: t }],
    }));
    const xml = await documentXml(await packReport({ ...built, attachments }));
    const paragraphs = xml.match(/<w:p>.*?<\/w:p>/gs)!;
    const keepNext = (p: string) => p.includes('<w:keepNext/>');
    const entries = paragraphs.filter((p) => /w:pStyle w:val="TOC\d"/.test(p));
    expect(entries.map(keepNext)).toEqual(entries.map((_, i) => i >= entries.length - 3));
    const bilagor = paragraphs.findIndex((p) => p.includes('>Bilagor<'));
    expect(paragraphs.slice(bilagor + 1, bilagor + 4).map(keepNext)).toEqual([true, true, false]);
  });

  test('the estimate gives every contents entry a page, in order, starting after the contents', () => {
    const model = buildReport(tertialrapport());
    const entries = estimateTocPages(model, 3);
    expect(entries.length).toBe(tocSections(model, 3).length);
    expect(entries.map((e) => e.title)).toEqual(tocSections(model, 3).map(headingText));
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.page).toBeGreaterThanOrEqual(entries[i - 1]!.page);
    expect(entries[0]!.page).toBeGreaterThanOrEqual(2);
  });

  test('a verksamhetsplan with its budget by kostnadsslag', async () => {
    const p = plan('verksamhetsplan', {
      info: { organisation: 'Enheten', unitHead: 'Chef' },
      texts: [text('Inledning', 'Om enheten.')],
      planBudget: [
        planBudgetRow('Intäkter', 'Rubrik'),
        planBudgetRow('Taxor och avgifter', 'Intäkt', 33700),
        planBudgetRow('Summa intäkter', 'Summa intäkter', 33700),
      ],
    });
    const xml = await documentXml(await packReport(buildReport(p)));
    expect(xml).toContain('Beloppen anges i tkr');
    expect(xml).toContain('33\u00a0700');
  });
});
