/**
 * The decision document's frame: page 1 with the sender, Bilaga, Dnr, date and "Sid 1 (N)" in
 * its header and the address block in its footer, later pages with "Sid x (N)"; nothing printed
 * for a Dokument field left empty; a logo with its alternative text.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { buildReport, frameOf } from '../../../src/core/report/build';
import { packReport } from '../../../src/core/report/docx/document';
import { estimateTocPages } from '../../../src/core/report/pages/pager';
import { firstPageFrameIntrusion } from '../../../src/core/report/metrics';
import { goal, plan, text } from './plans';

const FULL = {
  organisation: 'Hägersten-Liljeholmens stadsdelsnämnd',
  administration: 'Hägersten-Liljeholmens stadsdelsförvaltning',
  sender: 'Hägersten-Liljeholmens stadsdelsförvaltning\nAdministrativa avdelningen\nKansliet',
  dnr: 'HÄL 2019/1234',
  attachment: '1',
  date: '2019-09-26',
  postalAddress: 'Box 44, 125 21 Älvsjö',
  switchboard: '08-508 22 000',
  email: 'hagersten-liljeholmen@stockholm.se',
  web: 'stockholm.se',
};

describe('the frame from the Dokument fields', () => {
  test('every field filled: sender lines, marks and the address block', () => {
    expect(frameOf(FULL)).toEqual({
      sender: ['Hägersten-Liljeholmens stadsdelsförvaltning', 'Administrativa avdelningen', 'Kansliet'],
      marks: ['Bilaga 1', 'Dnr HÄL 2019/1234', '2019-09-26'],
      address: [
        'Hägersten-Liljeholmens stadsdelsförvaltning · Postadress Box 44, 125 21 Älvsjö',
        'Telefon 08-508 22 000 · E-post hagersten-liljeholmen@stockholm.se · stockholm.se',
      ],
    });
  });

  test('nothing filled: nothing printed but the page number', () => {
    expect(frameOf({})).toEqual({ sender: [], marks: [], address: [] });
  });

  test('the sender falls back to Förvaltning; prefixes typed by the user are not doubled', () => {
    expect(frameOf({ administration: 'Skärholmens stadsdelsförvaltning', dnr: 'Dnr SKH 2020/7', attachment: 'Bilaga 3' })).toEqual({
      sender: ['Skärholmens stadsdelsförvaltning'],
      marks: ['Bilaga 3', 'Dnr SKH 2020/7'],
      address: [],
    });
  });

  test('only a web address: the block is that line', () => {
    expect(frameOf({ web: 'stockholm.se' }).address).toEqual(['stockholm.se']);
  });
});

async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files).filter((n) => /^word\/(header|footer|document)\d*\.xml$/.test(n)))
    out[name] = await zip.file(name)!.async('string');
  return out;
}

const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

function report(info: Record<string, unknown>) {
  return buildReport(plan('tertialrapport', { info, texts: [text('Sammanfattande analys', 'Allt gick bra.')], goals: [goal('IM1', '1. En stad för alla')] }));
}

describe('the frame in Word', () => {
  test('page 1: sender left, Bilaga, Dnr, date and Sid 1 (N) right, the address block in the footer; later pages: Sid x (N)', async () => {
    const xml = await parts(await packReport(report(FULL)));
    const doc = xml['word/document.xml']!;
    expect(doc).toContain('<w:titlePg/>');
    const headers = Object.entries(xml).filter(([n]) => n.includes('header'));
    const footers = Object.entries(xml).filter(([n]) => n.includes('footer'));
    const first = headers.map(([, x]) => textOf(x)).find((t) => t.includes('Dnr'))!;
    expect(first).toContain('Hägersten-Liljeholmens stadsdelsförvaltning');
    expect(first).toContain('Administrativa avdelningen');
    expect(first).toContain('Bilaga 1');
    expect(first).toContain('Dnr HÄL 2019/1234');
    expect(first).toContain('2019-09-26');
    // the page number fields: "Sid " PAGE " (" NUMPAGES ")"
    const firstXml = headers.find(([, x]) => textOf(x).includes('Dnr'))![1];
    expect(firstXml).toMatch(/Sid <\/w:t>.*PAGE.*\(<\/w:t>.*NUMPAGES.*\)<\/w:t>/s);
    expect(firstXml).not.toContain('<w:tbl>'); // no layout table: a right tab stop
    expect(firstXml).toContain('w:val="right"');
    const later = headers.map(([, x]) => x).find((x) => !textOf(x).includes('Dnr'))!;
    expect(textOf(later)).toContain('Tertialrapport 2 för 2025');
    expect(later).toMatch(/Sid <\/w:t>.*PAGE.*NUMPAGES/s);
    const footerTexts = footers.map(([, x]) => textOf(x));
    expect(footerTexts.some((t) => t.includes('Postadress Box 44, 125 21 Älvsjö') && t.includes('stockholm.se'))).toBe(true);
    expect(footerTexts.filter((t) => t.includes('Postadress'))).toHaveLength(1); // page 1 only
    expect(Object.values(xml).join('')).not.toContain('Sida ');
  });

  test('no frame fields: page 1 still says Sid 1 (N), no address block, no empty labels', async () => {
    const xml = await parts(await packReport(report({ organisation: 'Testnämnden' })));
    const all = Object.entries(xml)
      .filter(([n]) => !n.includes('document'))
      .map(([, x]) => textOf(x))
      .join('|');
    expect(all).toContain('Sid ');
    for (const label of ['Dnr', 'Bilaga', 'Postadress', 'Telefon', 'E-post']) expect(all).not.toContain(label);
  });

  test('a logo with its alternative text in the page-1 header', async () => {
    const png = fs.readFileSync(path.join(__dirname, '../../../assets/icon-80.png'));
    const bytes = await packReport(report(FULL), { logo: { data: new Uint8Array(png), type: 'png', width: 80, height: 80, alt: 'Stockholms stad' } });
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).some((n) => n.startsWith('word/media/'))).toBe(true);
    const xml = await parts(bytes);
    const first = Object.values(xml).find((x) => x.includes('Dnr'))!;
    expect(first).toMatch(/<wp:docPr [^>]*descr="Stockholms stad"/);
  });
});

describe('the page estimate knows a tall page-1 frame', () => {
  test('three header lines and two footer lines fit in the margins', () => {
    expect(firstPageFrameIntrusion({ headerLines: 3, footerLines: 2, logo: false })).toBe(0);
  });

  test('a logo and four lines push page 1 down, and the estimate follows', () => {
    expect(firstPageFrameIntrusion({ headerLines: 4, footerLines: 2, logo: true })).toBeGreaterThan(500);
    const model = report(FULL);
    expect(estimateTocPages(model, 3, { logo: true })).toEqual(estimateTocPages(model, 3)); // a short report stays on its pages
  });
});
